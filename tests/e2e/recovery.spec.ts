import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
