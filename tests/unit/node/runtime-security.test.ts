import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../electron/common/api/contract';
import type { ApiResult } from '../../../electron/common/api/types';
import { Runtime } from '../../../electron/node/runtime';
import type { RuntimeOptions } from '../../../electron/node/runtime';
import type { KeyKeeper } from '../../../electron/node/security/key-keeper';
import { FORUMS_DIR } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const scrypt = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'kota hak asasi manusia';
const NOTE = 'Pembela HAM dari Aceh minta namanya tidak dicatat';

function options(dir: string, extra: Partial<RuntimeOptions> = {}): RuntimeOptions {
  return {
    workspaceDir: dir,
    transport: 'browser',
    locale: 'id-ID',
    debounceMs: 5,
    scrypt,
    ...extra,
  };
}

async function value<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw Object.assign(new Error(settled.error.code), settled.error);
  return settled.value as T;
}

async function errorCode(result: Promise<ApiResult<unknown>>): Promise<string | null> {
  const settled = await result;
  return settled.ok ? null : settled.error.code;
}

/** A plain workspace with one forum and one note; returns the forum id. */
async function seed(runtime: Runtime): Promise<string> {
  const forum = await value<{ id: string }>(runtime.call('forums.create', gwangjuForum));
  await value(runtime.call('notes.create', { forumId: forum.id, note: { body: { id: NOTE } } }));
  return forum.id;
}

async function bodies(runtime: Runtime, forumId: string): Promise<{ id: string; en: string }[]> {
  const list = await value<{ id: string }[]>(runtime.call('notes.list', { forumId }));
  const notes = await Promise.all(
    list.map((n) =>
      value<{ body: { id: string; en: string } }>(runtime.call('notes.get', { forumId, id: n.id })),
    ),
  );
  return notes.map((n) => n.body);
}
const ids = async (runtime: Runtime, forumId: string) =>
  (await bodies(runtime, forumId)).map((body) => body.id);

/** A keychain in memory, as Electron's safeStorage would be with a real backend. */
function memoryKeeper(backend = 'gnome_libsecret'): KeyKeeper & { keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  const available = backend !== 'basic_text';
  return {
    keys,
    status: () => ({ available, backend }),
    has: async (dir) => keys.has(dir),
    load: async (dir) => keys.get(dir) ?? null,
    save: async (dir, key) => void keys.set(dir, Buffer.from(key)),
    forget: async (dir) => void keys.delete(dir),
  };
}

describe('the runtime of an encrypted workspace', () => {
  it('encrypts from the app, locks, refuses a wrong passphrase and unlocks with the right one', async () => {
    await withTempDir(async (dir) => {
      const runtime = await Runtime.open(options(dir));
      const events: ApiEvent[] = [];
      runtime.events.subscribe((event) => events.push(event));
      const forumId = await seed(runtime);

      expect(await errorCode(runtime.call('security.encrypt', { passphrase: 'pendek' }))).toBe(
        'passphrase-too-short',
      );
      const { recoveryKey, status } = await value<{
        recoveryKey: string;
        status: { encrypted: boolean; locked: boolean };
      }>(runtime.call('security.encrypt', { passphrase: PASS }));
      expect(recoveryKey).toHaveLength(39);
      expect(status).toMatchObject({ encrypted: true, locked: false });
      expect(await ids(runtime, forumId)).toEqual([NOTE]);
      const stored = await readFile(join(dir, FORUMS_DIR, `${forumId}.json`));
      expect(stored.includes(Buffer.from('Pembela HAM'))).toBe(false);

      // An edit typed just before locking is on disk when the workspace opens again.
      const [note] = await value<{ id: string }[]>(runtime.call('notes.list', { forumId }));
      await value(
        runtime.call('notes.update', {
          forumId,
          id: note?.id,
          patch: { body: { en: 'Aceh defender asked not to be named' } },
        }),
      );
      expect(await value(runtime.call('security.lock', {}))).toMatchObject({ locked: true });
      expect(runtime.workspace).toBeNull();
      expect(events.at(-1)).toMatchObject({ name: 'security-changed', payload: { locked: true } });
      expect(await errorCode(runtime.call('notes.list', { forumId }))).toBe('app-locked');
      expect(await errorCode(runtime.call('forums.list', {}))).toBe('app-locked');
      expect(await value(runtime.call('app.info', {}))).toMatchObject({ workspaceDir: dir });

      expect(await errorCode(runtime.call('security.unlock', { passphrase: 'salah' }))).toBe(
        'wrong-passphrase',
      );
      expect(await value(runtime.call('security.status', {}))).toMatchObject({ locked: true });
      expect(await value(runtime.call('security.unlock', { recoveryKey }))).toMatchObject({
        locked: false,
      });
      expect(await bodies(runtime, forumId)).toEqual([
        { id: NOTE, en: 'Aceh defender asked not to be named' },
      ]);
      await runtime.close();

      // A new start waits locked, or opens at once with the passphrase (the CLI's way).
      const locked = await Runtime.open(options(dir));
      expect(await value(locked.call('security.status', {}))).toMatchObject({ locked: true });
      await locked.close();
      const unlocked = await Runtime.open(options(dir, { passphrase: PASS }));
      expect(await ids(unlocked, forumId)).toEqual([NOTE]);
      await unlocked.close();
    });
  });

  it('locks itself after the chosen idle time, and not before', async () => {
    await withTempDir(async (dir) => {
      let now = 1_000_000;
      const runtime = await Runtime.open(options(dir, { now: () => now }));
      await seed(runtime);
      await value(runtime.call('security.encrypt', { passphrase: PASS }));
      await value(runtime.call('security.setAutoLock', { minutes: 5 }));

      now += 4 * 60_000;
      await runtime.checkIdleNow();
      expect(runtime.workspace).not.toBeNull();
      // Use (here an activity ping from the renderer) restarts the count.
      await value(runtime.call('security.activity', {}));
      now += 4 * 60_000;
      await runtime.checkIdleNow();
      expect(runtime.workspace).not.toBeNull();
      now += 2 * 60_000;
      await runtime.checkIdleNow();
      expect(runtime.workspace).toBeNull();
      expect(await value(runtime.call('security.status', {}))).toMatchObject({
        locked: true,
        autoLockMinutes: 5,
      });
      await runtime.close();
    });
  });

  it('changes the passphrase and decrypts back to a plain workspace from the app', async () => {
    await withTempDir(async (dir) => {
      const runtime = await Runtime.open(options(dir));
      const forumId = await seed(runtime);
      await value(runtime.call('security.encrypt', { passphrase: PASS }));
      expect(
        await errorCode(
          runtime.call('security.changePassphrase', { current: 'salah', next: 'yang baru sekali' }),
        ),
      ).toBe('wrong-passphrase');
      await value(
        runtime.call('security.changePassphrase', { current: PASS, next: 'yang baru sekali' }),
      );
      expect(await errorCode(runtime.call('security.decrypt', { passphrase: PASS }))).toBe(
        'wrong-passphrase',
      );
      expect(runtime.workspace).not.toBeNull();
      expect(
        await value(runtime.call('security.decrypt', { passphrase: 'yang baru sekali' })),
      ).toMatchObject({ encrypted: false, locked: false });
      const stored = await readFile(join(dir, FORUMS_DIR, `${forumId}.json`), 'utf8');
      expect(stored).toContain('Pembela HAM');
      expect(await ids(runtime, forumId)).toEqual([NOTE]);
      await runtime.close();
    });
  });

  it('lets a real keychain remember the key, and never offers the basic_text fallback', async () => {
    await withTempDir(async (dir) => {
      const keeper = memoryKeeper();
      const runtime = await Runtime.open(options(dir, { keyKeeper: keeper }));
      const forumId = await seed(runtime);
      await value(runtime.call('security.encrypt', { passphrase: PASS }));
      expect(await value(runtime.call('security.keychain', { remember: true }))).toMatchObject({
        keychain: { available: true, remembered: true },
      });
      await runtime.close();

      const again = await Runtime.open(options(dir, { keyKeeper: keeper }));
      expect(await ids(again, forumId)).toEqual([NOTE]);
      await value(again.call('security.lock', {}));
      await value(again.call('security.unlock', { keychain: true }));
      expect(again.workspace).not.toBeNull();
      await value(again.call('security.keychain', { remember: false }));
      expect(keeper.keys.size).toBe(0);
      await again.close();

      const basic = memoryKeeper('basic_text');
      const plain = await Runtime.open(options(dir, { keyKeeper: basic, passphrase: PASS }));
      expect(await value(plain.call('security.status', {}))).toMatchObject({
        keychain: { available: false, backend: 'basic_text', remembered: false },
      });
      expect(await errorCode(plain.call('security.keychain', { remember: true }))).toBe(
        'keychain-unavailable',
      );
      expect(basic.keys.size).toBe(0);
      await plain.close();
    });
  });
});
