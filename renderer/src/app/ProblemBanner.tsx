import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useErrorMessage } from './use-error-message';

export function ProblemBanner() {
  const { t } = useTranslation();
  const problem = useAppStore((s) => s.problem);
  const dismiss = useAppStore((s) => s.reportProblem);
  const message = useErrorMessage();
  if (!problem) return null;
  return (
    <div className="banner warning banner-row" role="alert">
      <p>{message(problem)}</p>
      <button type="button" className="button" onClick={() => dismiss(null)}>
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
