import { useCallback, useEffect, useRef, useState } from 'react';
import type { FocusEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import { ApiError } from '../api/api-client';
import { focusFirstInvalid, hostErrorField, hostErrorKey, valueAt } from './form-problems';
import type { FormChecks } from './form-problems';
import { useErrorMessage } from './use-error-message';

interface HostProblem {
  field: string | null;
  message: string;
  /** The field's value when the host refused it: the message goes once it changes. */
  snapshot: string;
}

/**
 * A form's messages: its own checks (errors shown from the first try to send, warnings once
 * a field is left), and what the host refused, put next to the field it names. A failed
 * send keeps everything typed; focus goes to the first marked field.
 */
export function useFormProblems(checks: FormChecks, value: unknown) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [tried, setTried] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [host, setHost] = useState<HostProblem | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  const snapshotOf = useCallback(
    (field: string | null) => JSON.stringify(field ? (valueAt(value, field) ?? value) : value),
    [value],
  );
  const hostStands = host !== null && snapshotOf(host.field) === host.snapshot;

  const field = (name: string) => {
    const check = checks[name];
    const hostError = hostStands && host.field === name ? host.message : null;
    const error = (tried && check?.error) || hostError || null;
    const seen = tried || left.has(name) || check?.warnAtOnce;
    return { name, error, warning: seen ? (check?.warning ?? null) : null };
  };

  const hasErrors = Object.values(checks).some((c) => c?.error);
  const footer =
    hostStands && !host.field
      ? host.message
      : (tried && hasErrors) || (hostStands && host.field)
        ? t('forms.checkMarked')
        : null;

  /** Sends when nothing stops it; true when the action went through. */
  async function submit(
    event: FormEvent<HTMLFormElement>,
    action: () => Promise<void>,
  ): Promise<boolean> {
    event.preventDefault();
    formRef.current = event.currentTarget;
    if (sending.current) return false;
    setTried(true);
    setHost(null);
    if (hasErrors) {
      setFocusRequest((n) => n + 1);
      return false;
    }
    setBusy(true);
    sending.current = true;
    try {
      await action();
      setTried(false);
      return true;
    } catch (error) {
      const payload: ApiErrorPayload =
        error instanceof ApiError
          ? error.payload
          : { code: 'internal', params: {}, detail: String(error) };
      const names = [...(formRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])]
        .map((el) => el.dataset.field ?? '')
        .filter(Boolean);
      const target = hostErrorField(payload, names);
      if (target) {
        const { key, values } = hostErrorKey(payload);
        setHost({
          field: target,
          message: t(`forms.host.${key}`, values),
          snapshot: snapshotOf(target),
        });
      } else {
        setHost({ field: null, message: errorMessage(payload), snapshot: snapshotOf(null) });
      }
      setFocusRequest((n) => n + 1);
      return false;
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  /** On the form: a field's warning shows once the user has left it. */
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    // Not when leaving for the submit button: a message appearing now would move the button
    // away between the press and the release, and the click would be lost.
    const next = event.relatedTarget as HTMLElement | null;
    if (next?.matches('button[type="submit"]')) return;
    const name = (event.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset.field;
    if (name && !left.has(name)) setLeft(new Set([...left, name]));
  };

  return { field, footer, submit, onBlur, busy, sending };
}
