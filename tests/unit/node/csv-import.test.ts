import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { guessMapping, parseCsv } from '../../../electron/node/contacts/csv';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', name));

describe('CSV participant lists', () => {
  it('detect a semicolon delimiter and honour quotes', () => {
    const table = parseCsv('Nama;Email\n"Siregar; Rahmat";r@example.org\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([['Siregar; Rahmat', 'r@example.org']]);
  });

  it('guess the columns from Indonesian and English headers', () => {
    const table = (headers: string[]) => ({ headers, rows: [], delimiter: ',', headerless: false });
    expect(
      guessMapping(
        table(['No', 'Nama Lengkap', 'Instansi / Komunitas', 'Jabatan', 'No. HP', 'Email', 'Kota']),
      ),
    ).toEqual({
      name: [1],
      organisation: [2],
      position: [3],
      phone: [4],
      email: [5],
      city: [6],
    });
    expect(guessMapping(table(['name', 'organisation', 'email']))).toEqual({
      name: [0],
      organisation: [1],
      email: [2],
    });
  });

  it('preview a Windows-1252 list with its bad rows, import the good ones, and remember the mapping', async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      try {
        const contacts = new ContactsService(workspace, new NotebookService(workspace).search);
        const preview = await contacts.previewImport(fixture('participants-cp1252.csv'));
        expect(preview.kind).toBe('csv');
        expect(preview.csv?.rowCount).toBe(5);
        // Every row with a person is kept; what looks wrong is flagged on its line.
        expect(preview.csv?.rowProblems).toEqual([
          { line: 4, reason: 'name-from-contact', value: '0815 1111 2222' },
          { line: 5, reason: 'doubtful-email', value: '0816 3333 4444' },
          { line: 5, reason: 'doubtful-phone', value: 'Anggota' },
        ]);
        expect(preview.contacts.map((c) => c.name)).toEqual([
          'Siti Rahayu',
          'Budi Santoso',
          '0815 1111 2222',
          'Rahmat "Ucok" Siregar',
          'Agnès Dewi',
        ]);
        // The delegate corrects the mapping: the city column is not needed.
        const { city: _city, ...mapping } = preview.csv?.mapping ?? {};
        const remapped = await contacts.previewImport(fixture('participants-cp1252.csv'), {
          mapping,
        });
        expect(await contacts.commitImport(remapped.token)).toBe(5);
        const agnes = contacts.list().find((c) => c.name === 'Agnès Dewi');
        expect(agnes).toMatchObject({
          organisation: { id: 'Ikatan Perempuan Desa' },
          email: 'agnes@example.id',
          city: '',
        });
        const again = await contacts.previewImport(fixture('participants-cp1252.csv'));
        expect(again.encoding).toBe('windows-1252');
        expect(again.csv?.mapping).toEqual(mapping);
        expect(again.contacts.every((c) => c.duplicateOf !== null)).toBe(true);
      } finally {
        await workspace.close();
      }
    });
  });

  it('read a UTF-8 list with a byte-order mark and non-Latin names', async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      try {
        const contacts = new ContactsService(workspace, new NotebookService(workspace).search);
        const preview = await contacts.previewImport(fixture('participants-utf8-bom.csv'));
        expect(preview.csv?.headers).toEqual(['name', 'organisation', 'email']);
        expect(preview.contacts.map((c) => [c.name, c.organisation])).toEqual([
          ['Kim Min-ji', 'Gwangju International Center'],
          ['Nguyễn Thị Hương', 'Hanoi, Human Rights Office'],
        ]);
      } finally {
        await workspace.close();
      }
    });
  });
});
