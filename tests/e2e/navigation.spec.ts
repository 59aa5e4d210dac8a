import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Where the delegate is (forum, tab, note) lives in the address: a reload, Back and Forward
 * and an old link all land somewhere sensible, in both languages, wide and narrow.
 */

interface Words {
  systemLang: string;
  example: string;
  notesTab: string;
  agendaTab: string;
  home: RegExp;
  forumMissing: RegExp;
  noteMissing: RegExp;
  unknown: RegExp;
}

const indonesian: Words = {
  systemLang: 'id_ID.UTF-8',
  example: 'Buka contoh',
  notesTab: 'Catatan',
  agendaTab: 'Agenda',
  home: /Beranda/,
  forumMissing: /Forum tersebut tidak ditemukan/,
  noteMissing: /Catatan tersebut tidak ditemukan/,
  unknown: /Alamat tersebut tidak menuju halaman Risalah/,
};

const english: Words = {
  systemLang: 'en_US.UTF-8',
  example: 'Open an example',
  notesTab: 'Notes',
  agendaTab: 'Agenda',
  home: /Home/,
  forumMissing: /That forum is no longer here/,
  noteMissing: /That note is no longer here/,
  unknown: /That address does not lead to a page of Risalah/,
};

export const sizes = [
  { width: 1360, height: 860 },
  { width: 800, height: 700 },
] as const;

/** Adds the two example forums from the empty Home. */
export async function openExample(page: Page, words: { example: string }): Promise<void> {
  await page.getByRole('button', { name: words.example }).click();
  await expect(page.getByRole('button', { name: words.example })).toHaveCount(0);
}

/** Opens a note of the example through search (as a delegate would, on any window size). */
async function openExampleNote(page: Page): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByRole('searchbox').fill('Musyawarah perencanaan');
  await page.locator('.hit').first().click();
  await expect(indonesianSide(page)).toHaveValue(/Musyawarah perencanaan/);
}

const indonesianSide = (page: Page) => page.locator('.side-id textarea');

for (const words of [indonesian, english]) {
  for (const viewport of sizes) {
    test.describe(`routes, ${words.systemLang}, ${viewport.width}×${viewport.height}`, () => {
      test.use({ systemLang: words.systemLang, viewport });

      test('a reload returns to the same forum, tab and note; Back and Forward move between them', async ({
        page,
        server,
      }) => {
        await page.goto(server.url);
        await openExample(page, words);
        await openExampleNote(page);
        await expect(page).toHaveURL(/#\/forum\/[^/]+\/notes\/[^/]+$/);
        const noteUrl = page.url();

        await page.reload();
        await expect(page).toHaveURL(noteUrl);
        await expect(page.getByRole('tab', { name: words.notesTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(indonesianSide(page)).toHaveValue(/Musyawarah perencanaan/);

        await page.getByRole('tab', { name: words.agendaTab }).click();
        await expect(page).toHaveURL(/#\/forum\/[^/]+\/agenda$/);
        await page.goBack();
        await expect(page).toHaveURL(noteUrl);
        await expect(indonesianSide(page)).toHaveValue(/Musyawarah perencanaan/);
        await page.goForward();
        await expect(page.getByRole('tab', { name: words.agendaTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        // A reload on the agenda stays on the agenda of the same forum.
        const agendaUrl = page.url();
        await page.reload();
        await expect(page).toHaveURL(agendaUrl);
        await expect(page.getByRole('tab', { name: words.agendaTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
      });

      test('an unknown address, a deleted forum or note falls back with a message', async ({
        page,
        server,
      }) => {
        await page.goto(server.url);
        await openExample(page, words);
        await openExampleNote(page);
        const noteUrl = new URL(page.url());
        const forumPath = noteUrl.hash.replace(/\/notes\/[^/]+$/, '');

        // A note id that is not there: the forum's notes, and a message saying so.
        await page.goto(`${noteUrl.origin}/${forumPath}/notes/no-such-note`);
        await expect(page.locator('.toast-message')).toContainText(words.noteMissing);
        await expect(page.getByRole('tab', { name: words.notesTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(page).toHaveURL(new RegExp(`${forumPath.replace(/[/]/g, '\\/')}/notes$`));

        // A forum that is not there, opened as a new page (a bookmark, a reload): Home, and
        // a message.
        await page.goto(`${noteUrl.origin}/?again#/forum/no-such-forum/agenda`);
        await expect(page.locator('.toast-message')).toContainText(words.forumMissing);
        await expect(page).toHaveURL(/#\/$/);

        // Nothing Risalah knows.
        await page.goto(`${noteUrl.origin}/#/nowhere/at/all`);
        await expect(page.locator('.toast-message')).toContainText(words.unknown);
        await expect(page).toHaveURL(/#\/$/);
      });
    });
  }
}
