import { contactInputSchema, contactLimits } from '../../common/domain/contact-schema';
import type { ContactDraft } from './vcard';

/** A value longer than the contact field takes, found in an imported row or card. */
export interface Oversize {
  field: string;
  length: number;
  limit: number;
}

type Fit = 'trim' | 'omit';

/**
 * Every text of a draft with its limit, as a getter and a setter, so one walk both reports
 * what is too long and trims it or leaves it out.
 */
function* texts(d: ContactDraft): Generator<[string, number, () => string, (v: string) => void]> {
  const L = contactLimits;
  yield ['name', L.name, () => d.name, (v) => (d.name = v)];
  for (const key of ['family', 'given', 'additional', 'prefix', 'suffix'] as const) {
    yield [`nameParts.${key}`, L.short, () => d.nameParts[key], (v) => (d.nameParts[key] = v)];
  }
  yield ['honorific', L.short, () => d.honorific, (v) => (d.honorific = v)];
  yield ['addressAs', L.short, () => d.addressAs, (v) => (d.addressAs = v)];
  for (const field of ['position', 'role', 'organisation'] as const) {
    for (const side of ['id', 'en'] as const) {
      yield [`${field}.${side}`, L.short, () => d[field][side], (v) => (d[field][side] = v)];
    }
  }
  for (const side of ['id', 'en'] as const) {
    const units = d.orgUnits[side];
    for (const [i, unit] of units.entries()) {
      yield [`orgUnits.${side}`, L.short, () => unit, (v) => (units[i] = v)];
    }
  }
  yield ['city', L.short, () => d.city, (v) => (d.city = v)];
  yield ['country', L.short, () => d.country, (v) => (d.country = v)];
  for (const address of d.addresses) {
    for (const key of [
      'street',
      'locality',
      'region',
      'postcode',
      'country',
      'poBox',
      'extended',
      'type',
    ] as const) {
      yield [`addresses.${key}`, L.short, () => address[key], (v) => (address[key] = v)];
    }
  }
  for (const [field, list, limit] of [
    ['emails', d.emails, L.email],
    ['phones', d.phones, L.phone],
    ['urls', d.urls, L.url],
  ] as const) {
    for (const item of list) {
      yield [field, limit, () => item.value, (v) => (item.value = v)];
      yield [`${field}.type`, L.short, () => item.type, (v) => (item.type = v)];
    }
  }
  for (const handle of d.handles) {
    yield ['handles', L.short, () => handle.value, (v) => (handle.value = v)];
    yield ['handles.service', L.short, () => handle.service, (v) => (handle.service = v)];
  }
  yield ['website', L.url, () => d.website, (v) => (d.website = v)];
  yield ['photoUrl', L.url, () => d.photoUrl, (v) => (d.photoUrl = v)];
  yield ['birthday', L.short, () => d.birthday, (v) => (d.birthday = v)];
  yield ['geo', L.short, () => d.geo, (v) => (d.geo = v)];
  yield ['uid', L.short, () => d.uid, (v) => (d.uid = v)];
  for (const [i, language] of d.languages.entries()) {
    yield ['languages', L.short, () => language, (v) => (d.languages[i] = v)];
  }
  for (const [i, tag] of d.tags.entries()) {
    yield ['tags', L.short, () => tag, (v) => (d.tags[i] = v)];
  }
  for (const other of d.otherNames) {
    yield ['otherNames', L.name, () => other.value, (v) => (other.value = v)];
  }
  yield ['notes', L.notes, () => d.notes, (v) => (d.notes = v)];
}

const LISTS = [
  'emails',
  'phones',
  'urls',
  'handles',
  'addresses',
  'tags',
  'languages',
  'otherNames',
] as const;

/** No text longer than the shortest limit, no list longer than allowed: the common case. */
function surelyFits(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= contactLimits.phone;
  if (Array.isArray(value)) return value.length <= contactLimits.items && value.every(surelyFits);
  if (value && typeof value === 'object') return Object.values(value).every(surelyFits);
  return true;
}

/** The fields of a draft over their limits (and lists longer than a contact keeps). */
export function oversized(d: ContactDraft): Oversize[] {
  if (surelyFits(d)) return [];
  const found: Oversize[] = [];
  for (const [field, limit, get] of texts(d)) {
    const length = get().length;
    if (length > limit) found.push({ field, length, limit });
  }
  if (d.photo && d.photo.length > contactLimits.photo) {
    found.push({ field: 'photo', length: d.photo.length, limit: contactLimits.photo });
  }
  for (const list of LISTS) {
    if (d[list].length > contactLimits.items) {
      found.push({ field: list, length: d[list].length, limit: contactLimits.items });
    }
  }
  return found;
}

/**
 * Brings a draft within its limits: each long text trimmed to its limit, or left out (the
 * name, which a contact cannot be without, is always trimmed). A photo too large is left out.
 */
export function fit(d: ContactDraft, how: Fit): ContactDraft {
  for (const [field, limit, get, set] of texts(d)) {
    const value = get();
    if (value.length > limit) set(how === 'trim' || field === 'name' ? value.slice(0, limit) : '');
  }
  if (d.photo && d.photo.length > contactLimits.photo) d.photo = null;
  for (const list of LISTS) {
    if (d[list].length > contactLimits.items) d[list].length = contactLimits.items;
  }
  // Items emptied by "leave out" go, rather than stay as blank e-mails or phones.
  d.emails = d.emails.filter((e) => e.value);
  d.phones = d.phones.filter((p) => p.value);
  d.urls = d.urls.filter((u) => u.value);
  d.handles = d.handles.filter((h) => h.value);
  d.tags = d.tags.filter(Boolean);
  d.languages = d.languages.filter(Boolean);
  d.otherNames = d.otherNames.filter((n) => n.value);
  return d;
}

/** The draft as the store takes it, or null if it still does not pass (reported, not thrown). */
export function validDraft(d: ContactDraft): ContactDraft | null {
  const result = contactInputSchema.safeParse(d);
  return result.success ? (result.data as ContactDraft) : null;
}
