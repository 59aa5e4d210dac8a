import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { typeDateTime } from './forms';
import type { RisalahServer } from './fixtures';
import { openExampleForum } from './steps';

interface Words {
  newForum: RegExp;
  createForum: string;
  addSession: string;
  save: string;
  closingKind: string;
  dayHeading: string;
  notesTab: string;
  needsTranslation: string;
  firstSide: string;
  secondSide: string;
  firstText: string;
  secondText: string;
  missingSecond: string;
  complete: string;
  searchWord: string;
  matched: string;
  agendaTab: string;
  writeNote: string;
}

const indonesian: Words = {
  newForum: /Forum baru/,
  createForum: 'Buat forum',
  addSession: 'Tambah sesi',
  save: 'Simpan',
  closingKind: 'Upacara penutupan',
  dayHeading: 'Minggu, 17 September 2017',
  notesTab: 'Catatan',
  needsTranslation: 'Perlu diterjemahkan',
  firstSide: 'Bahasa Indonesia',
  secondSide: 'Bahasa Inggris',
  firstText: 'Delegasi berkomitmen memperkuat demokrasi lokal yang partisipatif.',
  secondText: 'The delegation committed to strengthening participatory local democracy.',
  missingSecond: 'Bahasa Inggris belum ada',
  complete: 'Dua bahasa',
  searchWord: 'komitmen',
  matched: 'berkomitmen',
  agendaTab: 'Agenda',
  writeNote: 'Tulis catatan',
};

const english: Words = {
  newForum: /New forum/,
  createForum: 'Create forum',
  addSession: 'Add session',
  save: 'Save',
  closingKind: 'Closing ceremony',
  dayHeading: 'Sunday, 17 September 2017',
  notesTab: 'Notes',
  needsTranslation: 'Needs translation',
  firstSide: 'English',
  secondSide: 'Indonesian',
  firstText: 'The delegation committed to strengthening participatory local democracy.',
  secondText: 'Delegasi berkomitmen memperkuat demokrasi lokal yang partisipatif.',
  missingSecond: 'Indonesian missing',
  complete: 'Both languages',
  searchWord: 'commitment',
  matched: 'committed',
  agendaTab: 'Agenda',
  writeNote: 'Write a note',
};

async function delegateDay(page: Page, w: Words, restart: () => Promise<void>, url: () => string) {
  await page.goto(url());
  // A forum of their own.
  await page.getByRole('button', { name: w.newForum }).first().click();
  const forumDialog = page.getByRole('dialog');
  await forumDialog
    .getByLabel(/\(bahasa Indonesia\)|\(Indonesian\)/)
    .first()
    .fill('Forum Kota HAM Sedunia 2017');
  await forumDialog
    .getByLabel(/\(bahasa Inggris\)|\(English\)/)
    .first()
    .fill('World Human Rights Cities Forum 2017');
  await forumDialog.getByLabel(/^(Kota|City)$/).fill('Gwangju');
  await forumDialog.getByLabel(/^(Negara|Country)$/).fill('kr');
  await typeDateTime(forumDialog, /^(Hari pertama|First day)$/, '2017-09-14');
  await typeDateTime(forumDialog, /^(Hari terakhir|Last day)$/, '2017-09-17');
  await forumDialog.getByLabel(/^(Zona waktu|Time zone)$/).fill('Asia/Seoul');
  await forumDialog.getByRole('button', { name: w.createForum }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Forum 2017|Sedunia 2017/);

  // The closing ceremony in the agenda, shown under its day in the UI language.
  await page.getByRole('button', { name: w.addSession }).click();
  const sessionDialog = page.getByRole('dialog');
  await sessionDialog.getByLabel(/\(bahasa Indonesia\)|\(Indonesian\)/).fill('Upacara Penutupan');
  await sessionDialog.getByLabel(/\(bahasa Inggris\)|\(English\)/).fill('Closing Ceremony');
  await sessionDialog.getByLabel(/^(Jenis|Kind)$/).selectOption({ label: w.closingKind });
  await typeDateTime(sessionDialog, /^(Tanggal|Date)$/, '2017-09-17');
  await typeDateTime(sessionDialog, /^(Mulai|Starts)$/, '11:00');
  await typeDateTime(sessionDialog, /^(Selesai|Ends)$/, '12:30');
  await sessionDialog.getByRole('button', { name: w.save }).click();
  await expect(page.getByRole('heading', { name: w.dayHeading })).toBeVisible();
  await expect(page.getByText(w.closingKind, { exact: true })).toBeVisible();

  // A note in one language during the session…
  await page.getByRole('button', { name: w.writeNote }).click();
  await expect(page.getByRole('tab', { name: w.notesTab })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('textbox', { name: w.firstSide, exact: true }).fill(w.firstText);
  const list = page.getByRole('list', { name: /^(Catatan|Notes)$/ });
  await expect(list).toContainText(w.missingSecond);
  await page.getByRole('button', { name: w.needsTranslation }).click();
  await expect(list.getByRole('button')).toHaveCount(1);

  // …and its other side later.
  await page.getByRole('textbox', { name: w.secondSide, exact: true }).fill(w.secondText);
  await expect(list).toHaveCount(1);
  await expect(page.getByText(/Perlu diterjemahkan|Needs translation/)).toBeVisible();
  await expect(list.getByRole('button')).toHaveCount(0);

  // Found again by a different form of the word.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog');
  await search.getByRole('searchbox').fill(w.searchWord);
  await expect(search.locator('mark').first()).toHaveText(w.matched);
  await search.getByRole('searchbox').press('Enter');
  await expect(page.getByRole('textbox', { name: w.secondSide, exact: true })).toHaveValue(
    w.secondText,
  );

  // Everything is still there after the app restarts.
  await restart();
  await page.goto(url());
  await page
    .getByRole('button', { name: /Forum 2017|Sedunia 2017/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: w.dayHeading })).toBeVisible();
  await page.getByRole('tab', { name: w.notesTab }).click();
  await page
    .getByRole('list', { name: /^(Catatan|Notes)$/ })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('textbox', { name: w.firstSide, exact: true })).toHaveValue(
    w.firstText,
  );
  await expect(page.getByRole('textbox', { name: w.secondSide, exact: true })).toHaveValue(
    w.secondText,
  );
  await expect(page.getByRole('list', { name: /^(Catatan|Notes)$/ })).toContainText(w.complete);
}

/** Closes the window, quits the app and starts it again, as a delegate would. */
async function restartApp(page: Page, server: RisalahServer): Promise<void> {
  await page.goto('about:blank');
  await server.restart();
}

for (const [language, systemLang, words] of [
  ['Indonesian', 'id_ID.UTF-8', indonesian],
  ['English', 'en_GB.UTF-8', english],
] as const) {
  test.describe(`a delegate’s day, in ${language}`, () => {
    test.use({ systemLang });
    test('forum, closing ceremony, a note in two languages, search, restart', async ({
      page,
      server,
    }) => {
      await delegateDay(
        page,
        words,
        () => restartApp(page, server),
        () => server.url,
      );
    });
  });
}

test.describe('the trash', () => {
  test.use({ systemLang: 'en_GB.UTF-8' });
  test('a deleted note and a deleted forum come back from Settings → Trash', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await openExampleForum(page, { example: 'Open an example', tab: 'Notes' });
    const list = page.getByRole('list', { name: 'Notes' });
    await list.getByRole('button', { name: /Participatory local democracy/ }).click();
    await page.getByRole('button', { name: 'Move note to trash' }).click();
    await expect(list.getByRole('button', { name: /Participatory local democracy/ })).toHaveCount(
      0,
    );
    await page.getByRole('button', { name: 'Move forum to trash' }).click();
    await expect(page.getByRole('button', { name: /WHRCF 2017/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'Settings' }).click();
    const trash = page.getByRole('region', { name: 'Trash' });
    await expect(trash).toContainText('World Human Rights Cities Forum 2017');
    await page
      .getByRole('button', { name: 'Restore World Human Rights Cities Forum 2017' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore Participatory local democracy' }).click();
    await expect(trash).toContainText('The trash is empty.');

    await page
      .getByRole('navigation')
      .getByRole('button', { name: /WHRCF 2017/ })
      .click();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(list.getByRole('button', { name: /Participatory local democracy/ })).toHaveCount(
      1,
    );
  });
});
