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
      country: 'ID',
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

  it('keeps BDAY, GEO, UID and a photo at a web address, and gives them back in 3.0 and 4.0', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Kim Min-ji',
      'N:Kim;Min-ji;;;',
      'BDAY:1985-04-12',
      'GEO:35.1595;126.8526',
      'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      'PHOTO;VALUE=uri:https://example.org/kim.jpg',
      'ADR;TYPE=work:;;5 Sangmu-ro;Gwangju;;61958;Republic of Korea',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [kim] = parseVCards(card).contacts;
    expect(kim).toMatchObject({
      birthday: '1985-04-12',
      geo: '35.1595,126.8526',
      uid: 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      photoUrl: 'https://example.org/kim.jpg',
      photo: null,
      // The contact's country is the code; the address keeps what the card wrote.
      country: 'KR',
    });
    expect(kim?.addresses[0]?.country).toBe('Republic of Korea');
    const four = formatVCards(parseVCards(card).contacts, '4.0');
    expect(four).toContain('GEO:geo:35.1595,126.8526\r\n');
    expect(four).toContain('PHOTO:https://example.org/kim.jpg\r\n');
    const three = formatVCards(parseVCards(card).contacts, '3.0');
    expect(three).toContain('GEO:35.1595;126.8526\r\n');
    expect(three).toContain('PHOTO;VALUE=uri:https://example.org/kim.jpg\r\n');
    for (const text of [three, four]) expect(parseVCards(text).contacts).toEqual([kim]);
    // 4.0's own forms are read too: "geo:" URIs and a birthday without the year.
    const [other] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nBDAY:--0412\r\nGEO:geo:-6.2,106.8;u=10\r\nEND:VCARD\r\n',
    ).contacts;
    expect(other).toMatchObject({ birthday: '--0412', geo: '-6.2,106.8' });
  });

  it('names a country kept as a code in the export language, and reads the name back as the code', () => {
    const [card] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Min-ji\r\nEND:VCARD\r\n',
    ).contacts;
    if (!card) throw new Error('no card');
    const kim = { ...card, city: 'Gwangju', country: 'KR' };
    expect(formatVCards([kim], '4.0', 'en')).toContain('ADR:;;;Gwangju;;;South Korea\r\n');
    expect(formatVCards([kim], '3.0', 'id')).toContain('ADR:;;;Gwangju;;;Korea Selatan\r\n');
    for (const language of ['en', 'id']) {
      const [again] = parseVCards(formatVCards([kim], '4.0', language)).contacts;
      expect(again?.country).toBe('KR');
    }
    for (const [written, code] of [
      ['Korea', 'KR'],
      ['Indonesia', 'ID'],
      ['Amerika Serikat', 'US'],
      ['United Kingdom', 'GB'],
      ['Jepang', 'JP'],
    ]) {
      const [c] = parseVCards(
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nADR:;;;;;;${written}\r\nEND:VCARD\r\n`,
      ).contacts;
      expect(c?.country, written).toBe(code);
    }
    // Not a country anyone names: kept as written, never guessed.
    const [odd] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nADR:;;;;;;Atlantis\r\nEND:VCARD\r\n',
    ).contacts;
    expect(odd?.country).toBe('Atlantis');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const [card] = parseVCards(fixture('altid-4.0.vcf')).contacts;
    if (!card) throw new Error('fixture has no card');
    const long = { ...card, notes: '광주 인권도시 '.repeat(30) };
    const text = formatVCards([long], '4.0');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parseVCards(text).contacts[0]?.notes).toBe(long.notes);
  });
});
