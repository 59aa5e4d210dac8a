import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiResult } from '../../../electron/common/api/types';
import type { NoteView } from '../../../electron/common/domain/notebook-views';
import { createApiClient } from '../../../renderer/src/api/api-client';
import type { ApiTransport } from '../../../renderer/src/api/api-client';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { flushOnLeave } from '../../../renderer/src/app/flush-on-leave';
import { AUTOSAVE_MAX_WAIT_MS, AUTOSAVE_MS } from '../../../renderer/src/store/notes-slice';
import { shownSave } from '../../../renderer/src/store/save-slice';

const at = '2026-11-24T08:00:00.000Z';
const stored: NoteView = {
  id: 'n1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  sessionId: null,
  body: { id: '', en: '' },
  bodyUpdatedAt: { id: null, en: null },
  tags: [],
  pinned: false,
  author: '',
  translation: 'empty',
};

function fakeApi(
  options: {
    failUpdates?: () => boolean;
    created?: Promise<void>;
    listed?: () => Promise<void>;
  } = {},
) {
  const updates: unknown[] = [];
  const bases: unknown[] = [];
  const keepalive: boolean[] = [];
  let edit = 1000;
  let note = structuredClone(stored);
  const transport: ApiTransport = {
    kind: 'browser',
    async invoke(channel: ApiChannel, input: unknown, how): Promise<ApiResult<unknown>> {
      if (channel === 'notes.list') {
        await options.listed?.();
        return { ok: true, value: [] };
      }
      if (channel === 'notes.get') return { ok: true, value: note };
      if (channel === 'notes.create') {
        await options.created;
        return { ok: true, value: { ...structuredClone(stored), id: 'n2' } };
      }
      if (channel === 'notes.update') {
        if (options.failUpdates?.()) {
          return { ok: false, error: { code: 'host-unreachable', params: {} } };
        }
        const { patch } = input as {
          patch: { body?: Partial<NoteView['body']>; base?: Partial<NoteView['body']> };
        };
        // What each side was typed on goes with it (the host merges with it); the tests
        // here are about what is sent and when.
        const { base, ...sent } = patch;
        bases.push(base);
        updates.push(sent);
        keepalive.push(how?.keepalive === true);
        note = { ...note, body: { ...note.body, ...patch.body } };
        return { ok: true, value: note, edit: ++edit };
      }
      return { ok: true, value: null };
    },
    subscribe: () => () => {},
  };
  return { client: createApiClient(transport), updates, bases, keepalive };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('note autosave', () => {
  it('gathers a burst of typing into one update after the autosave delay', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    for (const text of ['D', 'De', 'Dem', 'Demokrasi'])
      store.getState().editNote({ body: { id: text } });
    expect(store.getState().editing?.body.id).toBe('Demokrasi');
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(updates).toEqual([{ body: { id: 'Demokrasi' } }]);
  });

  it('sends what was typed at once when the delegate leaves the note', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { en: 'Local democracy' } });
    store.getState().navigate({ name: 'home' });
    await vi.advanceTimersByTimeAsync(0);
    expect(updates).toEqual([{ body: { en: 'Local democracy' } }]);
  });

  it('keeps the text when the host does not answer, and sends it when it does', async () => {
    let down = true;
    const { client, updates, bases } = fakeApi({ failUpdates: () => down });
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { id: 'Jangan hilang' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(shownSave(store.getState())).toMatchObject({
      state: 'failed',
      error: { code: 'host-unreachable' },
    });
    expect(store.getState().editing?.body.id).toBe('Jangan hilang');
    down = false;
    store.getState().editNote({ body: { en: 'Not lost' } });
    await store.getState().flushNote();
    expect(updates).toEqual([{ body: { id: 'Jangan hilang', en: 'Not lost' } }]);
    // Typed on what the host still has (the request that failed changed nothing there), so
    // the host does not take its own text for the delegate's starting point.
    expect(bases).toEqual([{ id: '', en: '' }]);
  });
});

describe('note autosave under fast typing', () => {
  it('sends within the max wait however fast the typing, and never says saved while text is unsent', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    const sentAt: number[] = [];
    let text = '';
    const shown: string[] = [];
    // A keystroke every 50 ms for 3 s: the debounce alone would never fire.
    for (let i = 0; i < 60; i++) {
      text += 'a';
      store.getState().editNote({ body: { id: text } });
      shown.push(shownSave(store.getState()).state);
      const before = updates.length;
      await vi.advanceTimersByTimeAsync(50);
      if (updates.length > before) sentAt.push(i * 50);
    }
    expect(sentAt.length).toBeGreaterThanOrEqual(3);
    const gaps = sentAt.map((t, i) => t - (sentAt[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + 50);
    expect(shown.every((state) => state === 'saving')).toBe(true);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    // Sent, but the host has not said it is on disk: still "saving".
    expect(shownSave(store.getState()).state).toBe('saving');
    store.getState().applySaveStatus({
      state: 'saved',
      savedAt: at,
      error: null,
      savedThrough: store.getState().lastEdit,
      pending: [],
    });
    expect(shownSave(store.getState()).state).toBe('saved');
  });

  it('a "saved" for an older edit does not count for a newer one', async () => {
    const { client } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { id: 'satu' } });
    await store.getState().flushNote();
    const first = store.getState().lastEdit;
    store.getState().editNote({ body: { id: 'satu dua' } });
    await store.getState().flushNote();
    store.getState().applySaveStatus({
      state: 'saved',
      savedAt: at,
      error: null,
      savedThrough: first,
      pending: [],
    });
    expect(shownSave(store.getState()).state).toBe('saving');
  });

  it('sends what is typed at once, in a request that outlives the page, when the page is hidden or left', async () => {
    const { client, updates, keepalive } = fakeApi();
    const store = createAppStore(client, 'id');
    const page = new EventTarget() as Window;
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    Object.defineProperty(page, 'document', { value: doc });
    flushOnLeave(client, page);
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { id: 'Sebelum dimuat ulang' } });
    page.dispatchEvent(new Event('pagehide'));
    expect(updates).toEqual([{ body: { id: 'Sebelum dimuat ulang' } }]);
    expect(keepalive).toEqual([true]);
    page.dispatchEvent(new Event('pageshow'));
    store.getState().editNote({ body: { id: 'Tab disembunyikan' } });
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(updates.at(-1)).toEqual({ body: { id: 'Tab disembunyikan' } });
    expect(keepalive).toEqual([true, true]);
  });

  it('in the desktop app, sends what is typed when the main process asks before a close or reload', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    let flushRequested: (() => Promise<void>) | undefined;
    const page = Object.assign(new EventTarget(), {
      risalah: { onFlushRequest: (handler: () => Promise<void>) => (flushRequested = handler) },
    }) as unknown as Window;
    Object.defineProperty(page, 'document', { value: new EventTarget() });
    flushOnLeave(client, page);
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { en: 'Before the window closes' } });
    expect(updates).toEqual([]);
    await flushRequested?.();
    // Answered only once the host has taken it.
    expect(updates).toEqual([{ body: { en: 'Before the window closes' } }]);
  });
});

describe('moving to another note', () => {
  it('takes the note left off the screen at once, so typing meant for the new one cannot land in it', async () => {
    // The new note is made slowly (a busy host): the moment the old one could still be hit.
    let made = () => {};
    const { client, updates } = fakeApi({ created: new Promise<void>((r) => (made = r)) });
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { id: 'Catatan pertama' } });
    const making = store.getState().createNote('s1');
    await vi.advanceTimersByTimeAsync(0);
    // While the new note is being made, no note is open to type into.
    expect(store.getState().editing).toBeNull();
    expect(store.getState().switchingNote).toBe(true);
    store.getState().editNote({ body: { en: 'meant for the new note' } });
    made();
    await making;
    expect(store.getState().editing?.id).toBe('n2');
    expect(store.getState().switchingNote).toBe(false);
    // The first note kept its text and got nothing meant for the new one.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MAX_WAIT_MS + 10);
    expect(updates).toEqual([{ body: { id: 'Catatan pertama' } }]);
  });

  it('a note made while the forum page loads its notes (twice) stays open under the typing', async () => {
    // The forum page asks for the notes again when the forum's details arrive: two loads
    // on their way, and Alt+N between them (the Home test caught the note closing).
    const lists: (() => void)[] = [];
    const { client } = fakeApi({ listed: () => new Promise<void>((r) => lists.push(r)) });
    const store = createAppStore(client, 'id');
    const first = store.getState().loadNotes('f1');
    const second = store.getState().loadNotes('f1');
    const making = store.getState().createNote(null);
    await vi.advanceTimersByTimeAsync(0);
    for (const answer of lists.splice(0)) answer();
    await Promise.all([first, second, making]);
    for (const answer of lists.splice(0)) answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().notesForumId).toBe('f1');
    expect(store.getState().editing?.id).toBe('n2');
  });
});

describe('the save state at start', () => {
  it('a failure pushed before the start-up answer (a full disk, nothing saved yet) stays', () => {
    const { client } = fakeApi();
    const store = createAppStore(client, 'id');
    store.getState().applySaveStatus({
      state: 'failed',
      savedAt: null,
      error: { code: 'disk-full', params: { path: '/ws/workspace.json' } },
      savedThrough: 0,
      pending: ['workspace'],
    });
    // What app.info said when it was read, before the failure: older than the push.
    store.getState().applyStartSaveStatus({
      state: 'saved',
      savedAt: at,
      error: null,
      savedThrough: 0,
      pending: [],
    });
    expect(shownSave(store.getState()).state).toBe('failed');
  });
});
