import { countryCodeOf, countryName } from '../../common/domain/countries';
import type { ContactFields, PostalAddress } from '../../common/domain/workspace-schema';
import { decodeBytes, detectEncoding, isUtf16, knownCharset } from './encoding';
import type { ImportEncoding } from './encoding';
import {
  escapeText,
  escapeUri,
  fold,
  formatParam,
  parseLine,
  splitUnescaped,
  unescapeText,
  unfold,
} from './vcard-lines';
import type { ContentLine, ValueDecoder } from './vcard-lines';

/** A contact as read from a card, before it becomes a stored record. */
export type ContactDraft = ContactFields;

export interface CardProblem {
  /** 1-based number of the card in the file, and the line it starts on. */
  card: number;
  line: number;
  reason: 'no-end' | 'no-name' | 'not-a-vcard';
}

export interface ParsedCards {
  contacts: ContactDraft[];
  problems: CardProblem[];
  encoding: ImportEncoding;
}

export function blankContact(): ContactDraft {
  return {
    name: '',
    nameParts: { family: '', given: '', additional: '', prefix: '', suffix: '' },
    otherNames: [],
    honorific: '',
    addressAs: '',
    position: { id: '', en: '' },
    role: { id: '', en: '' },
    organisation: { id: '', en: '' },
    orgUnits: { id: [], en: [] },
    country: '',
    city: '',
    addresses: [],
    emails: [],
    phones: [],
    handles: [],
    website: '',
    urls: [],
    languages: [],
    photo: null,
    photoUrl: '',
    birthday: '',
    geo: '',
    uid: '',
    met: [],
    tags: [],
    notes: '',
    sensitive: false,
  };
}

const IGNORED_TYPES = new Set(['internet', 'voice', 'pref', 'x400', 'x-internet']);
const types = (line: ContentLine, label?: string) => {
  const listed = (line.params.TYPE ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !IGNORED_TYPES.has(t));
  // Apple writes a custom label as a grouped X-ABLabel ("_$!<Mobile>!$_" or free text).
  if (!listed.length && label) listed.push(label.replace(/^_\$!<(.*)>!\$_$/, '$1').toLowerCase());
  return listed.join(',');
};

/** Which side of a bilingual field a LANGUAGE parameter writes: none means both. */
function sides(line: ContentLine): ('id' | 'en')[] {
  const language = line.params.LANGUAGE?.[0]?.toLowerCase() ?? '';
  if (language.startsWith('id') || language.startsWith('in')) return ['id'];
  if (language.startsWith('en')) return ['en'];
  return language ? [] : ['id', 'en'];
}

/** Instant-messaging properties of 3.0-era address books, by the service they name. */
const MESSAGING =
  /^X-(AIM|ICQ|JABBER|MSN|YAHOO|SKYPE|SKYPE-USERNAME|GOOGLE-TALK|GTALK|TWITTER|QQ|GADUGADU|GROUPWISE|TELEGRAM|WHATSAPP|SIGNAL|LINE|WECHAT|KAKAOTALK|MATRIX)$/;

/**
 * Reads every card of a .vcf file: versions 2.1, 3.0 and 4.0, one card or many, cards nested
 * in 2.1's AGENT. Bytes are unfolded before they are decoded; the encoding is detected (or
 * the one given is used), and a 2.1 property's own CHARSET wins for its value.
 */
export function parseVCards(input: string | Uint8Array, chosen?: ImportEncoding): ParsedCards {
  let text: string;
  let decode: ValueDecoder;
  let encoding: ImportEncoding = 'utf-8';
  // Quoted-printable values are bytes (one character each) whatever the file; other values
  // are bytes only when the file itself is read byte by byte.
  const bytesOf = (raw: string) => Buffer.from(raw, 'latin1');
  // Bytes with no CHARSET (2.1's quoted-printable from old phones and Outlook): UTF-8 if
  // they are valid UTF-8, else the file's own code page, else Windows-1252.
  const bytesAs = (raw: string, charset: string | null, fallback: ImportEncoding) => {
    const named = charset && knownCharset(charset);
    if (named) return decodeBytes(bytesOf(raw), named);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(raw));
    } catch {
      return decodeBytes(
        bytesOf(raw),
        fallback === 'utf-8' || isUtf16(fallback) ? 'windows-1252' : fallback,
      );
    }
  };
  if (typeof input === 'string' || isUtf16((encoding = chosen ?? detectEncodingUnfolded(input)))) {
    encoding = typeof input === 'string' ? 'utf-8' : encoding;
    text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeBytes(input, encoding);
    const fileEncoding = encoding;
    decode = (raw, charset, binary) =>
      binary && /[\x80-\xff]/.test(raw) ? bytesAs(raw, charset, fileEncoding) : raw;
  } else {
    // One character per byte: folding is undone on bytes, then each value is decoded.
    text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
    if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
    const fileEncoding = encoding;
    decode = (raw, charset, binary) =>
      !/[\x80-\xff]/.test(raw)
        ? raw
        : binary
          ? bytesAs(raw, charset, fileEncoding)
          : decodeBytes(bytesOf(raw), (charset && knownCharset(charset)) || fileEncoding);
  }
  return { ...readCards(text, decode), encoding };
}

/** The file's encoding, judged on its unfolded bytes (a fold may split a UTF-8 character). */
function detectEncodingUnfolded(bytes: Uint8Array): ImportEncoding {
  const first = detectEncoding(bytes);
  if (first.by !== 'guess') return first.encoding;
  const binary = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const joined = binary.replace(/\r?\n[ \t]/g, '');
  return detectEncoding(Buffer.from(joined, 'latin1')).encoding;
}

interface OpenCard {
  lines: ContentLine[];
  start: number;
  number: number;
}

function readCards(text: string, decode: ValueDecoder): Omit<ParsedCards, 'encoding'> {
  const contacts: ContactDraft[] = [];
  const problems: CardProblem[] = [];
  // A stack, not recursion: 2.1's AGENT nests a whole card inside another.
  const open: OpenCard[] = [];
  let count = 0;
  for (const { text: raw, line } of unfold(text)) {
    const parsed = parseLine(raw, line, decode);
    if (!parsed) continue;
    const card = open[open.length - 1];
    if (parsed.name === 'BEGIN' && /^\s*VCARD\s*$/i.test(parsed.value)) {
      count++;
      open.push({ lines: [], start: line, number: count });
    } else if (parsed.name === 'END' && /^\s*VCARD\s*$/i.test(parsed.value) && card) {
      open.pop();
      const contact = toContact(card.lines);
      if (contact.name) contacts.push(contact);
      else problems.push({ card: card.number, line: card.start, reason: 'no-name' });
    } else if (card) {
      // AGENT's value may open the nested card on its own line ("AGENT:BEGIN:VCARD").
      if (parsed.name === 'AGENT' && /^BEGIN:VCARD$/i.test(parsed.value.trim())) {
        count++;
        open.push({ lines: [], start: line, number: count });
      } else card.lines.push(parsed);
    }
  }
  for (const card of open) problems.push({ card: card.number, line: card.start, reason: 'no-end' });
  if (count === 0) problems.push({ card: 0, line: 1, reason: 'not-a-vcard' });
  return { contacts, problems };
}

const structured = (line: ContentLine) => splitUnescaped(line.value, ';');
const component = (value: string | undefined) =>
  value === undefined
    ? ''
    : splitUnescaped(value, ',')
        .map(unescapeText)
        .map((v) => v.trim())
        .filter(Boolean)
        .join(',');

const EAST_ASIAN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The full name from N's parts, family first where the script writes it so. */
function nameFromParts(p: ContactDraft['nameParts']): string {
  const list = (v: string) => v.split(',').join(' ');
  if (EAST_ASIAN.test(p.family) && (EAST_ASIAN.test(p.given) || !p.given)) {
    return `${p.family}${p.given}`.trim();
  }
  return [p.prefix, p.given, p.additional, p.family, p.suffix].map(list).filter(Boolean).join(' ');
}

function toContact(lines: ContentLine[]): ContactDraft {
  const contact = blankContact();
  const names: { value: string; language: string }[] = [];
  let nickname = '';
  let addressAs = '';
  let fallbackOrg = '';
  const labels = new Map<string, string>();
  for (const line of lines) {
    if (line.group && line.name === 'X-ABLABEL') labels.set(line.group, unescapeText(line.value));
  }
  for (const line of lines) {
    const text = unescapeText(line.value).trim();
    const label = line.group ? labels.get(line.group) : undefined;
    switch (line.name) {
      case 'FN':
        if (text) names.push({ value: text, language: line.params.LANGUAGE?.[0] ?? '' });
        break;
      case 'X-RISALAH-OTHER-NAME':
        if (text)
          contact.otherNames.push({ language: line.params.LANGUAGE?.[0] ?? '', value: text });
        break;
      case 'N': {
        // With ALTID pairs, the N in another language does not replace the main one.
        const language = line.params.LANGUAGE?.[0]?.toLowerCase() ?? '';
        const hasParts = Object.values(contact.nameParts).some(Boolean);
        if (hasParts && language && !/^(en|id|in)/.test(language)) break;
        const [family, given, additional, prefix, suffix] = structured(line);
        contact.nameParts = {
          family: component(family),
          given: component(given),
          additional: component(additional),
          prefix: component(prefix),
          suffix: component(suffix),
        };
        break;
      }
      case 'NICKNAME':
        nickname ||= text;
        break;
      case 'X-RISALAH-ADDRESS-AS':
        addressAs = addressAs ? `${addressAs} / ${text}` : text;
        break;
      case 'EMAIL':
        if (text)
          contact.emails.push({ value: text.replace(/^mailto:/i, ''), type: types(line, label) });
        break;
      case 'TEL': {
        const value = text.replace(/^tel:/i, '').trim();
        if (value) contact.phones.push({ value, type: types(line, label) });
        break;
      }
      case 'ORG': {
        const [organisation = '', ...units] = structured(line).map((u) => unescapeText(u).trim());
        const chosenSides = sides(line);
        for (const side of chosenSides) {
          contact.organisation[side] = organisation;
          contact.orgUnits[side] = units.filter(Boolean);
        }
        if (!chosenSides.length) fallbackOrg ||= organisation;
        break;
      }
      case 'TITLE':
        for (const side of sides(line)) contact.position[side] ||= text;
        break;
      case 'ROLE':
        for (const side of sides(line)) contact.role[side] ||= text;
        break;
      case 'ADR': {
        const [poBox, extended, street, locality, region, postcode, country] = structured(line).map(
          (v) => unescapeText(v).trim(),
        );
        const address: PostalAddress = {
          type: types(line, label),
          poBox: poBox ?? '',
          extended: extended ?? '',
          street: street ?? '',
          locality: locality ?? '',
          region: region ?? '',
          postcode: postcode ?? '',
          country: country ?? '',
        };
        if (Object.entries(address).some(([k, v]) => k !== 'type' && v)) {
          contact.addresses.push(address);
          contact.city ||= address.locality;
          // The contact's country is a code ("Korea" → KR); the address keeps what was written.
          contact.country ||= countryCodeOf(address.country) ?? address.country;
        }
        break;
      }
      case 'URL':
        if (!text) break;
        if (!contact.website) contact.website = text;
        else contact.urls.push({ value: text, type: types(line, label) });
        break;
      case 'NOTE': {
        // As written, spaces included: a note is the delegate's own text.
        const note = unescapeText(line.value);
        if (note.trim()) contact.notes = contact.notes ? `${contact.notes}\n${note}` : note;
        break;
      }
      case 'CATEGORIES':
        contact.tags.push(
          ...splitUnescaped(line.value, ',')
            .map((t) => unescapeText(t).trim())
            .filter(Boolean),
        );
        break;
      case 'LANG':
        if (text) contact.languages.push(text);
        break;
      case 'IMPP':
      case 'X-SOCIALPROFILE': {
        if (!text) break;
        const colon = text.indexOf(':');
        const [service, value] =
          colon > 0
            ? [text.slice(0, colon), text.slice(colon + 1)]
            : [line.params.TYPE?.[0] ?? '', text];
        contact.handles.push({ service, value });
        break;
      }
      case 'PHOTO': {
        const photo = photoOf(line);
        if (photo) contact.photo ??= photo;
        // At a web address: kept as written, never fetched.
        else if (/^https?:\/\//i.test(text)) contact.photoUrl ||= text;
        break;
      }
      case 'BDAY':
        contact.birthday ||= text;
        break;
      case 'GEO': {
        // 3.0 "37.38;-122.08", 4.0 "geo:37.38,-122.08" (with an optional ";u=" uncertainty).
        const match = /^(?:geo:)?\s*(-?[\d.]+)\s*[;,]\s*(-?[\d.]+)/i.exec(text);
        if (match) contact.geo ||= `${match[1]},${match[2]}`;
        break;
      }
      case 'UID':
        contact.uid ||= text;
        break;
      default: {
        const messaging = MESSAGING.exec(line.name);
        if (messaging?.[1] && text) {
          contact.handles.push({
            service: messaging[1].toLowerCase().replace(/-username$/, ''),
            value: text,
          });
        }
      }
    }
  }
  // The main name: untagged, English or Indonesian, else the first; the others are kept
  // as the name in other scripts ("김민지" beside "Kim Min-ji").
  const preferred =
    names.find((n) => n.language === '' || /^(en|id|in)\b/i.test(n.language)) ?? names[0];
  for (const n of names) {
    if (n !== preferred && n.value !== preferred?.value) {
      contact.otherNames.push({ language: n.language, value: n.value });
    }
  }
  const organisation = contact.organisation.en || contact.organisation.id || fallbackOrg;
  if (!contact.organisation.id && !contact.organisation.en && fallbackOrg) {
    contact.organisation = { id: fallbackOrg, en: fallbackOrg };
  }
  // A card without FN (allowed in 2.1): the name from N, else what the card is about.
  contact.name =
    preferred?.value ||
    nameFromParts(contact.nameParts) ||
    organisation ||
    contact.emails[0]?.value ||
    '';
  contact.honorific = contact.nameParts.prefix;
  contact.addressAs = addressAs || nickname;
  return contact;
}

/** Bytes' own media type, whatever the card says (cards often say JPEG of a PNG). */
function sniff(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'gif';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45)
    return 'webp';
  return null;
}

/**
 * A photo in any of the common forms: 2.1 "PHOTO;JPEG;ENCODING=BASE64", 3.0
 * "PHOTO;ENCODING=b;TYPE=image/png" or "TYPE=PNG", 4.0 "data:image/png;base64,…" (with the
 * comma escaped, as some writers do). A photo at a web address is not held (no network).
 */
function photoOf(line: ContentLine): string | null {
  let bytes = line.bytes;
  if (!bytes) {
    const value = unescapeText(line.value.trim());
    const match = /^data:(image\/[\w.+-]+)?(;[^,]*)?,(.*)$/s.exec(value);
    if (!match) {
      // Base64 with no ENCODING parameter (some 3.0 writers): kept if it is an image.
      if (value.length < 64 || !/^[A-Za-z0-9+/=\s]+$/.test(value)) return null;
      const raw = Uint8Array.from(Buffer.from(value.replace(/\s/g, ''), 'base64'));
      const type = sniff(raw);
      return type ? `data:image/${type};base64,${Buffer.from(raw).toString('base64')}` : null;
    }
    if (!/;base64/i.test(match[2] ?? '')) return null;
    bytes = Uint8Array.from(
      Buffer.from((match[3] ?? '').replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64'),
    );
  }
  if (!bytes.length) return null;
  const declared = (line.params.TYPE?.[0] ?? line.params.MEDIATYPE?.[0] ?? '')
    .toLowerCase()
    .replace(/^image\//, '')
    .replace(/^jpg$/, 'jpeg');
  const type = sniff(bytes) ?? (/^[\w.+-]+$/.test(declared) ? declared : 'jpeg');
  return `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

export type VCardVersion = '3.0' | '4.0';

/** Writes cards that phones and address books read back without losing a field. */
export function formatVCards(
  contacts: ContactDraft[],
  version: VCardVersion,
  /** The language a country kept as a code is named in ("KR" → "South Korea"/"Korea Selatan"). */
  language = 'en',
): string {
  return contacts.map((c) => formatCard(c, version, language)).join('');
}

const typeParam = (type: string) =>
  formatParam(
    'TYPE',
    type
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );

/**
 * A structured component: its list items ("Richter,James") escaped one by one and joined by
 * commas; a comma followed by a space is part of one value ("Richter, James") and escaped.
 */
const listComponent = (value: string) =>
  value.includes(', ')
    ? escapeText(value)
    : value
        .split(',')
        .map((v) => escapeText(v.trim()))
        .join(',');

function formatCard(c: ContactDraft, version: VCardVersion, language: string): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  const add = (line: string) => lines.push(fold(line));
  const altNames = version === '4.0' && c.otherNames.length > 0;
  add(`FN${altNames ? ';ALTID=1' : ''}:${escapeText(c.name)}`);
  for (const other of c.otherNames) {
    // 4.0 pairs names with ALTID; 3.0 allows one FN, so the others get a property of their own.
    add(
      version === '4.0'
        ? `FN;ALTID=1${formatParam('LANGUAGE', [other.language])}:${escapeText(other.value)}`
        : `X-RISALAH-OTHER-NAME${formatParam('LANGUAGE', [other.language])}:${escapeText(other.value)}`,
    );
  }
  // N from the parts kept on import; never by splitting the full name.
  const p = c.nameParts;
  add(
    `N:${[p.family, p.given, p.additional, p.prefix || c.honorific, p.suffix].map(listComponent).join(';')}`,
  );
  if (c.addressAs) add(`NICKNAME:${escapeText(c.addressAs)}`);
  // The same text in both languages is written once, untagged; otherwise once per language.
  const sameOrg =
    c.organisation.id === c.organisation.en && c.orgUnits.id.join(';') === c.orgUnits.en.join(';');
  for (const side of sameOrg ? (['id'] as const) : (['id', 'en'] as const)) {
    const units = c.orgUnits[side];
    if (!c.organisation[side] && !units.length) continue;
    const language = sameOrg ? '' : formatParam('LANGUAGE', [side]);
    add(`ORG${language}:${[c.organisation[side], ...units].map(escapeText).join(';')}`);
  }
  for (const [property, text] of [
    ['TITLE', c.position],
    ['ROLE', c.role],
  ] as const) {
    if (text.id === text.en) {
      if (text.id) add(`${property}:${escapeText(text.id)}`);
      continue;
    }
    for (const side of ['id', 'en'] as const) {
      if (text[side])
        add(`${property}${formatParam('LANGUAGE', [side])}:${escapeText(text[side])}`);
    }
  }
  for (const email of c.emails) add(`EMAIL${typeParam(email.type)}:${escapeText(email.value)}`);
  for (const phone of c.phones) {
    // As text, not a tel: URI, so the number keeps the spacing the delegate wrote.
    add(
      `TEL${typeParam(phone.type)}${version === '4.0' ? ';VALUE=text' : ''}:${escapeText(phone.value)}`,
    );
  }
  const addresses: PostalAddress[] = c.addresses.length
    ? c.addresses
    : c.city || c.country
      ? [
          {
            type: '',
            poBox: '',
            extended: '',
            street: '',
            locality: c.city,
            region: '',
            postcode: '',
            country: countryName(c.country, language),
          },
        ]
      : [];
  for (const a of addresses) {
    add(
      `ADR${typeParam(a.type)}:${[
        a.poBox,
        a.extended,
        a.street,
        a.locality,
        a.region,
        a.postcode,
        a.country,
      ]
        .map(escapeText)
        .join(';')}`,
    );
  }
  if (c.website) add(`URL:${escapeUri(c.website)}`);
  for (const url of c.urls) add(`URL${typeParam(url.type)}:${escapeUri(url.value)}`);
  for (const language of c.languages) add(`LANG:${escapeText(language)}`);
  for (const handle of c.handles) {
    add(`IMPP:${escapeUri(handle.service ? `${handle.service}:${handle.value}` : handle.value)}`);
  }
  if (c.tags.length) add(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  if (c.notes) add(`NOTE:${escapeText(c.notes)}`);
  if (c.birthday) add(`BDAY:${escapeText(c.birthday)}`);
  if (c.geo) {
    const [lat, lon] = c.geo.split(',');
    add(version === '4.0' ? `GEO:geo:${lat},${lon}` : `GEO:${lat};${lon}`);
  }
  if (c.uid) add(`UID:${escapeUri(c.uid)}`);
  if (c.photoUrl)
    add(
      version === '4.0'
        ? `PHOTO:${escapeUri(c.photoUrl)}`
        : `PHOTO;VALUE=uri:${escapeUri(c.photoUrl)}`,
    );
  if (c.photo) {
    const match = /^data:image\/([\w.+-]+);base64,([A-Za-z0-9+/=]*)$/.exec(c.photo);
    if (match) {
      add(
        version === '4.0'
          ? `PHOTO:data:image/${match[1]};base64,${match[2]}`
          : `PHOTO;ENCODING=b;TYPE=${(match[1] ?? 'jpeg').toUpperCase()}:${match[2]}`,
      );
    }
  }
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
