import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useBilingual } from '../../app/use-bilingual';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';
import type { ForumSection } from '../../store/nav-slice';
import { AgendaView } from '../agenda/AgendaView';
import { AgreementView } from '../agreement/AgreementView';
import { CommitmentsView } from '../commitments/CommitmentsView';
import { ContactsView } from '../contacts/ContactsView';
import { ExportView } from '../export/ExportView';
import { NotesView } from '../notes/NotesView';
import { ReportView } from '../report/ReportView';
import { ShareView } from '../share/ShareView';
import { ForumForm } from './ForumForm';
import { ForumTabs } from './ForumTabs';

export function ForumPage({ forumId, section }: { forumId: string; section: ForumSection }) {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const format = useFormat();
  const detail = useAppStore((s) => s.forum);
  const loadForum = useAppStore((s) => s.loadForum);
  const loadNotes = useAppStore((s) => s.loadNotes);
  const navigate = useAppStore((s) => s.navigate);
  const updateForum = useAppStore((s) => s.updateForum);
  const setForumDeleted = useAppStore((s) => s.setForumDeleted);
  const [editing, setEditing] = useState(false);

  const loadedForumId = detail?.forum.id;
  const notesForumId = useAppStore((s) => s.notesForumId);
  useEffect(() => {
    if (loadedForumId !== forumId) void loadForum(forumId);
    if (notesForumId !== forumId) void loadNotes(forumId);
  }, [forumId, loadedForumId, notesForumId, loadForum, loadNotes]);

  if (!detail || detail.forum.id !== forumId) return null;
  const { forum } = detail;
  const go = (next: ForumSection) => navigate({ name: 'forum', forumId, section: next });

  return (
    <div className="page forum-page">
      <header className="forum-header">
        <div className="forum-header-text">
          <p className="eyebrow">
            {[forum.acronym, forum.city, format.country(forum.country)].filter(Boolean).join(' · ')}
          </p>
          <h1>{text(forum.name)}</h1>
          <p className="forum-meta">
            {forum.startDate && format.dateRange(forum.startDate, forum.endDate)}
            {forum.venue && ` · ${forum.venue}`}
          </p>
          {text(forum.theme) && (
            // On a narrow window the theme is one line with an ellipsis: all of it on hover.
            <p className="forum-theme" title={text(forum.theme)}>
              <span className="label">{t('forumHeader.theme')}:</span> {text(forum.theme)}
            </p>
          )}
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('forumHeader.edit')}
          </button>
          <button
            type="button"
            className="button subtle"
            onClick={() => void setForumDeleted(forumId, true)}
          >
            {t('forums.delete')}
          </button>
        </div>
      </header>
      <ForumTabs section={section} onSelect={go} />
      <section
        id={`panel-${section}`}
        role="tabpanel"
        aria-labelledby={`tab-${section}`}
        className="tab-panel"
      >
        {section === 'agenda' && <AgendaView />}
        {section === 'notes' && <NotesView />}
        {section === 'agreement' && <AgreementView forumId={forumId} />}
        {section === 'commitments' && <CommitmentsView forumId={forumId} />}
        {section === 'contacts' && <ContactsView forumId={forumId} />}
        {section === 'report' && <ReportView forumId={forumId} />}
        {section === 'export' && <ExportView forumId={forumId} />}
        {section === 'share' && <ShareView forumId={forumId} />}
      </section>
      <Dialog
        title={t('forumForm.editTitle')}
        open={editing}
        onClose={() => setEditing(false)}
        wide
      >
        <ForumForm
          forum={forum}
          onCancel={() => setEditing(false)}
          onSubmit={async (_input, changed) => {
            if (Object.keys(changed).length) await updateForum(forumId, changed);
            setEditing(false);
          }}
        />
      </Dialog>
    </div>
  );
}
