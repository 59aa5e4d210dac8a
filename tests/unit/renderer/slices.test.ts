import { describe, expect, it } from 'vitest';
import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiResult, SecurityStatus } from '../../../electron/common/api/types';
import { createApiClient } from '../../../renderer/src/api/api-client';
import { createAppStore } from '../../../renderer/src/store/app-store';

const status = (patch: Partial<SecurityStatus>): SecurityStatus => ({
  encrypted: true,
  locked: false,
  autoLockMinutes: 10,
  keychain: { available: false, backend: 'none', remembered: false },
  ...patch,
});

function storeWithCalls() {
  const calls: ApiChannel[] = [];
  const client = createApiClient({
    kind: 'browser',
    async invoke(channel): Promise<ApiResult<unknown>> {
      calls.push(channel);
      return { ok: true, value: null };
    },
    subscribe: () => () => undefined,
  });
  return { store: createAppStore(client, 'en'), calls };
}

describe('activity reports for the auto-lock', () => {
  it('tells the host at most once per half minute, and only when an auto-lock is running', async () => {
    const realNow = Date.now;
    let now = 1_000_000;
    Date.now = () => now;
    try {
      const { store, calls } = storeWithCalls();
      const pings = () => calls.filter((c) => c === 'security.activity').length;

      store.getState().applySecurity(status({ encrypted: false }));
      store.getState().noteActivity();
      store.getState().applySecurity(status({ autoLockMinutes: 0 }));
      store.getState().noteActivity();
      expect(pings()).toBe(0);

      store.getState().applySecurity(status({}));
      for (let i = 0; i < 50; i++) store.getState().noteActivity();
      expect(pings()).toBe(1);
      now += 29_000;
      store.getState().noteActivity();
      expect(pings()).toBe(1);
      now += 2_000;
      store.getState().noteActivity();
      expect(pings()).toBe(2);
    } finally {
      Date.now = realNow;
    }
  });
});

describe('overlays', () => {
  it('a late close event of one dialog does not close the dialog opened after it', () => {
    const { store } = storeWithCalls();
    store.getState().openOverlay('search');
    // Escape closes the search; before its close event lands, F1 opens the shortcuts.
    store.getState().openOverlay('shortcuts');
    store.getState().closeOverlay('search');
    expect(store.getState().overlay).toBe('shortcuts');
    store.getState().closeOverlay('shortcuts');
    expect(store.getState().overlay).toBeNull();
  });
});

describe('moving a forum to the Trash', () => {
  it('leaves the delegate where they went while the host answered, and goes Home only from the forum', async () => {
    let answer = () => {};
    const client = createApiClient({
      kind: 'browser',
      async invoke(channel): Promise<ApiResult<unknown>> {
        if (channel === 'forums.delete') await new Promise<void>((r) => (answer = r));
        return { ok: true, value: channel === 'forums.list' ? [] : null };
      },
      subscribe: () => () => undefined,
    });
    const store = createAppStore(client, 'en');
    store.getState().navigate({ name: 'forum', forumId: 'f1', section: 'agenda' });
    const slow = store.getState().setForumDeleted('f1', true);
    await Promise.resolve();
    store.getState().navigate({ name: 'settings' });
    answer();
    await slow;
    expect(store.getState().route).toEqual({ name: 'settings' });

    store.getState().navigate({ name: 'forum', forumId: 'f1', section: 'agenda' });
    const quick = store.getState().setForumDeleted('f1', true);
    await Promise.resolve();
    answer();
    await quick;
    expect(store.getState().route).toEqual({ name: 'home' });
  });
});
