import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE } from '../../../../electron/common/domain/vocabulary';
import { ApiError } from '../../api/api-client';
import { Field } from '../../app/Field';
import { useErrorMessage } from '../../app/use-error-message';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';

const AUTO_LOCK_CHOICES = [0, 5, 10, 15, 30, 60, 120];

/** Runs a settings action, then says how it went in the UI language. */
function useAction() {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ text: done, problem: false });
    } catch (error) {
      setMessage({
        text: error instanceof ApiError ? errorMessage(error.payload) : String(error),
        problem: true,
      });
    } finally {
      setBusy(false);
    }
  }
  const status: ReactNode = message && (
    <p
      className={message.problem ? 'form-problem' : 'inline-status'}
      role={message.problem ? 'alert' : 'status'}
    >
      {message.text}
    </p>
  );
  return { busy, run, status, fail: (text: string) => setMessage({ text, problem: true }) };
}

export function SecuritySection() {
  const { t } = useTranslation('security');
  const security = useAppStore((s) => s.security);
  const info = useAppStore((s) => s.info);
  const encrypted = security?.encrypted ?? false;
  // Kept here: encrypting swaps the form below for the settings, the key must outlive it.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // Decrypting swaps the whole section for the encrypt form; say that it happened.
  const [previous, setPrevious] = useState(encrypted);
  const [decrypted, setDecrypted] = useState(false);
  if (previous !== encrypted) {
    setPrevious(encrypted);
    setDecrypted(previous && !encrypted);
  }
  return (
    <section className="card settings-section" aria-labelledby="security-title">
      <h2 id="security-title">{t('settings.title')}</h2>
      {decrypted && (
        <p className="inline-status" role="status">
          {t('settings.decrypted')}
        </p>
      )}
      {encrypted ? <EncryptedSettings /> : <EncryptForm onEncrypted={setRecoveryKey} />}
      <RecoveryKeyDialog
        recoveryKey={recoveryKey}
        workspaceDir={info?.workspaceDir ?? ''}
        onClose={() => setRecoveryKey(null)}
      />
    </section>
  );
}

function EncryptForm({ onEncrypted }: { onEncrypted: (recoveryKey: string) => void }) {
  const { t } = useTranslation('security');
  const encrypt = useAppStore((s) => s.encrypt);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase !== repeat) return action.fail(t('settings.mismatch'));
    void action.run(async () => {
      onEncrypted(await encrypt(passphrase));
      return null;
    });
  }

  return (
    <>
      <p className="help">{t('settings.plainHelp')}</p>
      <p className="help">{t('settings.warning')}</p>
      <form onSubmit={submit} className="security-form">
        <NewPassphraseFields
          value={passphrase}
          onChange={setPassphrase}
          repeat={repeat}
          onRepeatChange={setRepeat}
        />
        {action.status}
        <button type="submit" className="button primary" disabled={action.busy || !passphrase}>
          {action.busy ? t('settings.encrypting') : t('settings.encrypt')}
        </button>
      </form>
    </>
  );
}

function EncryptedSettings() {
  const { t } = useTranslation('security');
  const format = useFormat();
  const security = useAppStore((s) => s.security);
  const lock = useAppStore((s) => s.lock);
  const setAutoLock = useAppStore((s) => s.setAutoLock);
  const setKeychain = useAppStore((s) => s.setKeychain);
  const general = useAction();
  if (!security) return null;
  const { keychain } = security;
  return (
    <>
      <p className="help">{t('settings.encryptedStatus')}</p>
      <div className="security-row">
        <button
          type="button"
          className="button"
          disabled={general.busy}
          onClick={() => void general.run(async () => (await lock(), null))}
        >
          {t('settings.lockNow')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="auto-lock">{t('settings.autoLock')}</label>
        <select
          id="auto-lock"
          className="auto-lock"
          value={security.autoLockMinutes}
          aria-describedby="auto-lock-help"
          onChange={(e) =>
            void general.run(async () => {
              await setAutoLock(Number(e.target.value));
              return t('settings.saved');
            })
          }
        >
          {AUTO_LOCK_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? t('settings.never') : format.minutes(minutes)}
            </option>
          ))}
        </select>
        <p className="help" id="auto-lock-help">
          {t('settings.autoLockHelp')}
        </p>
      </div>
      <fieldset className="security-keychain">
        <legend>{t('settings.keychainTitle')}</legend>
        {keychain.available ? (
          <>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={keychain.remembered}
                onChange={(e) =>
                  void general.run(async () => (await setKeychain(e.target.checked), null))
                }
              />
              {t('settings.keychainRemember', { backend: keychain.backend })}
            </label>
            <p className="help">{t('settings.keychainHelp')}</p>
          </>
        ) : (
          <p className="help">
            {keychain.backend === 'basic_text'
              ? t('settings.keychainBasicText')
              : t('settings.keychainNone')}
          </p>
        )}
      </fieldset>
      {general.status}
      <ChangePassphraseForm />
      <DecryptForm />
    </>
  );
}

function ChangePassphraseForm() {
  const { t } = useTranslation('security');
  const changePassphrase = useAppStore((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) return action.fail(t('settings.mismatch'));
    void action.run(async () => {
      await changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      return t('settings.changed');
    });
  }
  return (
    <details className="security-details">
      <summary>{t('settings.changeTitle')}</summary>
      <form onSubmit={submit} className="security-form">
        <Field
          label={t('settings.currentPassphrase')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <NewPassphraseFields
          value={next}
          onChange={setNext}
          repeat={repeat}
          onRepeatChange={setRepeat}
        />
        {action.status}
        <button type="submit" className="button" disabled={action.busy || !current || !next}>
          {t('settings.change')}
        </button>
      </form>
    </details>
  );
}

function DecryptForm() {
  const { t } = useTranslation('security');
  const decrypt = useAppStore((s) => s.decrypt);
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();
  function submit(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      await decrypt(passphrase);
      setPassphrase('');
      return null;
    });
  }
  return (
    <details className="security-details">
      <summary>{t('settings.decryptTitle')}</summary>
      <form onSubmit={submit} className="security-form">
        <p className="help">{t('settings.decryptHelp')}</p>
        <Field
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
        />
        {action.status}
        <button type="submit" className="button" disabled={action.busy || !passphrase}>
          {t('settings.decrypt')}
        </button>
      </form>
    </details>
  );
}

interface NewPassphraseFieldsProps {
  value: string;
  onChange: (value: string) => void;
  repeat: string;
  onRepeatChange: (value: string) => void;
}

/** A new passphrase and its repetition, as password managers expect them. */
function NewPassphraseFields({
  value,
  onChange,
  repeat,
  onRepeatChange,
}: NewPassphraseFieldsProps) {
  const { t } = useTranslation('security');
  return (
    <>
      <Field
        label={t('settings.newPassphrase')}
        help={t('settings.passphraseHelp', { min: MIN_PASSPHRASE })}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={onChange}
      />
      <Field
        label={t('settings.repeatPassphrase')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={onRepeatChange}
      />
    </>
  );
}
