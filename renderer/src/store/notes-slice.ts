import type { StateCreator } from 'zustand';
import type { NotePatch } from '../../../electron/common/domain/notebook-schema';
import type { NoteSummary, NoteView } from '../../../electron/common/domain/notebook-views';
import { ApiError } from '../api/api-client';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

/** How long typing is gathered before it is sent to the store (which saves to disk). */
export const AUTOSAVE_MS = 400;

export type NoteFilter = 'all' | 'needs-translation' | 'pinned';

export interface NotesSlice {
  notes: NoteSummary[];
  notesForumId: string | null;
  noteFilter: NoteFilter;
  editing: NoteView | null;
  loadNotes(forumId: string): Promise<void>;
  setNoteFilter(filter: NoteFilter): void;
  openNote(id: string | null): Promise<void>;
  createNote(sessionId: string | null): Promise<void>;
  /** Changes the open note at once on screen; the store gets it within AUTOSAVE_MS. */
  editNote(patch: NotePatch): void;
  flushNote(): Promise<void>;
  deleteNote(id: string): Promise<void>;
}

export const createNotesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], NotesSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: NotePatch = {};
    let inFlight: Promise<void> = Promise.resolve();

    const send = async () => {
      clearTimeout(timer);
      timer = undefined;
      const editing = get().editing;
      const forumId = get().notesForumId;
      if (!editing || !forumId || Object.keys(pending).length === 0) return;
      const patch = pending;
      pending = {};
      let saved: NoteView;
      try {
        saved = await api.call('notes.update', { forumId, id: editing.id, patch });
      } catch (error) {
        // Nothing typed is dropped: the patch goes back in line, under what came since.
        pending = { ...patch, ...pending, body: { ...patch.body, ...pending.body } };
        get().applySaveStatus({
          ...get().saveStatus,
          state: 'failed',
          error: error instanceof ApiError ? error.payload : { code: 'internal', params: {} },
        });
        return;
      }
      set((state) => ({
        notes: state.notes.map((n) => (n.id === saved.id ? summary(saved) : n)),
        // Keep what was typed since this request left; take the rest from the store.
        editing:
          state.editing?.id === saved.id
            ? { ...saved, body: { ...saved.body, ...pending.body } }
            : state.editing,
      }));
    };

    return {
      notes: [],
      notesForumId: null,
      noteFilter: 'all',
      editing: null,
      async loadNotes(forumId) {
        await get().flushNote();
        const notes = await api.call('notes.list', { forumId });
        set({ notes, notesForumId: forumId, editing: null });
      },
      setNoteFilter: (noteFilter) => set({ noteFilter }),
      async openNote(id) {
        await get().flushNote();
        const forumId = get().notesForumId;
        if (!id || !forumId) return set({ editing: null });
        set({ editing: await api.call('notes.get', { forumId, id }) });
      },
      async createNote(sessionId) {
        await get().flushNote();
        const forumId = get().notesForumId;
        if (!forumId) return;
        const note = await api.call('notes.create', { forumId, note: { sessionId } });
        set((state) => ({ notes: [...state.notes, summary(note)], editing: note }));
      },
      editNote(patch) {
        const editing = get().editing;
        if (!editing) return;
        pending = {
          ...pending,
          ...patch,
          ...(patch.body ? { body: { ...pending.body, ...patch.body } } : {}),
        };
        set({
          editing: {
            ...editing,
            ...(patch.body ? { body: { ...editing.body, ...patch.body } } : {}),
            ...(patch.tags ? { tags: patch.tags } : {}),
            ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
            ...(patch.sessionId !== undefined ? { sessionId: patch.sessionId } : {}),
          },
        });
        clearTimeout(timer);
        timer = setTimeout(() => {
          inFlight = inFlight.then(send, send);
        }, AUTOSAVE_MS);
      },
      async flushNote() {
        inFlight = inFlight.then(send, send);
        await inFlight;
      },
      async deleteNote(id) {
        await get().flushNote();
        const forumId = get().notesForumId;
        if (!forumId) return;
        await api.call('notes.delete', { forumId, id });
        set((state) => ({
          notes: state.notes.filter((n) => n.id !== id),
          editing: state.editing?.id === id ? null : state.editing,
        }));
      },
    };
  };

export function summary(note: NoteView): NoteSummary {
  return {
    id: note.id,
    sessionId: note.sessionId,
    pinned: note.pinned,
    tags: note.tags,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    preview: { id: note.body.id.slice(0, 160), en: note.body.en.slice(0, 160) },
    translation: note.translation,
  };
}
