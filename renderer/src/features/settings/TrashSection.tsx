import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void loadTrash();
  }, [loadTrash]);

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
        <table className="table">
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
              const item = text(entry.title) || t('notes.untitled');
              return (
                <tr key={`${entry.kind}:${entry.id}`}>
                  <td>
                    <span className="muted">{t(`trash.kinds.${entry.kind}`)}:</span> {item}
                  </td>
                  <td>{entry.kind === 'forum' ? '' : text(entry.forumName)}</td>
                  <td>{format.dateTime(entry.deletedAt)}</td>
                  <td>
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
