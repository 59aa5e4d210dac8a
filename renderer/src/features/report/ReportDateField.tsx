import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/DateField';

interface ReportDateFieldProps {
  label: string;
  name: string;
  help?: string;
  value: string | null;
  onChange: (date: string | null) => void;
}

/**
 * A calendar date of the report (YYYY-MM-DD, or null when empty), in the UI language's order.
 * A date begun and not finished is said so next to the field; the stored date stays as it
 * was until the new one is whole.
 */
export function ReportDateField({ label, name, help, value, onChange }: ReportDateFieldProps) {
  const { t } = useTranslation();
  const [partial, setPartial] = useState(false);
  return (
    <DateField
      label={label}
      name={name}
      help={help}
      value={value}
      onChange={onChange}
      onPartial={setPartial}
      error={partial ? t('forms.dateIncomplete') : null}
    />
  );
}
