import type { ContactFields } from '../../common/domain/workspace-schema';
import { escapeText, fold, parseLine, splitUnescaped, unescapeText, unfold } from './vcard-lines';
import type { ContentLine } from './vcard-lines';

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
}

export function blankContact(): ContactDraft {
  return {
    name: '',
    honorific: '',
    addressAs: '',
    position: { id: '', en: '' },
    organisation: { id: '', en: '' },
    country: '',
    city: '',
    emails: [],
    phones: [],
    handles: [],
    website: '',
    languages: [],
    photo: null,
    met: [],
    tags: [],
    notes: '',
    sensitive: false,
  };
}

const types = (line: ContentLine) =>
  (line.params.TYPE ?? [])
    .map((t) => t.toLowerCase())
    .filter((t) => !['internet', 'voice', 'pref', 'x400'].includes(t))
    .join(',');

/** Which side of a bilingual field a LANGUAGE parameter writes: none means both. */
function sides(line: ContentLine): ('id' | 'en')[] {
  const language = line.params.LANGUAGE?.[0]?.toLowerCase() ?? '';
  if (language.startsWith('id') || language.startsWith('in')) return ['id'];
  if (language.startsWith('en')) return ['en'];
  return language ? [] : ['id', 'en'];
}

/** Reads every card of a .vcf file: versions 2.1, 3.0 and 4.0, one card or many. */
export function parseVCards(text: string): ParsedCards {
  const contacts: ContactDraft[] = [];
  const problems: CardProblem[] = [];
  let card: { lines: ContentLine[]; start: number } | null = null;
  let count = 0;
  for (const { text: raw, line } of unfold(text)) {
    const parsed = parseLine(raw, line);
    if (!parsed) continue;
    if (parsed.name === 'BEGIN' && parsed.value.toUpperCase() === 'VCARD') {
      if (card) problems.push({ card: count, line: card.start, reason: 'no-end' });
      count++;
      card = { lines: [], start: line };
    } else if (parsed.name === 'END' && parsed.value.toUpperCase() === 'VCARD' && card) {
      const contact = toContact(card.lines);
      if (contact.name) contacts.push(contact);
      else problems.push({ card: count, line: card.start, reason: 'no-name' });
      card = null;
    } else if (card) {
      card.lines.push(parsed);
    }
  }
  if (card) problems.push({ card: count, line: card.start, reason: 'no-end' });
  if (count === 0) problems.push({ card: 0, line: 1, reason: 'not-a-vcard' });
  return { contacts, problems };
}

function toContact(lines: ContentLine[]): ContactDraft {
  const contact = blankContact();
  const names: { value: string; language: string }[] = [];
  let structured: string[] | null = null;
  const addressAs: string[] = [];
  for (const line of lines) {
    const text = unescapeText(line.value);
    switch (line.name) {
      case 'FN':
        names.push({
          value: text.trim(),
          language: line.params.LANGUAGE?.[0]?.toLowerCase() ?? '',
        });
        break;
      case 'N':
        structured = splitUnescaped(line.value, ';').map(unescapeText);
        break;
      case 'EMAIL':
        if (text.trim()) contact.emails.push({ value: text.trim(), type: types(line) });
        break;
      case 'TEL': {
        const value = text.replace(/^tel:/i, '').trim();
        if (value) contact.phones.push({ value, type: types(line) });
        break;
      }
      case 'ORG': {
        const units = splitUnescaped(line.value, ';').map(unescapeText).filter(Boolean);
        for (const side of sides(line)) contact.organisation[side] = units.join(', ');
        break;
      }
      case 'TITLE':
      case 'ROLE':
        for (const side of sides(line)) if (!contact.position[side]) contact.position[side] = text;
        break;
      case 'ADR': {
        const [, , , locality = '', , , country = ''] = splitUnescaped(line.value, ';').map(
          unescapeText,
        );
        contact.city ||= locality;
        contact.country ||= country;
        break;
      }
      case 'URL':
        contact.website ||= text;
        break;
      case 'NOTE':
        contact.notes = contact.notes ? `${contact.notes}\n${text}` : text;
        break;
      case 'CATEGORIES':
        contact.tags.push(...splitUnescaped(line.value, ',').map(unescapeText).filter(Boolean));
        break;
      case 'LANG':
        contact.languages.push(text);
        break;
      case 'IMPP':
      case 'X-SOCIALPROFILE': {
        const [service = '', value = text] = text.includes(':')
          ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)]
          : [line.params.TYPE?.[0] ?? '', text];
        contact.handles.push({ service, value });
        break;
      }
      case 'X-RISALAH-ADDRESS-AS':
        addressAs.push(text);
        break;
      case 'PHOTO':
        contact.photo = photoOf(line) ?? contact.photo;
        break;
    }
  }
  // The name in the latin script where a card gives several (ALTID + LANGUAGE pairs); the
  // others are kept as how to address the person, so "김민지" is not lost.
  const preferred =
    names.find(
      (n) => n.language === '' || n.language.startsWith('en') || n.language.startsWith('id'),
    ) ?? names[0];
  const parts = structured as string[] | null;
  contact.name =
    preferred?.value ||
    (parts ? [parts[3], parts[1], parts[2], parts[0], parts[4]].filter(Boolean).join(' ') : '');
  contact.honorific = parts?.[3] ?? '';
  contact.addressAs = [
    ...names.filter((n) => n !== preferred).map((n) => n.value),
    ...addressAs,
  ].join(' / ');
  return contact;
}

function photoOf(line: ContentLine): string | null {
  if (line.bytes) {
    const type = (line.params.TYPE?.[0] ?? 'jpeg').toLowerCase();
    return `data:image/${type === 'jpg' ? 'jpeg' : type};base64,${Buffer.from(line.bytes).toString('base64')}`;
  }
  return /^data:image\//.test(line.value) ? line.value : null;
}

export type VCardVersion = '3.0' | '4.0';

/** Writes cards that phones and address books read back without losing a field. */
export function formatVCards(contacts: ContactDraft[], version: VCardVersion): string {
  return contacts.map((c) => formatCard(c, version)).join('');
}

function formatCard(c: ContactDraft, version: VCardVersion): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  const add = (line: string) => lines.push(fold(line));
  const type = (t: string) => (t ? `;TYPE=${t}` : '');
  add(`FN:${escapeText(c.name)}`);
  const words = c.name.split(/\s+/);
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : c.name;
  const family = words.length > 1 ? (words.at(-1) ?? '') : '';
  add(`N:${escapeText(family)};${escapeText(given)};;${escapeText(c.honorific)};`);
  if (c.addressAs) add(`X-RISALAH-ADDRESS-AS:${escapeText(c.addressAs)}`);
  // The same text in both languages is written once, untagged; otherwise once per language.
  for (const [property, text] of [
    ['ORG', c.organisation],
    ['TITLE', c.position],
  ] as const) {
    if (text.id === text.en) {
      if (text.id) add(`${property}:${escapeText(text.id)}`);
      continue;
    }
    for (const side of ['id', 'en'] as const) {
      if (text[side]) add(`${property};LANGUAGE=${side}:${escapeText(text[side])}`);
    }
  }
  for (const email of c.emails) add(`EMAIL${type(email.type)}:${escapeText(email.value)}`);
  for (const phone of c.phones) {
    // As text, not a tel: URI, so the number keeps the spacing the delegate wrote.
    add(
      `TEL${type(phone.type)}${version === '4.0' ? ';VALUE=text' : ''}:${escapeText(phone.value)}`,
    );
  }
  if (c.city || c.country) add(`ADR:;;;${escapeText(c.city)};;;${escapeText(c.country)}`);
  if (c.website) add(`URL:${c.website}`);
  for (const language of c.languages) add(`LANG:${escapeText(language)}`);
  for (const handle of c.handles)
    add(`IMPP:${handle.service ? `${handle.service}:` : ''}${handle.value}`);
  if (c.tags.length) add(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  if (c.notes) add(`NOTE:${escapeText(c.notes)}`);
  if (c.photo) {
    const match = /^data:image\/(\w+);base64,(.*)$/.exec(c.photo);
    if (match) {
      add(
        version === '4.0'
          ? `PHOTO:${c.photo}`
          : `PHOTO;ENCODING=b;TYPE=${(match[1] ?? 'jpeg').toUpperCase()}:${match[2]}`,
      );
    }
  }
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
