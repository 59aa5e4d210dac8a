/** What the last run of an action came to: said next to its button. */
export type ActionOutcome = { ok: boolean; text: string } | null;

interface Props {
  label: string;
  busyLabel: string;
  busy: boolean;
  onClick: () => void;
  outcome: ActionOutcome;
}

/**
 * A primary action (save a file, send a forum) with its outcome beside it. Both regions stay
 * mounted so a screen reader announces each new outcome, and a failure never leaves an
 * earlier success on screen.
 */
export function ActionWithOutcome({ label, busyLabel, busy, onClick, outcome }: Props) {
  return (
    <div className="form-actions">
      <button type="button" className="button primary" disabled={busy} onClick={onClick}>
        {busy ? busyLabel : label}
      </button>
      <span role="status">{outcome?.ok ? outcome.text : ''}</span>
      <span role="alert" className="form-error">
        {outcome && !outcome.ok ? outcome.text : ''}
      </span>
    </div>
  );
}
