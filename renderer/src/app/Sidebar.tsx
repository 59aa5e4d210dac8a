import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import type { View } from '../store/nav-slice';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { SaveIndicator } from './SaveIndicator';

const items: View[] = ['home', 'settings'];

export function Sidebar() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <div>
          <p className="brand-name">{t('appName')}</p>
          <p className="brand-tagline">{t('tagline')}</p>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === item ? 'page' : undefined}
                onClick={() => navigate(item)}
              >
                {t(`nav.${item}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-foot">
        <LanguageSwitch />
        <SaveIndicator />
      </div>
    </aside>
  );
}
