import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'name'> {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  children?: ReactNode;
  /** The form's name for the field: host errors are matched to it, and focus goes to it. */
  name?: string;
  /** What is wrong, in the UI language: shown under the field, the field marked invalid. */
  error?: string | null;
  /** A doubt that does not stop saving (an odd e-mail address, a date outside the forum). */
  warning?: string | null;
}

/**
 * Where a field's message goes: right under it, tied to it for screen readers, so the
 * message is where the user is looking and leaves when the field is put right.
 */
export function FieldMessage({
  id,
  error,
  warning,
}: {
  id: string;
  error?: string | null;
  warning?: string | null;
}) {
  if (error)
    return (
      <p className="field-message error" id={id}>
        {error}
      </p>
    );
  if (warning)
    return (
      <p className="field-message warning" id={id}>
        {warning}
      </p>
    );
  return null;
}

/** The ids a control's aria-describedby lists: its help, then its message. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** A labelled input (or textarea) with help text and its own message, tied to it for screen readers. */
export function Field({
  label,
  help,
  value,
  onChange,
  multiline,
  children,
  name,
  error,
  warning,
  ...rest
}: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const messageId = `${id}-message`;
  const described = describedBy(help && helpId, (error || warning) && messageId);
  return (
    <div className="field" data-field={name} data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children ??
        (multiline ? (
          <textarea
            id={id}
            name={name}
            value={value}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
            rows={3}
          />
        ) : (
          <input
            id={id}
            name={name}
            value={value}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
            {...rest}
          />
        ))}
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      <FieldMessage id={messageId} error={error} warning={warning} />
    </div>
  );
}
