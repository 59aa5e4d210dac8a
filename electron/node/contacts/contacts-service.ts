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
  ContactImportStatus,
  ContactQr,
  ContactSummary,
} from '../../common/domain/notebook-views';
import { contactFieldsSchema } from '../../common/domain/workspace-schema';
import type { Contact } from '../../common/domain/workspace-schema';
import { contactSearchable, searchKey } from '../notebook/searchables';
import type { SearchIndex } from '../search/search-index';
import type { Workspace } from '../store/workspace';
import { qrPayload, qrSvg } from './qr';
import type { CsvMapping } from './csv';
import type { ImportEncoding } from './encoding';
import { defaultRunner } from './import-runner';
import type { ImportRun, ImportRunner } from './import-runner';
import type { ParsedImport } from './import-parse';
import { fit, validDraft } from './limits';
import { formatVCards } from './vcard';
import type { ContactDraft } from './vcard';

const now = () => new Date().toISOString();
const PREVIEW_TTL_MS = 30 * 60_000;

/** How many contacts of a file the preview lists; the count and the problems cover all. */
const PREVIEW_SHOWN = 500;
const PROBLEMS_SHOWN = 200;

export interface ImportOptions {
  encoding?: ImportEncoding;
  mapping?: CsvMapping;
}

export interface CommitOptions {
  oversize?: 'trim' | 'omit';
  forumId?: string | null;
  sessionId?: string | null;
}

interface ImportJob {
  run: ImportRun;
  state: ContactImportStatus['state'];
  done: number;
  total: number;
  preview: ContactImportPreview | null;
  at: number;
  /** Settles once the preview is made (or the read failed or was cancelled). */
  settled?: Promise<void>;
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
/** Contacts handled between two turns of the event loop in a large import. */
const SLICE = 2_000;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export class ContactsService {
  readonly #workspace: Workspace;
  readonly #search: SearchIndex;
  readonly #previews = new Map<string, { parsed: ParsedImport; at: number }>();
  readonly #jobs = new Map<string, ImportJob>();
  readonly #runner: ImportRunner;

  constructor(workspace: Workspace, search: SearchIndex, runner: ImportRunner = defaultRunner()) {
    this.#workspace = workspace;
    this.#search = search;
    this.#runner = runner;
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
   * Starts reading a vCard file or a CSV participant list on the importer's thread; the
   * status says how far it is and, once read, what it holds. Nothing is saved yet.
   */
  startImport(bytes: Uint8Array, options: ImportOptions = {}): string {
    this.#sweepPreviews();
    const id = randomUUID();
    const job: ImportJob = {
      run: this.#runner(
        {
          bytes,
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.mapping ? { mapping: options.mapping } : {}),
          remembered: structuredClone(this.#workspace.data.settings.csvMappings),
        },
        (done, total) => Object.assign(job, { done, total }),
      ),
      state: 'running',
      done: 0,
      total: 1,
      preview: null,
      at: Date.now(),
    };
    this.#jobs.set(id, job);
    job.settled = job.run.result.then(
      async (parsed) => {
        if (job.state !== 'running') return;
        const preview = await this.#preview(parsed);
        if (job.state !== 'running') return;
        job.preview = preview;
        job.state = 'done';
      },
      (error: Error) => {
        if (job.state === 'running')
          job.state = error.name === 'cancelled' ? 'cancelled' : 'failed';
      },
    );
    return id;
  }

  importStatus(id: string): ContactImportStatus {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('import-expired');
    if (job.state !== 'running') this.#jobs.delete(id);
    return { state: job.state, done: job.done, total: job.total, preview: job.preview };
  }

  cancelImport(id: string): boolean {
    const job = this.#jobs.get(id);
    if (!job) return false;
    // Kept until asked once more, so a status request already on its way gets "cancelled".
    if (job.state !== 'running') this.#jobs.delete(id);
    if (job.state === 'running') {
      job.state = 'cancelled';
      job.run.cancel();
    }
    return true;
  }

  /** Reads a file and says what it holds, which cards or rows are in doubt, and who is known. */
  async previewImport(
    bytes: Uint8Array,
    options: ImportOptions = {},
  ): Promise<ContactImportPreview> {
    const id = this.startImport(bytes, options);
    const job = this.#jobs.get(id);
    try {
      await job?.run.result;
      await job?.settled;
    } catch (error) {
      this.#jobs.delete(id);
      throw new AppError(
        (error as Error).name === 'cancelled' ? 'import-expired' : 'invalid-input',
        {
          field: 'file',
        },
      );
    }
    const { preview } = this.importStatus(id);
    if (!preview) throw new AppError('import-expired');
    return preview;
  }

  async #preview(parsed: ParsedImport): Promise<ContactImportPreview> {
    const duplicates = duplicateFinder(this.#workspace.data.contacts.filter((c) => !c.deletedAt));
    let duplicateCount = 0;
    const contacts: ContactImportPreview['contacts'] = [];
    // In slices: checking a 130,000-row list for duplicates must not hold the host.
    for (let start = 0; start < parsed.drafts.length; start += SLICE) {
      if (start > 0) await nextTurn();
      const end = Math.min(start + SLICE, parsed.drafts.length);
      for (let i = start; i < end; i++) {
        const c = parsed.drafts[i] as ParsedImport['drafts'][number];
        const duplicateOf = duplicates(c)?.id ?? null;
        if (duplicateOf) duplicateCount++;
        if (contacts.length < PREVIEW_SHOWN) {
          contacts.push({
            name: c.name,
            organisation: c.organisation.en || c.organisation.id,
            email: c.emails[0]?.value ?? '',
            phone: c.phones[0]?.value ?? '',
            duplicateOf,
            line: parsed.lines[i] ?? 0,
          });
        }
      }
    }
    const token = randomUUID();
    this.#previews.set(token, { parsed, at: Date.now() });
    const problems = [...parsed.cardProblems];
    if (parsed.unreadable === 'binary') problems.push({ card: 0, line: 1, reason: 'not-a-vcard' });
    return {
      kind: parsed.kind,
      encoding: parsed.encoding,
      unreadable: parsed.unreadable,
      token,
      total: parsed.drafts.length,
      duplicates: duplicateCount,
      contacts,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      oversize: parsed.oversize.slice(0, PROBLEMS_SHOWN).map((o) => ({
        line: o.line,
        name: (parsed.drafts[o.index]?.name ?? '').slice(0, 120),
        fields: o.fields,
      })),
      oversizeCount: parsed.oversize.length,
      csv: parsed.csv && {
        headers: parsed.csv.headers,
        sample: parsed.csv.sample,
        rowCount: parsed.csv.rowCount,
        headerless: parsed.csv.headerless,
        oneColumn: parsed.csv.oneColumn,
        mapping: parsed.csv.mapping,
        rowProblems: parsed.csv.rowProblems.slice(0, PROBLEMS_SHOWN),
        rowProblemCount: parsed.csv.rowProblems.length,
      },
    };
  }

  /**
   * Saves the previewed contacts in one change, after backing up the workspace document:
   * an import is never half done, and always undoable from the backups. A value over its
   * field's limit is trimmed or left out as chosen; importing inside a forum links the
   * contacts to it. A CSV list's column mapping is remembered for lists with the same columns.
   */
  async commitImport(token: string, options: CommitOptions = {}): Promise<number> {
    const preview = this.#previews.get(token);
    if (!preview) throw new AppError('import-expired');
    this.#previews.delete(token);
    const { parsed } = preview;
    const forumId = options.forumId ?? null;
    if (forumId && !this.#workspace.forumIds().includes(forumId)) {
      throw new AppError('not-found', { id: forumId });
    }
    const met = forumId ? [{ forumId, sessionId: options.sessionId ?? null }] : [];
    const drafts = parsed.drafts;
    for (const { index } of parsed.oversize) {
      const draft = drafts[index];
      if (!draft) continue;
      drafts[index] = validDraft(fit(draft, options.oversize ?? 'trim')) ?? fit(draft, 'trim');
    }
    await this.#workspace.backupBeforeImport();
    const at = now();
    const created: Contact[] = [];
    // In slices like the search index below: a 130,000-row list must not hold the host.
    for (let i = 0; i < drafts.length; i += SLICE) {
      for (const draft of drafts.slice(i, i + SLICE)) {
        created.push({
          ...draft,
          met: [...draft.met, ...met],
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
        });
      }
      if (i + SLICE < drafts.length) await nextTurn();
    }
    this.#workspace.update((doc) => {
      // A loop, not push(...created): 130,000 arguments overflow the call stack.
      for (const contact of created) doc.contacts.push(contact);
      if (parsed.csv) doc.settings.csvMappings[parsed.csv.signature] = { ...parsed.csv.mapping };
    });
    // The search index in slices, so saves and requests are served between them.
    for (let i = 0; i < created.length; i += SLICE) {
      for (const contact of created.slice(i, i + SLICE))
        this.#search.upsert(contactSearchable(contact));
      if (i + SLICE < created.length) await nextTurn();
    }
    return created.length;
  }

  /** Links contacts to a forum (and a session), or unlinks them. */
  link(ids: string[], forumId: string, sessionId: string | null, linked: boolean): number {
    if (!this.#workspace.forumIds().includes(forumId))
      throw new AppError('not-found', { id: forumId });
    const contacts = ids.map((id) => this.#find(id));
    let changed = 0;
    this.#workspace.update(() => {
      for (const contact of contacts) {
        const has = contact.met.some(
          (m) => m.forumId === forumId && (sessionId === null || m.sessionId === sessionId),
        );
        if (linked && !has) {
          contact.met.push({ forumId, sessionId });
        } else if (!linked && has) {
          contact.met = contact.met.filter(
            (m) => !(m.forumId === forumId && (sessionId === null || m.sessionId === sessionId)),
          );
        } else continue;
        contact.updatedAt = now();
        changed++;
      }
    });
    return changed;
  }

  export(request: ContactExportRequest): ContactExport {
    const { format, version, ids, forumId, includeSensitive, language } =
      contactExportSchema.parse(request);
    const named = language ?? this.#workspace.data.settings.language ?? 'en';
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
      content: formatVCards(going.map(fieldsOf), version, named),
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
    for (const [id, job] of this.#jobs) {
      if (Date.now() - job.at > PREVIEW_TTL_MS) this.cancelImport(id);
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

/**
 * Same e-mail, same phone number, or the same name at the same organisation: looked up in
 * maps built once, so checking 130,000 rows against thousands of contacts stays linear.
 */
export function duplicateFinder(existing: Contact[]): (draft: ContactDraft) => Contact | undefined {
  const byEmail = new Map<string, Contact>();
  const byPhone = new Map<string, Contact>();
  const byName = new Map<string, Contact>();
  for (const c of existing) {
    for (const e of c.emails)
      if (!byEmail.has(e.value.toLowerCase())) byEmail.set(e.value.toLowerCase(), c);
    for (const p of c.phones) {
      const d = digits(p.value);
      if (d.length >= 6 && !byPhone.has(d)) byPhone.set(d, c);
    }
    const org = folded(c.organisation.en || c.organisation.id);
    if (org) byName.set(`${folded(c.name)}|${org}`, c);
  }
  return (draft) => {
    for (const e of draft.emails) {
      const hit = byEmail.get(e.value.toLowerCase());
      if (hit) return hit;
    }
    for (const p of draft.phones) {
      const d = digits(p.value);
      const hit = d.length >= 6 ? byPhone.get(d) : undefined;
      if (hit) return hit;
    }
    const org = folded(draft.organisation.en || draft.organisation.id);
    return org ? byName.get(`${folded(draft.name)}|${org}`) : undefined;
  };
}

export const likelyDuplicate = (draft: ContactDraft, existing: Contact[]) =>
  duplicateFinder(existing)(draft);

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

/**
 * A cell a spreadsheet shows as text, never runs: one that begins with = + - @ (or a tab or
 * carriage return, which Excel skips before them) gets a leading apostrophe, per OWASP's CSV
 * injection guidance, and every cell is quoted. Risalah's importer takes the apostrophe off.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function toCsv(contacts: Contact[]): string {
  const rows = contacts.map((c) =>
    [
      c.name,
      c.honorific,
      c.organisation.id,
      c.organisation.en,
      c.position.id,
      c.position.en,
      // Several values in one cell as Google writes them.
      c.emails.map((e) => e.value).join(' ::: '),
      c.phones.map((p) => p.value).join(' ::: '),
      c.city,
      c.country,
    ]
      .map(csvCell)
      .join(','),
  );
  // A BOM, so Excel opens UTF-8 names correctly.
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
