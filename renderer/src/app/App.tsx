import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useAppStore } from '../store/app-store';
import { RecoveryBanner } from './RecoveryBanner';
import { Sidebar } from './Sidebar';

export function App() {
  const { i18n } = useTranslation();
  const language = useAppStore((s) => s.language);
  const view = useAppStore((s) => s.view);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <div className="shell">
      <Sidebar />
      <main className="content" id="main">
        <RecoveryBanner />
        {view === 'home' ? <HomePage /> : <SettingsPage />}
      </main>
    </div>
  );
}
