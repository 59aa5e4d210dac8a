import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useFormat } from './use-format';

/** Tells the user, once, what the store repaired when it opened the workspace. */
export function RecoveryBanner() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const format = useFormat();
  if (notices.length === 0) return null;
  return (
    <section className="banner warning" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">
        {notices.every((notice) => notice.problem === 'unsaved')
          ? t('recovery.unsavedTitle')
          : t('recovery.title')}
      </h2>
      {notices.map((notice) => (
        <div key={notice.file + notice.at} className="banner-row">
          <p>
            {notice.problem === 'rollback'
              ? t('recovery.rollback', { file: notice.file })
              : notice.problem === 'unsaved'
                ? notice.restoredFromDate
                  ? t('recovery.unsaved', {
                      file: notice.file,
                      movedTo: notice.movedTo,
                      date: format.dateTime(notice.restoredFromDate),
                    })
                  : t('recovery.unsavedKept', { file: notice.file, movedTo: notice.movedTo })
                : notice.restoredFromDate
                  ? t(notice.movedTo === null ? 'recovery.restoredMissing' : 'recovery.restored', {
                      file: notice.file,
                      problem: t(`recovery.problems.${notice.problem}`),
                      movedTo: notice.movedTo,
                      date: format.dateTime(notice.restoredFromDate),
                    })
                  : t(
                      notice.movedTo === null
                        ? 'recovery.notRestoredMissing'
                        : 'recovery.notRestored',
                      {
                        file: notice.file,
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
