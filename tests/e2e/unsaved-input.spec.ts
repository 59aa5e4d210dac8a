import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Words {
  system: string;
  newForum: string;
  nameEn: string;
  cancel: string;
  discardTitle: string;
  keep: string;
  discard: string;
  home: string;
  agenda: string;
  agreement: string;
  commitments: string;
  edit: string;
  editSession: string;
  titleEn: string;
  editCommitment: string;
  contacts: string;
  contactName: string;
  save: string;
  saved: string;
}

const indonesian: Words = {
  system: 'id_ID.UTF-8',
  newForum: 'Forum baru',
  nameEn: 'Nama (bahasa Inggris)',
  cancel: 'Batal',
  discardTitle: 'Buang perubahan Anda?',
  keep: 'Lanjutkan mengisi',
  discard: 'Buang perubahan',
  home: 'Beranda',
  agenda: 'Agenda',
  agreement: 'Kesepakatan',
  commitments: 'Komitmen',
  edit: 'Ubah',
  editSession: 'Ubah sesi',
  titleEn: 'Judul (bahasa Inggris)',
  editCommitment: 'Ubah komitmen',
  contacts: 'Kontak',
  contactName: 'Nama',
  save: 'Simpan',
  saved: 'Tersimpan.',
};

const english: Words = {
  system: 'en_GB.UTF-8',
  newForum: 'New forum',
  nameEn: 'Name (English)',
  cancel: 'Cancel',
  discardTitle: 'Discard your changes?',
  keep: 'Keep editing',
  discard: 'Discard changes',
  home: 'Home',
  agenda: 'Agenda',
  agreement: 'Agreement',
  commitments: 'Commitments',
  edit: 'Edit',
  editSession: 'Edit session',
  titleEn: 'Title (English)',
  editCommitment: 'Edit commitment',
  contacts: 'Contacts',
  contactName: 'Name',
  save: 'Save',
  saved: 'Saved.',
};

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

/** The two example forums, with sessions, clauses, commitments and contacts. */
const demo = {
  run: async (workspace: string) => {
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [cli, ...args, '--workspace', workspace]);
      if (result.status !== 0) throw new Error(result.stderr.toString());
    };
    run(['demo']);
    const cards = join(workspace, '..', `${workspace.split('/').pop()}-cards.vcf`);
    await writeFile(
      cards,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Min-ji\r\nN:Kim;Min-ji;;;\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Andi Saputra\r\nN:Saputra;Andi;;;\r\nEND:VCARD\r\n',
    );
    run(['contacts', 'import', cards]);
    await rm(cards);
  },
};

/** The question, answered; false when it was not asked. */
async function answer(page: Page, w: Words, choice: 'keep' | 'discard'): Promise<void> {
  const question = page.getByRole('dialog', { name: w.discardTitle });
  await expect(question).toBeVisible();
  // Keeping is the default: the focused button, so Enter does the safe thing.
  await expect(question.getByRole('button', { name: w.keep })).toBeFocused();
  await question.getByRole('button', { name: choice === 'keep' ? w.keep : w.discard }).click();
  await expect(question).toBeHidden();
}

async function openForum(page: Page, w: Words, section: string) {
  await page.getByRole('button', { name: /WHRCF/ }).first().click();
  await page
    .getByRole('tab', { name: section })
    .or(page.getByRole('link', { name: section }))
    .first()
    .click();
}

for (const w of [indonesian, english]) {
  test.describe(`unsaved input in ${w.system}`, () => {
    // A demo workspace is seeded with the built CLI first: slow on a loaded machine.
    test.describe.configure({ timeout: 120_000 });
    test.use({ systemLang: w.system, seed: demo });

    test('a form with a Save button asks before Cancel, Escape or a closed tab drops what was typed', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.newForum }).first().click();
      const dialog = page.getByRole('dialog', { name: w.newForum });

      // Nothing typed: Escape closes at once, with no question.
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('dialog', { name: w.discardTitle })).toBeHidden();

      await page.getByRole('button', { name: w.newForum }).first().click();
      await dialog.getByLabel(w.nameEn).fill('Asia-Pacific Forum 2026');
      // Escape asks; keeping leaves the dialog and what was typed.
      await page.keyboard.press('Escape');
      await answer(page, w, 'keep');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('Asia-Pacific Forum 2026');

      // Closing the tab asks the browser's own question; dismissing it keeps the page.
      const unload = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const question = await unload;
      expect(question.type()).toBe('beforeunload');
      await question.dismiss();
      expect(page.isClosed()).toBe(false);
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('Asia-Pacific Forum 2026');

      // Cancel asks too; discarding closes, and the next new forum starts empty.
      await dialog.getByRole('button', { name: w.cancel }).click();
      await answer(page, w, 'discard');
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: w.newForum }).first().click();
      await expect(dialog.getByLabel(w.nameEn)).toHaveValue('');
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expect(dialog).toBeHidden();
    });

    test('sessions, commitments and clause texts: Cancel and Escape ask, keeping keeps the text', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await openForum(page, w, w.agenda);
      await page
        .getByRole('button', { name: new RegExp(`^${w.edit}: `) })
        .first()
        .click();
      const session = page.getByRole('dialog', { name: w.editSession });
      const title = session.getByLabel(w.titleEn);
      const before = await title.inputValue();
      await title.fill(`${before} (revised)`);
      await session.getByRole('button', { name: w.cancel }).click();
      await answer(page, w, 'keep');
      await expect(title).toHaveValue(`${before} (revised)`);
      // Back in the field, as the delegate is after keeping (the question has handed the
      // focus back by then; under load a key pressed sooner went to the page).
      await title.click();
      await page.keyboard.press('Escape');
      await answer(page, w, 'discard');
      await expect(session).toBeHidden();
      // Discarded: the session keeps its old title.
      await page
        .getByRole('button', { name: new RegExp(`^${w.edit}: `) })
        .first()
        .click();
      await expect(title).toHaveValue(before);
      await page.keyboard.press('Escape');
      await expect(session).toBeHidden();

      await openForum(page, w, w.commitments);
      await page.getByRole('button', { name: w.edit, exact: true }).first().click();
      const commitment = page.getByRole('dialog', { name: w.editCommitment });
      const statement = commitment.locator('textarea').first();
      await statement.fill('Menyusun rencana aksi kota HAM.');
      await page.keyboard.press('Escape');
      await answer(page, w, 'keep');
      await expect(statement).toHaveValue('Menyusun rencana aksi kota HAM.');
      await commitment.getByRole('button', { name: w.cancel }).click();
      await answer(page, w, 'discard');
      await expect(commitment).toBeHidden();

      await openForum(page, w, w.agreement);
      const clause = page.locator('li.clause').nth(1);
      await clause.getByRole('button', { name: w.edit, exact: true }).click();
      const text = clause.locator('textarea[lang="en"]');
      const old = await text.inputValue();
      await text.fill('A wording that is not saved yet.');
      await clause.getByRole('button', { name: w.cancel }).click();
      await answer(page, w, 'keep');
      await expect(text).toHaveValue('A wording that is not saved yet.');
      // Going to another page asks as well.
      await page.getByRole('button', { name: w.home, exact: true }).click();
      await answer(page, w, 'keep');
      await expect(text).toHaveValue('A wording that is not saved yet.');
      await clause.getByRole('button', { name: w.cancel }).click();
      await answer(page, w, 'discard');
      await expect(clause.locator('p[lang="en"]')).toHaveText(old);
    });

    test('a contact changed but not saved: another contact or another page asks; once saved, nothing asks', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.contacts, exact: true }).click();
      const list = page.locator('.contacts-view li button');
      await list.first().click();
      const name = page.getByLabel(w.contactName, { exact: true });
      const first = await name.inputValue();
      await name.fill(`${first} Jr.`);

      await list.nth(1).click();
      await answer(page, w, 'keep');
      await expect(name).toHaveValue(`${first} Jr.`);
      await page.getByRole('button', { name: w.home, exact: true }).click();
      await answer(page, w, 'keep');
      await expect(name).toHaveValue(`${first} Jr.`);

      // Saved: the form is no longer "changed", and leaving asks nothing.
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: w.saved })).toBeVisible();
      await list.nth(1).click();
      await expect(page.getByRole('dialog', { name: w.discardTitle })).toBeHidden();
      await expect(name).not.toHaveValue(`${first} Jr.`);

      // Changed again, then discarded on the way to another page: the page changes.
      await name.fill('Someone else');
      await page.getByRole('button', { name: w.home, exact: true }).click();
      await answer(page, w, 'discard');
      await expect(name).toBeHidden();
    });
  });
}
