import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashEntry } from '../../../../electron/common/domain/notebook-views';
import { Dialog } from '../../app/Dialog';
import { useBilingual } from '../../app/use-bilingual';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';

export function TrashSection() {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const format = useFormat();
  const trash = useAppStore((s) => s.trash);
  const loadTrash = useAppStore((s) => s.loadTrash);
  const restore = useAppStore((s) => s.restoreFromTrash);
  const purge = useAppStore((s) => s.purgeFromTrash);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<TrashEntry | null>(null);

  useEffect(() => {
    void loadTrash();
  }, [loadTrash]);

  const titleOf = (entry: TrashEntry) => text(entry.title) || t('notes.untitled');

  return (
    <section className="card settings-section" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('trash.title')}</h2>
      <p className="help">{t('trash.help')}</p>
      {message && (
        <p className="inline-status" role="status">
          {message}
        </p>
      )}
      {trash && trash.length === 0 && <p>{t('trash.empty')}</p>}
      {trash && trash.length > 0 && (
        <div className="table-scroll">
          <table className="table trash-table">
            <thead>
              <tr>
                <th scope="col">{t('trash.item')}</th>
                <th scope="col">{t('trash.forum')}</th>
                <th scope="col">{t('trash.deleted')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {trash.map((entry) => {
                const item = titleOf(entry);
                return (
                  <tr key={`${entry.kind}:${entry.id}`}>
                    <td>
                      <span className="muted">{t(`trash.kinds.${entry.kind}`)}:</span> {item}
                    </td>
                    <td>
                      {entry.kind === 'forum' || !entry.forumName
                        ? t('trash.workspaceWide')
                        : text(entry.forumName)}
                    </td>
                    <td>
                      {format.dateTime(entry.deletedAt)}
                      {entry.deletedBy && (
                        <span className="trash-by">{t('trash.by', { name: entry.deletedBy })}</span>
                      )}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button small"
                        aria-label={t('trash.restoreLabel', { item })}
                        onClick={async () => {
                          await restore(entry);
                          setMessage(t('trash.restored', { item }));
                        }}
                      >
                        {t('trash.restore')}
                      </button>
                      <button
                        type="button"
                        className="button small subtle danger"
                        aria-label={t('trash.purgeLabel', { item })}
                        onClick={() => setConfirming(entry)}
                      >
                        {t('trash.purge')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Dialog
        title={t('trash.purgeTitle')}
        open={confirming !== null}
        onClose={() => setConfirming(null)}
      >
        {confirming && (
          <>
            <p>
              {confirming.kind === 'forum'
                ? t('trash.purgeForumBody', { item: titleOf(confirming) })
                : t('trash.purgeBody', {
                    item: titleOf(confirming),
                    kind: t(`trash.kinds.${confirming.kind}`),
                  })}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                {t('trash.purgeCancel')}
              </button>
              <button
                type="button"
                className="button danger"
                onClick={async () => {
                  const entry = confirming;
                  setConfirming(null);
                  await purge(entry);
                  setMessage(t('trash.purged', { item: titleOf(entry) }));
                }}
              >
                {t('trash.purgeConfirm')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
