import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { LetterheadSection } from '../profile/LetterheadSection';
import { MembersSection } from '../profile/MembersSection';
import { ProfileForm } from '../profile/ProfileForm';
import { NetworkCard } from '../share/NetworkCard';
import { ReceiveCard } from '../share/ReceiveCard';
import { HomeDashboard } from './HomeDashboard';

const features = [
  { key: 'notes', glyph: 'Aa' },
  { key: 'clauses', glyph: '§' },
  { key: 'contacts', glyph: '@' },
  { key: 'reports', glyph: '¶' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { t: tn } = useTranslation('notebook');
  const workspaceDir = useAppStore((s) => s.info?.workspaceDir);
  const profile = useAppStore((s) => s.profile);
  const saveProfile = useAppStore((s) => s.saveProfile);
  const forums = useAppStore((s) => s.forums);
  const openExample = useAppStore((s) => s.openExample);
  const openOverlay = useAppStore((s) => s.openOverlay);
  // The welcome and what Risalah keeps: only until the first forum, then the dashboard.
  const empty = forums.every((f) => f.deletedAt);
  const profileEmpty =
    !!profile && !profile.headName && !profile.delegationName.id && !profile.delegationName.en;

  return (
    <div className="page">
      {empty ? (
        <header className="hero">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
        </header>
      ) : (
        <h1 className="page-title">{t('nav.home')}</h1>
      )}
      {!empty && <HomeDashboard />}
      {empty && (
        <section className="card start-card" aria-labelledby="start-title">
          <h2 id="start-title">{tn('home.startTitle')}</h2>
          <p>{tn('home.startBody')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => openOverlay('new-forum')}
            >
              {tn('forums.new')}
            </button>
            <button type="button" className="button" onClick={() => void openExample()}>
              {tn('home.example')}
            </button>
          </div>
          <p className="help">{tn('home.exampleBody')}</p>
        </section>
      )}
      <div className="share-view home-share">
        <ReceiveCard />
        <NetworkCard />
      </div>
      {profile && (
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{profileEmpty ? tn('profile.title') : tn('profile.edit')}</h2>
          {profileEmpty && <p className="help">{tn('profile.intro')}</p>}
          <ProfileForm key={profile.updatedAt ?? 'new'} profile={profile} onSave={saveProfile} />
        </section>
      )}
      {profile && <MembersSection members={profile.members} />}
      {profile && <LetterheadSection letterhead={profile.letterhead} />}
      {empty && (
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
      )}
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
