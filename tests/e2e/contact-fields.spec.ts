import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeDocument } from '../../electron/node/store/document-codec';
import { expect, test } from './fixtures';

interface Words {
  system: string;
  contacts: string;
  given: string;
  family: string;
  suffix: string;
  honorific: string;
  otherNames: string;
  birthday: string;
  roleEn: string;
  session: string;
  save: string;
  saved: string;
}

const indonesian: Words = {
  system: 'id_ID.UTF-8',
  contacts: 'Kontak',
  given: 'Nama depan',
  family: 'Nama keluarga',
  suffix: 'Gelar di belakang nama',
  honorific: 'Sapaan',
  otherNames: 'Nama dalam aksara lain',
  birthday: 'Tanggal lahir',
  roleEn: 'Peran (bahasa Inggris)',
  session: 'Sesi tempat bertemu',
  save: 'Simpan',
  saved: 'Tersimpan.',
};

const english: Words = {
  system: 'en_GB.UTF-8',
  contacts: 'Contacts',
  given: 'Given name',
  family: 'Family name',
  suffix: 'Titles after the name',
  honorific: 'Honorific',
  otherNames: 'Name in other scripts',
  birthday: 'Birthday',
  roleEn: 'Role (English)',
  session: 'Session where you met',
  save: 'Save',
  saved: 'Saved.',
};

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

/** A 4.0 card as a Korean delegate's phone writes it: the name in two scripts, N, ROLE, BDAY. */
const card = [
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN;ALTID=1;LANGUAGE=en:Kim Min-ji',
  'FN;ALTID=1;LANGUAGE=ko:김민지',
  'N:Kim;Min-ji;;Dr.;PhD',
  'TITLE:Director',
  'ROLE:Rapporteur',
  'BDAY:1985-04-12',
  'ADR:;;;Gwangju;;;Korea',
  'END:VCARD',
  '',
].join('\r\n');

const seed = {
  run: async (workspace: string) => {
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [cli, ...args, '--workspace', workspace]);
      if (result.status !== 0) throw new Error(result.stderr.toString());
    };
    run(['demo']);
    const file = join(workspace, '..', `${workspace.split('/').pop()}-kim.vcf`);
    await writeFile(file, card);
    run(['contacts', 'import', file]);
    await rm(file);
  },
};

interface StoredContact {
  name: string;
  nameParts: Record<string, string>;
  otherNames: { language: string; value: string }[];
  role: { id: string; en: string };
  birthday: string;
  country: string;
  met: { forumId: string; sessionId: string | null }[];
}

for (const w of [indonesian, english]) {
  test.describe(`contact fields in ${w.system}`, () => {
    // A demo workspace is seeded with the built CLI first: slow on a loaded machine.
    test.describe.configure({ timeout: 120_000 });
    test.use({ systemLang: w.system, seed });

    test('what an import kept is shown and editable: name parts, other scripts, role, birthday, the session where they met', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: w.contacts, exact: true }).click();
      await page.getByRole('button', { name: /Kim Min-ji/ }).click();
      await expect(page.getByLabel(w.given, { exact: true })).toHaveValue('Min-ji');
      await expect(page.getByLabel(w.family, { exact: true })).toHaveValue('Kim');
      await expect(page.getByLabel(w.honorific, { exact: true })).toHaveValue('Dr.');
      await expect(page.getByLabel(w.suffix, { exact: true })).toHaveValue('PhD');
      await expect(page.getByLabel(w.otherNames, { exact: true })).toHaveValue('ko: 김민지');
      await expect(page.getByLabel(w.roleEn, { exact: true })).toHaveValue('Rapporteur');
      await expect(page.getByLabel(w.birthday, { exact: true })).toHaveValue('1985-04-12');

      // Edited: the family name, the other script's name, the role.
      await page.getByLabel(w.family, { exact: true }).fill('Kim-Park');
      await page.getByLabel(w.otherNames, { exact: true }).fill('ko: 김민지\nja: キム・ミンジ');
      await page.getByLabel(w.roleEn, { exact: true }).fill('Moderator');

      // Linked to the forum where they met, and to the session there.
      await page
        .getByRole('checkbox', {
          name: /World Human Rights Cities Forum|Forum Kota Hak Asasi Manusia Sedunia/,
        })
        .check();
      const session = page.getByRole('combobox', { name: new RegExp(`^${w.session}`) });
      await expect(session).toBeVisible();
      const options = await session.locator('option').allTextContents();
      const plenary = options.find((o) => /Plenary|Pleno/i.test(o));
      expect(plenary, options.join(' | ')).toBeDefined();
      await session.selectOption({ label: plenary ?? '' });
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: w.saved })).toBeVisible();

      await page.goto('about:blank');
      await server.stop();
      const stored = (
        decodeDocument(await readFile(join(server.workspace, 'workspace.json'))) as {
          contacts: StoredContact[];
        }
      ).contacts;
      await server.start();
      const kim = stored.find((c) => c.name === 'Kim Min-ji');
      expect(kim?.nameParts).toMatchObject({
        family: 'Kim-Park',
        given: 'Min-ji',
        prefix: 'Dr.',
        suffix: 'PhD',
      });
      expect(kim?.otherNames).toEqual([
        { language: 'ko', value: '김민지' },
        { language: 'ja', value: 'キム・ミンジ' },
      ]);
      expect(kim?.role.en).toBe('Moderator');
      expect(kim?.birthday).toBe('1985-04-12');
      // "Korea" on the card: stored as its code.
      expect(kim?.country).toBe('KR');
      expect(kim?.met).toHaveLength(1);
      expect(kim?.met[0]?.sessionId).toEqual(expect.any(String));
    });
  });
}
