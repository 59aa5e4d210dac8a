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
