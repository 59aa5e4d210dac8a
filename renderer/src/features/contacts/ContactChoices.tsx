import type { Dispatch, ReactNode, SetStateAction } from 'react';

interface Props {
  legend: string;
  help: string;
  contacts: readonly { id: string; name: string; sensitive: boolean }[];
  /** The ids ticked: nothing is ticked until the user ticks it. */
  chosen: readonly string[];
  setChosen: Dispatch<SetStateAction<string[]>>;
  /** Shown after a sensitive contact's name, where the list mixes both kinds. */
  sensitiveBadge?: ReactNode;
}

/**
 * Contacts the user ticks one by one to put into a file (a vCard export, a report's contact
 * list). Nothing is in until ticked, so a sensitive contact never leaves by default.
 */
export function ContactChoices({
  legend,
  help,
  contacts,
  chosen,
  setChosen,
  sensitiveBadge,
}: Props) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <p className="help">{help}</p>
      {contacts.map((c) => (
        <label key={c.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(c.id)}
            onChange={(e) =>
              setChosen((ids) =>
                e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id),
              )
            }
          />
          {c.name}
          {c.sensitive && sensitiveBadge}
        </label>
      ))}
    </fieldset>
  );
}
