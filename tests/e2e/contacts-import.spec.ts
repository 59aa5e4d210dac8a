import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { adversarialVCard } from '../support/hostile-files';
import { expect, test } from './fixtures';
import { openExampleForum } from './steps';

const lists = join(import.meta.dirname, '..', 'fixtures', 'lists');
const shots = 'test-results/e2e';

/** The import preview at the two window sizes we check, for a person to look at. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1360, 860],
    [800, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

test.describe('in English', () => {
  test.use({ systemLang: 'en_GB.UTF-8' });

  test('a Korean list in CP949: the encoding is detected, shown, and can be changed', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
    await page.getByLabel('Import vCard or CSV').setInputFiles(join(lists, 'korean-cp949.csv'));
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    const encoding = dialog.getByLabel('Character set');
    await expect(encoding).toHaveValue('cp949');
    const found = dialog.getByRole('list', { name: 'Contacts in the file' });
    await expect(found.getByText('김민지')).toBeVisible();
    await expect(dialog.getByRole('status')).toHaveText('2 contacts found.');
    await screenshots(page, 'contacts-import-cp949-en');
    // Read as Windows-1252 the names are nonsense; back to CP949 they are right again.
    await encoding.selectOption('windows-1252');
    await expect(found.getByText('김민지')).toHaveCount(0);
    await encoding.selectOption('cp949');
    await expect(found.getByText('김민지')).toBeVisible();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '2 contacts imported.' }),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Contacts' })).toContainText('박서준');
  });

  test('a Google list: First and Last name make the name, several columns feed one field', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
    await page.getByLabel('Import vCard or CSV').setInputFiles(join(lists, 'google-2024.csv'));
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await expect(
      dialog.getByRole('list', { name: 'Contacts in the file' }).getByText('Ibu Siti Nur Rahayu'),
    ).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: /^Phonetic First Name/ })).toHaveValue('');
    await expect(dialog.getByRole('combobox', { name: /^E-mail 1 - Value/ })).toHaveValue('email');
    await expect(dialog.getByRole('combobox', { name: /^E-mail 2 - Value/ })).toHaveValue('email');
    await screenshots(page, 'contacts-import-google-en');
    await dialog.getByRole('button', { name: 'Import' }).click();
    const list = page.getByRole('list', { name: 'Contacts' });
    await list.getByRole('button', { name: /Ibu Siti Nur Rahayu/ }).click();
    await expect(page.getByLabel('E-mails')).toHaveValue(
      'siti@lbh.or.id\nsiti.nr@example.com\nsiti.home@example.com',
    );
  });

  test('a 10 MB hostile vCard shows its progress and can be stopped; nothing is added', async ({
    page,
    server,
  }) => {
    const file = join(tmpdir(), `risalah-hostile-${process.pid}.vcf`);
    await writeFile(file, adversarialVCard(10));
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
    await page.getByLabel('Import vCard or CSV').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await expect(dialog.getByRole('progressbar', { name: 'Progress of the import' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Stop reading' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Import cancelled; nothing was added.' }),
    ).toBeVisible();
    await expect(page.getByText('No contacts yet.', { exact: false })).toBeVisible();
  });

  test('a value over its limit is shown on its line and left out when chosen', async ({
    page,
    server,
  }) => {
    const file = join(tmpdir(), `risalah-long-${process.pid}.csv`);
    await writeFile(
      file,
      `Name,Email,Notes\nAndi Saputra,andi@example.org,${'x'.repeat(25_000)}\n`,
    );
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
    await page.getByLabel('Import vCard or CSV').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await expect(
      dialog.getByText('Line 2, Andi Saputra: notes has 25,000 characters (at most 20,000)'),
    ).toBeVisible();
    await dialog.getByRole('radio', { name: /Leave each long value out/ }).check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('list', { name: 'Contacts' })
      .getByRole('button', { name: /Andi/ })
      .click();
    await expect(page.getByLabel('Notes')).toHaveValue('');
  });
});

test.describe('dalam bahasa Indonesia', () => {
  test.use({ systemLang: 'id_ID.UTF-8' });

  test('impor di dalam forum menautkan kontak; kontak dapat dilepas dan ditautkan dari daftar', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await openExampleForum(page, { example: 'Buka contoh', tab: 'Kontak' });
    await page
      .getByLabel('Impor vCard atau CSV')
      .setInputFiles(join(lists, 'daftar-hadir-cp1252.csv'));
    const dialog = page.getByRole('dialog', { name: 'Impor kontak' });
    await expect(dialog.getByLabel('Pengodean karakter')).toHaveValue('windows-1252');
    await expect(
      dialog.getByRole('list', { name: 'Kontak dalam berkas' }).getByText('Nur’aini, S.H.'),
    ).toBeVisible();
    await expect(dialog.getByText(/Kontak akan ditautkan ke/)).toBeVisible();
    await screenshots(page, 'contacts-import-daftar-hadir-id');
    await dialog.getByRole('button', { name: 'Impor' }).click();
    const list = page.getByRole('list', { name: 'Kontak' });
    await expect(list.getByRole('button')).toHaveCount(3);
    // Two chosen in the list, unlinked from the forum: they leave its contact tab.
    await list.getByRole('checkbox', { name: 'Pilih Andi' }).check();
    await list.getByRole('checkbox', { name: 'Pilih Drs. Bambang Wijaya' }).check();
    await page.getByRole('button', { name: 'Lepaskan dari forum' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '2 kontak dilepaskan dari forum.' }),
    ).toBeVisible();
    await expect(list.getByRole('button')).toHaveCount(1);
    // From all contacts, linked again through the contact form.
    await page.getByRole('navigation').getByRole('button', { name: 'Kontak' }).click();
    const all = page.getByRole('list', { name: 'Kontak' });
    await all.getByRole('button', { name: /^Andi/ }).click();
    await page
      .getByRole('checkbox', {
        name: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
      })
      .check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /WHRCF 2017/ })
      .click();
    await page.getByRole('tab', { name: 'Kontak' }).click();
    await expect(page.getByRole('list', { name: 'Kontak' }).getByRole('button')).toHaveCount(2);
  });
});
