import { noteAuthors } from '../../../electron/common/domain/team';
import type { StateCreator } from 'zustand';
import type { NoteVersion } from '../../../electron/common/domain/forum-schema';
import type { NotePatch } from '../../../electron/common/domain/notebook-schema';
import type { Bilingual } from '../../../electron/common/domain/primitives';
import type { NoteSummary, NoteView } from '../../../electron/common/domain/notebook-views';
import type { ApiClient } from '../api/api-client';
import { Autosaver } from './autosave';
import type { AppState } from './app-store';

export { AUTOSAVE_MS, AUTOSAVE_MAX_WAIT_MS } from './autosave';

export type NoteFilter = 'all' | 'needs-translation' | 'pinned';

/** A note's side that should take the keyboard once it shows (a new note, *Write a note*). */
export interface NoteFocus {
  id: string;
  side: 'id' | 'en';
  serial: number;
}

export interface NotesSlice {
  notes: NoteSummary[];
  notesForumId: string | null;
  noteFilter: NoteFilter;
  editing: NoteView | null;
  /**
   * Another note is being opened or made: the one left is off the screen already, so nothing
   * typed in that moment can land in it.
   */
  switchingNote: boolean;
  loadNotes(forumId: string): Promise<void>;
  setNoteFilter(filter: NoteFilter): void;
  openNote(id: string | null): Promise<void>;
  /** Creates a note and puts the cursor in it, on the side of the UI language. */
  createNote(sessionId: string | null): Promise<void>;
  /** *Write a note* on a session: its newest note if it has one, else a new one. */
  writeSessionNote(sessionId: string): Promise<void>;
  /**
   * Leaves the open note: what was typed is sent, and a note left empty (no text, tag or pin)
   * is taken away by the host, which keeps it if anything reached it meanwhile.
   */
  leaveNote(): Promise<void>;
  noteFocus: NoteFocus | null;
  /**
   * Keys typed after *New note* or Ctrl+N while the note is being made (null when none is):
   * they go into the note once it shows, so typing straight away loses nothing.
   */
  typeAhead: string | null;
  /** The editor took the focus: hands over what was typed ahead, and stops collecting. */
  takeFocus(): string;
  /**
   * Changes the open note at once on screen; the host gets it AUTOSAVE_MS after the last
   * keystroke, and never more than AUTOSAVE_MAX_WAIT_MS after the first unsent one.
   */
  editNote(patch: NotePatch): void;
  flushNote(): Promise<void>;
  /**
   * Something came in from a colleague (a file received, the network): the list is read
   * again, and the open note too unless what the delegate typed is on its way (its answer
   * brings the merged text then).
   */
  refreshNotes(): Promise<void>;
  deleteNote(id: string): Promise<void>;
  noteHistory(id: string): Promise<NoteVersion[]>;
  /** Puts an earlier version back; the toast's *Undo* puts back the text it replaced. */
  restoreNoteVersion(id: string, versionId: string): Promise<void>;
}

export const createNotesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], NotesSlice> =>
  (set, get) => {
    // One autosaver per note: a patch always belongs to the note it was typed in.
    const savers = new Map<string, Autosaver<NotePatch>>();
    /**
     * Each open note's sides as the host last had them, as far as this page knows: what is
     * typed is typed on that text, and it goes with each patch as its `base`. The host then
     * carries the edit onto what it holds, which a colleague's change may have reached since
     * (otherwise the page's whole side would overwrite the colleague's words).
     */
    const known = new Map<string, Bilingual>();
    const fromHost = <N extends NoteView | null>(note: N): N => {
      if (note) known.set(note.id, { ...note.body });
      return note;
    };
    /** Counts edits, so a note read while the delegate typed is not put on screen. */
    let edits = 0;

    const send = async (forumId: string, id: string, patch: NotePatch) => {
      const was = known.get(id);
      const sent = was && patch.body ? { ...was, ...patch.body } : was;
      if (was && sent && patch.body) {
        patch = { ...patch, base: pick(was, patch.body) };
        known.set(id, sent);
      }
      let saved: NoteView;
      try {
        saved = await api.call('notes.update', { forumId, id, patch });
      } catch (error) {
        // Not taken: the next try is typed on what the host still has.
        if (was && known.get(id) === sent) known.set(id, was);
        throw error;
      }
      get().setSendError(null);
      const still = savers.get(id)?.queued;
      // A side not typed meanwhile now shows the host's text (merged, perhaps): it is the
      // next base. A side typed meanwhile keeps the text sent as its base.
      const now = known.get(id);
      if (now) known.set(id, { ...saved.body, ...pick(now, still?.body ?? {}) });
      if (saved.unmerged?.length) {
        const kept = saved.unmerged;
        get().showToast({ key: 'mergedPartly' }, async () => {
          for (const { versionId } of kept) await get().restoreNoteVersion(id, versionId);
        });
      }
      set((state) => ({
        notes: state.notes.map((n) => (n.id === saved.id ? summary(saved) : n)),
        // Keep what was typed since this request left; take the rest from the store.
        editing:
          state.editing?.id === saved.id
            ? { ...saved, body: { ...saved.body, ...still?.body } }
            : state.editing,
      }));
    };

    const saverFor = (forumId: string, id: string) => {
      const key = `${forumId}/${id}`;
      let saver = savers.get(id);
      if (!saver) {
        saver = new Autosaver<NotePatch>({
          send: (patch) => send(forumId, id, patch),
          merge: mergePatch,
          onPending: (pending) => get().setUnsent(`note:${key}`, pending),
          onError: (error) => get().setSendError(error),
        });
        savers.set(id, saver);
      }
      return saver;
    };

    const flushAll = () =>
      Promise.all([...savers.values()].map((saver) => saver.flush())).then(() => undefined);

    /**
     * Leaves `left`: what was typed is sent, and a note left empty (no text, tag or pin) is
     * taken away by the host, which keeps it if anything reached it meanwhile.
     */
    const leave = async (left: NoteView | null) => {
      const forumId = get().notesForumId;
      await get().flushNote();
      // The newest text of the note left: the store's while it shows, else what it held.
      const now = get().editing?.id === left?.id ? get().editing : left;
      if (!left || !forumId || !now || !looksEmpty(now)) return;
      try {
        if ((await api.call('notes.discardEmpty', { forumId, id: left.id })) === 'kept') return;
      } catch {
        // Not taken away this time: an empty note in the list is harmless.
        return;
      }
      set((state) => ({
        notes: state.notes.filter((n) => n.id !== left.id),
        editing: state.editing?.id === left.id ? null : state.editing,
      }));
    };

    /**
     * Takes the open note off the screen before another is opened or made (the *Write a
     * note* button shows the Notes tab first): a click or a key in that moment must not go
     * into the note being left.
     */
    const switchFrom = async <T>(next: () => Promise<T>): Promise<T> => {
      const left = get().editing;
      set({ editing: null, switchingNote: true });
      try {
        await leave(left);
        return await next();
      } finally {
        set({ switchingNote: false });
      }
    };

    /**
     * The notes of a forum on their way. A note made meanwhile waits for them: the list would
     * otherwise arrive after it, without it, and close it under the delegate's typing.
     */
    let loading: { forumId: string; done: Promise<void> } | null = null;

    let focusSerial = 0;
    const focusOn = (id: string): Pick<NotesSlice, 'noteFocus'> => ({
      noteFocus: { id, side: get().language, serial: ++focusSerial },
    });

    return {
      notes: [],
      notesForumId: null,
      noteFilter: 'all',
      editing: null,
      switchingNote: false,
      noteFocus: null,
      typeAhead: null,
      loadNotes(forumId) {
        // The forum page asks again while a first load is on its way: one load per forum.
        if (loading?.forumId === forumId) return loading.done;
        const done = (async () => {
          await get().leaveNote();
          const notes = await api.call('notes.list', { forumId });
          set({ notes, notesForumId: forumId, editing: null });
        })().finally(() => {
          if (loading?.done === done) loading = null;
        });
        loading = { forumId, done };
        return done;
      },
      setNoteFilter: (noteFilter) => set({ noteFilter }),
      async openNote(id) {
        if (id !== null && get().editing?.id === id) return get().flushNote();
        await switchFrom(async () => {
          const forumId = get().notesForumId;
          if (!id || !forumId) return;
          set({ editing: fromHost(await api.call('notes.get', { forumId, id })) });
        });
      },
      async createNote(sessionId) {
        set({ typeAhead: get().typeAhead ?? '' });
        try {
          await loading?.done;
          await switchFrom(async () => {
            const forumId = get().notesForumId;
            if (!forumId) return set({ typeAhead: null });
            const note = fromHost(await api.call('notes.create', { forumId, note: { sessionId } }));
            set((state) => ({
              notes: [...state.notes, summary(note)],
              editing: note,
              ...focusOn(note.id),
            }));
          });
        } catch (error) {
          set({ typeAhead: null });
          throw error;
        }
      },
      async writeSessionNote(sessionId) {
        set({ typeAhead: get().typeAhead ?? '' });
        try {
          await loading?.done;
          const forumId = get().forum?.forum.id;
          if (forumId && get().notesForumId !== forumId) await get().loadNotes(forumId);
          const newest = get()
            .notes.filter((n) => n.sessionId === sessionId)
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
          if (!newest) return await get().createNote(sessionId);
          await get().openNote(newest.id);
          if (get().editing?.id === newest.id) set(focusOn(newest.id));
          else set({ typeAhead: null });
        } catch (error) {
          set({ typeAhead: null });
          throw error;
        }
      },
      leaveNote: () => leave(get().editing),
      takeFocus() {
        const typed = get().typeAhead ?? '';
        set({ typeAhead: null, noteFocus: null });
        return typed;
      },
      editNote(patch) {
        const editing = get().editing;
        const forumId = get().notesForumId;
        if (!editing || !forumId) return;
        edits++;
        set({
          editing: {
            ...editing,
            ...(patch.body ? { body: { ...editing.body, ...patch.body } } : {}),
            ...(patch.tags ? { tags: patch.tags } : {}),
            ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
            ...(patch.sessionId !== undefined ? { sessionId: patch.sessionId } : {}),
            ...(patch.dismissKept ? { keptFromTrash: null } : {}),
          },
        });
        saverFor(forumId, editing.id).edit(patch);
      },
      async flushNote() {
        await flushAll();
      },
      async refreshNotes() {
        const forumId = get().notesForumId;
        if (!forumId) return;
        const open = get().editing;
        const editsBefore = edits;
        const [notes, note] = await Promise.all([
          api.call('notes.list', { forumId }),
          open && !savers.get(open.id)?.pending
            ? api.call('notes.get', { forumId, id: open.id }).catch(() => null)
            : null,
        ]);
        if (get().notesForumId !== forumId) return;
        const fresh =
          note &&
          get().editing?.id === note.id &&
          edits === editsBefore &&
          !savers.get(note.id)?.pending;
        set((state) => ({
          notes: notes.map((n) =>
            n.id === state.editing?.id && !fresh ? summary(state.editing) : n,
          ),
          ...(fresh ? { editing: fromHost(note) } : {}),
        }));
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
        get().showToast({ key: 'deleted.note' }, async () => {
          await get().restoreFromTrash({ kind: 'note', forumId, id });
          if (get().notesForumId === forumId) await get().openNote(id);
        });
      },
      async noteHistory(id) {
        const forumId = get().notesForumId;
        return forumId ? api.call('notes.history', { forumId, id }) : [];
      },
      async restoreNoteVersion(id, versionId) {
        // What is typed goes to the store first, so the restore replaces (and keeps) it.
        await get().flushNote();
        const forumId = get().notesForumId;
        if (!forumId) return;
        const { note, kept } = await api.call('notes.restoreVersion', { forumId, id, versionId });
        fromHost(note);
        set((state) => ({
          notes: state.notes.map((n) => (n.id === id ? summary(note) : n)),
          editing: state.editing?.id === id ? note : state.editing,
        }));
        get().showToast(
          { key: 'versionRestored' },
          kept ? () => get().restoreNoteVersion(id, kept) : undefined,
        );
      },
    };
  };

function looksEmpty(note: NoteView): boolean {
  return !note.body.id.trim() && !note.body.en.trim() && note.tags.length === 0 && !note.pinned;
}

/** The sides of `text` that `sides` names. */
function pick(text: Bilingual, sides: Partial<Bilingual>): Partial<Bilingual> {
  const picked: Partial<Bilingual> = {};
  for (const side of ['id', 'en'] as const)
    if (sides[side] !== undefined) picked[side] = text[side];
  return picked;
}

function mergePatch(older: NotePatch, newer: NotePatch): NotePatch {
  return {
    ...older,
    ...newer,
    ...(older.body || newer.body ? { body: { ...older.body, ...newer.body } } : {}),
  };
}

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
    authors: noteAuthors(note),
  };
}
