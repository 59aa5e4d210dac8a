import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useFormat } from './use-format';

/** Tells the user, once, what the store repaired when it opened the workspace. */
export function RecoveryBanner() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const forums = useAppStore((s) => s.forums);
  const language = useAppStore((s) => s.language);
  const format = useFormat();
  if (notices.length === 0) return null;
  // A forum's file is named by its id: say which forum it is, beside the file name.
  const named = (file: string) => {
    const id = /^forums[\\/]([^\\/]+)\.json$/.exec(file)?.[1];
    const forum = id ? forums.find((f) => f.id === id) : undefined;
    const name = forum && (forum.acronym || forum.name[language] || forum.name.id || forum.name.en);
    return name ? t('recovery.forumFile', { name, file }) : file;
  };
  return (
    <section className="banner warning" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">
        {notices.every((notice) => notice.problem === 'unsaved')
          ? t('recovery.unsavedTitle')
          : notices.every((notice) => notice.problem === 'rollback')
            ? t('recovery.rollbackTitle')
            : t('recovery.title')}
      </h2>
      {notices.map((notice) => (
        <div key={notice.file + notice.at} className="banner-row">
          <p>
            {notice.problem === 'rollback'
              ? t('recovery.rollback', { file: named(notice.file) })
              : notice.problem === 'unsaved'
                ? notice.restoredFromDate
                  ? t('recovery.unsaved', {
                      file: named(notice.file),
                      movedTo: notice.movedTo,
                      date: format.dateTime(notice.restoredFromDate),
                    })
                  : t('recovery.unsavedKept', { file: named(notice.file), movedTo: notice.movedTo })
                : notice.restoredFromDate
                  ? t(notice.movedTo === null ? 'recovery.restoredMissing' : 'recovery.restored', {
                      file: named(notice.file),
                      problem: t(`recovery.problems.${notice.problem}`),
                      movedTo: notice.movedTo,
                      date: format.dateTime(notice.restoredFromDate),
                    })
                  : t(
                      notice.movedTo === null
                        ? 'recovery.notRestoredMissing'
                        : 'recovery.notRestored',
                      {
                        file: named(notice.file),
                        problem: t(`recovery.problems.${notice.problem}`),
                        movedTo: notice.movedTo,
                      },
                    )}
          </p>
          <button type="button" className="button" onClick={() => dismiss(notice)}>
            {t('recovery.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
