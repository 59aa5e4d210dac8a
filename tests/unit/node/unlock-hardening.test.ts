import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/common/api/types';
import { runCli } from '../../../electron/node/cli/cli';
import { Runtime } from '../../../electron/node/runtime';
import type { RuntimeOptions } from '../../../electron/node/runtime';
import type { KeyKeeper } from '../../../electron/node/security/key-keeper';
import { KEY_FILE } from '../../../electron/node/store/crypto';
import { ATTEMPTS_FILE, encryptWorkspace } from '../../../electron/node/store/encryption';
import { FORUMS_DIR, Workspace } from '../../../electron/node/store/workspace';
import { WorkspaceLock } from '../../../electron/node/store/workspace-lock';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';
import { fakeIo } from './cli-io';

const scrypt = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'kota hak asasi manusia';

/** A clock the test moves by hand: no real waiting. */
function fakeClock(start = Date.UTC(2026, 10, 29, 9)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function options(dir: string, extra: Partial<RuntimeOptions> = {}): RuntimeOptions {
  return { workspaceDir: dir, transport: 'browser', locale: 'id-ID', debounceMs: 5, ...extra };
}

async function errorOf(result: Promise<ApiResult<unknown>>) {
  const settled = await result;
  return settled.ok ? null : settled.error;
}

async function encrypted(dir: string): Promise<void> {
  await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
}

const keeper = (): KeyKeeper => {
  const keys = new Map<string, Buffer>();
  return {
    status: () => ({ available: true, backend: 'gnome_libsecret' }),
    has: async (dir) => keys.has(dir),
    load: async (dir) => keys.get(dir) ?? null,
    save: async (dir, key) => void keys.set(dir, Buffer.from(key)),
    forget: async (dir) => void keys.delete(dir),
  };
};

describe('the lock screen', () => {
  it('cannot switch auto-lock off or change the keychain without the passphrase', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const runtime = await Runtime.open(options(dir, { keyKeeper: keeper() }));
      expect((await runtime.status()).locked).toBe(true);
      expect(await errorOf(runtime.call('security.setAutoLock', { minutes: 0 }))).toMatchObject({
        code: 'app-locked',
      });
      expect(await errorOf(runtime.call('security.keychain', { remember: false }))).toMatchObject({
        code: 'app-locked',
      });
      // Nothing changed on disk: the lock still comes after 10 idle minutes.
      const keyFile = JSON.parse(await readFile(join(dir, KEY_FILE), 'utf8')) as {
        autoLockMinutes: number;
      };
      expect(keyFile.autoLockMinutes).toBe(10);
      // Unlocked, the same calls work.
      expect(await errorOf(runtime.call('security.unlock', { passphrase: PASS }))).toBeNull();
      expect(await errorOf(runtime.call('security.setAutoLock', { minutes: 0 }))).toBeNull();
      await runtime.close();
    });
  });
});

describe('unlock attempts back off', () => {
  it('ten wrong passphrases take at least 30 seconds, and the wait survives a restart', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const clock = fakeClock();
      const start = clock.now();
      let runtime = await Runtime.open(options(dir, { now: clock.now }));
      let wrong = 0;
      let refusedEarly = 0;
      while (wrong < 10) {
        const error = await errorOf(runtime.call('security.unlock', { passphrase: 'tebakan' }));
        if (error?.code === 'unlock-wait') {
          refusedEarly++;
          // The user waits as told (on the fake clock), then guesses again.
          clock.advance(Number(error.params.seconds) * 1000);
          continue;
        }
        expect(error?.code).toBe('wrong-passphrase');
        wrong++;
        if (wrong === 6) {
          // Quit and start again: the count and the wait are on disk, beside the key file.
          await runtime.close();
          runtime = await Runtime.open(options(dir, { now: clock.now }));
        }
      }
      expect(clock.now() - start).toBeGreaterThanOrEqual(30_000);
      expect(refusedEarly).toBeGreaterThan(0);

      // Even the right passphrase waits its turn, then opens and clears the count.
      const early = await errorOf(runtime.call('security.unlock', { passphrase: PASS }));
      expect(early).toMatchObject({ code: 'unlock-wait' });
      clock.advance(Number(early?.params.seconds) * 1000);
      expect(await errorOf(runtime.call('security.unlock', { passphrase: PASS }))).toBeNull();
      await expect(readFile(join(dir, ATTEMPTS_FILE))).rejects.toThrow();
      await runtime.close();
    });
  });

  it('the first two typos cost nothing', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const clock = fakeClock();
      const runtime = await Runtime.open(options(dir, { now: clock.now }));
      for (let i = 0; i < 2; i++) {
        const error = await errorOf(runtime.call('security.unlock', { passphrase: 'salah ketik' }));
        expect(error?.code).toBe('wrong-passphrase');
      }
      expect(await errorOf(runtime.call('security.unlock', { passphrase: PASS }))).toBeNull();
      await runtime.close();
    });
  });
});

describe('the key file and the passphrase variable', () => {
  it('a tampered key file cannot ask for a huge scrypt cost: refused at once, translated', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const path = join(dir, KEY_FILE);
      const keyFile = JSON.parse(await readFile(path, 'utf8')) as { kdf: { N: number } };
      keyFile.kdf.N = 2 ** 30;
      await writeFile(path, JSON.stringify(keyFile));
      await writeFile(join(dir, 'backups', 'key', KEY_FILE), JSON.stringify(keyFile));
      const runtime = await Runtime.open(options(dir));
      const error = await errorOf(runtime.call('security.unlock', { passphrase: PASS }));
      expect(error).toMatchObject({ code: 'key-file-cost', params: { N: 2 ** 30, r: 8, p: 1 } });
      await runtime.close();

      for (const [lang, text] of [
        ['en_GB.UTF-8', 'unreasonable key-derivation cost (scrypt N = 1073741824'],
        ['id_ID.UTF-8', 'biaya penurunan kunci yang tidak wajar (scrypt N = 1073741824'],
      ] as const) {
        const c = fakeIo({ LANG: lang, RISALAH_PASSPHRASE: PASS });
        expect(await runCli(['forums', '--workspace', dir], c.io)).toBe(1);
        expect(c.err.join('\n')).toContain(text);
      }
    });
  });

  it('RISALAH_PASSPHRASE and RISALAH_NEW_PASSPHRASE leave the environment once read', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const env: NodeJS.ProcessEnv = {
        LANG: 'en_GB.UTF-8',
        RISALAH_PASSPHRASE: PASS,
        RISALAH_NEW_PASSPHRASE: 'frasa sandi yang baru sekali',
      };
      const c = fakeIo(env);
      expect(await runCli(['passphrase', '--workspace', dir], c.io)).toBe(0);
      expect(env.RISALAH_PASSPHRASE).toBeUndefined();
      expect(env.RISALAH_NEW_PASSPHRASE).toBeUndefined();
      const again = fakeIo({
        LANG: 'en_GB.UTF-8',
        RISALAH_PASSPHRASE: 'frasa sandi yang baru sekali',
      });
      expect(await runCli(['forums', '--workspace', dir], again.io)).toBe(0);
    });
  });

  it('risalah passphrase takes the workspace lock: refused while the app has it open', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const lock = await WorkspaceLock.acquire(dir, 'Risalah');
      try {
        const c = fakeIo({
          LANG: 'en_GB.UTF-8',
          RISALAH_PASSPHRASE: PASS,
          RISALAH_NEW_PASSPHRASE: 'frasa sandi yang baru sekali',
        });
        expect(await runCli(['passphrase', '--workspace', dir], c.io)).toBe(1);
        expect(c.err.join('\n')).toMatch(/Risalah/);
      } finally {
        await lock.release();
      }
      // The passphrase did not change.
      const c = fakeIo({ LANG: 'en_GB.UTF-8', RISALAH_PASSPHRASE: PASS });
      expect(await runCli(['forums', '--workspace', dir], c.io)).toBe(0);
    });
  });
});

describe('rollback of an encrypted document', () => {
  it('an older copy put back by hand is reported; ordinary restarts are not', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const unlock = { passphrase: PASS };
      const first = await Workspace.open(dir, { holder: 'test', unlock });
      const forumId = first.createForum(gwangjuForum).id;
      await first.close();
      const path = join(dir, FORUMS_DIR, `${forumId}.json`);
      const older = await readFile(path);

      const second = await Workspace.open(dir, { holder: 'test', unlock });
      expect(second.notices).toEqual([]);
      second.updateForum(forumId, (doc) => {
        doc.forum.venue = 'Changed after the copy was taken';
      });
      await second.close();
      const third = await Workspace.open(dir, { holder: 'test', unlock });
      expect(third.notices).toEqual([]);
      await third.close();

      // The older copy is authentic (same key, same name), so only the counter tells.
      await writeFile(path, older);
      const rolledBack = await Workspace.open(dir, { holder: 'test', unlock });
      expect(rolledBack.notices).toMatchObject([
        { file: join(FORUMS_DIR, `${forumId}.json`), problem: 'rollback', restoredFrom: null },
      ]);
      expect(rolledBack.forum(forumId).forum.venue).toBe(gwangjuForum.venue);
      // The next save counts above what was remembered, so it is not reported again.
      rolledBack.updateForum(forumId, (doc) => {
        doc.forum.venue = 'Typed again';
      });
      await rolledBack.close();
      const after = await Workspace.open(dir, { holder: 'test', unlock });
      expect(after.notices).toEqual([]);
      await after.close();

      // The command line says so too, translated.
      const again = await readFile(path);
      await writeFile(path, older);
      const c = fakeIo({ LANG: 'id_ID.UTF-8', RISALAH_PASSPHRASE: PASS });
      expect(await runCli(['forums', '--workspace', dir], c.io)).toBe(0);
      expect(c.err.join('\n')).toContain('lebih lama daripada versi yang terakhir disimpan');
      expect(again.equals(older)).toBe(false);
    });
  });

  it('the counter cannot be raised without the key: an edited counter fails authentication', async () => {
    await withTempDir(async (dir) => {
      await encrypted(dir);
      const unlock = { passphrase: PASS };
      const ws = await Workspace.open(dir, { holder: 'test', unlock });
      const forumId = ws.createForum(gwangjuForum).id;
      await ws.close();
      const path = join(dir, FORUMS_DIR, `${forumId}.json`);
      const bytes = await readFile(path);
      bytes.writeBigUInt64BE(999n, 8);
      await writeFile(path, bytes);
      const reopened = await Workspace.open(dir, { holder: 'test', unlock });
      expect(reopened.notices).toMatchObject([{ problem: 'checksum' }]);
      await reopened.close();
    });
  });
});
