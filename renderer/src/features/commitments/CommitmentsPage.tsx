import { useTranslation } from 'react-i18next';
import { CommitmentsView } from './CommitmentsView';

export function CommitmentsPage() {
  const { t } = useTranslation('agreement');
  return (
    <div className="page">
      <h1>{t('commitments.allTitle')}</h1>
      <CommitmentsView forumId={null} />
    </div>
  );
}
