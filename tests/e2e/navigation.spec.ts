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
  side: 'id' | 'en';
  newNote: string;
  writeNote: string;
  notesList: string;
  opening: string;
  openingNote: RegExp;
  closing: string;
  typed: string;
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
  side: 'id',
  newNote: 'Catatan baru',
  writeNote: 'Tulis catatan',
  notesList: 'Catatan',
  opening: 'Pembukaan oleh Kepala Kantor Wilayah, Basnamara',
  openingNote: /^Kegiatan dihadiri/,
  closing: 'Penutupan',
  typed: 'Wali kota menutup sesi.\nDua butir disepakati.',
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
  side: 'en',
  newNote: 'New note',
  writeNote: 'Write a note',
  notesList: 'Notes',
  opening: 'Opening by the Head of the Regional Office, Basnamara',
  openingNote: /^Representatives of 10/,
  closing: 'Closing',
  typed: 'The mayor closed the session.\nTwo points were agreed.',
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
async function openExampleNote(page: Page, words = 'Musyawarah perencanaan'): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByRole('searchbox').fill(words);
  await page.locator('.hit').first().click();
  await expect(indonesianSide(page)).toHaveValue(new RegExp(words));
}

const indonesianSide = (page: Page) => page.locator('.side-id textarea');

/** The forum shows the tab named `name`. */
const expectTabShown = (page: Page, name: string) =>
  expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');

for (const words of [indonesian, english]) {
  for (const viewport of sizes) {
    test.describe(`routes, ${words.systemLang}, ${viewport.width}×${viewport.height}`, () => {
      test.use({ systemLang: words.systemLang, viewport });
      // Long flows on a machine shared by many processes.
      test.slow();

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
        await expectTabShown(page, words.notesTab);
        await expect(indonesianSide(page)).toHaveValue(/Musyawarah perencanaan/);

        await page.getByRole('tab', { name: words.agendaTab }).click();
        await expect(page).toHaveURL(/#\/forum\/[^/]+\/agenda$/);
        await page.goBack();
        await expect(page).toHaveURL(noteUrl);
        await expect(indonesianSide(page)).toHaveValue(/Musyawarah perencanaan/);
        await page.goForward();
        await expectTabShown(page, words.agendaTab);
        // A reload on the agenda stays on the agenda of the same forum.
        const agendaUrl = page.url();
        await page.reload();
        await expect(page).toHaveURL(agendaUrl);
        await expectTabShown(page, words.agendaTab);
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
        await expectTabShown(page, words.notesTab);
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

for (const words of [indonesian, english]) {
  for (const viewport of sizes) {
    test.describe(`keyboard, ${words.systemLang}, ${viewport.width}×${viewport.height}`, () => {
      test.use({ systemLang: words.systemLang, viewport });
      // Long flows on a machine shared by many processes.
      test.slow();
      const uiSide = (page: Page) => page.locator(`.side-${words.side} textarea`);
      const rows = (page: Page) =>
        page.getByRole('list', { name: words.notesList }).getByRole('listitem');

      test('Ctrl+N, Alt+N and New note put the cursor in the new note; typing straight away lands in it', async ({
        page,
        server,
      }) => {
        await page.goto(server.url);
        await openExample(page, words);
        await openExampleNote(page);
        const n = await rows(page).count();
        expect(n).toBeGreaterThan(2);
        await page.getByRole('tab', { name: words.agendaTab }).click();

        // Typed with no pause after the shortcut: nothing is lost while the note is made.
        await page.keyboard.press('Control+n');
        await page.keyboard.type(words.typed);
        await expect(uiSide(page)).toBeFocused();
        await expect(uiSide(page)).toHaveValue(words.typed);
        await expect(rows(page)).toHaveCount(n + 1);

        // Browser mode's own shortcut (the browser keeps Ctrl+N for a new window).
        await page.keyboard.press('Alt+n');
        await page.keyboard.type('Alt+N');
        await expect(uiSide(page)).toHaveValue('Alt+N');
        await expect(rows(page)).toHaveCount(n + 2);

        await page.getByRole('button', { name: words.newNote }).click();
        await page.keyboard.type('Tombol');
        await expect(uiSide(page)).toBeFocused();
        await expect(uiSide(page)).toHaveValue('Tombol');
        await expect(rows(page)).toHaveCount(n + 3);

        // Everything typed is on disk: a reload shows the last note as it was.
        await page.reload();
        await expect(uiSide(page)).toHaveValue('Tombol');
        await expect(rows(page)).toHaveCount(n + 3);
        await page.screenshot({
          path: `test-results/e2e/new-note-${words.side}-${viewport.width}.png`,
        });
      });

      test('Write a note opens the session’s note; an empty note goes when left, one with text stays', async ({
        page,
        server,
      }) => {
        await page.goto(server.url);
        await openExample(page, words);
        // The Bandar Lampung workshop: its closing has no note.
        await openExampleNote(page, 'Kelompok komunitas diminta mencatat');
        const n = await rows(page).count();
        expect(n).toBeGreaterThan(2);
        await page.getByRole('tab', { name: words.agendaTab }).click();
        const session = (title: string) =>
          page
            .locator('.agenda-item')
            .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

        // The opening has a note: it opens, with the cursor at its end, and no other is made.
        await session(words.opening).getByRole('button', { name: words.writeNote }).click();
        await expect(uiSide(page)).toBeFocused();
        await expect(uiSide(page)).toHaveValue(words.openingNote);
        await page.keyboard.type(' +');
        await expect(uiSide(page)).toHaveValue(/\+$/);
        await expect(rows(page)).toHaveCount(n);

        // The closing has none: a new one, which goes again when left empty.
        await page.getByRole('tab', { name: words.agendaTab }).click();
        await session(words.closing).getByRole('button', { name: words.writeNote }).click();
        await expect(uiSide(page)).toBeFocused();
        await expect(uiSide(page)).toHaveValue('');
        await expect(rows(page)).toHaveCount(n + 1);
        await page.getByRole('tab', { name: words.agendaTab }).click();
        await page.getByRole('tab', { name: words.notesTab }).click();
        await expect(rows(page)).toHaveCount(n);

        // Empty notes made by Ctrl+N go when another note is opened, too.
        await page.keyboard.press('Control+n');
        await expect(rows(page)).toHaveCount(n + 1);
        await rows(page).last().getByRole('button').click();
        await expect(rows(page)).toHaveCount(n);

        // A single letter on either side keeps a note, and so does a reload.
        await page.getByRole('tab', { name: words.agendaTab }).click();
        await session(words.closing).getByRole('button', { name: words.writeNote }).click();
        await page.locator(`.side-${words.side === 'id' ? 'en' : 'id'} textarea`).fill('x');
        await page.getByRole('tab', { name: words.agendaTab }).click();
        await page.reload();
        await page.getByRole('tab', { name: words.notesTab }).click();
        await expect(rows(page)).toHaveCount(n + 1);
        // Write a note on the closing now opens that note, not another.
        await page.getByRole('tab', { name: words.agendaTab }).click();
        await session(words.closing).getByRole('button', { name: words.writeNote }).click();
        await expect(
          page.locator(`.side-${words.side === 'id' ? 'en' : 'id'} textarea`),
        ).toHaveValue('x');
        await expect(rows(page)).toHaveCount(n + 1);
      });
    });
  }
}
