import { Field } from '../../app/Field';

interface ReportDateFieldProps {
  label: string;
  help?: string;
  value: string | null;
  onChange: (date: string | null) => void;
}

/**
 * A calendar date (YYYY-MM-DD, or null when empty). One place, so the report's dates move to
 * the app's localized date field in one change when it arrives.
 */
export function ReportDateField({ label, help, value, onChange }: ReportDateFieldProps) {
  return (
    <Field
      label={label}
      help={help}
      type="date"
      value={value ?? ''}
      onChange={(date) => onChange(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null)}
    />
  );
}
