import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../electron/node/contacts/contacts-service';
import { parseImport } from '../../../electron/node/contacts/import-parse';
import type { ParsedImport } from '../../../electron/node/contacts/import-parse';
import { formatVCards, parseVCards } from '../../../electron/node/contacts/vcard';
import type { ContactDraft } from '../../../electron/node/contacts/vcard';

/**
 * Every file of the corpus (address-book exports other projects keep as test fixtures, see
 * tests/fixtures/SOURCES.md): who is imported, with which fields, and what a 3.0, 4.0 and
 * CSV export gives back, read again by Risalah and by an independent reader (Python's
 * vobject and csv).
 */
const root = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
const files = readdirSync(root).flatMap((dir) =>
  readdirSync(join(root, dir)).map((file) => `${dir}/${file}`),
);
const read = (file: string) =>
  parseImport({ bytes: readFileSync(join(root, file)), remembered: {} });

/** Python's readers, run once for many texts. */
function readBack(items: { kind: 'vcf' | 'csv'; text: string }[]) {
  const out = execFileSync(
    '/usr/bin/python3',
    [join(import.meta.dirname, '..', '..', 'support', 'read-back.py')],
    {
      input: JSON.stringify(items),
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return JSON.parse(out.toString()) as (
    | { cards: Record<string, { value: unknown; params: Record<string, string[]> }[]>[] }
    | { rows: string[][] }
    | { error: string }
  )[];
}

/** How many people each file holds, as a person reading it counts them. */
const PEOPLE: Record<string, number> = {
  'ez-vcard/John_Doe_ANDROID.vcf': 6,
  'ez-vcard/gmail-list.vcf': 3,
  'ez-vcard/rfc2426-example.vcf': 2,
  'kcontacts/vcard10.vcf': 5,
  // A card with an empty N and only a LABEL: nobody to import.
  'kcontacts/vcard7.vcf': 0,
  'roundcube/browser-contacts.vcf': 2,
  'roundcube/csv2vcard-email.csv': 4,
  'roundcube/csv2vcard-email.vcf': 4,
  'rolomind/custom.csv': 4,
  'rolomind/google.csv': 4,
  'rolomind/linkedin.csv': 5,
  'rolomind/rolodex.csv': 4,
  'thunderbird/basic_csv_addressbook.csv': 2,
  'thunderbird/basic_vcard_addressbook.vcf': 2,
  'thunderbird/csv_no_header.csv': 2,
  'thunderbird/csv_semicolon.csv': 2,
  'thunderbird/emptylines_vcard_addressbook.vcf': 2,
  'thunderbird/export.csv': 2,
  'thunderbird/export.txt': 2,
  'thunderbird/export.vcf': 2,
  // Its first line is comma-separated and the others tab-separated: that line is reported.
  'thunderbird/tab_comma_mixed.csv': 3,
};

const parsed = new Map<string, ParsedImport>(files.map((file) => [file, read(file)]));
const vcards = files.filter((f) => parsed.get(f)?.kind === 'vcf');
const lists = files.filter((f) => parsed.get(f)?.kind === 'csv');

describe('the corpus of real address books', () => {
  it('holds at least 60 vCard files of versions 2.1, 3.0 and 4.0 and 20 lists', () => {
    expect(vcards.length).toBeGreaterThanOrEqual(60);
    expect(lists.length).toBeGreaterThanOrEqual(20);
    const versions = new Set(
      vcards.flatMap((f) =>
        [...readFileSync(join(root, f), 'latin1').matchAll(/VERSION:\s*([\d.]+)/gi)].map(
          (m) => m[1],
        ),
      ),
    );
    expect([...versions].sort()).toEqual(expect.arrayContaining(['2.1', '3.0', '4.0']));
  });

  it.each(files)('%s: everyone in it is imported, with a whole name', (file) => {
    const result = parsed.get(file) as ParsedImport;
    expect(result.drafts.length).toBe(PEOPLE[file] ?? 1);
    for (const draft of result.drafts) {
      expect(draft.name.trim()).not.toBe('');
      // No mojibake: no replacement character, no C1 control from a wrong code page.
      expect(draft.name).not.toMatch(/[\ufffd\u0080-\u009f]/);
    }
  });
});

describe('what the corpus gives', () => {
  const draft = (file: string, index = 0) => parsed.get(file)?.drafts[index] as ContactDraft;

  it('keeps N, every URL, full addresses, ORG units, TITLE and ROLE apart (ez-vcard, vobject)', () => {
    const john = draft('ez-vcard/John_Doe_IPHONE.vcf');
    expect(john.nameParts).toMatchObject({
      family: 'Doe',
      given: 'John',
      additional: 'Richter,James',
      prefix: 'Mr.',
      suffix: 'Sr.',
    });
    const full = draft('vobject/vcard40_full.vcf');
    expect(full.addresses.length).toBeGreaterThan(0);
    expect(full.addresses[0]?.street).not.toBe('');
    const rfc = draft('ez-vcard/rfc2426-example.vcf', 1);
    expect(rfc.organisation.en).toBe('Netscape Communications Corp.');
    const outlook = draft('ez-vcard/outlook-2007.vcf');
    expect(outlook.urls.length + (outlook.website ? 1 : 0)).toBeGreaterThan(0);
    const multilang = draft('vobject/vcard40_multilang.vcf');
    expect(multilang.otherNames.length).toBeGreaterThan(0);
  });

  it('reads escaped colons of Google and Apple as written (no "http\\://")', () => {
    for (const file of vcards) {
      for (const d of parsed.get(file)?.drafts ?? []) {
        for (const url of [d.website, ...d.urls.map((u) => u.value)])
          expect(url).not.toMatch(/\\:/);
        expect(d.notes).not.toMatch(/\\[",;:]/);
      }
    }
  });

  it('reads photos of every common form (Thunderbird 3.0 binary, 3.0 and 4.0 data: URIs)', () => {
    for (const file of vcards.filter((f) => /thunderbird\/v[34]-.*(binary|uri)/.test(f))) {
      const photo = draft(file).photo;
      expect(photo, file).toMatch(/^data:image\/(jpeg|png|webp);base64,/);
    }
  });

  it('decodes UTF-16 (BOM and NUL pattern), Shift_JIS and Windows-1252', () => {
    expect(parsed.get('roundcube/utf-16_sample.vcf')?.encoding).toMatch(/^utf-16/);
    expect(parsed.get('thunderbird/utf16_addressbook.csv')?.encoding).toBe('utf-16le');
    expect(draft('thunderbird/shiftjis_addressbook.csv').name).toBe('名無しの権兵衛');
    expect(draft('roundcube/johndoe.vcf').name).toBe('John Doë');
  });

  it('guesses the columns of Google, Outlook, Thunderbird and other layouts with no mapping', () => {
    const gmail = draft('roundcube/csv2vcard-gmail.csv');
    expect(gmail.nameParts).toMatchObject({
      given: 'Firstname',
      family: 'Lastname',
      prefix: 'Prefix',
    });
    expect(gmail.emails.length).toBeGreaterThan(1);
    expect(gmail.emails.every((e) => e.value.includes('@'))).toBe(true);
    const thunderbird = draft('thunderbird/basic_csv_addressbook.csv');
    expect(thunderbird).toMatchObject({ name: 'John Doe' });
    expect(thunderbird.emails[0]?.value).toMatch(/@/);
    const linkedin = draft('rolomind/linkedin.csv');
    expect(linkedin).toMatchObject({
      name: 'John Doe',
      organisation: { en: 'Acme Corp' },
      position: { en: 'CEO' },
    });
    // "Title" there is a job title, not an honorific.
    expect(draft('rolomind/rolodex.csv')).toMatchObject({ honorific: '', position: { en: 'CEO' } });
  });
});

describe('a corpus export read back', () => {
  const everyone = vcards.flatMap((f) => parsed.get(f)?.drafts ?? []);
  for (const version of ['3.0', '4.0'] as const) {
    it(`vCard ${version}: Risalah reads back every field it holds, for every person of every file`, () => {
      let lost = 0;
      for (const file of vcards) {
        const drafts = parsed.get(file)?.drafts ?? [];
        if (!drafts.length) continue;
        const again = parseVCards(formatVCards(drafts, version));
        expect(again.problems).toEqual([]);
        if (JSON.stringify(again.contacts) !== JSON.stringify(drafts)) lost++;
        expect(again.contacts, file).toEqual(drafts);
      }
      expect(lost).toBe(0);
    });

    it(`vCard ${version}: Python's vobject reads one card per person, with the name, N, e-mails and phones`, () => {
      const [result] = readBack([{ kind: 'vcf', text: formatVCards(everyone, version) }]);
      if (!result || !('cards' in result)) throw new Error(JSON.stringify(result));
      expect(result.cards.length).toBe(everyone.length);
      result.cards.forEach((card, i) => {
        const person = everyone[i] as ContactDraft;
        expect(card.FN?.[0]?.value).toBe(person.name);
        const parts = person.nameParts;
        const n = (card.N?.[0]?.value ?? []) as (string | string[])[];
        const joined = n.map((p) => (Array.isArray(p) ? p.join(',') : p));
        expect(joined).toEqual([
          parts.family,
          parts.given,
          parts.additional,
          parts.prefix || person.honorific,
          parts.suffix,
        ]);
        expect((card.EMAIL ?? []).map((e) => e.value)).toEqual(person.emails.map((e) => e.value));
        expect((card.TEL ?? []).map((t) => t.value)).toEqual(person.phones.map((p) => p.value));
        expect((card.NOTE?.[0]?.value as string | undefined) ?? '').toBe(person.notes);
      });
    });
  }

  it('CSV: Python csv reads one row per person with the name and organisation', () => {
    const everyone = files.flatMap((f) => parsed.get(f)?.drafts ?? []);
    const rows = everyone.map((d) =>
      [d.name, d.organisation.id, d.emails.map((e) => e.value).join(' ::: ')]
        .map(csvCell)
        .join(','),
    );
    const [result] = readBack([{ kind: 'csv', text: `${rows.join('\r\n')}\r\n` }]);
    if (!result || !('rows' in result)) throw new Error('no rows');
    expect(result.rows.length).toBe(everyone.length);
    result.rows.forEach((row, i) => {
      const d = everyone[i] as ContactDraft;
      expect(row[0]?.replace(/^'(?=[=+\-@])/, '')).toBe(d.name);
    });
  });
});
