import { parseDate, parseTime } from '@internationalized/date';
import type { CalendarDate, Time } from '@internationalized/date';
import { useId, useRef } from 'react';
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  I18nProvider,
  Label,
  TimeField as AriaTimeField,
} from 'react-aria-components';
import { intlLocale } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';
import { FieldMessage, describedBy } from './Field';

/** "2017-09-14" as the field's value; anything else (a partial or odd date) as empty. */
export function toCalendarDate(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/** "10:00" (or "10:00:00") as the field's value. */
export function toTime(hhmm: string | null | undefined): Time | null {
  if (!hhmm) return null;
  try {
    return parseTime(hhmm);
  } catch {
    return null;
  }
}

/** "10:00" from the field's value: what the store keeps. */
export function fromTime(time: Time | null): string | null {
  return time ? time.toString().slice(0, 5) : null;
}

/** Some segments filled, others not: a date begun and not finished, which must not read as none. */
export function isPartlyFilled(group: HTMLElement | null): boolean {
  if (!group) return false;
  const segments = [...group.querySelectorAll<HTMLElement>('[data-type]')].filter(
    (s) => s.dataset.type !== 'literal',
  );
  const empty = segments.filter((s) => s.hasAttribute('data-placeholder')).length;
  return empty > 0 && empty < segments.length;
}

interface CommonProps {
  label: string;
  name: string;
  help?: string;
  error?: string | null;
  warning?: string | null;
  /** Told whenever the field turns partly filled or back: a half-typed date is an error, not "no date". */
  onPartial?: (partial: boolean) => void;
}

/**
 * Segments in the UI language's order, whatever the system's or the browser's locale:
 * dd/mm/yyyy and 24-hour time for Indonesian and for (British) English. React Aria's fields
 * are keyboard and screen-reader accessible, and read the locale from the provider here
 * rather than from the browser as <input type="date"> does.
 */
function Frame({
  name,
  error,
  warning,
  help,
  onPartial,
  children,
}: CommonProps & { children: (ids: { described?: string }) => React.ReactNode }) {
  const id = useId();
  const language = useAppStore((s) => s.language);
  const ref = useRef<HTMLDivElement>(null);
  const helpId = `${id}-help`;
  const messageId = `${id}-message`;
  const check = () => onPartial?.(isPartlyFilled(ref.current));
  return (
    <I18nProvider locale={intlLocale(language)}>
      <div
        ref={ref}
        className="field date-field"
        data-field={name}
        data-invalid={error ? 'true' : undefined}
        onKeyUp={check}
        onBlur={check}
      >
        {children({ described: describedBy(help && helpId, (error || warning) && messageId) })}
        {help && (
          <p className="help" id={helpId}>
            {help}
          </p>
        )}
        <FieldMessage id={messageId} error={error} warning={warning} />
      </div>
    </I18nProvider>
  );
}

/** What a date and a time field have in common: checked by the form, labelled, described. */
const segmented = (props: CommonProps, described: string | undefined) => ({
  isInvalid: !!props.error,
  validationBehavior: 'aria' as const,
  shouldForceLeadingZeros: true,
  'aria-describedby': described,
});

function Segments({ label }: { label: string }) {
  return (
    <>
      <Label className="field-label">{label}</Label>
      <DateInput className="segments">
        {(segment) => <DateSegment segment={segment} className="segment" />}
      </DateInput>
    </>
  );
}

interface DateFieldProps extends CommonProps {
  /** YYYY-MM-DD, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
}

export function DateField(props: DateFieldProps) {
  return (
    <Frame {...props}>
      {({ described }) => (
        <AriaDateField
          className="date-input-field"
          value={toCalendarDate(props.value)}
          onChange={(date) => props.onChange(date ? date.toString() : null)}
          {...segmented(props, described)}
        >
          <Segments label={props.label} />
        </AriaDateField>
      )}
    </Frame>
  );
}

interface TimeFieldProps extends CommonProps {
  /** HH:mm, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
}

export function TimeField(props: TimeFieldProps) {
  return (
    <Frame {...props}>
      {({ described }) => (
        <AriaTimeField
          className="date-input-field"
          value={toTime(props.value)}
          onChange={(time) => props.onChange(fromTime(time))}
          {...segmented(props, described)}
        >
          <Segments label={props.label} />
        </AriaTimeField>
      )}
    </Frame>
  );
}
