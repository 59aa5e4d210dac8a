import { ActionWithOutcome } from '../../app/ActionWithOutcome';
import type { ActionOutcome } from '../../app/ActionWithOutcome';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { bytesOfBase64, saveFile } from '../../app/save-file';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import { NetworkCard } from './NetworkCard';
import { failureText, ReceiveCard } from './ReceiveCard';

/**
 * The forum's Share tab: share it with the delegation, send it to a colleague as one file,
 * and receive a colleague's file, then see what came in.
 */
export function ShareView({ forumId }: { forumId: string }) {
  const { t } = useTranslation('share');
  const status = useAppStore((s) => s.shareStatus);
  const loadShareStatus = useAppStore((s) => s.loadShareStatus);
  const startSharing = useAppStore((s) => s.startSharing);
  const [sharing, setSharing] = useState(false);
  const shared = status?.forumId === forumId ? status.shared : null;

  useEffect(() => {
    void loadShareStatus(forumId).catch(() => undefined);
  }, [forumId, loadShareStatus]);

  return (
    <div className="share-view">
      <section className="card share-card" aria-labelledby="share-delegation">
        <h2 id="share-delegation">{t('delegation.title')}</h2>
        {shared === true && (
          <>
            <p className="share-state shared" role="status">
              {t('delegation.shared')}
            </p>
            <p className="help">{t('delegation.travels')}</p>
          </>
        )}
        {shared === false && (
          <>
            <p className="share-state">{t('delegation.private')}</p>
            <p className="help">{t('delegation.willTravel')}</p>
            <div className="form-actions">
              <button
                type="button"
                className="button primary"
                disabled={sharing}
                onClick={async () => {
                  setSharing(true);
                  try {
                    await startSharing(forumId);
                  } finally {
                    setSharing(false);
                  }
                }}
              >
                {t('delegation.start')}
              </button>
            </div>
          </>
        )}
        <p className="help">{t('delegation.never')}</p>
      </section>
      <SendCard forumId={forumId} shared={shared === true} />
      <ReceiveCard />
      <NetworkCard />
    </div>
  );
}

function SendCard({ forumId, shared }: { forumId: string; shared: boolean }) {
  const { t } = useTranslation('share');
  const sendShareFile = useAppStore((s) => s.sendShareFile);
  const errorMessage = useErrorMessage();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome>(null);

  async function send() {
    setOutcome(null);
    setBusy(true);
    try {
      const file = await sendShareFile(forumId, passphrase || undefined);
      saveFile(file.fileName, file.mimeType, await bytesOfBase64(file.base64));
      setOutcome({
        ok: true,
        text: t(passphrase ? 'send.savedEncrypted' : 'send.saved', { file: file.fileName }),
      });
    } catch (error) {
      setOutcome({
        ok: false,
        text: t('send.failed', { reason: failureText(error, errorMessage) }),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card share-card" aria-labelledby="share-send">
      <h2 id="share-send">{t('send.title')}</h2>
      <p className="help">{t('send.intro')}</p>
      {!shared && <p className="help">{t('send.sharesFirst')}</p>}
      <Field
        label={t('send.passphrase')}
        help={t('send.passphraseHelp')}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <ActionWithOutcome
        label={t('send.save')}
        busyLabel={t('send.saving')}
        busy={busy}
        onClick={() => void send()}
        outcome={outcome}
      />
    </section>
  );
}
