import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/node/contacts/import-parse';
import type { ImportEncoding } from '../../../electron/node/contacts/encoding';

const list = (name: string, encoding?: ImportEncoding) =>
  parseImport({
    bytes: readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'lists', name)),
    remembered: {},
    ...(encoding ? { encoding } : {}),
  });

describe('participant lists as people keep them', () => {
  it('an Indonesian daftar hadir in Windows-1252: real ’, NIP kept, signature column ignored', () => {
    const result = list('daftar-hadir-cp1252.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.csv?.mapping).toMatchObject({
      name: [1],
      nip: [2],
      position: [3],
      organisation: [4],
      phone: [5],
    });
    const [nur, bambang, andi] = result.drafts;
    expect(nur).toMatchObject({
      name: 'Nur’aini, S.H.',
      position: { id: 'Kepala Bidang HAM' },
      organisation: { id: 'Bagian Hukum Setda Kab. Lampung Timur' },
      notes: 'NIP: 197803122005012003',
    });
    expect(nur?.phones).toEqual([{ value: '0812-7200-1122', type: 'cell' }]);
    expect(bambang?.name).toBe('Drs. Bambang Wijaya');
    // A row with only a first name is still a person.
    expect(andi?.name).toBe('Andi');
  });

  it('a registration export: First and Last name joined, parts kept, every phone with its type', () => {
    const [andi, minji] = list('registration.csv').drafts;
    expect(andi).toMatchObject({
      name: 'Andi Saputra',
      nameParts: { given: 'Andi', family: 'Saputra' },
      organisation: { en: 'LBH Bandar Lampung' },
      position: { en: 'Staf Program' },
      city: 'Bandar Lampung',
      // The written name becomes its code; the address (below) keeps "Indonesia".
      country: 'ID',
    });
    expect(andi?.phones).toEqual([
      { value: '+62 812 1111 0001', type: 'cell' },
      { value: '+62 721 000 001', type: 'work' },
    ]);
    // "Ticket Type" and "Order #" are not taken for anything.
    expect(JSON.stringify(andi)).not.toContain('Peserta');
    expect(minji?.name).toBe('Min-ji Kim');
  });

  it('Google 2024: labels beside values, no phonetic column taken, ::: split, groups as tags', () => {
    const result = list('google-2024.csv');
    const mapping = result.csv?.mapping ?? {};
    const header = (i: number) => result.csv?.headers[i] ?? '';
    for (const columns of Object.values(mapping)) {
      for (const c of columns) expect(header(c)).not.toMatch(/- Label|- Type|Phonetic/);
    }
    const [siti, minji] = result.drafts;
    expect(siti).toMatchObject({
      name: 'Ibu Siti Nur Rahayu',
      honorific: 'Ibu',
      nameParts: { prefix: 'Ibu', given: 'Siti', additional: 'Nur', family: 'Rahayu' },
      organisation: { en: 'Yayasan LBH' },
      orgUnits: { en: ['Divisi HAM'] },
      position: { en: 'Koordinator Advokasi' },
      website: 'https://lbh.or.id',
      tags: ['Lampung'],
      notes: 'Bertemu di lokakarya, 2025',
    });
    expect(siti?.emails).toEqual([
      { value: 'siti@lbh.or.id', type: 'work' },
      { value: 'siti.nr@example.com', type: 'work' },
      { value: 'siti.home@example.com', type: 'home' },
    ]);
    expect(siti?.addresses).toEqual([
      expect.objectContaining({
        street: 'Jl. Sultan Agung 12',
        locality: 'Bandar Lampung',
        region: 'Lampung',
        postcode: '35132',
        country: 'Indonesia',
      }),
    ]);
    expect(minji?.name).toBe('Min-ji Kim');
    expect(minji?.phones).toEqual([{ value: '+82 10 1234 5678', type: 'mobile' }]);
  });

  it('Outlook: "Title" is the honorific, "Job Title" the position, the ID number no organisation', () => {
    const [maria] = list('outlook.csv').drafts;
    expect(maria).toMatchObject({
      name: 'Dr. María Fernández',
      honorific: 'Dr.',
      position: { en: 'Directora' },
      organisation: { en: 'Ciudad de Derechos Humanos' },
      orgUnits: { en: ['Oficina de Cooperación'] },
      website: 'https://example.es',
    });
    expect(maria?.emails.map((e) => e.value)).toEqual([
      'maria@example.es',
      'm.fernandez@example.org',
    ]);
    expect(JSON.stringify(maria)).not.toContain('EMP-0042');
    expect(maria?.addresses[0]).toMatchObject({
      type: 'work',
      street: 'Calle Mayor 1',
      locality: 'Madrid',
    });
  });

  it.each([
    ['excel-unicode-text.txt', 'utf-16le', ['Nur’aini', '김민지']],
    ['utf16be-nobom.csv', 'utf-16be', ['Nguyễn Thị Hương']],
    ['korean-cp949.csv', 'cp949', ['김민지', '박서준']],
    ['japanese-shift_jis.csv', 'shift_jis', ['山田太郎']],
    ['chinese-gb18030.csv', 'gb18030', ['王小明']],
    ['chinese-big5.csv', 'big5', ['陳美玲']],
  ] as const)('%s is read as %s', (file, encoding, names) => {
    const result = list(file);
    expect(result.encoding).toBe(encoding);
    expect(result.drafts.map((d) => d.name)).toEqual(names);
    expect(result.drafts.every((d) => d.emails[0]?.value.includes('@'))).toBe(true);
  });

  it('a Korean list gets its organisation and position from Korean headers', () => {
    expect(list('korean-cp949.csv').drafts[0]).toMatchObject({
      organisation: { id: '광주국제센터' },
      position: { id: '프로그램 담당관' },
      phones: [{ value: '010-1234-5678', type: '' }],
    });
  });

  it('the encoding can be chosen: the same bytes read as another code page', () => {
    const wrong = list('korean-cp949.csv', 'windows-1252');
    expect(wrong.encoding).toBe('windows-1252');
    expect(wrong.drafts[0]?.name).not.toBe('김민지');
  });

  it('a one-column list and a list with no header row keep their first person', () => {
    const one = list('one-column.csv');
    expect(one.csv).toMatchObject({ headerless: true, oneColumn: true });
    expect(one.drafts.map((d) => d.name)).toEqual(['Andi Saputra', 'Budi Santoso', 'Citra Dewi']);
    const bare = list('headerless.csv');
    expect(bare.csv?.headerless).toBe(true);
    expect(bare.drafts[0]).toMatchObject({
      name: 'Andi Saputra',
      organisation: { id: 'LBH Bandar Lampung' },
      emails: [{ value: 'andi@example.org', type: '' }],
      phones: [{ value: '0812 1111 0001', type: '' }],
    });
  });

  it('a file that is neither cards nor a list says so; a binary file too', () => {
    expect(
      parseImport({ bytes: Buffer.from('just one line of prose'), remembered: {} }).drafts,
    ).toEqual([]);
    const png = parseImport({
      bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      remembered: {},
    });
    expect(png.unreadable).toBe('binary');
  });
});
