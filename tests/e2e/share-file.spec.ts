import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect as baseExpect, demoSeed, test } from './fixtures';
import { openForumTab, screenshotChecked } from './steps';
import { colleagueLaptop, firstStart, sendFile, writeNote } from './team-steps';
import { exact, wording } from './wording';

// Each step waits on the host: making a shared document, scrypt for a passphrase, a merge.
// On a machine shared by many processes those take seconds, never the default five.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Two delegates, two laptops (two browser-mode instances on two workspaces), no network
 * between them: each types a note on the same session, and the forum goes from one to the
 * other by file both ways through the Share tab. A file changed on the way is refused with a
 * clear message and changes nothing.
 */

/** The example's head of delegation: the author of what Ayu's laptop writes. */
const AYU = 'Chusnunia';
const BUDI = 'Budi Santoso';
const AYU_NOTE = 'Catatan Ayu: Lampung Timur memaparkan rencana aksi kabupaten ramah HAM.';
const BUDI_NOTE = 'Catatan Budi: peserta dari Korea bertanya tentang anggaran desa.';
const PASSPHRASE = 'malam di Gwangju';

/** The notes of a forum as the workspace keeps them on disk: author and Indonesian side. */
async function notesOnDisk(workspace: string, forumId: string): Promise<string[]> {
  const stored = JSON.parse(
    await readFile(join(workspace, 'forums', `${forumId}.json`), 'utf8'),
  ) as { data: { notes: { author: string; body: { id: string } }[] } };
  return stored.data.notes.map((n) => `${n.author}: ${n.body.id}`);
}

const forumIdOf = (page: Page) => /#\/forum\/([^/]+)/.exec(page.url())?.[1] ?? '';

for (const [systemLang, lang] of [
  ['id_ID.UTF-8', 'id'],
  ['en_GB.UTF-8', 'en'],
] as const) {
  test.describe(`share by file (${lang})`, () => {
    test.use({
      systemLang,
      viewport: { width: 1360, height: 860 },
      seed: demoSeed,
    });
    test.setTimeout(240_000);

    test('two laptops exchange a forum by file both ways; a tampered file changes nothing', async ({
      page: ayu,
      server,
      browser,
      locale,
    }, testInfo) => {
      const t = wording(lang);
      const files = await mkdtemp(join(tmpdir(), 'risalah-share-files-'));
      const budiLaptop = await colleagueLaptop(browser, systemLang, locale);
      const budi = budiLaptop.page;
      try {
        // Ayu (the example's laptop) writes her note on the side event and sends the forum.
        await ayu.goto(server.url);
        await ayu
          .getByRole('navigation')
          .getByRole('button', { name: /WHRCF 2017/ })
          .first()
          .click();
        const forumId = forumIdOf(ayu);
        expect(forumId).not.toBe('');
        await writeNote(ayu, t, lang, AYU_NOTE);
        await openForumTab(ayu, t, 'share');
        await expect(ayu.getByText(t('share:delegation.private'))).toBeVisible();
        await expect(ayu.getByText(t('share:delegation.willTravel'))).toBeVisible();
        await ayu.getByRole('button', { name: t('share:delegation.start') }).click();
        await expect(ayu.getByText(t('share:delegation.shared'))).toBeVisible();
        await expect(ayu.getByText(t('share:delegation.travels'))).toBeVisible();
        await screenshotChecked(ayu, testInfo, `${lang}-1360-share-panel`);
        const fromAyu = await sendFile(ayu, t, files, 'from-ayu.risalah');

        // Budi's laptop has no forum yet: he names himself, then receives from Home.
        await firstStart(budi, budiLaptop.server, t, BUDI);
        await budi.getByLabel(t('share:receive.choose')).setInputFiles(fromAyu);
        const cameToBudi = budi.getByRole('region', { name: t('share:received.title') });
        await expect(cameToBudi).toBeVisible({ timeout: 60_000 });
        const newToBudi = cameToBudi.getByRole('list', {
          name: t('share:received.notesAddedLabel'),
        });
        await expect(newToBudi.getByRole('listitem').filter({ hasText: AYU_NOTE })).toContainText(
          AYU,
        );
        const open = t('share:received.open', { forum: '' }).slice(0, -1);
        await cameToBudi.getByRole('button', { name: new RegExp(`^${open}`) }).click();
        await expect(budi).toHaveURL(new RegExp(`#/forum/${forumId}/notes`));

        // Budi writes his note on the same session and sends it back with a passphrase.
        await writeNote(budi, t, lang, BUDI_NOTE);
        const fromBudi = await sendFile(budi, t, files, 'from-budi.risalah', PASSPHRASE);

        // A file changed on the way is refused, in the UI language, and nothing changes.
        const bytes = await readFile(fromAyu);
        const tampered = Buffer.from(bytes);
        tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 0x01;
        const tamperedPath = join(files, 'tampered.risalah');
        await writeFile(tamperedPath, tampered);
        const truncatedPath = join(files, 'truncated.risalah');
        await writeFile(truncatedPath, bytes.subarray(0, Math.floor(bytes.length / 2)));
        await expect(ayu.locator('.save-indicator')).toHaveAttribute(
          'data-state',
          /^(saved|idle)$/,
        );
        const before = await readFile(join(server.workspace, 'forums', `${forumId}.json`));
        const refusal = t('share:receive.failed', { reason: t('errors:share-file-invalid') });
        for (const bad of [tamperedPath, truncatedPath]) {
          await ayu.getByLabel(t('share:receive.choose')).setInputFiles(bad);
          await expect(ayu.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
        }
        await ayu.waitForTimeout(500);
        expect(await readFile(join(server.workspace, 'forums', `${forumId}.json`))).toEqual(before);
        await screenshotChecked(ayu, testInfo, `${lang}-1360-refused`);

        // Budi's file asks for the passphrase; a wrong one is refused, the right one merges.
        await ayu.getByLabel(t('share:receive.choose')).setInputFiles(fromBudi);
        await expect(
          ayu.getByText(t('share:receive.encrypted', { file: 'from-budi.risalah' })),
        ).toBeVisible();
        await ayu.getByLabel(t('share:receive.passphrase')).fill('salah');
        await ayu.getByRole('button', { name: t('share:receive.open') }).click();
        await expect(
          ayu.getByRole('alert').filter({
            hasText: t('share:receive.failed', { reason: t('errors:share-file-wrong-passphrase') }),
          }),
        ).toBeVisible();
        expect(await readFile(join(server.workspace, 'forums', `${forumId}.json`))).toEqual(before);
        await ayu.getByLabel(t('share:receive.passphrase')).fill(PASSPHRASE);
        await ayu.getByRole('button', { name: t('share:receive.open') }).click();
        const cameToAyu = ayu.getByRole('region', { name: t('share:received.title') });
        // The passphrase's key derivation and the merge take seconds on a loaded machine.
        await expect(cameToAyu).toBeVisible({ timeout: 60_000 });
        const newToAyu = cameToAyu.getByRole('list', { name: t('share:received.notesAddedLabel') });
        await expect(newToAyu.getByRole('listitem')).toHaveCount(1);
        await expect(newToAyu.getByRole('listitem')).toContainText(BUDI);
        await expect(newToAyu.getByRole('listitem')).toContainText(BUDI_NOTE);
        await screenshotChecked(ayu, testInfo, `${lang}-1360-what-came-in`);
        await ayu.setViewportSize({ width: 800, height: 700 });
        await screenshotChecked(ayu, testInfo, `${lang}-800-what-came-in`);
        await ayu.setViewportSize({ width: 1360, height: 860 });

        // Budi's copy of Ayu's changes back, so both laptops hold both notes.
        const fromAyuAgain = await sendFile(ayu, t, files, 'from-ayu-2.risalah');
        await openForumTab(budi, t, 'share');
        await budi.getByLabel(t('share:receive.choose')).setInputFiles(fromAyuAgain);
        await expect(budi.getByRole('region', { name: t('share:received.title') })).toContainText(
          AYU,
          { timeout: 60_000 },
        );
        await budi.setViewportSize({ width: 800, height: 700 });
        await screenshotChecked(budi, testInfo, `${lang}-800-share-panel`);

        // Both notes, with their authors, in both laptops: in the notes list and on disk.
        for (const page of [ayu, budi]) {
          await openForumTab(page, t, 'notes');
          const list = page.getByRole('list', { name: exact(t('notebook:notes.listLabel')) });
          await expect(list.getByText(AYU_NOTE.slice(0, 30))).toBeVisible();
          await expect(list.getByText(BUDI_NOTE.slice(0, 30))).toBeVisible();
        }
        await budiLaptop.server.stop();
        for (const workspace of [server.workspace, budiLaptop.server.workspace]) {
          const notes = await notesOnDisk(workspace, forumId);
          expect(notes).toContain(`${AYU}: ${AYU_NOTE}`);
          expect(notes).toContain(`${BUDI}: ${BUDI_NOTE}`);
        }
      } finally {
        await budiLaptop.dispose();
        await rm(files, { recursive: true, force: true });
      }
    });
  });
}
