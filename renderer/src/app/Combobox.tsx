import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { FieldMessage, describedBy } from './Field';

interface ComboboxProps<T> {
  label: string;
  name: string;
  help?: string;
  error?: string | null;
  warning?: string | null;
  placeholder?: string;
  /** What the input shows: the chosen option's label, or what is being typed. */
  text: string;
  onTextChange: (text: string) => void;
  /** The options for what is typed, best first. */
  search: (text: string) => readonly T[];
  keyOf: (option: T) => string;
  render: (option: T) => ReactNode;
  onPick: (option: T) => void;
  /** Leaving the field without picking: the form may still recognise what was typed. */
  onLeave?: () => void;
  noMatch: string;
  /** The list's own name ("Suggestions: Time zone"), apart from the field's. */
  listLabel: string;
  /** Under the message: e.g. the fix offered for a value from an older version. */
  extra?: ReactNode;
}

/** At most this many options are drawn: typing narrows a long list faster than scrolling it. */
const SHOWN = 80;

/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 pattern, list autocomplete with the
 * first match active): arrows move, Enter picks, Escape closes the list without closing the
 * dialog around it. Drawn inside the field rather than in a portal, so it works in a modal
 * <dialog> (whose top layer a portal to <body> would sit under).
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const helpId = `${id}-help`;
  const messageId = `${id}-message`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = open ? props.search(props.text).slice(0, SHOWN) : [];
  const activeOption = results[active];
  const optionId = (option: T) => `${id}-o-${props.keyOf(option).replace(/[^\w-]/g, '_')}`;

  useEffect(() => {
    if (!open || !activeOption) return;
    document.getElementById(optionId(activeOption))?.scrollIntoView({ block: 'nearest' });
    // optionId depends only on props.keyOf, stable per option
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeOption]);

  const pick = (option: T) => {
    props.onPick(option);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const last = Math.max(results.length - 1, 0);
      setActive((i) => (event.key === 'ArrowDown' ? Math.min(i + 1, last) : Math.max(i - 1, 0)));
    } else if (event.key === 'Enter' && open && activeOption) {
      event.preventDefault();
      pick(activeOption);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only; the dialog around the form stays open.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div
      className="field combobox"
      data-field={props.name}
      data-invalid={props.error ? 'true' : undefined}
    >
      <label htmlFor={id}>{props.label}</label>
      <div className="combobox-box">
        <input
          id={id}
          name={props.name}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && activeOption ? optionId(activeOption) : undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(
            props.help && helpId,
            (props.error || props.warning) && messageId,
          )}
          autoComplete="off"
          spellCheck={false}
          placeholder={props.placeholder}
          value={props.text}
          onChange={(e) => {
            props.onTextChange(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            props.onLeave?.();
          }}
        />
        {open && results.length > 0 && (
          <ul id={listId} role="listbox" aria-label={props.listLabel} className="combobox-list">
            {results.map((option, index) => (
              <li
                key={props.keyOf(option)}
                id={optionId(option)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                // Keeps focus in the input, so the click picks rather than blurs first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(option)}
              >
                {props.render(option)}
              </li>
            ))}
          </ul>
        )}
        {open && results.length === 0 && (
          <p className="combobox-empty" role="status">
            {props.noMatch}
          </p>
        )}
      </div>
      {props.help && (
        <p className="help" id={helpId}>
          {props.help}
        </p>
      )}
      <FieldMessage id={messageId} error={props.error} warning={props.warning} />
      {props.extra}
    </div>
  );
}
