import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/common/api/types';
import type { LanStatus } from '../../../electron/common/domain/share-views';
import { Runtime } from '../../../electron/node/runtime';
import { withTempDir } from '../../support/temp-dir';

/** The app's Host this delegation / Join over the API: off by default, off again at close. */

async function value<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw Object.assign(new Error(settled.error.code), settled.error);
  return settled.value as T;
}

async function errorCode(result: Promise<ApiResult<unknown>>): Promise<string | null> {
  const settled = await result;
  return settled.ok ? null : settled.error.code;
}

/** Whether something accepts TCP connections at `host:port`. */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('lan.* over the API', () => {
  it('hosting is off until asked, listens on the address given, and stops when the app closes', async () => {
    await withTempDir(async (dir) => {
      const runtime = await Runtime.open({
        workspaceDir: dir,
        transport: 'browser',
        locale: 'en-GB',
        debounceMs: 5,
        lanBindAddress: '127.0.0.1',
      });
      let port = 0;
      try {
        expect(await value<LanStatus>(runtime.call('lan.status', {}))).toEqual({ mode: 'off' });
        const hosting = await value<LanStatus>(runtime.call('lan.host', {}));
        if (hosting.mode !== 'hosting') throw new Error(`not hosting: ${hosting.mode}`);
        expect(hosting.address).toMatch(/^127\.0\.0\.1:\d+$/);
        expect(hosting.code).toMatch(/^\d{4}-\d{4}$/);
        expect(hosting.qrSvg).toContain('<svg');
        expect(hosting.invitation).toContain(hosting.code.replace('-', ''));
        port = Number(hosting.address.split(':')[1]);
        expect(await listening('127.0.0.1', port)).toBe(true);

        // Malformed input is refused with a translated code, and hosting goes on.
        expect(
          await errorCode(runtime.call('lan.join', { address: 'not an address', code: '' })),
        ).toBe('lan-bad-address');
        expect(
          await errorCode(runtime.call('lan.join', { address: '127.0.0.1:47800', code: '12ab' })),
        ).toBe('lan-bad-code');
        expect((await value<LanStatus>(runtime.call('lan.status', {}))).mode).toBe('hosting');

        expect(await value<LanStatus>(runtime.call('lan.stop', {}))).toEqual({ mode: 'off' });
        expect(await listening('127.0.0.1', port)).toBe(false);
        const again = await value<LanStatus>(runtime.call('lan.host', {}));
        if (again.mode !== 'hosting') throw new Error('not hosting again');
        port = Number(again.address.split(':')[1]);
        expect(await listening('127.0.0.1', port)).toBe(true);
      } finally {
        await runtime.close();
      }
      // Quitting the app stops hosting.
      expect(await listening('127.0.0.1', port)).toBe(false);
    });
  }, 60_000);
});
