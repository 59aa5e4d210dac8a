import { useTranslation } from 'react-i18next';
import type { ForumSummary } from '../../../electron/common/domain/notebook-views';
import { useAppStore } from '../store/app-store';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { SaveIndicator } from './SaveIndicator';
import { useBilingual } from './use-bilingual';

/** Forums happening now or next first, then the most recent. */
function byRelevance(today: string) {
  const rank = (f: ForumSummary) => {
    if (f.startDate && f.endDate && f.startDate <= today && today <= f.endDate) return 0;
    if (f.startDate && f.startDate > today) return 1;
    return 2;
  };
  return (a: ForumSummary, b: ForumSummary) =>
    rank(a) - rank(b) || (b.startDate ?? '').localeCompare(a.startDate ?? '');
}

/** A link to one of the app's own pages, marked when it is the one shown. */
function PageLink({ name }: { name: 'home' | 'commitments' | 'contacts' | 'settings' }) {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.route.name === name);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'page' : undefined}
        onClick={() => navigate({ name })}
      >
        {t(`nav.${name}`)}
      </button>
    </li>
  );
}

export function Sidebar() {
  const { t } = useTranslation();
  const { t: tn } = useTranslation('notebook');
  const text = useBilingual();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const openOverlay = useAppStore((s) => s.openOverlay);
  const forums = useAppStore((s) => s.forums);
  const today = new Date().toISOString().slice(0, 10);
  const live = forums.filter((f) => !f.deletedAt).sort(byRelevance(today));
  const openForumId = route.name === 'forum' ? route.forumId : null;

  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <div>
          <p className="brand-name">{t('appName')}</p>
          <p className="brand-tagline">{t('tagline')}</p>
        </div>
      </div>
      <button type="button" className="search-button" onClick={() => openOverlay('search')}>
        <span>{tn('search.open')}</span>
        <kbd>Ctrl K</kbd>
      </button>
      <nav aria-label={t('nav.label')} className="sidebar-nav">
        <ul>
          {(['home', 'commitments', 'contacts'] as const).map((name) => (
            <PageLink key={name} name={name} />
          ))}
        </ul>
        <h2 className="nav-heading">{tn('forums.title')}</h2>
        <ul>
          {live.map((forum) => (
            <li key={forum.id}>
              <button
                type="button"
                className="nav-item forum-item"
                aria-current={openForumId === forum.id ? 'page' : undefined}
                onClick={() => navigate({ name: 'forum', forumId: forum.id, section: 'agenda' })}
              >
                <span className="forum-item-name">{forum.acronym || text(forum.name)}</span>
                <span className="forum-item-meta">
                  {[forum.city, forum.startDate?.slice(0, 4)].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="nav-item add" onClick={() => openOverlay('new-forum')}>
              + {tn('forums.new')}
            </button>
          </li>
        </ul>
        <ul>
          <PageLink name="settings" />
        </ul>
      </nav>
      <div className="sidebar-foot">
        <div className="sidebar-foot-row">
          <LanguageSwitch />
          <button
            type="button"
            className="icon-button"
            aria-label={tn('shortcuts.open')}
            title={tn('shortcuts.open')}
            onClick={() => openOverlay('shortcuts')}
          >
            ?
          </button>
        </div>
        <SaveIndicator />
      </div>
    </aside>
  );
}
