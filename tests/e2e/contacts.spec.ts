import { join } from 'node:path';
import { expect, test } from './fixtures';

const vcards = join(import.meta.dirname, '..', 'fixtures', 'vcards');

test.use({ systemLang: 'en_GB.UTF-8' });

test('import cards, mark one contact sensitive, show another as a QR code, export without the sensitive one', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
  await page.getByLabel('Import vCard or CSV').setInputFiles(join(vcards, 'android-2.1.vcf'));
  const importDialog = page.getByRole('dialog', { name: 'Import contacts' });
  await expect(importDialog.getByRole('status')).toHaveText('2 contacts found.');
  await importDialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 contacts imported.' })).toBeVisible();

  // The same file again: both cards are flagged as people already known.
  await page.getByLabel('Import vCard or CSV').setInputFiles(join(vcards, 'android-2.1.vcf'));
  await expect(importDialog.getByText('Looks like someone already in your contacts')).toHaveCount(
    2,
  );
  await importDialog.getByRole('button', { name: 'Cancel' }).click();

  const list = page.getByRole('list', { name: 'Contacts' });
  await list.getByRole('button', { name: /Dewi Nasution/ }).click();
  await page.getByRole('checkbox', { name: /Sensitive/ }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(list.getByRole('button', { name: /Dewi Nasution/ })).toContainText('Sensitive');
  await expect(page.getByRole('button', { name: 'Show QR code' })).toBeDisabled();

  await list.getByRole('button', { name: /Rizky Saputra/ }).click();
  await page.getByRole('button', { name: 'Show QR code' }).click();
  const qr = page.getByRole('dialog', { name: 'QR code for Rizky Saputra' });
  await expect(qr.getByRole('img', { name: 'QR code for Rizky Saputra' })).toBeVisible();
  await qr.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export contacts' });
  await expect(exportDialog.getByRole('checkbox', { name: 'Dewi Nasution' })).not.toBeChecked();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^risalah-contacts-.*\.vcf$/);
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  expect(text).toContain('FN:Rizky Saputra');
  expect(text).not.toContain('Dewi');
  await expect(
    page.getByRole('status').filter({ hasText: '1 contact exported; 1 sensitive left out.' }),
  ).toBeVisible();
});

test('a CSV participant list: doubtful rows are kept and shown before anything is saved, columns can be remapped', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
  await page
    .getByLabel('Import vCard or CSV')
    .setInputFiles(join(vcards, '..', 'participants-cp1252.csv'));
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog.getByLabel('Character set')).toHaveValue('windows-1252');
  await expect(
    dialog.getByText(
      'Line 4 has no name: the contact is called “0815 1111 2222” until you give one.',
    ),
  ).toBeVisible();
  await expect(
    dialog.getByText('Line 5: the e-mail address “0816 3333 4444” looks wrong.'),
  ).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('5 contacts found.');
  await expect(
    dialog.getByRole('list', { name: 'Contacts in the file' }).getByText('Agnès Dewi'),
  ).toBeVisible();
  // The Email column feeds nothing any more: the doubt about line 5's e-mail goes.
  await dialog.getByRole('combobox', { name: /^Email/ }).selectOption({ label: '(not used)' });
  await expect(dialog.getByText('Line 5: the e-mail address')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toHaveText('5 contacts found.');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('button')).toHaveCount(5);
});

test('likely duplicates are offered for merging field by field', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Contacts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  for (let i = 0; i < 2; i++) {
    await page.getByLabel('Import vCard or CSV').setInputFiles(join(vcards, 'android-2.1.vcf'));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
  }
  const list = page.getByRole('list', { name: 'Contacts' });
  await expect(list.getByRole('button')).toHaveCount(4);
  await page.getByRole('button', { name: 'Find duplicates' }).click();
  const merge = page.getByRole('dialog', { name: 'Likely duplicates' });
  await expect(merge.getByText(/1 of 2 · same e-mail|1 of 2 · same phone number/)).toBeVisible();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Merged into / })).toBeVisible();
  await expect(list.getByRole('button')).toHaveCount(3);
});
