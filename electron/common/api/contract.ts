import { z } from 'zod';
import { uiLanguages } from '../language';
import {
  clauseDocumentInputSchema,
  clauseDocumentPatchSchema,
  clauseBaseSchema,
  commitmentBaseSchema,
  clausePatchSchema,
  commitmentInputSchema,
  commitmentPatchSchema,
  positionSchema,
  splitItemSchema,
} from '../domain/agreement-schema';
import {
  contactExportSchema,
  contactInputSchema,
  contactPatchSchema,
} from '../domain/contact-schema';
import type {
  Clause,
  ClauseDocument,
  Commitment,
  Forum,
  ReportDetails,
  NoteVersion,
  ReportVersion,
  Session,
} from '../domain/forum-schema';
import {
  forumCreateSchema,
  forumPatchSchema,
  noteCreateSchema,
  notePatchSchema,
  profilePatchSchema,
  sessionInputSchema,
  sessionPatchSchema,
} from '../domain/notebook-schema';
import type {
  AgreementView,
  CommitmentView,
  ContactExport,
  ContactImportPreview,
  ContactImportStatus,
  ContactQr,
  ContactSummary,
  DuplicatePair,
  ExportFile,
  ExportPreview,
  ForumDetail,
  ForumSummary,
  NoteSummary,
  NoteView,
  SearchResults,
  SplitApplied,
  ReportUpdated,
  SplitPreview,
  TrashEntry,
} from '../domain/notebook-views';
import { idSchema } from '../domain/primitives';
import {
  letterheadInputSchema,
  memberInputSchema,
  reportBaseSchema,
  reportPatchSchema,
} from '../domain/report-input-schema';
import type { ReportDrafts } from '../domain/report-input-schema';
import type { LanStatus, ShareReceived, ShareStatus } from '../domain/share-views';
import { csvFields, importEncodings, mergeFields, trashKinds } from '../domain/vocabulary';
import type { Contact, DelegationProfile, Letterhead } from '../domain/workspace-schema';
import type { ApiChannel, ApiEventName } from './channels';
import type {
  AppInfo,
  BackupView,
  RecoveryNotice,
  SaveStatus,
  SecurityStatus,
  Settings,
} from './types';

/** A channel: the schema its input must pass, and (as a type only) what it returns. */
export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  readonly output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input });
}

const noInput = z.object({}).strict();

export const settingsPatchSchema = z
  .object({
    language: z.enum(uiLanguages).nullable(),
    /** The member who uses this laptop; null goes back to the default (see `currentMember`). */
    meMemberId: idSchema.nullable(),
  })
  .partial()
  .strict();

const forumRef = z.object({ forumId: idSchema }).strict();
const exportOptions = z
  .object({
    forumId: idSchema,
    language: z.enum(['id', 'en', 'both']),
    layout: z.enum(['parallel', 'sequential']),
    template: z.enum(['summary', 'travel-report']),
    useOtherLanguage: z.boolean(),
    contactIds: z.array(idSchema).max(20_000),
  })
  .strict();
const csvMappingSchema = z.partialRecord(
  z.enum(csvFields),
  z.array(z.number().int().min(0).max(10_000)).max(50),
);
// Base64, so any file's bytes arrive intact whatever their encoding; 12 MB of cards at most.
const importFileSchema = z
  .object({
    base64: z.string().max(16_000_000),
    mapping: csvMappingSchema.optional(),
    encoding: z.enum(importEncodings).optional(),
  })
  .strict();
const recordRef = z.object({ forumId: idSchema, id: idSchema }).strict();
const trashRef = z
  .object({ kind: z.enum(trashKinds), forumId: idSchema.nullable(), id: idSchema })
  .strict();
// Length limits only; the passphrase rule itself is the host's, with a translated message.
const passphrase = z.string().min(1).max(1024);
const unlockSchema = z.union([
  z.object({ passphrase, remember: z.boolean().optional() }).strict(),
  z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
  z.object({ keychain: z.literal(true) }).strict(),
]);

export const apiContract = {
  'app.info': channel<AppInfo>()(noInput),
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsPatchSchema),
  'workspace.notices': channel<RecoveryNotice[]>()(noInput),
  'backups.list': channel<BackupView[]>()(noInput),
  'backups.restore': channel<BackupView>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  'profile.get': channel<DelegationProfile>()(noInput),
  'profile.update': channel<DelegationProfile>()(profilePatchSchema),
  'members.save': channel<DelegationProfile>()(z.object({ member: memberInputSchema }).strict()),
  // Without detach, removing a member a report lists fails with member-in-use.
  'members.remove': channel<DelegationProfile>()(
    z.object({ id: idSchema, detach: z.boolean().optional() }).strict(),
  ),
  'members.move': channel<DelegationProfile>()(
    z.object({ id: idSchema, direction: z.union([z.literal(-1), z.literal(1)]) }).strict(),
  ),
  'letterhead.update': channel<Letterhead>()(
    z.object({ letterhead: letterheadInputSchema }).strict(),
  ),
  'report.get': channel<ReportDetails>()(forumRef),
  'report.update': channel<ReportUpdated>()(
    forumRef.extend({ patch: reportPatchSchema, base: reportBaseSchema.optional() }).strict(),
  ),
  'report.draft': channel<ReportDrafts>()(forumRef),
  /** The narrative's earlier texts (kept when a merge or a restore replaced them), newest first. */
  'report.history': channel<ReportVersion[]>()(forumRef),
  'report.restoreVersion': channel<ReportDetails>()(
    forumRef.extend({ versionId: idSchema }).strict(),
  ),
  'forums.list': channel<ForumSummary[]>()(noInput),
  'forums.create': channel<Forum>()(forumCreateSchema),
  'forums.get': channel<ForumDetail>()(forumRef),
  'forums.update': channel<Forum>()(forumRef.extend({ patch: forumPatchSchema }).strict()),
  'forums.delete': channel<Forum>()(forumRef),
  'forums.restore': channel<Forum>()(forumRef),
  /** Chooses one of the values two members set for a field of a shared forum. */
  'conflicts.resolve': channel<ForumDetail>()(
    recordRef
      .extend({
        kind: z.enum(['session', 'commitment', 'clause']),
        field: z.enum(['title.id', 'title.en', 'status', 'dueDate', 'stance']),
        value: z.string().max(300).nullable(),
      })
      .strict(),
  ),
  'sessions.create': channel<Session>()(forumRef.extend({ session: sessionInputSchema }).strict()),
  'sessions.update': channel<Session>()(recordRef.extend({ patch: sessionPatchSchema }).strict()),
  'sessions.delete': channel<Session>()(recordRef),
  'sessions.restore': channel<Session>()(recordRef),
  'sessions.reorder': channel<Session[]>()(
    forumRef.extend({ ids: z.array(idSchema).max(1000) }).strict(),
  ),
  'notes.list': channel<NoteSummary[]>()(forumRef),
  'notes.get': channel<NoteView>()(recordRef),
  'notes.create': channel<NoteView>()(forumRef.extend({ note: noteCreateSchema }).strict()),
  'notes.update': channel<NoteView>()(recordRef.extend({ patch: notePatchSchema }).strict()),
  'notes.delete': channel<NoteView>()(recordRef),
  /** Left empty: removed (never written), to the Trash (had text once), or kept (has some). */
  'notes.discardEmpty': channel<'removed' | 'trashed' | 'kept'>()(recordRef),
  'notes.restore': channel<NoteView>()(recordRef),
  'notes.history': channel<NoteVersion[]>()(recordRef),
  'notes.restoreVersion': channel<{ note: NoteView; kept: string | null }>()(
    recordRef.extend({ versionId: idSchema }).strict(),
  ),
  'search.query': channel<SearchResults>()(z.object({ q: z.string().max(200) }).strict()),
  'trash.list': channel<TrashEntry[]>()(noInput),
  'trash.restore': channel<null>()(trashRef),
  'trash.purge': channel<null>()(trashRef),
  'agreement.get': channel<AgreementView>()(forumRef),
  'clauseDocuments.create': channel<ClauseDocument>()(
    forumRef.extend({ document: clauseDocumentInputSchema }).strict(),
  ),
  'clauseDocuments.update': channel<ClauseDocument>()(
    recordRef.extend({ patch: clauseDocumentPatchSchema }).strict(),
  ),
  'clauseDocuments.delete': channel<ClauseDocument>()(recordRef),
  'clauses.preview': channel<SplitPreview>()(
    forumRef.extend({ documentId: idSchema, text: z.string().max(2_000_000) }).strict(),
  ),
  'clauses.apply': channel<SplitApplied>()(
    forumRef
      .extend({
        documentId: idSchema,
        language: z.enum(uiLanguages),
        items: z.array(splitItemSchema).max(2000),
        /** The delegate chose to replace texts already there (the host refuses otherwise). */
        replace: z.boolean().default(false),
      })
      .strict(),
  ),
  'clauses.undoApply': channel<Clause[]>()(forumRef.extend({ batch: idSchema }).strict()),
  'clauses.restoreVersion': channel<Clause>()(
    recordRef
      .extend({
        versionId: z.string().min(1).max(64),
        sides: z.array(z.enum(uiLanguages)).min(1).max(2),
      })
      .strict(),
  ),
  'clauses.update': channel<Clause>()(
    recordRef.extend({ patch: clausePatchSchema, base: clauseBaseSchema.optional() }).strict(),
  ),
  'clauses.position': channel<Clause>()(
    recordRef.extend({ position: positionSchema, base: clauseBaseSchema.optional() }).strict(),
  ),
  'clauses.recordVersion': channel<Clause>()(
    recordRef.extend({ label: z.string().min(1).max(60) }).strict(),
  ),
  'clauses.move': channel<Clause[]>()(
    recordRef.extend({ direction: z.union([z.literal(-1), z.literal(1)]) }).strict(),
  ),
  'clauses.renumber': channel<Clause[]>()(forumRef.extend({ documentId: idSchema }).strict()),
  'clauses.delete': channel<Clause>()(recordRef),
  'commitments.list': channel<CommitmentView[]>()(
    z.object({ forumId: idSchema.nullable() }).strict(),
  ),
  'commitments.create': channel<Commitment>()(
    forumRef.extend({ commitment: commitmentInputSchema }).strict(),
  ),
  'commitments.update': channel<Commitment>()(
    recordRef
      .extend({ patch: commitmentPatchSchema, base: commitmentBaseSchema.optional() })
      .strict(),
  ),
  'commitments.delete': channel<Commitment>()(recordRef),
  'contacts.list': channel<ContactSummary[]>()(noInput),
  'contacts.get': channel<Contact>()(z.object({ id: idSchema }).strict()),
  'contacts.create': channel<Contact>()(z.object({ contact: contactInputSchema }).strict()),
  'contacts.update': channel<Contact>()(
    z.object({ id: idSchema, patch: contactPatchSchema }).strict(),
  ),
  'contacts.delete': channel<Contact>()(z.object({ id: idSchema }).strict()),
  'contacts.importPreview': channel<ContactImportPreview>()(importFileSchema),
  // The same, on the importer's thread with progress: start, ask how far it is, or cancel.
  'contacts.importStart': channel<{ job: string }>()(importFileSchema),
  'contacts.importStatus': channel<ContactImportStatus>()(
    z.object({ job: z.string().uuid() }).strict(),
  ),
  'contacts.importCancel': channel<boolean>()(z.object({ job: z.string().uuid() }).strict()),
  'contacts.importCommit': channel<number>()(
    z
      .object({
        token: z.string().uuid(),
        /** A value over its field's limit: trimmed to it, or left out. */
        oversize: z.enum(['trim', 'omit']).default('trim'),
        /** Importing inside a forum links the contacts to it (and to a session, if given). */
        forumId: idSchema.nullable().default(null),
        sessionId: idSchema.nullable().default(null),
      })
      .strict(),
  ),
  /** Links contacts to a forum (and a session), or unlinks them; answers how many changed. */
  'contacts.link': channel<number>()(
    z
      .object({
        ids: z.array(idSchema).min(1).max(20_000),
        forumId: idSchema,
        sessionId: idSchema.nullable().default(null),
        linked: z.boolean(),
      })
      .strict(),
  ),
  'contacts.export': channel<ContactExport>()(contactExportSchema),
  'contacts.qr': channel<ContactQr>()(z.object({ id: idSchema }).strict()),
  'export.preview': channel<ExportPreview>()(exportOptions),
  'export.file': channel<ExportFile>()(
    exportOptions.extend({ format: z.enum(['docx', 'pdf', 'md', 'html']) }).strict(),
  ),
  'contacts.duplicates': channel<DuplicatePair[]>()(noInput),
  'contacts.merge': channel<Contact>()(
    z
      .object({
        keepId: idSchema,
        otherId: idSchema,
        choices: z.partialRecord(z.enum(mergeFields), z.enum(['keep', 'other'])),
      })
      .strict(),
  ),
  'demo.create': channel<ForumSummary[]>()(noInput),
  // Sharing a forum with the delegation; a file's bytes travel as base64, like an import.
  'share.status': channel<ShareStatus>()(forumRef),
  'share.start': channel<ShareStatus>()(forumRef),
  'share.send': channel<ExportFile>()(
    forumRef.extend({ passphrase: passphrase.optional() }).strict(),
  ),
  'share.receive': channel<ShareReceived>()(
    z.object({ base64: z.string().max(16_000_000), passphrase: passphrase.optional() }).strict(),
  ),
  // Host this delegation on the local network, or join its host (one at a time, off by default).
  'lan.status': channel<LanStatus>()(noInput),
  'lan.host': channel<LanStatus>()(noInput),
  'lan.join': channel<LanStatus>()(
    z.object({ address: z.string().min(1).max(600), code: z.string().max(40) }).strict(),
  ),
  'lan.removePeer': channel<LanStatus>()(
    z.object({ fingerprint: z.string().min(1).max(200) }).strict(),
  ),
  'lan.stop': channel<LanStatus>()(noInput),
  'security.status': channel<SecurityStatus>()(noInput),
  'security.unlock': channel<SecurityStatus>()(unlockSchema),
  'security.lock': channel<SecurityStatus>()(noInput),
  'security.activity': channel<null>()(noInput),
  'security.encrypt': channel<{ recoveryKey: string; status: SecurityStatus }>()(
    z.object({ passphrase }).strict(),
  ),
  'security.decrypt': channel<SecurityStatus>()(z.object({ passphrase }).strict()),
  'security.changePassphrase': channel<SecurityStatus>()(
    z.object({ current: passphrase, next: passphrase }).strict(),
  ),
  'security.setAutoLock': channel<SecurityStatus>()(
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
      })
      .strict(),
  ),
  'security.keychain': channel<SecurityStatus>()(z.object({ remember: z.boolean() }).strict()),
} satisfies Record<ApiChannel, ChannelSpec<z.ZodType, unknown>>;

type Contract = typeof apiContract;

export type ApiInput<C extends ApiChannel> = z.input<Contract[C]['input']>;
export type ApiParsedInput<C extends ApiChannel> = z.output<Contract[C]['input']>;
export type ApiOutput<C extends ApiChannel> =
  Contract[C] extends ChannelSpec<z.ZodType, infer O> ? O : never;

export interface ApiEvents {
  'save-status': SaveStatus;
  'settings-changed': Settings;
  /** Data changed under the renderer (a restore): reload what is shown. */
  'workspace-changed': Record<string, never>;
  /** Locked, unlocked, encrypted or decrypted: a lock means drop everything shown. */
  'security-changed': SecurityStatus;
  /** Desktop: a link in a note was copied for the user to open outside (never opened). */
  'link-copied': { url: string };
}

export type ApiEvent = { [E in ApiEventName]: { name: E; payload: ApiEvents[E] } }[ApiEventName];

// The event list the preload and SSE know must match the payload types declared here.
type EventNamesMismatch =
  Exclude<keyof ApiEvents, ApiEventName> | Exclude<ApiEventName, keyof ApiEvents>;
export const eventNamesMatch: [EventNamesMismatch] extends [never] ? true : never = true;
