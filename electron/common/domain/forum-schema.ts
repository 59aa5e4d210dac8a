import { z } from 'zod';
import { uiLanguages } from '../language';
import {
  bilingualSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  localDateTimeSchema,
  recordSchema,
} from './primitives';
import {
  clauseDocumentKinds,
  clauseDocumentStatuses,
  commitmentStatuses,
  positionStances,
  reportTextFields,
  sessionKinds,
} from './vocabulary';

export const FORUM_SCHEMA_VERSION = 4;

export {
  clauseDocumentKinds,
  clauseDocumentStatuses,
  commitmentStatuses,
  positionStances,
  sessionKinds,
} from './vocabulary';

/**
 * A delegation member as a record names them: the profile id on the laptop that wrote it and
 * the name. The profile does not travel with a shared forum, so a colleague's laptop may not
 * know the id; the name still says who.
 */
export const memberRefSchema = z
  .object({ memberId: idSchema.nullable().default(null), name: z.string().default('') })
  .loose();

/**
 * Who last changed a record (or a note side), and when. `at` differs on every change, so each
 * change writes it anew and concurrent changes keep their authors in the shared document's
 * conflicts, which is how a stated conflict names who set the other value.
 */
export const changedBySchema = memberRefSchema.extend({ at: isoDateTimeSchema }).loose();

export const forumSchema = recordSchema.extend({
  name: bilingualSchema,
  acronym: z.string(),
  edition: z.string().default(''),
  city: z.string(),
  country: z.string(),
  venue: z.string(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** IANA zone the agenda's wall-clock times are in, e.g. `Asia/Seoul`. */
  timeZone: z.string(),
  theme: bilingualSchema,
  hostOrganisation: bilingualSchema,
  /**
   * Notes deleted for good from a shared forum, by id: a digest of the text the member who
   * emptied the Trash had (never the text), when and who. Keyed by id so that purges on two
   * laptops merge; a colleague's edit the purger had not seen then brings the note back.
   */
  purgedNotes: z
    .record(
      z.string(),
      z.object({ digest: z.string(), at: isoDateTimeSchema, by: z.string() }).loose(),
    )
    .optional(),
});

export const sessionSchema = recordSchema.extend({
  title: bilingualSchema,
  kind: z.enum(sessionKinds),
  start: localDateTimeSchema.nullable(),
  end: localDateTimeSchema.nullable(),
  room: z.string().default(''),
  speakers: z.array(z.string()).default([]),
  order: z.number().default(0),
  /** The members who cover the session (a delegation splits parallel sessions). */
  coveredBy: z.array(memberRefSchema).optional(),
  changedBy: changedBySchema.nullable().optional(),
});

export const noteSchema = recordSchema.extend({
  sessionId: idSchema.nullable(),
  body: bilingualSchema,
  /** When each side was last written, to tell a missing or outdated translation. */
  bodyUpdatedAt: z
    .object({ id: isoDateTimeSchema.nullable(), en: isoDateTimeSchema.nullable() })
    .loose(),
  tags: z.array(z.string()).default([]),
  pinned: z.boolean().default(false),
  /** The name of the member who made the note. */
  author: z.string().default(''),
  /**
   * Set when a merge took the note out of the Trash because one member trashed it while
   * another edited it; the editor says so until the delegate dismisses it.
   */
  keptFromTrash: z
    .object({
      at: isoDateTimeSchema,
      trashedAt: isoDateTimeSchema,
      /** The member who had trashed it, when known. */
      by: z.string().optional(),
      /** It had been deleted for good (the Trash emptied) while it was being edited. */
      purged: z.boolean().optional(),
      /** Edited apart on two laptops meanwhile: both edits are in it, to be read over. */
      both: z.boolean().optional(),
    })
    .loose()
    .nullable()
    .optional(),
  /** Who moved the note to the Trash, and when (null once it is out of the Trash). */
  trashedBy: changedBySchema.nullable().optional(),
  /** Who last wrote each side. */
  bodyAuthors: z
    .object({ id: changedBySchema.nullable(), en: changedBySchema.nullable() })
    .loose()
    .optional(),
});

export const clauseDocumentSchema = recordSchema.extend({
  title: bilingualSchema,
  kind: z.enum(clauseDocumentKinds),
  authoritativeLanguage: z.enum(uiLanguages),
  status: z.enum(clauseDocumentStatuses),
  source: z.string().default(''),
});

/**
 * Why a version was kept: a draft on purpose; a clause text replaced by a paste or an edit;
 * any text replaced by a restore; a note side when editing paused, after minutes of steady
 * editing (`interval`), or before a large cut; the delegate's own text of a side when part
 * of it could not be merged with a colleague's change to the same words (`merge`).
 */
export const historyKinds = [
  'draft',
  'paste',
  'edit',
  'restore',
  'pause',
  'interval',
  'cut',
  'merge',
] as const;
export type HistoryKind = (typeof historyKinds)[number];

export const clauseVersionSchema = z
  .object({
    /** Absent on versions kept before history had ids; `recordedAt` names those. */
    id: z.string().optional(),
    label: z.string(),
    text: bilingualSchema,
    recordedAt: isoDateTimeSchema,
    kind: z.enum(historyKinds).optional(),
    sides: z.array(z.enum(uiLanguages)).optional(),
    author: z.string().optional(),
    /**
     * What the text was: the clause's own (absent) or its position's reason, kept when a
     * colleague's reason was replaced by the delegate's where both rewrote the same words.
     */
    field: z.enum(['text', 'reason']).optional(),
  })
  .loose();

/**
 * An earlier text of one side of a note, kept when editing paused or every few minutes of
 * steady editing, before a large cut, and before a restore. Kept apart from the notes so a
 * note's own record stays small; pruned per note side like the backups.
 */
export const noteVersionSchema = z
  .object({
    id: idSchema,
    noteId: idSchema,
    side: z.enum(uiLanguages),
    text: z.string(),
    recordedAt: isoDateTimeSchema,
    author: z.string().default(''),
    kind: z.enum(historyKinds),
  })
  .loose();

/**
 * An earlier text of one side of the travel report's narrative: a colleague's text the
 * delegate's replaced where both rewrote the same words (`merge`), or the text a restore
 * replaced. Kept on this laptop only, like the notes' history, so a reload loses nothing.
 */
export const reportVersionSchema = z
  .object({
    id: idSchema,
    field: z.enum(reportTextFields),
    side: z.enum(uiLanguages),
    text: z.string(),
    recordedAt: isoDateTimeSchema,
    author: z.string().default(''),
    kind: z.enum(historyKinds),
  })
  .loose();

export const clauseSchema = recordSchema.extend({
  documentId: idSchema,
  parentId: idSchema.nullable().default(null),
  /** As printed: "1", "1.a", "Butir 3". */
  number: z.string(),
  order: z.number(),
  text: bilingualSchema,
  tags: z.array(z.string()).default([]),
  notes: bilingualSchema.optional(),
  position: z
    .object({
      stance: z.enum(positionStances).nullable(),
      reason: bilingualSchema,
      changedBy: changedBySchema.nullable().optional(),
    })
    .loose()
    .nullable()
    .default(null),
  /**
   * The clause's history, oldest first: wordings kept on purpose (a draft, `kind` absent or
   * `draft`) and texts replaced by a paste, an edit or a restore (`sides` says which).
   */
  versions: z.array(clauseVersionSchema).default([]),
  /** The position reason last cleared, kept for the Trash until restored or purged. */
  clearedReason: z
    .object({ reason: bilingualSchema, deletedAt: isoDateTimeSchema })
    .loose()
    .nullable()
    .optional(),
});

export const commitmentSchema = recordSchema.extend({
  statement: bilingualSchema,
  clauseIds: z.array(idSchema).default([]),
  responsible: z
    .object({ unit: z.string().default(''), contactId: idSchema.nullable().default(null) })
    .loose(),
  dueDate: isoDateSchema.nullable().default(null),
  status: z.enum(commitmentStatuses),
  steps: z
    .array(z.object({ id: idSchema, text: bilingualSchema, done: z.boolean() }).loose())
    .default([]),
  evidence: z.string().default(''),
  changedBy: changedBySchema.nullable().optional(),
});

const blank = () => ({ id: '', en: '' });

/** Someone who signs the travel report: a member of the delegation or an official above it. */
export const signatorySchema = z
  .object({
    id: idSchema,
    /** The delegation member who signs, or null for someone outside it (e.g. "Mengetahui"). */
    memberId: idSchema.nullable().default(null),
    /** Used when memberId is null (a member's own fields come from the profile). */
    name: z.string().default(''),
    nip: z.string().default(''),
    position: bilingualSchema.default(blank),
    /** The line above the signature: "Yang melaporkan" / "Reported by", "Mengetahui" / "Acknowledged by". */
    caption: bilingualSchema.default(blank),
  })
  .loose();

/**
 * What a travel report (laporan perjalanan dinas) needs beyond the notes: who travelled, on
 * whose order, its number, date and addressee, who signs, and the delegate's own narrative.
 * Texts left empty are drafted from the positions and commitments at export time.
 */
export const reportDetailsSchema = z
  .object({
    /** Delegation members (profile ids) who travelled to this forum, in the report's order. */
    memberIds: z.array(idSchema).default([]),
    /** Surat Perintah Tugas: the assignment letter the trip rests on (section I, Dasar). */
    assignment: z
      .object({
        number: z.string().default(''),
        date: isoDateSchema.nullable().default(null),
        issuedBy: bilingualSchema.default(blank),
      })
      .loose()
      .default({ number: '', date: null, issuedBy: blank() }),
    /** The report's own number, date and place of signing. */
    number: z.string().default(''),
    date: isoDateSchema.nullable().default(null),
    place: z.string().default(''),
    /** "Yth. Bupati Lampung Timur" / "The Regent of East Lampung". */
    addressee: bilingualSchema.default(blank),
    signatories: z.array(signatorySchema).default([]),
    /** II. Maksud dan Tujuan. */
    purpose: bilingualSchema.default(blank),
    /** V. Hasil yang Dicapai: the narrative before the per-session notes. */
    results: bilingualSchema.default(blank),
    /** VI. Kesimpulan dan Saran. */
    conclusions: bilingualSchema.default(blank),
    recommendations: bilingualSchema.default(blank),
    /** Print the profile's letterhead (kop) above the report. */
    useLetterhead: z.boolean().default(true),
    /** Who last wrote each side of each narrative text, to name them in its history. */
    textBy: z
      .record(z.string(), z.object({ id: changedBySchema, en: changedBySchema }).partial())
      .optional(),
  })
  .loose();

export const forumDocumentSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    forum: forumSchema,
    sessions: z.array(sessionSchema),
    notes: z.array(noteSchema),
    clauseDocuments: z.array(clauseDocumentSchema),
    clauses: z.array(clauseSchema),
    commitments: z.array(commitmentSchema),
    report: reportDetailsSchema.default(() => reportDetailsSchema.parse({})),
    noteHistory: z.array(noteVersionSchema).default([]),
    reportHistory: z.array(reportVersionSchema).optional(),
  })
  .loose();

export type Forum = z.infer<typeof forumSchema>;
export type MemberRef = z.infer<typeof memberRefSchema>;
export type ChangedBy = z.infer<typeof changedBySchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SessionKind = (typeof sessionKinds)[number];
export type Note = z.infer<typeof noteSchema>;
export type ClauseDocument = z.infer<typeof clauseDocumentSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type ClauseVersion = z.infer<typeof clauseVersionSchema>;
export type NoteVersion = z.infer<typeof noteVersionSchema>;
export type ReportVersion = z.infer<typeof reportVersionSchema>;
export type ForumDocument = z.infer<typeof forumDocumentSchema>;
export type ReportDetails = z.infer<typeof reportDetailsSchema>;
export type Signatory = z.infer<typeof signatorySchema>;

export const forumInputSchema = forumSchema.omit({
  purgedNotes: true,
  id: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
});
export type ForumInput = z.input<typeof forumInputSchema>;
