import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { gwangjuForum } from '../support/forums';
import { expect, test } from './fixtures';

const PASS = 'delegasi kabupaten gwangju';
const VENUE_LATER = 'Changed after the copy was taken';

/** What the lock screen and the recovery banner say, in each UI language. */
const languages = [
  {
    systemLang: 'en_GB.UTF-8',
    tag: 'en',
    locked: 'Risalah is locked',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    wrong: 'The passphrase (or recovery key) is not right. Nothing was changed; try again.',
    wait: /^Too many wrong attempts\. Wait (\d+) seconds, then try again\.$/,
    rollback: 'is older than the version Risalah last saved',
    rollbackTitle: 'A document is older than Risalah last saved it',
    dismiss: 'Dismiss',
  },
  {
    systemLang: 'id_ID.UTF-8',
    tag: 'id',
    locked: 'Risalah terkunci',
    passphrase: 'Frasa sandi',
    unlock: 'Buka kunci',
    wrong:
      'Frasa sandi (atau kunci pemulihan) tidak tepat. Tidak ada yang diubah; silakan coba lagi.',
    wait: /^Terlalu banyak percobaan yang salah\. Tunggu (\d+) detik, lalu coba lagi\.$/,
    rollback: 'lebih lama daripada versi yang terakhir disimpan Risalah',
    rollbackTitle: 'Sebuah dokumen lebih lama daripada yang terakhir disimpan Risalah',
    dismiss: 'Tutup',
  },
] as const;

type Language = (typeof languages)[number];

/** Types a passphrase on the lock screen and returns what the screen answers. */
async function tryPassphrase(page: Page, l: Language, passphrase: string): Promise<string> {
  const field = page.getByLabel(l.passphrase, { exact: true });
  await field.fill(passphrase);
  const alert = page.getByRole('alert');
  await page.getByRole('button', { name: l.unlock, exact: true }).click();
  await expect(page.getByRole('button', { name: l.unlock, exact: true })).toBeEnabled({
    timeout: 20_000,
  });
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? '';
}

const waitOf = (l: Language, text: string) => Number(l.wait.exec(text)?.[1] ?? 0);

for (const l of languages) {
  test.describe(`the lock screen's back-off (${l.tag})`, () => {
    test.use({
      systemLang: l.systemLang,
      seed: {
        run: async (workspace) => {
          const { encryptWorkspace } = await import('../../electron/node/store/encryption');
          await encryptWorkspace(workspace, PASS, { holder: 'seed' });
        },
      },
    });

    test('wrong passphrases make everyone wait longer, also after a restart', async ({
      page,
      server,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.goto(server.url);
      await expect(page.getByRole('heading', { name: l.locked })).toBeVisible();

      // The first wrong guesses are answered as wrong; then the screen asks to wait, and the
      // waits grow. A guess made while waiting is not tried at all.
      expect(await tryPassphrase(page, l, 'not the passphrase')).toBe(l.wrong);
      let answer = '';
      let wait = 0;
      for (let guess = 0; guess < 12 && wait < 8; guess++) {
        answer = await tryPassphrase(page, l, `wrong guess ${guess}`);
        if (answer === l.wrong) continue;
        expect(answer).toMatch(l.wait);
        wait = waitOf(l, answer);
        if (wait < 8) await page.waitForTimeout(wait * 1000 + 300);
      }
      expect(wait).toBeGreaterThanOrEqual(8);
      await page.screenshot({ path: `test-results/e2e/unlock-wait-${l.tag}-1360.png` });
      await page.setViewportSize({ width: 800, height: 700 });
      await page.screenshot({ path: `test-results/e2e/unlock-wait-${l.tag}-800.png` });

      // Even the right passphrase waits: the back-off is not a hint that a guess was close.
      expect(await tryPassphrase(page, l, PASS)).toMatch(l.wait);

      // A restart does not reset the count.
      await server.restart();
      await page.goto(server.url);
      await expect(page.getByRole('heading', { name: l.locked })).toBeVisible();
      answer = await tryPassphrase(page, l, PASS);
      expect(answer).toMatch(l.wait);

      // Once the wait is over, the right passphrase opens the workspace.
      await page.waitForTimeout(waitOf(l, answer) * 1000 + 500);
      await page.getByLabel(l.passphrase, { exact: true }).fill(PASS);
      await page.getByRole('button', { name: l.unlock, exact: true }).click();
      await expect(page.getByRole('heading', { name: l.locked })).toBeHidden({ timeout: 20_000 });
    });
  });

  test.describe(`a rolled-back encrypted document (${l.tag})`, () => {
    test.use({
      systemLang: l.systemLang,
      seed: {
        run: async (workspace) => {
          const { encryptWorkspace } = await import('../../electron/node/store/encryption');
          const { Workspace } = await import('../../electron/node/store/workspace');
          await encryptWorkspace(workspace, PASS, { holder: 'seed' });
          const unlock = { passphrase: PASS };
          const first = await Workspace.open(workspace, { holder: 'seed', unlock });
          const forumId = first.createForum(gwangjuForum).id;
          await first.close();
          const path = join(workspace, 'forums', `${forumId}.json`);
          const older = await readFile(path);
          const second = await Workspace.open(workspace, { holder: 'seed', unlock });
          second.updateForum(forumId, (doc) => {
            doc.forum.venue = VENUE_LATER;
          });
          await second.close();
          // An authentic but older copy of the forum put back in its place.
          await writeFile(path, older);
        },
      },
    });

    test('is reported after unlocking, in the UI language', async ({ page, server }) => {
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.goto(server.url);
      await page.getByLabel(l.passphrase, { exact: true }).fill(PASS);
      await page.getByRole('button', { name: l.unlock, exact: true }).click();

      const banner = page.getByRole('alert').filter({ hasText: l.rollback });
      await expect(banner).toBeVisible({ timeout: 20_000 });
      // It names the forum, not only its file (named by an id).
      await expect(banner.getByRole('heading')).toHaveText(l.rollbackTitle);
      await expect(banner).toContainText(`“WHRCF 2017” (${join('forums', '')}`);
      await page.screenshot({ path: `test-results/e2e/rollback-banner-${l.tag}-1360.png` });
      await page.setViewportSize({ width: 800, height: 700 });
      await page.screenshot({ path: `test-results/e2e/rollback-banner-${l.tag}-800.png` });
      await page.setViewportSize({ width: 1360, height: 860 });

      // What the user sees is the older copy: the later venue is gone, as the banner says.
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /WHRCF 2017/ })
        .click();
      await expect(page.getByText(gwangjuForum.venue).first()).toBeVisible();
      await expect(page.getByText(VENUE_LATER)).toHaveCount(0);

      await banner.getByRole('button', { name: l.dismiss }).click();
      await expect(banner).toBeHidden();
      // Said once: a restart after the next save does not report it again.
      await server.restart();
      await page.goto(server.url);
      await page.getByLabel(l.passphrase, { exact: true }).fill(PASS);
      await page.getByRole('button', { name: l.unlock, exact: true }).click();
      await expect(page.getByRole('heading', { name: l.locked })).toBeHidden({ timeout: 20_000 });
      await expect(page.getByRole('alert').filter({ hasText: l.rollback })).toHaveCount(0);
    });
  });
}
