import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../../electron/common/api/types';
import { ApiError } from '../../api/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';

const SHOWN = 10;

export function BackupsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const backups = useAppStore((s) => s.backups);
  const loadBackups = useAppStore((s) => s.loadBackups);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const language = useAppStore((s) => s.language);
  const [showAll, setShowAll] = useState(false);
  const [pending, setPending] = useState<BackupView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  useEffect(() => {
    if (pending) dialog.current?.showModal();
    else dialog.current?.close();
  }, [pending]);

  const documentName = (backup: BackupView) =>
    backup.forumName
      ? backup.forumName[language] || backup.forumName.id || backup.forumName.en
      : t('backups.workspace');

  async function confirm(backup: BackupView) {
    setPending(null);
    try {
      await restoreBackup(backup.id);
      setMessage(t('backups.restored', { date: format.dateTime(backup.createdAt) }));
    } catch (error) {
      setMessage(error instanceof ApiError ? errorMessage(error.payload) : String(error));
    }
  }

  const list = backups ?? [];
  const visible = showAll ? list : list.slice(0, SHOWN);
  return (
    <section className="card settings-section" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="help">{t('backups.help')}</p>
      {message && (
        <p className="inline-status" role="status">
          {message}
        </p>
      )}
      {backups && list.length === 0 && <p>{t('backups.empty')}</p>}
      {list.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('backups.taken')}</th>
              <th scope="col">{t('backups.document')}</th>
              <th scope="col">{t('backups.reason')}</th>
              <th scope="col">{t('backups.size')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {visible.map((backup) => (
              <tr key={backup.id}>
                <td>{format.dateTime(backup.createdAt)}</td>
                <td>{documentName(backup)}</td>
                <td>{t(`backups.reasons.${backup.reason}`)}</td>
                <td>{format.size(backup.size)}</td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('backups.restoreLabel', {
                      document: documentName(backup),
                      date: format.dateTime(backup.createdAt),
                    })}
                    onClick={() => setPending(backup)}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!showAll && list.length > SHOWN && (
        <button type="button" className="button link" onClick={() => setShowAll(true)}>
          {t('backups.showAll', { count: list.length })}
        </button>
      )}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="restore-title"
        onClose={() => setPending(null)}
      >
        {pending && (
          <>
            <h2 id="restore-title">{t('backups.confirmTitle')}</h2>
            <p>
              {t('backups.confirmBody', {
                document: documentName(pending),
                date: format.dateTime(pending.createdAt),
              })}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setPending(null)}>
                {t('backups.cancel')}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => void confirm(pending)}
              >
                {t('backups.confirm')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
