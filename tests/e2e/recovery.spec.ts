import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Workspace } from '../../electron/node/store/workspace';
import { expect, test } from './fixtures';
import { gwangjuForum } from '../support/forums';

/** A workspace worked on in two sessions (so a daily backup exists), then damaged. */
async function damagedWorkspace(dir: string): Promise<void> {
  const first = await Workspace.open(dir, { holder: 'seed' });
  first.updateSettings({ language: 'en' });
  first.createForum(gwangjuForum);
  await first.close();
  const second = await Workspace.open(dir, { holder: 'seed' });
  second.updateSettings({ language: 'id' });
  const [forumId] = second.forumIds();
  second.updateForum(forumId ?? '', (doc) => {
    doc.forum.venue = 'Kim Dae-jung Convention Center, Gwangju';
  });
  await second.close();
  const path = join(dir, 'workspace.json');
  const bytes = await readFile(path);
  await writeFile(path, bytes.subarray(0, bytes.length - 20));
}

test.describe('a damaged workspace document', () => {
  test.use({ systemLang: 'en_GB.UTF-8', seed: { run: damagedWorkspace } });

  test('is repaired from its backup, the user is told, and backups can be restored', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    const banner = page.getByRole('alert');
    // The backup holds the first session's choice: English.
    await expect(banner).toContainText('Risalah repaired a damaged file');
    await expect(banner).toContainText('workspace.json could not be read');
    await expect(banner).toContainText('its content does not match its checksum');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);

    await page.getByRole('button', { name: 'Settings' }).click();
    const table = page.getByRole('table');
    await expect(table).toContainText('World Human Rights Cities Forum 2017');
    await expect(table).toContainText('Workspace (profile, settings, contacts)');
    const restore = page.getByRole('button', { name: /Restore the backup of Workspace/ }).first();
    await restore.click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored the backup' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Before a restore' })).toBeVisible();
  });
});

/** Two sessions (so a daily backup of the first exists), then the forum's file deleted by hand. */
async function forumFileDeleted(dir: string): Promise<void> {
  const first = await Workspace.open(dir, { holder: 'seed' });
  first.updateSettings({ language: 'en' });
  const forumId = first.createForum(gwangjuForum).id;
  await first.close();
  const second = await Workspace.open(dir, { holder: 'seed' });
  second.updateForum(forumId, (doc) => {
    doc.forum.venue = 'Changed in the second session';
  });
  await second.close();
  await rm(join(dir, 'forums', `${forumId}.json`));
}

test.describe('a deleted forum document', () => {
  test.use({ systemLang: 'en_GB.UTF-8', seed: { run: forumFileDeleted } });

  test('comes back from its backup, and the user is told', async ({ page, server }) => {
    await page.goto(server.url);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('Risalah repaired a damaged file');
    await expect(banner).toContainText(
      /forums\/.+\.json\) could not be read \(the file is missing\)/,
    );
    await expect(banner).toContainText('was loaded in its place');
    await page.screenshot({ path: 'test-results/e2e/recovery-missing-forum-en.png' });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page
      .getByRole('button', { name: /WHRCF 2017/ })
      .first()
      .click();
    // The backup's state: the first session's venue, not an empty forum.
    await expect(page.getByRole('main')).toContainText('Kim Dae-jung Convention Center');
  });
});

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const run = promisify(execFile);

async function risalah(args: string[], lang: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

for (const [lang, missing, repaired] of [
  ['en_GB.UTF-8', 'its document is missing', 'could not be read (the file is missing)'],
  ['id_ID.UTF-8', 'dokumennya tidak ada', 'tidak dapat dibaca (berkas tidak ditemukan)'],
] as const) {
  test(`the command line reports a deleted forum file, then restores it (${lang})`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risalah-e2e-cli-'));
    try {
      await forumFileDeleted(dir);
      const check = await risalah(['check', '--workspace', dir], lang);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(missing);

      // Any command that opens the workspace recovers the file and says so.
      const forums = await risalah(['forums', '--workspace', dir], lang);
      expect(forums.code).toBe(0);
      expect(forums.stderr).toContain(repaired);
      expect(forums.stdout).toContain('WHRCF 2017');

      const again = await risalah(['check', '--workspace', dir], lang);
      expect(again.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
