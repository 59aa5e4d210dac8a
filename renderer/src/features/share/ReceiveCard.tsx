import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client';
import { Field } from '../../app/Field';
import { useBilingual } from '../../app/use-bilingual';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import { ReceivedList } from './ReceivedList';

/** A refusal from the host in the UI language. */
export function failureText(error: unknown, message: ReturnType<typeof useErrorMessage>): string {
  return error instanceof ApiError
    ? message(error.payload)
    : message({ code: 'internal', params: {} });
}

/**
 * *Receive from a colleague*: pick the file, give its passphrase when it has one, and see
 * what came in. On a forum's Share tab, and on Home for a laptop that has no forum yet.
 */
export function ReceiveCard() {
  const { t } = useTranslation('share');
  const text = useBilingual();
  const receiveShareFile = useAppStore((s) => s.receiveShareFile);
  const received = useAppStore((s) => s.received);
  const clearReceived = useAppStore((s) => s.clearReceived);
  const navigate = useAppStore((s) => s.navigate);
  const shownForumId = useAppStore((s) => s.forum?.forum.id);
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  /** The file is encrypted: its passphrase is asked before anything is merged. */
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function receive(chosen: File, secret?: string) {
    setError(null);
    setBusy(true);
    try {
      await receiveShareFile(chosen, secret);
      setFile(null);
      setNeedsPassphrase(false);
      setPassphrase('');
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.payload.code : '';
      if (code === 'share-file-passphrase') {
        setNeedsPassphrase(true);
      } else {
        setError(t('receive.failed', { reason: failureText(failure, errorMessage) }));
        if (code !== 'share-file-wrong-passphrase') {
          setFile(null);
          setNeedsPassphrase(false);
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card share-card" aria-labelledby="share-receive">
      <h2 id="share-receive">{t('receive.title')}</h2>
      <p className="help">{t('receive.intro')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {t('receive.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".risalah,application/octet-stream"
          className="visually-hidden"
          aria-label={t('receive.choose')}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (!chosen) return;
            // What the last file brought is no longer what this one brings.
            clearReceived();
            setFile(chosen);
            setNeedsPassphrase(false);
            setPassphrase('');
            void receive(chosen);
          }}
        />
        {busy && <span role="status">{t('receive.merging')}</span>}
      </div>
      {file && needsPassphrase && (
        <form
          className="share-passphrase"
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase) void receive(file, passphrase);
          }}
        >
          <p>{t('receive.encrypted', { file: file.name })}</p>
          <Field
            label={t('receive.passphrase')}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={setPassphrase}
            autoFocus
          />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy || !passphrase}>
              {t('receive.open')}
            </button>
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                setFile(null);
                setNeedsPassphrase(false);
                setError(null);
              }}
            >
              {t('receive.cancel')}
            </button>
          </div>
        </form>
      )}
      <p role="alert" className="form-error">
        {error ?? ''}
      </p>
      {received && (
        <ReceivedList
          received={received}
          forumName={text(received.forumName)}
          onOpen={
            received.forumId !== shownForumId
              ? () => navigate({ name: 'forum', forumId: received.forumId, section: 'notes' })
              : undefined
          }
        />
      )}
    </section>
  );
}
