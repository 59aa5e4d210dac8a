import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  children?: ReactNode;
}

/** A labelled input (or textarea) with optional help text tied to it for screen readers. */
export function Field({ label, help, value, onChange, multiline, children, ...rest }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ??
        (multiline ? (
          <textarea
            id={id}
            value={value}
            aria-describedby={help ? helpId : undefined}
            onChange={(e) => onChange(e.target.value)}
            rows={3}
          />
        ) : (
          <input
            id={id}
            value={value}
            aria-describedby={help ? helpId : undefined}
            onChange={(e) => onChange(e.target.value)}
            {...rest}
          />
        ))}
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
