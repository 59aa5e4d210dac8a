import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { shownSave } from '../store/save-slice';
import { useErrorMessage } from './use-error-message';
import { useFormat } from './use-format';

/**
 * "Last saved <date and time>" when a workspace is opened, "Saving…" while anything typed is held by the page or not yet on disk, "Saved" only once
 * every edit of this page is on disk, "Not saved" with the reason.
 */
export function SaveIndicator() {
  const { t } = useTranslation();
  const status = useAppStore(useShallow(shownSave));
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const label =
    status.state === 'saved' && status.savedAt
      ? t('save.saved', { time: format.time(status.savedAt) })
      : status.state === 'idle' && status.savedAt
        ? t('save.lastSaved', { when: format.dateTime(status.savedAt) })
        : t(`save.${status.state}`);
  const reason = status.error ? errorMessage(status.error) : undefined;
  return (
    <p
      className={`save-indicator save-${status.state}`}
      role="status"
      aria-live="polite"
      data-state={status.state}
      title={reason}
    >
      <span className="save-dot" aria-hidden="true" />
      {label}
      {reason && <span className="save-reason">{reason}</span>}
    </p>
  );
}
