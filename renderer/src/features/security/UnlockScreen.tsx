import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client';
import { Field } from '../../app/Field';
import { Logo } from '../../app/Logo';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import type { UnlockWith } from '../../store/security-slice';

/** Shown instead of the app while an encrypted workspace is locked. */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation('security');
  const errorMessage = useErrorMessage();
  const security = useAppStore((s) => s.security);
  const unlock = useAppStore((s) => s.unlock);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keychain = security?.keychain;

  async function attempt(input: UnlockWith) {
    setBusy(true);
    setError(null);
    try {
      await unlock(input);
      setSecret('');
      onUnlocked();
    } catch (caught) {
      setError(caught instanceof ApiError ? errorMessage(caught.payload) : String(caught));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret) return;
    void attempt(
      mode === 'passphrase'
        ? { passphrase: secret, ...(remember ? { remember: true } : {}) }
        : { recoveryKey: secret },
    );
  }

  return (
    <main className="unlock">
      <form className="card unlock-card" onSubmit={submit} aria-labelledby="unlock-title">
        <Logo />
        <h1 id="unlock-title">{t('unlock.title')}</h1>
        <p className="help">{t('unlock.help')}</p>
        {mode === 'passphrase' ? (
          <Field
            label={t('unlock.passphrase')}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={secret}
            onChange={setSecret}
          />
        ) : (
          <Field
            label={t('unlock.recoveryKey')}
            help={t('unlock.recoveryHelp')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            className="recovery-input"
            value={secret}
            onChange={setSecret}
          />
        )}
        {mode === 'passphrase' && keychain?.available && !keychain.remembered && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
            />
            {t('unlock.remember', { backend: keychain.backend })}
          </label>
        )}
        {error && (
          <p className="form-problem" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy || !secret}>
            {busy ? t('unlock.busy') : t('unlock.submit')}
          </button>
          {keychain?.remembered && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void attempt({ keychain: true })}
            >
              {t('unlock.useKeychain')}
            </button>
          )}
        </div>
        <button
          type="button"
          className="button link"
          onClick={() => {
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
            setSecret('');
            setError(null);
          }}
        >
          {mode === 'passphrase' ? t('unlock.useRecovery') : t('unlock.usePassphrase')}
        </button>
      </form>
    </main>
  );
}
