import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useErrorMessage } from './use-error-message';
import { useFormat } from './use-format';

export function SaveIndicator() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.saveStatus);
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const label =
    status.state === 'saved' && status.savedAt
      ? t('save.saved', { time: format.time(status.savedAt) })
      : t(`save.${status.state}`);
  const reason = status.error ? errorMessage(status.error) : undefined;
  return (
    <p
      className={`save-indicator save-${status.state}`}
      role="status"
      aria-live="polite"
      title={reason}
    >
      <span className="save-dot" aria-hidden="true" />
      {label}
      {reason && <span className="save-reason">{reason}</span>}
    </p>
  );
}
