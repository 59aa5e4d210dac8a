import type { ApiErrorPayload } from '../../../electron/common/errors';

/** What a form knows about one of its fields: an error stops sending, a warning does not. */
export interface FieldCheck {
  error?: string | null;
  warning?: string | null;
  /** Show the warning while typing (a date outside the forum) rather than once the field is left. */
  warnAtOnce?: boolean;
}

export type FormChecks = Record<string, FieldCheck | undefined>;

/**
 * The form field a host validation error is about. The host names the path of the request
 * ("patch.timeZone", "contact.emails.0.value"); the form names its fields ("timeZone",
 * "emails"): the longest run of the path that is a field of the form wins.
 */
export function hostErrorField(payload: ApiErrorPayload, fields: readonly string[]): string | null {
  if (payload.code !== 'invalid-input') return null;
  const parts = String(payload.params.field ?? '').split('.');
  let best: string | null = null;
  for (let start = 0; start < parts.length; start++) {
    for (let end = parts.length; end > start; end--) {
      const candidate = parts.slice(start, end).join('.');
      if (fields.includes(candidate) && (!best || candidate.length > best.length)) best = candidate;
    }
  }
  return best;
}

/** The translation key (under `common:forms.host`) and values for a host validation error. */
export type HostErrorKey = 'tooLong' | 'zone' | 'date' | 'required' | 'invalid';

export function hostErrorKey(payload: ApiErrorPayload): {
  key: HostErrorKey;
  values: Record<string, string | number>;
} {
  const reason = String(payload.params.reason ?? '');
  const field = String(payload.params.field ?? '');
  if (reason === 'too_big' && payload.params.limit !== undefined)
    return { key: 'tooLong', values: { max: payload.params.limit } };
  if (/timeZone$/.test(field)) return { key: 'zone', values: {} };
  if (reason === 'invalid_format' || /(date|Date|start|end)$/.test(field))
    return { key: 'date', values: {} };
  if (reason === 'too_small') return { key: 'required', values: {} };
  return { key: 'invalid', values: {} };
}

/** A dotted path into a form value ("name.id"), for noticing that a field has changed. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Moves focus into the first marked field, in the order the form shows them. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const field = form?.querySelector('[data-invalid="true"]');
  const target = field?.querySelector<HTMLElement>(
    'input:not([type="hidden"]), textarea, select, [role="spinbutton"], [tabindex="0"]',
  );
  target?.focus();
}
