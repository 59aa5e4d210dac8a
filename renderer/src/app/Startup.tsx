import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import { ApiError } from '../api/api-client';
import { useAppStore } from '../store/app-store';
import { UnlockScreen } from '../features/security/UnlockScreen';
import { App } from './App';
import { useErrorMessage } from './use-error-message';

type StartupState = 'loading' | 'locked' | 'ready' | { error: ApiErrorPayload };

/**
 * Loads the workspace before the app shows, asks for the passphrase of an encrypted one, and
 * says why in the UI language if it cannot.
 */
export function Startup() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const loadSettings = useAppStore((s) => s.loadSettings);
  const loadSecurity = useAppStore((s) => s.loadSecurity);
  const locked = useAppStore((s) => s.security?.locked ?? false);
  const [state, setState] = useState<StartupState>('loading');

  const load = useCallback(() => {
    loadSecurity()
      .then(async ({ security, language }) => {
        if (security.locked) {
          // Settings are inside the encrypted workspace: until unlocked, the system's language.
          await i18n.changeLanguage(language);
          return 'locked' as const;
        }
        // Switch before the first paint of the app, so it never flashes in the wrong language.
        await i18n.changeLanguage(await loadSettings());
        return 'ready' as const;
      })
      .then(
        (next) => setState(next),
        (error: unknown) =>
          setState({
            error: error instanceof ApiError ? error.payload : { code: 'internal', params: {} },
          }),
      );
  }, [loadSettings, loadSecurity, i18n]);

  useEffect(load, [load]);

  // Locked while open (by hand, or idle): discard the whole page, and every decrypted note
  // held in its memory with it; the reload comes back to the unlock screen.
  useEffect(() => {
    if (state === 'ready' && locked) window.location.reload();
  }, [state, locked]);

  if (state === 'ready') return <App />;
  if (state === 'locked') return <UnlockScreen onUnlocked={load} />;
  if (state === 'loading') {
    return (
      <p className="startup" role="status">
        {t('startup.loading')}
      </p>
    );
  }
  // Browser mode opened without its token (or with an old run's): trying again cannot help.
  if (state.error.code === 'browser-token-missing') {
    return (
      <div className="startup" role="alert">
        <h1>{t('startup.tokenTitle')}</h1>
        <p>{errorMessage(state.error)}</p>
      </div>
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
