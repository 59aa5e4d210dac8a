import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/node/cli/cli';
import { KEY_FILE } from '../../../electron/node/store/crypto';
import { WORKSPACE_FILE } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';
import { fakeIo, fakeRenderer } from './cli-io';

const PASS = 'delegasi kabupaten 2017';
const en = { LANG: 'en_US.UTF-8' };
const exists = (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

/** `risalah <args>` with what a person would type at the prompts; returns code and output. */
async function run(args: string[], env: NodeJS.ProcessEnv = en, typed: string[] = []) {
  // A copy per run, as each command is a process of its own: the CLI removes the
  // passphrase variables from the environment it was given.
  const c = fakeIo({ ...env }, '/nonexistent', () => null, typed);
  const code = await runCli(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('risalah encrypt, decrypt, passphrase', () => {
  it('encrypts with a passphrase typed twice, then every command needs it', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      expect((await run(['demo', '--workspace', ws])).code).toBe(0);
      const plainForums = await run(['forums', '--workspace', ws]);
      expect(plainForums.out).toMatch(/WHRCF 2017/);

      const mismatch = await run(['encrypt', '--workspace', ws], en, [PASS, 'something else']);
      expect(mismatch).toMatchObject({ code: 2, err: expect.stringMatching(/not the same/) });
      expect(await exists(join(ws, KEY_FILE))).toBe(false);

      const encrypted = await run(['encrypt', '--workspace', ws], en, [PASS, PASS]);
      expect(encrypted.code).toBe(0);
      const recoveryKey = /([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})/.exec(encrypted.out)?.[1];
      expect(recoveryKey).toBeDefined();
      expect(encrypted.out).toMatch(/shown only this once/);
      expect(await readFile(join(ws, WORKSPACE_FILE), 'utf8')).not.toMatch(/WHRCF 2017/);

      // No terminal and no RISALAH_PASSPHRASE: a clear refusal and a non-zero exit.
      for (const command of [['forums'], ['check'], ['backups'], ['demo']]) {
        const refused = await run([...command, '--workspace', ws]);
        expect(refused.code).toBe(1);
        expect(refused.err).toBe(
          `risalah ${command[0]} stopped: This workspace is encrypted. Give its passphrase (or recovery key) to open it.`,
        );
      }
      const wrong = await run(['forums', '--workspace', ws], { ...en, RISALAH_PASSPHRASE: 'x' });
      expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/not right/) });

      const byEnv = await run(['forums', '--workspace', ws], { ...en, RISALAH_PASSPHRASE: PASS });
      expect(byEnv.out).toMatch(/WHRCF 2017/);
      const byPrompt = await run(['check', '--workspace', ws], en, [PASS]);
      expect(byPrompt).toMatchObject({ code: 0, out: expect.stringMatching(/no problems found/) });
      const backups = await run(['backups', '--workspace', ws], en, [PASS]);
      expect(backups).toMatchObject({ code: 0, err: '' });

      const changed = await run(['passphrase', '--workspace', ws], en, [
        PASS,
        'frasa yang baru',
        'frasa yang baru',
      ]);
      expect(changed.code).toBe(0);
      expect((await run(['forums', '--workspace', ws], en, [PASS])).code).toBe(1);
      expect((await run(['forums', '--workspace', ws], en, ['frasa yang baru'])).code).toBe(0);

      // The recovery key alone, typed in lower case, decrypts it back to plain JSON.
      const decrypted = await run(['decrypt', '--workspace', ws], en, [
        (recoveryKey ?? '').toLowerCase(),
      ]);
      expect(decrypted.code).toBe(0);
      expect(await exists(join(ws, KEY_FILE))).toBe(false);
      expect(await readFile(join(ws, WORKSPACE_FILE), 'utf8')).toMatch(/WHRCF 2017/);
      expect((await run(['forums', '--workspace', ws])).code).toBe(0);
    });
  });

  it('speaks Indonesian to an Indonesian system, and refuses to encrypt twice', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const id = { LANG: 'id_ID.UTF-8', RISALAH_PASSPHRASE: PASS };
      expect((await run(['encrypt', '--workspace', ws], id)).out).toMatch(/kini terenkripsi/);
      const again = await run(['encrypt', '--workspace', ws], id);
      expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/sudah terenkripsi/) });
      const short = await run(['passphrase', '--workspace', ws], {
        ...id,
        RISALAH_NEW_PASSPHRASE: 'pendek',
      });
      expect(short).toMatchObject({ code: 1, err: expect.stringMatching(/sekurang-kurangnya 8/) });
    });
  });

  it('serve waits locked for the passphrase from the page, and answers nothing else until then', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      await run(['demo', '--workspace', ws]);
      await run(['encrypt', '--workspace', ws], { ...en, RISALAH_PASSPHRASE: PASS });
      const c = fakeIo(en, await fakeRenderer(dir));
      const running = runCli(['serve', '--workspace', ws], c.io);
      await expect.poll(() => c.out.join('\n')).toMatch(/encrypted and locked/);
      const url = new URL(/(http:\/\/\S+)/.exec(c.out.join('\n'))?.[1] ?? '');
      const call = async (channel: string, body: unknown) => {
        const reply = await fetch(`${url.origin}/api/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${url.searchParams.get('token')}`,
          },
          body: JSON.stringify(body),
        });
        return (await reply.json()) as { ok: boolean; error?: { code: string } };
      };
      expect(await call('forums.list', {})).toMatchObject({
        ok: false,
        error: { code: 'app-locked' },
      });
      expect(await call('security.unlock', { passphrase: PASS })).toMatchObject({ ok: true });
      expect(await call('forums.list', {})).toMatchObject({ ok: true });
      c.stop();
      expect(await running).toBe(0);
    });
  });
});
