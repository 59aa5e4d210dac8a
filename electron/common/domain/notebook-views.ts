import type { Bilingual } from './primitives';
import type {
  Clause,
  ClauseDocument,
  Commitment,
  Forum,
  Note,
  ReportDetails,
  Session,
} from './forum-schema';
import type {
  ImportEncoding,
  ReportTextField,
  csvFields,
  mergeFields,
  trashKinds,
} from './vocabulary';
import type { ForumIndexEntry } from './workspace-schema';
import type { TranslationStatus } from './translation';
import type { UiLanguage } from '../language';

/** What the renderer receives: stored records plus what it would otherwise recompute. */
export interface ForumSummary extends ForumIndexEntry {
  noteCount: number;
  sessionCount: number;
}

export interface ForumDetail {
  forum: Forum;
  sessions: Session[];
  /** In a shared forum: fields two members set differently (see `FieldConflict`). */
  conflicts?: FieldConflict[];
}

/** The fields whose concurrent values are stated, by the kind of record they are on. */
export const conflictFields = {
  session: ['title.id', 'title.en'],
  commitment: ['status', 'dueDate'],
  clause: ['stance'],
} as const;
export type ConflictKind = keyof typeof conflictFields;
export type ConflictField = (typeof conflictFields)[ConflictKind][number];

/** One value of a field and the member who set it ('' when the document cannot tell). */
export interface ConflictValue {
  value: string | null;
  by: string;
}

/**
 * Two members set the same field differently while apart. Every laptop shows the same
 * value (`current`, Automerge's deterministic pick); the others are kept, with who set them,
 * for the delegate to choose.
 */
export interface FieldConflict {
  kind: ConflictKind;
  id: string;
  field: ConflictField;
  current: ConflictValue;
  others: ConflictValue[];
}

export interface NoteView extends Note {
  translation: TranslationStatus;
  /**
   * Only in the answer to an edit: sides where part of the delegate's typing met a
   * colleague's change to the same words and could not be placed. The text as typed is
   * the named version in the note's history.
   */
  unmerged?: NoteMergeKept[];
}

/**
 * The report after an edit. `replaced`: narrative sides where the delegate's typing met a
 * colleague's change to the same words and could not be placed beside it; the delegate's
 * text was kept, and the colleague's text it replaced is here, to put back.
 */
export interface ReportUpdated extends ReportDetails {
  replaced?: ReportReplaced[];
}

export interface ReportReplaced {
  field: ReportTextField;
  side: UiLanguage;
  text: string;
  /** The same text, kept in the report's history (`report.history`). */
  versionId: string;
}

export interface NoteMergeKept {
  side: UiLanguage;
  versionId: string;
}

export interface NoteSummary {
  id: string;
  sessionId: string | null;
  pinned: boolean;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** The first words of each side. */
  preview: Bilingual;
  translation: TranslationStatus;
  /** The members who wrote it (its maker, then who last wrote each side). */
  authors: string[];
}

export type SearchKind = 'note' | 'session' | 'clause' | 'commitment' | 'contact';

export interface SearchSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  forumId: string | null;
  /** Title line in both languages (a note's title is its first line). */
  title: Bilingual;
  /** Where the match is, cut into plain and matched pieces for highlighting. */
  snippet: SearchSegment[];
  score: number;
}

export interface SearchResults {
  query: string;
  groups: { kind: SearchKind; hits: SearchHit[] }[];
  total: number;
  tookMs: number;
}

/** Something deleted, waiting in the trash to be restored. */
export interface TrashEntry {
  kind: TrashKind;
  id: string;
  /** Null for what belongs to the workspace rather than a forum (contacts, merges). */
  forumId: string | null;
  title: Bilingual;
  forumName: Bilingual | null;
  deletedAt: string;
  /** Who deleted it, where recorded (a note: the member who trashed it). */
  deletedBy?: string;
}

export type TrashKind = (typeof trashKinds)[number];

/** A forum's agreement: its clause documents and their clauses, in reading order. */
export interface AgreementView {
  documents: ClauseDocument[];
  clauses: Clause[];
}

export interface SplitPreview {
  clauses: { number: string; level: number; text: string; line: number }[];
  /** The language the pasted text is written in, or null when it is too short to tell. */
  detected: 'id' | 'en' | null;
  /** Per side: the clauses whose existing text accepting this paste on that side would replace. */
  replaces: Record<'id' | 'en', { number: string; before: string; after: string }[]>;
  warnings: ('empty' | 'no-numbering' | 'truncated')[];
  /** When the document already has clauses: how the paste lines up with them. */
  alignment: {
    matched: string[];
    unmatchedInPaste: string[];
    unmatchedClauses: string[];
  } | null;
}

export interface SplitApplied {
  created: number;
  updated: number;
  /** Texts replaced (now in their clause's history). */
  replaced: number;
  /** Names this paste for an undo while the host runs. */
  batch: string;
  unmatchedClauses: string[];
}

export interface CommitmentView extends Commitment {
  forumId: string;
  forumName: Bilingual;
  /** The numbers of the clauses it answers, in clause order. */
  clauseNumbers: string[];
  overdue: boolean;
  dueSoon: boolean;
  /** In a shared forum, listed across forums: its fields two members set differently. */
  conflicts?: FieldConflict[];
}

/** A contact as lists show it: without the photo, which only the card view loads. */
export interface ContactSummary {
  id: string;
  name: string;
  honorific: string;
  organisation: Bilingual;
  position: Bilingual;
  country: string;
  city: string;
  email: string;
  phone: string;
  sensitive: boolean;
  metForumIds: string[];
  hasPhoto: boolean;
}

export interface ContactImportPreview {
  kind: 'vcf' | 'csv';
  /** The character set the file was read in: detected, or the one chosen. */
  encoding: ImportEncoding;
  /** Why nothing could be read: a binary file, or text that is neither cards nor a list. */
  unreadable: 'binary' | 'not-contacts' | null;
  /** How many contacts the file gives, and how many look like people already known. */
  total: number;
  duplicates: number;
  /** The first few hundred of them, for the delegate to look over. */
  contacts: {
    name: string;
    organisation: string;
    email: string;
    phone: string;
    duplicateOf: string | null;
    line: number;
  }[];
  problems: { card: number; line: number; reason: 'no-end' | 'no-name' | 'not-a-vcard' }[];
  /** Contacts with a value longer than the field takes: trimmed or left out, as chosen. */
  oversize: {
    line: number;
    name: string;
    fields: { field: string; length: number; limit: number }[];
  }[];
  oversizeCount: number;
  /** Names the file held until the delegate accepts or cancels. */
  token: string;
  /** For a CSV list: its columns, a sample, the mapping in use, and what looks doubtful. */
  csv: {
    headers: string[];
    sample: string[][];
    rowCount: number;
    headerless: boolean;
    oneColumn: boolean;
    mapping: Partial<Record<(typeof csvFields)[number], number[]>>;
    rowProblems: {
      line: number;
      reason: 'no-person' | 'doubtful-email' | 'doubtful-phone' | 'name-from-contact';
      value?: string;
    }[];
    rowProblemCount: number;
  } | null;
}

/** An import being read on the importer's thread. */
export interface ContactImportStatus {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  preview: ContactImportPreview | null;
}

export interface ContactExport {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
  /** Sensitive contacts in the selection that were left out. */
  leftOut: number;
}

export interface ContactQr {
  svg: string;
  compact: boolean;
}

export type MergeField = (typeof mergeFields)[number];

export interface DuplicatePair {
  a: string;
  b: string;
  reason: 'email' | 'phone' | 'name';
}

export interface ExportPreview {
  /** The brief as an HTML fragment, every text escaped. */
  html: string;
  missing: { where: Bilingual; language: 'id' | 'en' }[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
}
