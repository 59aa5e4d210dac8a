import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitmentsPage } from '../features/commitments/CommitmentsPage';
import { ContactsPage } from '../features/contacts/ContactsView';
import { ForumForm } from '../features/forums/ForumForm';
import { ForumPage } from '../features/forums/ForumPage';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { HomePage } from '../features/home/HomePage';
import { SearchDialog } from '../features/search/SearchDialog';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppStoreContext, useAppStore } from '../store/app-store';
import { Dialog } from './Dialog';
import { DiscardDialog } from './DiscardDialog';
import { ProblemBanner } from './ProblemBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { UndoToast } from './UndoToast';
import { syncLocation } from './routes';
import { NARROW_QUERY, useMediaQuery } from './use-media-query';
import { useShortcuts } from './use-shortcuts';

export function App() {
  const { i18n } = useTranslation();
  const { t } = useTranslation('notebook');
  const store = useContext(AppStoreContext);
  const language = useAppStore((s) => s.language);
  const route = useAppStore((s) => s.route);
  const overlay = useAppStore((s) => s.overlay);
  const openOverlay = useAppStore((s) => s.openOverlay);
  const closeOverlay = useAppStore((s) => s.closeOverlay);
  const createForum = useAppStore((s) => s.createForum);
  const noteActivity = useAppStore((s) => s.noteActivity);
  const narrow = useMediaQuery(NARROW_QUERY);
  if (!store) throw new Error('AppStoreContext is missing');
  useShortcuts(store);
  useEffect(() => syncLocation(store), [store]);

  // Typing, clicking and scrolling are use: they postpone the auto-lock of an encrypted workspace.
  useEffect(() => {
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    const options = { capture: true, passive: true };
    for (const name of events) window.addEventListener(name, noteActivity, options);
    return () => {
      for (const name of events) window.removeEventListener(name, noteActivity, options);
    };
  }, [noteActivity]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <div className={narrow ? 'shell narrow' : 'shell'}>
      {narrow ? <TopBar /> : <Sidebar />}
      <main className="content" id="main">
        <RecoveryBanner />
        <ProblemBanner />
        {route.name === 'home' && <HomePage />}
        {route.name === 'settings' && <SettingsPage />}
        {route.name === 'commitments' && <CommitmentsPage />}
        {route.name === 'contacts' && <ContactsPage />}
        {route.name === 'forum' && <ForumPage forumId={route.forumId} section={route.section} />}
      </main>
      <SearchDialog />
      <ShortcutsDialog />
      <UndoToast />
      <DiscardDialog />
      <Dialog
        title={t('forumForm.createTitle')}
        open={overlay === 'new-forum'}
        onClose={() => closeOverlay('new-forum')}
        wide
      >
        <ForumForm
          onCancel={() => openOverlay(null)}
          onSubmit={async (input) => {
            // Closed only once created: a refusal leaves the dialog open with what was typed.
            await createForum(input);
            openOverlay(null);
          }}
        />
      </Dialog>
    </div>
  );
}
