import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiResult } from '../../../electron/common/api/types';
import { reportDetailsSchema } from '../../../electron/common/domain/forum-schema';
import { createApiClient } from '../../../renderer/src/api/api-client';
import type { ApiTransport } from '../../../renderer/src/api/api-client';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { flushAllForExit } from '../../../renderer/src/store/autosave';
import { shownSave } from '../../../renderer/src/store/save-slice';

const blank = { id: '', en: '' };
const profile = {
  delegationName: blank,
  headName: '',
  headPosition: blank,
  institution: blank,
  city: '',
  members: [],
  letterhead: { lines: [], address: blank, logo: null },
  updatedAt: null,
};
const drafts = {
  purpose: { id: 'Maksud (rancangan)', en: 'Purpose (draft)' },
  results: { id: 'Hasil (rancangan)', en: 'Results (draft)' },
  conclusions: { id: 'Kesimpulan (rancangan)', en: 'Conclusions (draft)' },
  recommendations: { id: '', en: '' },
};

function fakeApi(options: { fail?: () => boolean } = {}) {
  const updates: Record<string, unknown>[] = [];
  let report = reportDetailsSchema.parse({ results: { id: 'Ditulis delegasi.', en: '' } });
  const transport: ApiTransport = {
    kind: 'browser',
    async invoke(channel: ApiChannel, input: unknown): Promise<ApiResult<unknown>> {
      if (channel === 'report.get') return { ok: true, value: report };
      if (channel === 'profile.get') return { ok: true, value: profile };
      if (channel === 'report.draft') return { ok: true, value: drafts };
      if (channel === 'report.update') {
        if (options.fail?.()) return { ok: false, error: { code: 'disk-full', params: {} } };
        const { patch } = input as { patch: Record<string, unknown> };
        updates.push(patch);
        report = { ...report, ...patch };
        return { ok: true, value: report };
      }
      return { ok: true, value: null };
    },
    subscribe: () => () => {},
  };
  return { client: createApiClient(transport), updates, stored: () => report };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('report details autosave', () => {
  it('sends a burst of typing once, with only the fields that changed', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadReport('f1');
    for (const number of ['0', '09', '094/518'])
      store.getState().editReport({ assignment: { number, date: null, issuedBy: blank } });
    store.getState().editReport({ place: 'Sukadana' });
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([
      { assignment: { number: '094/518', date: null, issuedBy: blank }, place: 'Sukadana' },
    ]);
  });

  it('keeps what failed to save and sends it with the next flush', async () => {
    let failing = true;
    const { client, stored } = fakeApi({ fail: () => failing });
    const store = createAppStore(client, 'id');
    await store.getState().loadReport('f1');
    store.getState().editReport({ number: '094/561/LAP/02/2017' });
    await store.getState().flushReport();
    expect(shownSave(store.getState())).toMatchObject({
      state: 'failed',
      error: { code: 'disk-full' },
    });
    expect(store.getState().report?.number).toBe('094/561/LAP/02/2017');
    failing = false;
    await store.getState().flushReport();
    expect(stored().number).toBe('094/561/LAP/02/2017');
    expect(shownSave(store.getState()).state).not.toBe('failed');
  });

  it('sends what was typed at once when the page goes away, without waiting for the timer', async () => {
    const { client, updates } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadReport('f1');
    store.getState().editReport({ place: 'Sukadana' });
    flushAllForExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(updates).toEqual([{ place: 'Sukadana' }]);
  });

  it('fills only the empty sides of the texts from the drafts', async () => {
    const { client, stored } = fakeApi();
    const store = createAppStore(client, 'id');
    await store.getState().loadReport('f1');
    const filled = await store.getState().fillReportDrafts();
    // purpose (2), results' English (1), conclusions (2); recommendations' drafts are empty.
    expect(filled).toBe(5);
    expect(stored().results).toEqual({ id: 'Ditulis delegasi.', en: 'Results (draft)' });
    expect(stored().purpose).toEqual(drafts.purpose);
    expect(stored().recommendations).toEqual(blank);
    expect(await store.getState().fillReportDrafts()).toBe(0);
  });
});
