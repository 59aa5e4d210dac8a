import type { StateCreator } from 'zustand';
import type {
  ContactExportRequest,
  ContactInput,
  ContactPatch,
} from '../../../electron/common/domain/contact-schema';
import type {
  ContactExport,
  ContactImportPreview,
  ContactImportStatus,
  ContactQr,
  ContactSummary,
  DuplicatePair,
  MergeField,
} from '../../../electron/common/domain/notebook-views';
import type { ImportEncoding } from '../../../electron/common/domain/vocabulary';
import type { Contact } from '../../../electron/common/domain/workspace-schema';
import type { ApiClient } from '../api/api-client';
import { base64Of } from '../api/base64';

export type CsvMapping = NonNullable<ContactImportPreview['csv']>['mapping'];

export interface ImportChoices {
  mapping?: CsvMapping;
  encoding?: ImportEncoding;
}

export interface CommitChoices {
  oversize: 'trim' | 'omit';
  forumId: string | null;
}
import type { AppState } from './app-store';

export interface ContactsSlice {
  contacts: ContactSummary[] | null;
  loadContacts(): Promise<void>;
  getContact(id: string): Promise<Contact>;
  createContact(input: ContactInput): Promise<Contact>;
  updateContact(id: string, patch: ContactPatch): Promise<Contact>;
  deleteContact(id: string): Promise<void>;
  /** Several at once, into the Trash; one *Undo* brings them all back. */
  deleteContacts(ids: string[]): Promise<void>;
  /** Starts reading a file on the host's importer thread; answers the job to ask about. */
  startContactImport(file: Blob, options: ImportChoices): Promise<string>;
  contactImportStatus(job: string): Promise<ContactImportStatus>;
  cancelContactImport(job: string): Promise<void>;
  commitContactImport(token: string, options: CommitChoices): Promise<number>;
  /** Links contacts to a forum (and a session), or unlinks them. */
  linkContacts(
    ids: string[],
    forumId: string,
    sessionId: string | null,
    linked: boolean,
  ): Promise<number>;
  exportContacts(request: ContactExportRequest): Promise<ContactExport>;
  contactQr(id: string): Promise<ContactQr>;
  findDuplicates(): Promise<DuplicatePair[]>;
  mergeContacts(
    keepId: string,
    otherId: string,
    choices: Partial<Record<MergeField, 'keep' | 'other'>>,
  ): Promise<Contact>;
}

export const createContactsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ContactsSlice> =>
  (set, get) => ({
    contacts: null,
    async loadContacts() {
      set({ contacts: await api.call('contacts.list', {}) });
    },
    getContact: (id) => api.call('contacts.get', { id }),
    async createContact(contact) {
      const created = await api.call('contacts.create', { contact });
      await get().loadContacts();
      return created;
    },
    async updateContact(id, patch) {
      const updated = await api.call('contacts.update', { id, patch });
      await get().loadContacts();
      return updated;
    },
    async deleteContact(id) {
      await api.call('contacts.delete', { id });
      await get().loadContacts();
      get().offerRestore({ kind: 'contact', forumId: null, id });
    },
    async deleteContacts(ids) {
      for (const id of ids) await api.call('contacts.delete', { id });
      await get().loadContacts();
      get().showToast({ key: 'deletedMany', params: { count: ids.length } }, async () => {
        for (const id of ids)
          await api.call('trash.restore', { kind: 'contact', forumId: null, id });
        await get().reloadShown();
      });
    },
    async startContactImport(file, options) {
      const { job } = await api.call('contacts.importStart', {
        base64: await base64Of(file),
        ...options,
      });
      return job;
    },
    contactImportStatus: (job) => api.call('contacts.importStatus', { job }),
    async cancelContactImport(job) {
      await api.call('contacts.importCancel', { job });
    },
    async commitContactImport(token, options) {
      const before = new Set((await api.call('contacts.list', {})).map((c) => c.id));
      const count = await api.call('contacts.importCommit', { token, ...options });
      await get().loadContacts();
      // The contacts this import added: one *Undo* moves them all to the Trash.
      const added = (get().contacts ?? []).filter((c) => !before.has(c.id)).map((c) => c.id);
      if (added.length) {
        get().showToast({ key: 'imported', params: { count: added.length } }, async () => {
          for (const id of added) await api.call('contacts.delete', { id });
          await get().reloadShown();
        });
      }
      return count;
    },
    async linkContacts(ids, forumId, sessionId, linked) {
      // Undo puts back exactly what changed: the links made, or the links (and sessions) removed.
      const cards = await Promise.all(ids.map((id) => api.call('contacts.get', { id })));
      const changed = cards.filter((c) => c.met.some((m) => m.forumId === forumId) !== linked);
      const count = await api.call('contacts.link', { ids, forumId, sessionId, linked });
      await get().loadContacts();
      if (changed.length) {
        get().showToast(
          { key: linked ? 'linked' : 'unlinked', params: { count: changed.length } },
          async () => {
            for (const card of changed) {
              await api.call('contacts.update', { id: card.id, patch: { met: card.met } });
            }
            await get().reloadShown();
          },
        );
      }
      return count;
    },
    // Countries named in the UI language (the file's reader is this delegate).
    exportContacts: (request) =>
      api.call('contacts.export', { language: get().language, ...request }),
    contactQr: (id) => api.call('contacts.qr', { id }),
    findDuplicates: () => api.call('contacts.duplicates', {}),
    async mergeContacts(keepId, otherId, choices) {
      const merged = await api.call('contacts.merge', { keepId, otherId, choices });
      await get().loadContacts();
      get().showToast({ key: 'merged', params: { name: merged.name } }, () =>
        get().restoreFromTrash({ kind: 'merge', forumId: null, id: otherId }),
      );
      return merged;
    },
  });
