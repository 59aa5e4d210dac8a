import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiResult } from '../../../electron/common/api/types';
import type { NoteView } from '../../../electron/common/domain/notebook-views';
import { createApiClient } from '../../../renderer/src/api/api-client';
import type { ApiTransport } from '../../../renderer/src/api/api-client';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { AUTOSAVE_MS } from '../../../renderer/src/store/notes-slice';

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

function fakeApi(options: { failUpdates?: () => boolean } = {}) {
  const updates: unknown[] = [];
  let note = structuredClone(stored);
  const transport: ApiTransport = {
    kind: 'browser',
    async invoke(channel: ApiChannel, input: unknown): Promise<ApiResult<unknown>> {
      if (channel === 'notes.list') return { ok: true, value: [] };
      if (channel === 'notes.get') return { ok: true, value: note };
      if (channel === 'notes.update') {
        if (options.failUpdates?.()) {
          return { ok: false, error: { code: 'host-unreachable', params: {} } };
        }
        const { patch } = input as { patch: { body?: Partial<NoteView['body']> } };
        updates.push(patch);
        note = { ...note, body: { ...note.body, ...patch.body } };
        return { ok: true, value: note };
      }
      return { ok: true, value: null };
    },
    subscribe: () => () => {},
  };
  return { client: createApiClient(transport), updates };
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
    const { client, updates } = fakeApi({ failUpdates: () => down });
    const store = createAppStore(client, 'id');
    await store.getState().loadNotes('f1');
    await store.getState().openNote('n1');
    store.getState().editNote({ body: { id: 'Jangan hilang' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(store.getState().saveStatus).toMatchObject({
      state: 'failed',
      error: { code: 'host-unreachable' },
    });
    expect(store.getState().editing?.body.id).toBe('Jangan hilang');
    down = false;
    store.getState().editNote({ body: { en: 'Not lost' } });
    await store.getState().flushNote();
    expect(updates).toEqual([{ body: { id: 'Jangan hilang', en: 'Not lost' } }]);
  });
});
