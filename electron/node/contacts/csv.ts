import { countryCodeOf } from '../../common/domain/countries';
import Papa from 'papaparse';

import { csvFields } from '../../common/domain/vocabulary';
import type { PostalAddress } from '../../common/domain/workspace-schema';
import { blankContact } from './vcard';
import type { ContactDraft } from './vcard';

export { csvFields };
export type CsvField = (typeof csvFields)[number];
/** Which columns (0-based) feed each field; a field may take several (First + Last name). */
export type CsvMapping = Partial<Record<CsvField, number[]>>;

export interface CsvTable {
  headers: string[];
  rows: string[][];
  delimiter: string;
  /** The first line is already a person: the columns are named "Column 1", "Column 2", … */
  headerless: boolean;
}

export interface CsvRowProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: 'no-person' | 'doubtful-email' | 'doubtful-phone' | 'name-from-contact';
  /** The value in doubt, for the preview to show. */
  value?: string;
}

/** A header as compared: lower case, no accents, words separated by single spaces. */
const norm = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Composed again, so Hangul syllables are syllables, not jamo.
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();

/** Columns that describe another column ("E-mail 1 - Type"), or how a name sounds: never a value. */
const NEVER_A_VALUE = /\b(type|label|yomi|phonetic|pronunciation|ruby)\b/;

/**
 * The header words of the layouts people export: Google Contacts (old and 2024), Outlook,
 * Thunderbird, Apple/iCloud, registration platforms and Indonesian attendance lists (daftar
 * hadir). Tried in this order; a column is claimed once.
 */
const RULES: [CsvField, RegExp, RegExp?][] = [
  ['nip', /^(nip|nrp|nip nrp|nik|no induk pegawai|nomor induk pegawai)$/],
  [
    'name',
    /^(name|full name|fullname|display name|nama|nama lengkap|nama peserta|nama lengkap dan gelar|nama dan gelar|nama gelar|peserta|participant|participant name|attendee|attendee name|contact name|contact|fn|이름|성명|氏名|名前|姓名|名字)$/,
  ],
  ['prefix', /^(title|name prefix|prefix|salutation|honorific|gelar depan|sapaan)$/],
  ['given', /^(first name|given name|firstname|first|forename|nama depan)$/],
  ['middle', /^(middle name|additional name|middle|nama tengah)$/],
  ['family', /^(last name|family name|surname|lastname|last|nama belakang)$/],
  ['suffix', /^(suffix|name suffix|gelar belakang)$/],
  [
    'email',
    /\b(e mail|email|surel|surat elektronik)\b|이메일|전자우편|メール|电子邮件|電子郵件/,
    /\bdisplay\b/,
  ],
  [
    'position',
    /\b(job title|jabatan|position|posisi|role|peran|occupation|pekerjaan)\b|^organi[sz]ation( \d+)? title$|직위|직책|役職|职位|職稱/,
  ],
  [
    'organisation',
    /\b(company|organi[sz]ation|organisasi|instansi|lembaga|institution|institusi|affiliation|afiliasi|komunitas|perusahaan|employer)\b|^business$|소속|기관|단체|所属|会社|組織|单位|單位|机构|機構/,
    /\b(number|nomor|location|symbol|title|department|phone|street|city|main|address)\b/,
  ],
  ['department', /\b(department|departemen|bagian|bidang|divisi|unit kerja|satuan kerja|satker)\b/],
  [
    'phone',
    /\b(phone|telephone|telepon|telpon|telp|tlp|hp|handphone|ponsel|whatsapp|wa|mobile|cell|cellular|fax|pager|callback|isdn|telex)\b|전화|휴대폰|연락처|電話|携帯|电话|手机|手機/,
  ],
  [
    'website',
    /\b(web page|webpage|website|web site|url|situs|home page|homepage|blog|web|linkedin)\b/,
  ],
  ['postcode', /\b(postal code|zip|zipcode|zip code|postcode|kode pos)\b/],
  ['country', /\b(country|negara|country region)\b|국가|国家|國家|^国$/],
  ['region', /\b(state|region|province|provinsi|prov)\b/],
  ['city', /\b(city|kota|town|kabupaten|locality)\b|^location$/],
  ['street', /\b(street|jalan|alamat|formatted)\b|\baddress( \d+)?$/, /\b(e mail|email)\b/],
  ['notes', /\b(notes?|catatan|keterangan|remarks|comments?|additional info|info)\b/],
  ['tags', /\b(group membership|labels|categories|category|kategori|groups?)\b/],
];

/** Fields a row may fill from several columns; the others take the first column mapped. */
const MANY: ReadonlySet<CsvField> = new Set([
  'name',
  'email',
  'phone',
  'website',
  'street',
  'city',
  'region',
  'postcode',
  'country',
  'notes',
  'tags',
]);

const HONORIFIC =
  /^((mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|hon|fr|bapak|bpk|pak|ibu|bu|sdr|sdri|h|hj|ir|drs|dra|kh)\.?\s*)+$/i;

/** A cell that could be a person: an e-mail, a phone, or a few capitalised (or uncased) words. */
export function personLike(cell: string): boolean {
  const text = cell.trim();
  if (EMAIL.test(text) || PHONE.test(text)) return true;
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6 || text.length > 80) return false;
  return words.filter((w) => /^[\p{Lu}\p{Lo}]/u.test(w)).length * 2 >= words.length;
}

/** Whether most filled cells of a column (among the first rows) pass a test. */
export function mostly(table: CsvTable, column: number, test: (cell: string) => boolean): boolean {
  const cells = table.rows
    .slice(0, 50)
    .map((r) => (r[column] ?? '').trim())
    .filter(Boolean);
  return cells.length > 0 && cells.filter(test).length / cells.length > 0.5;
}

/** Reads a participant list: delimiter detected (comma, semicolon, tab, bar), quotes honoured. */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const data = result.data;
  const first = (data[0] ?? []).map((h) => h.trim());
  const headerless = data.length > 0 && looksLikeData(first);
  const width = data.reduce((max, row) => Math.max(max, row.length), 0);
  const headers = headerless
    ? Array.from({ length: width }, (_, i) => `#${i + 1}`)
    : [
        ...first,
        ...Array.from(
          { length: Math.max(0, width - first.length) },
          (_, i) => `#${first.length + i + 1}`,
        ),
      ];
  return {
    headers,
    rows: headerless ? data : data.slice(1),
    delimiter: result.meta.delimiter,
    headerless,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().\-/]{6,}$/;

/**
 * A first line that names no column we know is already a person: header rows of every
 * layout above name at least one (a name, an e-mail, a phone, an organisation).
 */
function looksLikeData(cells: string[]): boolean {
  return cells.some((c) => c.trim()) && !cells.some((c) => ruleFor(norm(c)) !== null);
}

function ruleFor(header: string): CsvField | null {
  if (!header) return null;
  for (const [field, pattern, unless] of RULES) {
    if (field !== 'name' && NEVER_A_VALUE.test(header)) continue;
    if (pattern.test(header) && !unless?.test(header)) return field;
  }
  return null;
}

/**
 * A first guess at which columns hold what: from the header names, or, for a list without a
 * header row, from what the cells look like (e-mails, phone numbers, then names).
 */
export function guessMapping(table: CsvTable): CsvMapping {
  const mapping: CsvMapping = {};
  const add = (field: CsvField, column: number) => {
    const list = (mapping[field] ??= []);
    if (MANY.has(field) || list.length === 0) list.push(column);
  };
  if (!table.headerless) {
    table.headers.forEach((header, column) => {
      const field = ruleFor(norm(header));
      if (field) add(field, column);
    });
    // Google's "Address 1 - Formatted" is the address only where no street column is given.
    const formatted = (column: number) => /formatted/i.test(table.headers[column] ?? '');
    if (mapping.street?.some((c) => !formatted(c))) {
      mapping.street = mapping.street.filter((c) => !formatted(c));
    }
    // "Title" is Outlook's honorific (Dr., Ibu) but a job title in other lists: the cells say.
    const prefixColumn = mapping.prefix?.[0];
    if (
      prefixColumn !== undefined &&
      norm(table.headers[prefixColumn] ?? '') === 'title' &&
      !mostly(table, prefixColumn, (c) => HONORIFIC.test(c))
    ) {
      delete mapping.prefix;
      if (!mapping.position) mapping.position = [prefixColumn];
    }
    // A list with only a "Unit Kerja" column names the organisation there.
    if (!mapping.organisation && mapping.department) {
      mapping.organisation = mapping.department;
      delete mapping.department;
    }
    // A full name and its parts: the full name is the name, the parts are kept beside it.
    if (mapping.name && mapping.name.length > 1) mapping.name = mapping.name.slice(0, 1);
    if (Object.keys(mapping).length > 0) return mapping;
  }
  const sample = table.rows.slice(0, 50);
  const share = (column: number, test: (cell: string) => boolean) => {
    const cells = sample.map((r) => (r[column] ?? '').trim()).filter(Boolean);
    return cells.length ? cells.filter(test).length / cells.length : 0;
  };
  const textColumns: number[] = [];
  table.headers.forEach((_, column) => {
    if (share(column, (c) => EMAIL.test(c)) > 0.5) add('email', column);
    else if (share(column, (c) => PHONE.test(c)) > 0.5) add('phone', column);
    else if (share(column, (c) => /\p{L}/u.test(c)) > 0.5) textColumns.push(column);
  });
  const [name, ...others] = textColumns;
  if (name === undefined) return mapping;
  add('name', name);
  // A column of the first or last words of the names holds name parts, not an organisation.
  const word = (row: string[], column: number, at: 'first' | 'last') => {
    const words = (row[name] ?? '').trim().split(/\s+/);
    return (row[column] ?? '').trim() === (at === 'first' ? words[0] : words[words.length - 1]);
  };
  for (const column of others) {
    const rows = sample.filter((r) => (r[column] ?? '').trim());
    if (rows.length && rows.every((r) => word(r, column, 'first'))) add('given', column);
    else if (rows.length && rows.every((r) => word(r, column, 'last'))) add('family', column);
    else if (!mapping.organisation) add('organisation', column);
  }
  return mapping;
}

/** A remembered or typed mapping, from the older one-column-per-field form too. */
export function normaliseMapping(raw: Record<string, number | number[]> | undefined): CsvMapping {
  const mapping: CsvMapping = {};
  for (const [field, columns] of Object.entries(raw ?? {})) {
    if (!(csvFields as readonly string[]).includes(field)) continue;
    const list = (Array.isArray(columns) ? columns : [columns]).filter(
      (c) => Number.isInteger(c) && c >= 0,
    );
    if (list.length) mapping[field as CsvField] = list;
  }
  return mapping;
}

/** What a column set looks like, to remember the mapping chosen for lists of that shape. */
export const headerSignature = (table: Pick<CsvTable, 'headers' | 'headerless'>) =>
  table.headerless
    ? `#headerless:${table.headers.length}`
    : table.headers.map((h) => h.toLowerCase()).join('|');

/** Where a column of an address belongs: "Home City" and "Home Street" are one address. */
function addressGroup(header: string): { key: string; type: string } {
  const words = norm(header)
    .replace(
      /\b(street|jalan|alamat|address|city|kota|town|kabupaten|locality|state|region|province|provinsi|prov|postal|code|zip|zipcode|postcode|kode|pos|country|negara|line|value)\b/g,
      ' ',
    )
    .replace(/\b\d+\b$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const type = /\b(home|rumah|private|pribadi)\b/.test(words)
    ? 'home'
    : /\b(work|business|office|kantor|company)\b/.test(words)
      ? 'work'
      : /\bother\b/.test(words)
        ? 'other'
        : '';
  return { key: type || words, type };
}

function typeFromHeader(header: string): string {
  const h = norm(header);
  if (/\b(mobile|cell|cellular|hp|handphone|ponsel|wa|whatsapp)\b/.test(h)) return 'cell';
  if (/\bfax\b/.test(h)) return 'fax';
  if (/\bpager\b/.test(h)) return 'pager';
  if (/\b(home|rumah|private|pribadi|personal)\b/.test(h)) return 'home';
  if (/\b(work|business|office|kantor|company)\b/.test(h)) return 'work';
  if (/\bother\b/.test(h)) return 'other';
  return '';
}

/** Google's "E-mail 1 - Value" has its type beside it in "E-mail 1 - Type" (or "- Label"). */
function typeColumns(headers: string[]): Map<number, number> {
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const m = /^(.*?)\s*-\s*(type|label)$/i.exec(h.trim());
    if (m?.[1]) byKey.set(m[1].toLowerCase(), i);
  });
  const out = new Map<number, number>();
  headers.forEach((h, i) => {
    const m = /^(.*?)\s*-\s*value$/i.exec(h.trim());
    const typeColumn = m?.[1] ? byKey.get(m[1].toLowerCase()) : undefined;
    if (typeColumn !== undefined) out.set(i, typeColumn);
  });
  return out;
}

/** Google's multi-value cells: "a@x ::: b@y". */
const values = (cell: string) =>
  cell
    .split(/\s*:::\s*/)
    .map((v) => v.trim())
    .filter(Boolean);

/** A cell neutralised on export ("'=1+1", OWASP) reads back as what was typed. */
const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const cleanType = (t: string) =>
  t
    .replace(/^\*\s*/, '')
    .trim()
    .toLowerCase();

export interface CsvDrafts {
  drafts: ContactDraft[];
  /** The line in the file of each draft, for problems found later (a field too long). */
  lines: number[];
  problems: CsvRowProblem[];
}

/**
 * Rows become contacts. Every row that names a person (or has an e-mail or a phone to name
 * them by) is kept; what looks wrong in it is reported on its line, not dropped.
 */
export function draftsFromCsv(table: CsvTable, mapping: CsvMapping): CsvDrafts {
  const drafts: ContactDraft[] = [];
  const lines: number[] = [];
  const problems: CsvRowProblem[] = [];
  const typeOf = typeColumns(table.headers);
  // What each column's header says, worked out once rather than once per row.
  const headerType = table.headers.map(typeFromHeader);
  const group = table.headers.map(addressGroup);
  const first = table.headerless ? 1 : 2;
  const columns = (field: CsvField) => mapping[field] ?? [];
  // A loop, not recursion or spread: a list of 130,000 rows is read like one of ten.
  for (const [index, row] of table.rows.entries()) {
    const line = index + first;
    const cell = (column: number) => unneutralise((row[column] ?? '').trim());
    const one = (field: CsvField) => {
      const column = columns(field)[0];
      return column === undefined ? '' : cell(column);
    };
    const draft = blankContact();
    draft.nameParts = {
      prefix: one('prefix'),
      given: one('given'),
      additional: one('middle'),
      family: one('family'),
      suffix: one('suffix'),
    };
    draft.honorific = draft.nameParts.prefix;
    const organisation = one('organisation');
    draft.organisation = { id: organisation, en: organisation };
    const department = one('department');
    if (department) draft.orgUnits = { id: [department], en: [department] };
    const position = one('position');
    draft.position = { id: position, en: position };
    for (const [field, list] of [
      ['email', draft.emails],
      ['phone', draft.phones],
      ['website', draft.urls],
    ] as const) {
      for (const column of columns(field)) {
        const typeColumn = typeOf.get(column);
        const type =
          typeColumn !== undefined && cell(typeColumn)
            ? cleanType(cell(typeColumn))
            : (headerType[column] ?? '');
        for (const value of values(cell(column))) {
          if (!list.some((item) => item.value === value)) list.push({ value, type });
        }
      }
    }
    draft.website = draft.urls.shift()?.value ?? '';
    // Addresses: the columns of one group ("Home …", "Address 1 - …") make one address.
    const groups = new Map<string, PostalAddress>();
    for (const [field, part] of [
      ['street', 'street'],
      ['city', 'locality'],
      ['region', 'region'],
      ['postcode', 'postcode'],
      ['country', 'country'],
    ] as const) {
      for (const column of columns(field)) {
        const value = cell(column);
        if (!value) continue;
        const { key, type } = group[column] ?? { key: '', type: '' };
        const address = groups.get(key) ?? {
          type,
          poBox: '',
          extended: '',
          street: '',
          locality: '',
          region: '',
          postcode: '',
          country: '',
        };
        address[part] = address[part] ? `${address[part]}, ${value}` : value;
        groups.set(key, address);
      }
    }
    draft.addresses = [...groups.values()];
    draft.city = draft.addresses.find((a) => a.locality)?.locality ?? '';
    const written = draft.addresses.find((a) => a.country)?.country ?? '';
    // A code for the contact ("Indonesia" → ID); the address keeps what the list says.
    draft.country = countryCodeOf(written) ?? written;
    const notes = columns('notes').map(cell).filter(Boolean);
    const nip = one('nip');
    if (nip) notes.unshift(`NIP: ${nip}`);
    draft.notes = notes.join('\n');
    draft.tags = [
      ...new Set(
        columns('tags')
          .flatMap((c) => values(cell(c)))
          .map((t) => t.replace(/^\*\s*/, ''))
          .filter((t) => t && t.toLowerCase() !== 'mycontacts'),
      ),
    ];
    // The whole name: the name column(s) joined, else First/Middle/Last with prefix and suffix.
    const p = draft.nameParts;
    draft.name =
      columns('name').map(cell).filter(Boolean).join(' ') ||
      [p.prefix, p.given, p.additional, p.family, p.suffix].filter(Boolean).join(' ');
    if (!draft.name) {
      const by = draft.emails[0]?.value ?? draft.phones[0]?.value ?? organisation;
      if (!by) {
        if (row.some((c) => c.trim())) problems.push({ line, reason: 'no-person' });
        continue;
      }
      draft.name = by;
      problems.push({ line, reason: 'name-from-contact', value: by });
    }
    for (const email of draft.emails) {
      if (!EMAIL.test(email.value))
        problems.push({ line, reason: 'doubtful-email', value: email.value });
    }
    for (const phone of draft.phones) {
      if ((phone.value.match(/\d/g)?.length ?? 0) < 3) {
        problems.push({ line, reason: 'doubtful-phone', value: phone.value });
      }
    }
    drafts.push(draft);
    lines.push(line);
  }
  return { drafts, lines, problems };
}
