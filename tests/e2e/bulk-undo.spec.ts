import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './team-steps';

interface Words {
  system: string;
  contacts: string;
  choose: (name: string) => string;
  forum: string;
  link: string;
  toTrash: string;
  undo: string;
  movedTwo: string;
  linkedTwo: string;
  importLabel: string;
  importDialog: string;
  accept: string;
  importedTwo: string;
  forumName: string;
}

const indonesian: Words = {
  system: 'id_ID.UTF-8',
  contacts: 'Kontak',
  choose: (name) => `Pilih ${name}`,
  forum: 'Forum',
  link: 'Tautkan ke forum',
  toTrash: 'Pindahkan ke tempat sampah',
  undo: 'Urungkan',
  movedTwo: '2 kontak dipindahkan ke tempat sampah.',
  linkedTwo: '2 kontak ditautkan ke forum.',
  importLabel: 'Impor vCard atau CSV',
  importDialog: 'Impor kontak',
  accept: 'Impor',
  importedTwo: 'Impor selesai: 2 kontak baru.',
  forumName: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
};

const english: Words = {
  system: 'en_GB.UTF-8',
  contacts: 'Contacts',
  choose: (name) => `Choose ${name}`,
  forum: 'Forum',
  link: 'Link to forum',
  toTrash: 'Move to the Trash',
  undo: 'Undo',
  movedTwo: '2 contacts moved to the Trash.',
  linkedTwo: '2 contacts linked to the forum.',
  importLabel: 'Import vCard or CSV',
  importDialog: 'Import contacts',
  accept: 'Import',
  importedTwo: 'Import done: 2 new contacts.',
  forumName: 'World Human Rights Cities Forum 2017',
};

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
/** Cards with an organisation and an e-mail: what an Undo must leave as it was. */
const cards = (names: string[]) =>
  names
    .map(
      (n) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${n}\r\nORG:Komnas HAM\r\n` +
        `EMAIL:${n.split(' ')[0]?.toLowerCase()}@example.org\r\nEND:VCARD\r\n`,
    )
    .join('');

const seed = {
  run: async (workspace: string) => {
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [cli, ...args, '--workspace', workspace]);
      if (result.status !== 0) throw new Error(result.stderr.toString());
    };
    run(['demo']);
    const file = join(workspace, '..', `${workspace.split('/').pop()}-three.vcf`);
    await writeFile(file, cards(['Andi Saputra', 'Kim Min-ji', 'Siti Rahayu']));
    run(['contacts', 'import', file]);
    await rm(file);
  },
};

const list = (page: Page) => page.locator('.contact-list');

async function undo(page: Page, w: Words, says: string) {
  const toast = page.getByRole('status').filter({ hasText: says });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: w.undo }).click();
}

for (const w of [indonesian, english]) {
  test.describe(`bulk actions in ${w.system}`, () => {
    // A demo workspace is seeded with the built CLI first: slow on a loaded machine.
    test.describe.configure({ timeout: 120_000 });
    test.use({ systemLang: w.system, seed });

    test('several contacts moved to the Trash, linked to a forum, or imported: one Undo takes it all back', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('navigation').getByRole('button', { name: w.contacts }).click();
      await expect(list(page).locator('li')).toHaveCount(3);

      // Two moved to the Trash at once; Undo brings both back.
      await page.getByRole('checkbox', { name: w.choose('Andi Saputra') }).check();
      await page.getByRole('checkbox', { name: w.choose('Kim Min-ji') }).check();
      await page.getByRole('button', { name: w.toTrash }).click();
      await expect(list(page).locator('li')).toHaveCount(1);
      await undo(page, w, w.movedTwo);
      await expect(list(page).locator('li')).toHaveCount(3);
      await expect(list(page)).toContainText('Andi Saputra');
      await expect(list(page)).toContainText('Kim Min-ji');

      // Two linked to a forum at once; Undo unlinks exactly those, and leaves the rest of each
      // card as it was (the Undo sends only the links back).
      const card = async (name: string) => {
        const all = (await api(server, 'contacts.list', {})) as { id: string; name: string }[];
        const id = all.find((c) => c.name === name)?.id;
        const {
          met: _met,
          updatedAt: _at,
          ...rest
        } = (await api(server, 'contacts.get', {
          id,
        })) as Record<string, unknown>;
        return rest;
      };
      const andi = await card('Andi Saputra');
      expect(andi.emails).toEqual([expect.objectContaining({ value: 'andi@example.org' })]);
      await page.getByRole('checkbox', { name: w.choose('Andi Saputra') }).check();
      await page.getByRole('checkbox', { name: w.choose('Siti Rahayu') }).check();
      await page.getByLabel(w.forum, { exact: true }).selectOption({ label: w.forumName });
      await page.getByRole('button', { name: w.link }).click();
      await undo(page, w, w.linkedTwo);
      await page.getByRole('button', { name: /Andi Saputra/ }).click();
      await expect(page.getByRole('checkbox', { name: w.forumName })).not.toBeChecked();
      expect(await card('Andi Saputra')).toEqual(andi);

      // An import of two cards; Undo moves the two to the Trash, the others stay.
      const file = join(server.workspace, '..', `${server.workspace.split('/').pop()}-two.vcf`);
      await writeFile(file, cards(['Budi Santoso', 'Park Seo-jun']));
      await page.getByLabel(w.importLabel).setInputFiles(file);
      await rm(file);
      const dialog = page.getByRole('dialog', { name: w.importDialog });
      await dialog.getByRole('button', { name: w.accept, exact: true }).click();
      await expect(list(page).locator('li')).toHaveCount(5);
      await undo(page, w, w.importedTwo);
      await expect(list(page).locator('li')).toHaveCount(3);
      await expect(list(page)).not.toContainText('Budi Santoso');
    });
  });
}
