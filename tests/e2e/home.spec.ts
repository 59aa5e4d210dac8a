import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Home: the welcome on an empty workspace, then a dashboard whose every item opens where it
 * lives, with dates in the UI language.
 */

interface Words {
  systemLang: string;
  lang: 'id' | 'en';
  example: string;
  welcome: string;
  keeps: string;
  commitments: string;
  overdue: string;
  commitment: string;
  due: string;
  toTranslate: string;
  recent: string;
  sessions: string;
  noSessions: string;
  commitmentsTab: string;
  notesTab: string;
  home: string;
  agendaTab: string;
}

const indonesian: Words = {
  systemLang: 'id_ID.UTF-8',
  lang: 'id',
  example: 'Buka contoh',
  welcome: 'Selamat datang di Risalah',
  keeps: 'Yang dicatat Risalah untuk Anda',
  commitments: 'Komitmen yang melewati atau mendekati tenggat',
  overdue: 'Melewati tenggat',
  commitment: 'Menyusun rencana aksi daerah HAM bersama forum warga desa.',
  due: 'Tenggat 30 Juni 2018',
  toTranslate: 'Catatan yang belum diterjemahkan',
  recent: 'Catatan terbaru',
  sessions: 'Sesi',
  noSessions: 'Tidak ada sesi hari ini atau sesudahnya di forum ini.',
  commitmentsTab: 'Komitmen',
  notesTab: 'Catatan',
  home: 'Beranda',
  agendaTab: 'Agenda',
};

const english: Words = {
  systemLang: 'en_US.UTF-8',
  lang: 'en',
  example: 'Open an example',
  welcome: 'Welcome to Risalah',
  keeps: 'What Risalah keeps for you',
  commitments: 'Commitments overdue or due soon',
  overdue: 'Overdue',
  commitment:
    'Draw up a regional human rights action plan together with village residents’ forums.',
  due: 'Due 30 June 2018',
  toTranslate: 'Notes still to translate',
  recent: 'Recent notes',
  sessions: 'Sessions',
  noSessions: 'No session today or later at this forum.',
  commitmentsTab: 'Commitments',
  notesTab: 'Notes',
  home: 'Home',
  agendaTab: 'Agenda',
};

const sizes = [
  { width: 1360, height: 860 },
  { width: 800, height: 700 },
] as const;

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Back to Home as a delegate would: the browser's Back until Home shows. */
async function backHome(page: Page, words: Words) {
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await expect(page.getByRole('heading', { level: 1, name: words.home })).toBeVisible();
}

for (const words of [indonesian, english]) {
  for (const viewport of sizes) {
    test.describe(`home, ${words.systemLang}, ${viewport.width}×${viewport.height}`, () => {
      test.use({ systemLang: words.systemLang, viewport });
      // Long flows on a machine shared by many processes.
      test.slow();

      test('the welcome only on an empty workspace; then the overdue commitment, notes to translate and recent notes, each opening where it lives', async ({
        page,
        server,
      }) => {
        await page.goto(server.url);
        await expect(page.getByRole('heading', { name: words.welcome })).toBeVisible();
        await expect(page.getByRole('heading', { name: words.keeps })).toBeVisible();
        await page.screenshot({
          path: `test-results/e2e/home-empty-${words.lang}-${viewport.width}.png`,
          fullPage: true,
        });
        await page.getByRole('button', { name: words.example }).click();

        // The marketing cards are gone; the dashboard is there.
        await expect(page.getByRole('heading', { level: 1, name: words.home })).toBeVisible();
        await expect(page.getByRole('heading', { name: words.welcome })).toHaveCount(0);
        await expect(page.getByRole('heading', { name: words.keeps })).toHaveCount(0);
        const commitments = section(page, words.commitments);
        const overdue = commitments.getByRole('button', { name: words.commitment });
        await expect(overdue).toContainText(words.overdue);
        await expect(overdue).toContainText(words.due);
        // The example's forums are past: no session to come, said plainly.
        await expect(page.getByText(words.noSessions)).toBeVisible();
        await page.screenshot({
          path: `test-results/e2e/home-${words.lang}-${viewport.width}.png`,
          fullPage: true,
        });

        // The commitment opens in its forum's Commitments tab.
        await overdue.click();
        await expect(page.getByRole('tab', { name: words.commitmentsTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(page.getByText(words.commitment).first()).toBeVisible();
        await expect(page).toHaveURL(/#\/forum\/[^/]+\/commitments$/);

        // A note written in one language only is listed to translate, and opens.
        await page.keyboard.press('Alt+n');
        await page.keyboard.type('Hanya satu bahasa');
        await expect(page.locator(`.side-${words.lang} textarea`)).toHaveValue('Hanya satu bahasa');
        await backHome(page, words);
        const translate = section(page, words.toTranslate).getByRole('button', {
          name: /Hanya satu bahasa/,
        });
        await expect(translate).toBeVisible();
        const recent = section(page, words.recent).getByRole('button');
        await expect(recent.first()).toContainText('Hanya satu bahasa');
        await translate.click();
        await expect(page.getByRole('tab', { name: words.notesTab })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(page.locator(`.side-${words.lang} textarea`)).toHaveValue('Hanya satu bahasa');

        // A recent note opens too.
        await backHome(page, words);
        await section(page, words.recent).getByRole('button').nth(1).click();
        await expect(page).toHaveURL(/#\/forum\/[^/]+\/notes\/[^/]+$/);
        await expect(page.locator('.side-id textarea')).not.toHaveValue('');
      });
    });
  }
}
