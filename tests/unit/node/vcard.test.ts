import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVCards, parseVCards } from '../../../electron/node/contacts/vcard';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'vcards', name));

describe('vCard import', () => {
  it('reads an iPhone 3.0 card: groups, several e-mails and phones with types, ORG units, escapes', () => {
    const { contacts, problems } = parseVCards(fixture('iphone-3.0.vcf'));
    expect(problems).toEqual([]);
    const [siti] = contacts;
    expect(siti).toMatchObject({
      name: 'Ibu Siti Nur Rahayu',
      honorific: 'Ibu',
      organisation: { id: 'Yayasan Lembaga Bantuan Hukum', en: 'Yayasan Lembaga Bantuan Hukum' },
      orgUnits: { id: ['Divisi Hak Asasi Manusia'], en: ['Divisi Hak Asasi Manusia'] },
      position: { id: 'Koordinator Advokasi', en: 'Koordinator Advokasi' },
      city: 'Bandar Lampung',
      country: 'Indonesia',
      website: 'https://lbh-lampung.or.id',
      tags: ['pembela-ham', 'lampung'],
      notes: 'Bertemu di lokakarya HAM, 27 Agustus 2025; minta salinan materi.',
    });
    expect(siti?.emails).toEqual([
      // Apple's grouped X-ABLabel gives the type.
      { value: 'siti.rahayu@lbh-lampung.or.id', type: 'work' },
      { value: 'siti.nr@example.com', type: 'home' },
    ]);
    expect(siti?.nameParts).toEqual({
      family: 'Rahayu',
      given: 'Siti Nur',
      additional: '',
      prefix: 'Ibu',
      suffix: '',
    });
    expect(siti?.addresses).toEqual([
      {
        type: 'work',
        poBox: '',
        extended: '',
        street: 'Jl. Sultan Agung No. 12',
        locality: 'Bandar Lampung',
        region: 'Lampung',
        postcode: '35132',
        country: 'Indonesia',
      },
    ]);
    expect(siti?.phones).toEqual([
      { value: '+62 812-7200-1122', type: 'cell' },
      { value: '+62 721 480 100', type: 'work' },
    ]);
  });

  it('reads old Android 2.1 cards: quoted-printable with a soft line break, bare types, two cards', () => {
    const { contacts } = parseVCards(fixture('android-2.1.vcf'));
    expect(contacts.map((c) => c.name)).toEqual(['Rizky Saputra', 'Dewi Nasution']);
    expect(contacts[0]?.organisation.id).toBe('Forum Anak Daerah Lampung Timur');
    expect(contacts[0]?.notes).toBe('Ketua forum anak; sangat aktif dalam musrenbang desa.');
    expect(contacts[0]?.phones).toEqual([
      { value: '+6281377889900', type: 'cell' },
      { value: '0721-555-010', type: 'home' },
    ]);
  });

  it('reads an Outlook 2.1 card in Windows-1252 with an embedded photo', () => {
    const { contacts } = parseVCards(fixture('outlook-2.1-cp1252.vcf'));
    expect(contacts[0]).toMatchObject({
      name: 'Dr. María Fernández',
      honorific: 'Dr.',
      position: { en: 'Directora' },
      organisation: { en: 'Ciudad de Derechos Humanos' },
      orgUnits: { en: ['Oficina de Cooperación'] },
    });
    expect(contacts[0]?.photo).toMatch(/^data:image\/jpeg;base64,\/9j\/4AAQ/);
  });

  it('reads 4.0 ALTID/LANGUAGE pairs: the Latin name first, the Korean kept, titles in both languages', () => {
    const { contacts } = parseVCards(fixture('altid-4.0.vcf'));
    expect(contacts[0]).toMatchObject({
      name: 'Kim Min-ji',
      addressAs: '',
      otherNames: [{ language: 'ko', value: '김민지' }],
      position: { id: 'Petugas Program', en: 'Programme Officer' },
      organisation: { id: '', en: 'Gwangju International Center' },
      orgUnits: { id: [], en: ['Human Rights Team'] },
      city: 'Gwangju',
      country: 'KR',
      languages: ['ko', 'en'],
      handles: [{ service: 'signal', value: '+82-10-1234-5678' }],
      notes: 'Met at WHRCF 2017 closing ceremony; interested in the Lampung Timur Perbup 48/2016.',
    });
    expect(contacts[0]?.phones).toEqual([{ value: '+82-10-1234-5678', type: 'cell' }]);
  });

  it('names the card that is broken, and reads the good ones', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Santoso\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Half\r\n';
    const { contacts, problems } = parseVCards(text);
    expect(contacts.map((c) => c.name)).toEqual(['Budi Santoso']);
    expect(problems).toEqual([
      { card: 2, line: 5, reason: 'no-name' },
      { card: 3, line: 9, reason: 'no-end' },
    ]);
    expect(parseVCards('this is not a card').problems).toEqual([
      { card: 0, line: 1, reason: 'not-a-vcard' },
    ]);
  });
});

describe('vCard round trip', () => {
  for (const file of [
    'iphone-3.0.vcf',
    'android-2.1.vcf',
    'outlook-2.1-cp1252.vcf',
    'altid-4.0.vcf',
  ]) {
    for (const version of ['4.0', '3.0'] as const) {
      it(`${file} → vCard ${version} → back, losing no field`, () => {
        const { contacts } = parseVCards(fixture(file));
        const again = parseVCards(formatVCards(contacts, version));
        expect(again.problems).toEqual([]);
        expect(again.contacts).toEqual(contacts);
      });
    }
  }

  it('folds long lines at 75 octets without splitting a character', () => {
    const [card] = parseVCards(fixture('altid-4.0.vcf')).contacts;
    if (!card) throw new Error('fixture has no card');
    const long = { ...card, notes: '광주 인권도시 '.repeat(30) };
    const text = formatVCards([long], '4.0');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parseVCards(text).contacts[0]?.notes).toBe(long.notes);
  });
});
