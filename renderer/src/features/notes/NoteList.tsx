import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../electron/common/domain/forum-schema';
import type { NoteSummary } from '../../../../electron/common/domain/notebook-views';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';
import type { NoteFilter } from '../../store/notes-slice';

const filters: NoteFilter[] = ['all', 'needs-translation', 'pinned'];

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

interface ItemProps {
  note: NoteSummary;
  session: Session | undefined;
  current: boolean;
  onOpen: (id: string) => void;
}

/** Memoised: an autosave changes one summary, and only that row renders again. */
const NoteItem = memo(function NoteItem({ note, session, current, onOpen }: ItemProps) {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const title =
    text(note.preview)
      .split('\n')[0]
      ?.replace(/^#+\s*/, '') || t('notes.untitled');
  return (
    <button
      type="button"
      className="note-item"
      aria-current={current ? 'true' : undefined}
      onClick={() => onOpen(note.id)}
    >
      <span className="note-item-title">
        {note.pinned && <PinIcon label={t('notes.pinned')} />}
        {title}
      </span>
      {session && <span className="note-item-session">{text(session.title)}</span>}
      {note.authors.length > 0 && (
        <span className="note-item-authors">{note.authors.join(', ')}</span>
      )}
      <span className={`status status-${note.translation}`}>
        {t(`notes.status.${note.translation}`)}
      </span>
    </button>
  );
});

/**
 * The notes of the open forum. Only the rows in view are in the page (a forum may hold
 * thousands of notes); each row says its place in the whole list to assistive technology.
 */
export function NoteList() {
  const { t } = useTranslation('notebook');
  const notes = useAppStore((s) => s.notes);
  const filter = useAppStore((s) => s.noteFilter);
  const setFilter = useAppStore((s) => s.setNoteFilter);
  const editingId = useAppStore((s) => s.editing?.id);
  const openNote = useAppStore((s) => s.openNote);
  const sessions = useAppStore((s) => s.forum?.sessions);
  const list = useMemo(() => visible(notes, filter), [notes, filter]);
  const sessionById = useMemo(() => new Map((sessions ?? []).map((s) => [s.id, s])), [sessions]);
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, whose memoisation this hook would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 84,
    overscan: 10,
    getItemKey: (index) => list[index]?.id ?? index,
  });
  const open = useCallback((id: string) => void openNote(id), [openNote]);

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
      <div ref={scroller} className="note-scroller">
        <ul
          aria-label={t('notes.listLabel')}
          className="note-rows"
          ref={(el) => {
            if (el) el.style.height = `${virtualizer.getTotalSize()}px`;
          }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const note = list[row.index];
            if (!note) return null;
            return (
              <li
                key={row.key}
                data-index={row.index}
                ref={(el) => {
                  if (!el) return;
                  el.style.transform = `translateY(${row.start}px)`;
                  virtualizer.measureElement(el);
                }}
                aria-setsize={list.length}
                aria-posinset={row.index + 1}
              >
                <NoteItem
                  note={note}
                  session={note.sessionId ? sessionById.get(note.sessionId) : undefined}
                  current={editingId === note.id}
                  onOpen={open}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
