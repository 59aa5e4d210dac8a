interface FormFooterProps {
  problem: string | null;
  cancelLabel: string;
  submitLabel: string;
  onCancel: () => void;
  /** While sending: a second click must not create the record twice. */
  busy?: boolean;
}

/** What a dialog form ends with: why it cannot be sent yet, then Cancel and the action. */
export function FormFooter({ problem, cancelLabel, submitLabel, onCancel, busy }: FormFooterProps) {
  return (
    <>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

interface PageFormActionsProps {
  saveLabel: string;
  /** Shown once the form's last save is on disk. */
  savedLabel: string;
  saved: boolean;
  problem: string | null;
}

/** What a form on a page (not in a dialog) ends with: Save, "Saved" once it is, or why not. */
export function PageFormActions({ saveLabel, savedLabel, saved, problem }: PageFormActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button primary">
        {saveLabel}
      </button>
      {saved && <span role="status">{savedLabel}</span>}
      {problem && (
        <span className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
