import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import { ApiError } from '../api/api-client';
import { useAppStore } from '../store/app-store';
import { App } from './App';
import { useErrorMessage } from './use-error-message';

type StartupState = 'loading' | 'ready' | { error: ApiErrorPayload };

/** Loads the workspace before the app shows, and says why in the UI language if it cannot. */
export function Startup() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const loadSettings = useAppStore((s) => s.loadSettings);
  const [state, setState] = useState<StartupState>('loading');

  const load = useCallback(() => {
    loadSettings()
      // Switch before the first paint of the app, so it never flashes in the wrong language.
      .then((language) => i18n.changeLanguage(language))
      .then(
        () => setState('ready'),
        (error: unknown) =>
          setState({
            error: error instanceof ApiError ? error.payload : { code: 'internal', params: {} },
          }),
      );
  }, [loadSettings, i18n]);

  useEffect(load, [load]);

  if (state === 'ready') return <App />;
  if (state === 'loading') {
    return (
      <p className="startup" role="status">
        {t('startup.loading')}
      </p>
    );
  }
  return (
    <div className="startup" role="alert">
      <h1>{t('startup.failedTitle')}</h1>
      <p>{errorMessage(state.error)}</p>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          setState('loading');
          load();
        }}
      >
        {t('startup.retry')}
      </button>
    </div>
  );
}
