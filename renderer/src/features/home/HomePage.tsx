import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';

const features = [
  { key: 'notes', glyph: 'Aa' },
  { key: 'clauses', glyph: '§' },
  { key: 'contacts', glyph: '@' },
  { key: 'reports', glyph: '¶' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const workspaceDir = useAppStore((s) => s.info?.workspaceDir);
  return (
    <div className="page">
      <header className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </header>
      <section aria-labelledby="keeps-title">
        <h2 id="keeps-title" className="section-title">
          {t('home.keepsTitle')}
        </h2>
        <ul className="feature-grid">
          {features.map(({ key, glyph }) => (
            <li key={key} className="card feature">
              <span className="feature-glyph" aria-hidden="true">
                {glyph}
              </span>
              <h3>{t(`home.${key}Title`)}</h3>
              <p>{t(`home.${key}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="card workspace-card" aria-labelledby="workspace-title">
        <div>
          <h2 id="workspace-title">{t('home.workspaceTitle')}</h2>
          <p>{t('home.workspaceBody')}</p>
          <code className="path">{workspaceDir}</code>
        </div>
        <span className="badge">{t('home.offline')}</span>
      </section>
    </div>
  );
}
