import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../electron/common/errors';

/** Turns an API error into a sentence in the UI language. */
export function useErrorMessage(): (error: ApiErrorPayload) => string {
  const { t } = useTranslation('errors');
  return useCallback((error) => t(error.code, error.params), [t]);
}
