import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../../../electron/common/domain/notebook-views';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';
import type { NoteFilter } from '../../store/notes-slice';

const filters: NoteFilter[] = ['all', 'needs-translation', 'pinned'];

function PinIcon({ label }: { label: string }) {
  return (
    <svg className="pin" viewBox="0 0 16 16" width="14" height="14" role="img" aria-label={label}>
      <path
        d="M10 1l5 5-2 1-3 3 .5 3.5L9 15l-3-3-4 4-1-1 4-4-3-3 1.5-1.5L7 7l3-3z"
        fill="currentColor"
      />
    </svg>
  );
}

function visible(notes: NoteSummary[], filter: NoteFilter): NoteSummary[] {
  const shown =
    filter === 'pinned'
      ? notes.filter((n) => n.pinned)
      : filter === 'needs-translation'
        ? notes.filter((n) => n.translation !== 'complete' && n.translation !== 'empty')
        : notes;
  return [...shown].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt),
  );
}

export function NoteList() {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const notes = useAppStore((s) => s.notes);
  const filter = useAppStore((s) => s.noteFilter);
  const setFilter = useAppStore((s) => s.setNoteFilter);
  const editingId = useAppStore((s) => s.editing?.id);
  const openNote = useAppStore((s) => s.openNote);
  const sessions = useAppStore((s) => s.forum?.sessions ?? []);
  const list = visible(notes, filter);

  return (
    <div className="note-list">
      <div className="segmented wide" role="group" aria-label={t('notes.filter')}>
        {filters.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`notes.filters.${f}`)}
          </button>
        ))}
      </div>
      {notes.length === 0 && <p className="empty-state">{t('notes.empty')}</p>}
      {notes.length > 0 && list.length === 0 && (
        <p className="empty-state">{t('notes.emptyFilter')}</p>
      )}
      <ul aria-label={t('notes.listLabel')}>
        {list.map((note) => {
          const session = sessions.find((s) => s.id === note.sessionId);
          const title =
            text(note.preview)
              .split('\n')[0]
              ?.replace(/^#+\s*/, '') || t('notes.untitled');
          return (
            <li key={note.id}>
              <button
                type="button"
                className="note-item"
                aria-current={editingId === note.id ? 'true' : undefined}
                onClick={() => void openNote(note.id)}
              >
                <span className="note-item-title">
                  {note.pinned && <PinIcon label={t('notes.pinned')} />}
                  {title}
                </span>
                {session && <span className="note-item-session">{text(session.title)}</span>}
                <span className={`status status-${note.translation}`}>
                  {t(`notes.status.${note.translation}`)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
