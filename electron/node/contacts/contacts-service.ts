import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { contactExportSchema, contactInputSchema } from '../../common/domain/contact-schema';
import type {
  ContactExportRequest,
  ContactInput,
  ContactPatch,
} from '../../common/domain/contact-schema';
import { mergeFields } from '../../common/domain/vocabulary';
import type {
  ContactExport,
  DuplicatePair,
  MergeField,
  ContactImportPreview,
  ContactQr,
  ContactSummary,
} from '../../common/domain/notebook-views';
import { contactFieldsSchema } from '../../common/domain/workspace-schema';
import type { Contact } from '../../common/domain/workspace-schema';
import { contactSearchable, searchKey } from '../notebook/searchables';
import type { SearchIndex } from '../search/search-index';
import type { Workspace } from '../store/workspace';
import { qrPayload, qrSvg } from './qr';
import { guessMapping, headerSignature, parseCsv, rowProblems } from './csv';
import type { CsvMapping, CsvTable } from './csv';
import { blankContact, formatVCards, parseVCards } from './vcard';
import type { ContactDraft } from './vcard';

const now = () => new Date().toISOString();
const PREVIEW_TTL_MS = 30 * 60_000;

/** Decodes an uploaded file: UTF-8 (with or without BOM) if it is valid, else Windows-1252. */
export function decodeUpload(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^0+/, '').slice(-9);
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Delegate contacts in the workspace document, with vCard import and export and QR codes.
 * Sensitive contacts never leave in an export or a QR code unless chosen one by one.
 */
export class ContactsService {
  readonly #workspace: Workspace;
  readonly #search: SearchIndex;
  readonly #previews = new Map<
    string,
    { drafts: ContactDraft[]; table: CsvTable | null; at: number }
  >();

  constructor(workspace: Workspace, search: SearchIndex) {
    this.#workspace = workspace;
    this.#search = search;
  }

  list(): ContactSummary[] {
    return this.#workspace.data.contacts
      .filter((c) => !c.deletedAt)
      .map(summarise)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Contact {
    return structuredClone(this.#find(id));
  }

  create(input: ContactInput): Contact {
    const fields = contactInputSchema.parse(input);
    const at = now();
    const contact: Contact = {
      ...fields,
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    this.#workspace.update((doc) => doc.contacts.push(contact));
    this.#search.upsert(contactSearchable(contact));
    return structuredClone(contact);
  }

  update(id: string, patch: ContactPatch): Contact {
    const contact = this.#find(id);
    this.#workspace.update(() =>
      Object.assign(contact, structuredClone(patch), { updatedAt: now() }),
    );
    this.#search.upsert(contactSearchable(contact));
    return structuredClone(contact);
  }

  setDeleted(id: string, deleted: boolean): Contact {
    const contact = this.#find(id);
    this.#workspace.update(() => {
      contact.deletedAt = deleted ? now() : null;
      contact.updatedAt = now();
    });
    if (deleted) this.#search.remove(searchKey.contact(id));
    else this.#search.upsert(contactSearchable(contact));
    return structuredClone(contact);
  }

  /**
   * Reads a vCard file or a CSV participant list and says what it holds, which cards or
   * rows are broken, and which look like people already known. Nothing is saved yet.
   */
  previewImport(bytes: Uint8Array, mapping?: CsvMapping): ContactImportPreview {
    const token = randomUUID();
    this.#sweepPreviews();
    // A photo, a PDF or a spreadsheet in binary form: no text to read contacts from.
    if (bytes.subarray(0, 8192).includes(0)) {
      return {
        kind: 'vcf',
        token,
        contacts: [],
        problems: [{ card: 0, line: 1, reason: 'not-a-vcard' }],
        csv: null,
      };
    }
    const text = decodeUpload(bytes);
    if (/^\s*BEGIN:VCARD/i.test(text) || !looksLikeCsv(text)) {
      const { contacts, problems } = parseVCards(text);
      this.#previews.set(token, { drafts: contacts, table: null, at: Date.now() });
      return { kind: 'vcf', token, problems, contacts: this.#describe(contacts), csv: null };
    }
    const table = parseCsv(text);
    const remembered = this.#workspace.data.settings.csvMappings[headerSignature(table.headers)];
    const chosen = mapping ?? (remembered as CsvMapping | undefined) ?? guessMapping(table.headers);
    const drafts = draftsFromCsv(table, chosen);
    this.#previews.set(token, { drafts, table, at: Date.now() });
    return {
      kind: 'csv',
      token,
      problems: [],
      contacts: this.#describe(drafts),
      csv: {
        headers: table.headers,
        sample: table.rows.slice(0, 5),
        rowCount: table.rows.length,
        mapping: chosen,
        rowProblems: rowProblems(table, chosen).slice(0, 200),
      },
    };
  }

  /**
   * Saves the previewed contacts in one change, after backing up the workspace document:
   * an import is never half done, and always undoable from the backups. A CSV list's column
   * mapping is remembered for the next list with the same columns.
   */
  async commitImport(token: string, mapping?: CsvMapping): Promise<number> {
    const preview = this.#previews.get(token);
    if (!preview) throw new AppError('import-expired');
    this.#previews.delete(token);
    const drafts =
      preview.table && mapping ? draftsFromCsv(preview.table, mapping) : preview.drafts;
    await this.#workspace.backupBeforeImport();
    const at = now();
    const created: Contact[] = drafts.map((draft) => ({
      ...contactInputSchema.parse(draft),
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    }));
    this.#workspace.update((doc) => {
      doc.contacts.push(...created);
      if (preview.table) {
        doc.settings.csvMappings[headerSignature(preview.table.headers)] = { ...(mapping ?? {}) };
      }
    });
    for (const contact of created) this.#search.upsert(contactSearchable(contact));
    return created.length;
  }

  #describe(drafts: ContactDraft[]): ContactImportPreview['contacts'] {
    const existing = this.#workspace.data.contacts.filter((c) => !c.deletedAt);
    return drafts.map((c) => ({
      name: c.name,
      organisation: c.organisation.en || c.organisation.id,
      email: c.emails[0]?.value ?? '',
      phone: c.phones[0]?.value ?? '',
      duplicateOf: likelyDuplicate(c, existing)?.id ?? null,
    }));
  }

  export(request: ContactExportRequest): ContactExport {
    const { format, version, ids, forumId, includeSensitive } = contactExportSchema.parse(request);
    const chosen = new Set(includeSensitive);
    const selection = this.#workspace.data.contacts.filter(
      (c) =>
        !c.deletedAt &&
        (ids ? ids.includes(c.id) : true) &&
        (forumId ? c.met.some((m) => m.forumId === forumId) : true),
    );
    const going = selection.filter((c) => !c.sensitive || chosen.has(c.id));
    const stamp = now().slice(0, 10);
    if (format === 'csv') {
      return {
        fileName: `risalah-contacts-${stamp}.csv`,
        mimeType: 'text/csv',
        content: toCsv(going),
        count: going.length,
        leftOut: selection.length - going.length,
      };
    }
    return {
      fileName: `risalah-contacts-${stamp}.vcf`,
      mimeType: 'text/vcard',
      content: formatVCards(going.map(fieldsOf), version),
      count: going.length,
      leftOut: selection.length - going.length,
    };
  }

  async qr(id: string): Promise<ContactQr> {
    const contact = this.#find(id);
    if (contact.sensitive) throw new AppError('contact-sensitive', { name: contact.name });
    const payload = qrPayload(fieldsOf(contact));
    return { svg: await qrSvg(payload.text), compact: payload.compact };
  }

  /** Pairs of contacts that look like one person: same e-mail or phone, or same name at the same organisation. */
  duplicates(): DuplicatePair[] {
    const live = this.#workspace.data.contacts.filter((c) => !c.deletedAt);
    const pairs: DuplicatePair[] = [];
    const byKey = new Map<string, Contact>();
    const seen = new Set<string>();
    const add = (key: string, contact: Contact, reason: DuplicatePair['reason']) => {
      const other = byKey.get(key);
      if (other && other.id !== contact.id) {
        const pair = [other.id, contact.id].sort().join('|');
        if (!seen.has(pair)) {
          seen.add(pair);
          pairs.push({ a: other.id, b: contact.id, reason });
        }
      } else byKey.set(key, contact);
    };
    for (const contact of live) {
      for (const email of contact.emails) add(`e:${email.value.toLowerCase()}`, contact, 'email');
      for (const phone of contact.phones) {
        const d = digits(phone.value);
        if (d.length >= 6) add(`p:${d}`, contact, 'phone');
      }
      const org = folded(contact.organisation.en || contact.organisation.id);
      if (org) add(`n:${folded(contact.name)}|${org}`, contact, 'name');
    }
    return pairs;
  }

  /**
   * Merges two contacts into the first, taking each chosen field from one or the other and
   * keeping every e-mail, phone, handle, tag and meeting of both. The second goes to the
   * trash, and commitments it was responsible for now name the first.
   */
  merge(
    keepId: string,
    otherId: string,
    choices: Partial<Record<MergeField, 'keep' | 'other'>>,
  ): Contact {
    if (keepId === otherId) throw new AppError('invalid-input', { field: 'otherId' });
    const keep = this.#find(keepId);
    const other = this.#find(otherId);
    const union = <T>(a: T[], b: T[], key: (item: T) => string) => {
      const seen = new Set(a.map(key));
      return [...a, ...b.filter((item) => !seen.has(key(item)))];
    };
    const tracked = [...mergeFields, ...unionFields] as const;
    const before = pick(keep, tracked);
    const repointed: { forumId: string; id: string }[] = [];
    this.#workspace.update(() => {
      for (const field of mergeFields) {
        if (choices[field] === 'other')
          Object.assign(keep, { [field]: structuredClone(other[field]) });
      }
      keep.emails = union(keep.emails, other.emails, (e) => e.value.toLowerCase());
      keep.phones = union(keep.phones, other.phones, (p) => digits(p.value));
      keep.handles = union(keep.handles, other.handles, (h) => `${h.service}:${h.value}`);
      keep.tags = union(keep.tags, other.tags, (t) => t);
      keep.languages = union(keep.languages, other.languages, (l) => l);
      keep.met = union(keep.met, other.met, (m) => `${m.forumId}:${m.sessionId}`);
      keep.updatedAt = now();
      other.deletedAt = now();
      other.updatedAt = now();
    });
    for (const forumId of this.#workspace.forumIds()) {
      const pointing = this.#workspace
        .forum(forumId)
        .commitments.some((c) => c.responsible.contactId === otherId);
      if (!pointing) continue;
      this.#workspace.updateForum(forumId, (doc) => {
        for (const c of doc.commitments) {
          if (c.responsible.contactId !== otherId) continue;
          c.responsible.contactId = keepId;
          repointed.push({ forumId, id: c.id });
        }
      });
    }
    // Only what the merge changed is remembered, so undoing it puts back exactly that.
    const after = pick(keep, tracked);
    const changed = tracked.filter((f) => !sameJson(before[f], after[f]));
    this.#workspace.update(() => {
      other.mergedInto = {
        keepId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        commitments: repointed,
      };
    });
    this.#search.remove(searchKey.contact(otherId));
    this.#search.upsert(contactSearchable(keep));
    return structuredClone(keep);
  }

  /**
   * Undoes a merge: the second card comes back, each field of the kept card the merge
   * changed goes back to what it was (unless edited since), and the commitments it repointed
   * name the second card again.
   */
  unmerge(otherId: string): Contact {
    const other = this.#find(otherId);
    const record = other.mergedInto;
    if (!record) throw new AppError('not-found', { id: otherId });
    const keep = this.#workspace.data.contacts.find((c) => c.id === record.keepId);
    this.#workspace.update(() => {
      if (keep) {
        for (const [field, value] of Object.entries(record.before)) {
          const current = (keep as Record<string, unknown>)[field];
          if (sameJson(current, record.after[field]))
            Object.assign(keep, { [field]: structuredClone(value) });
        }
        keep.updatedAt = now();
      }
      other.deletedAt = null;
      other.mergedInto = null;
      other.updatedAt = now();
    });
    for (const ref of record.commitments) {
      if (!this.#workspace.forumIds().includes(ref.forumId)) continue;
      this.#workspace.updateForum(ref.forumId, (doc) => {
        const commitment = doc.commitments.find((c) => c.id === ref.id);
        if (commitment && commitment.responsible.contactId === record.keepId)
          commitment.responsible.contactId = otherId;
      });
    }
    if (keep) this.#search.upsert(contactSearchable(keep));
    this.#search.upsert(contactSearchable(other));
    return structuredClone(other);
  }

  /** Removes a contact in the trash for good; commitments it was responsible for name no one. */
  purge(id: string): void {
    const contact = this.#find(id);
    if (!contact.deletedAt) throw new AppError('not-found', { id });
    for (const forumId of this.#workspace.forumIds()) {
      if (!this.#workspace.forum(forumId).commitments.some((c) => c.responsible.contactId === id))
        continue;
      this.#workspace.updateForum(forumId, (doc) => {
        for (const c of doc.commitments)
          if (c.responsible.contactId === id) c.responsible.contactId = null;
      });
    }
    this.#workspace.update((doc) => {
      doc.contacts = doc.contacts.filter((c) => c.id !== id);
    });
    this.#search.remove(searchKey.contact(id));
  }

  #find(id: string): Contact {
    const contact = this.#workspace.data.contacts.find((c) => c.id === id);
    if (!contact) throw new AppError('not-found', { id });
    return contact;
  }

  #sweepPreviews(): void {
    for (const [token, preview] of this.#previews) {
      if (Date.now() - preview.at > PREVIEW_TTL_MS) this.#previews.delete(token);
    }
  }
}

/** The list fields a merge joins rather than chooses. */
const unionFields = ['emails', 'phones', 'handles', 'tags', 'languages', 'met'] as const;

function pick(contact: Contact, fields: readonly string[]): Record<string, unknown> {
  const record = contact as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, structuredClone(record[f])]));
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldsOf(contact: Contact): ContactDraft {
  // The schema's own field list: what a card carries, without the record's bookkeeping.
  return contactFieldsSchema.parse(contact);
}

function summarise(c: Contact): ContactSummary {
  return {
    id: c.id,
    name: c.name,
    honorific: c.honorific,
    organisation: { ...c.organisation },
    position: { ...c.position },
    country: c.country,
    city: c.city,
    email: c.emails[0]?.value ?? '',
    phone: c.phones[0]?.value ?? '',
    sensitive: c.sensitive,
    metForumIds: [...new Set(c.met.map((m) => m.forumId))],
    hasPhoto: !!c.photo,
  };
}

/** Same e-mail, same phone number, or the same name at the same organisation. */
export function likelyDuplicate(draft: ContactDraft, existing: Contact[]): Contact | undefined {
  const emails = new Set(draft.emails.map((e) => e.value.toLowerCase()));
  const phones = new Set(draft.phones.map((p) => digits(p.value)).filter((d) => d.length >= 6));
  const name = folded(draft.name);
  const org = folded(draft.organisation.en || draft.organisation.id);
  return existing.find(
    (c) =>
      c.emails.some((e) => emails.has(e.value.toLowerCase())) ||
      c.phones.some((p) => phones.has(digits(p.value))) ||
      (folded(c.name) === name && !!org && folded(c.organisation.en || c.organisation.id) === org),
  );
}

const CSV_COLUMNS = [
  'name',
  'honorific',
  'organisation_id',
  'organisation_en',
  'position_id',
  'position_en',
  'email',
  'phone',
  'city',
  'country',
] as const;

function toCsv(contacts: Contact[]): string {
  const cell = (value: string) =>
    /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const rows = contacts.map((c) =>
    [
      c.name,
      c.honorific,
      c.organisation.id,
      c.organisation.en,
      c.position.id,
      c.position.en,
      c.emails.map((e) => e.value).join(' '),
      c.phones.map((p) => p.value).join(' '),
      c.city,
      c.country,
    ]
      .map(cell)
      .join(','),
  );
  // A BOM, so Excel opens UTF-8 names correctly.
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A text that reads as a table: several lines with the same number of separators. */
function looksLikeCsv(text: string): boolean {
  const table = parseCsv(text.slice(0, 20_000));
  return table.headers.length > 1 && table.rows.length > 0;
}

/** Rows become contacts; a row without a name or with a broken e-mail is left out. */
function draftsFromCsv(table: CsvTable, mapping: CsvMapping): ContactDraft[] {
  const skipped = new Set(rowProblems(table, mapping).map((p) => p.line));
  return table.rows.flatMap((row, index) => {
    if (skipped.has(index + 2)) return [];
    const cell = (field: keyof CsvMapping) =>
      mapping[field] === undefined ? '' : (row[mapping[field] as number] ?? '').trim();
    const draft = blankContact();
    draft.name = cell('name');
    draft.organisation = { id: cell('organisation'), en: cell('organisation') };
    draft.position = { id: cell('position'), en: cell('position') };
    if (cell('email')) draft.emails = [{ value: cell('email'), type: '' }];
    if (cell('phone')) draft.phones = [{ value: cell('phone'), type: '' }];
    draft.country = cell('country');
    draft.city = cell('city');
    return [draft];
  });
}
