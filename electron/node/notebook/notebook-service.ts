import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import type {
  ChangedBy,
  Forum,
  ForumDocument,
  HistoryKind,
  MemberRef,
  Note,
  NoteVersion,
  Session,
} from '../../common/domain/forum-schema';
import type { UiLanguage } from '../../common/language';
import type {
  ForumCreate,
  ForumPatch,
  NoteCreate,
  NotePatch,
  ProfilePatch,
  SessionInput,
  SessionPatch,
} from '../../common/domain/notebook-schema';
import {
  forumCreateSchema,
  noteCreateSchema,
  sessionInputSchema,
} from '../../common/domain/notebook-schema';
import type {
  ForumDetail,
  ForumSummary,
  NoteMergeKept,
  NoteSummary,
  NoteView,
  ReportReplaced,
  ReportUpdated,
  SearchResults,
} from '../../common/domain/notebook-views';
import { translationStatus } from '../../common/domain/translation';
import type { DelegationProfile, Letterhead } from '../../common/domain/workspace-schema';
import type { ReportDetails } from '../../common/domain/forum-schema';
import type {
  LetterheadInput,
  MemberInput,
  ReportBase,
  ReportPatch,
} from '../../common/domain/report-input-schema';
import {
  letterheadInputSchema,
  memberInputSchema,
  reportPatchSchema,
  reportTextFields,
} from '../../common/domain/report-input-schema';
import { SearchIndex } from '../search/search-index';
import { mergeText } from './merge-text';
import { keepReportVersion, markWritten, textAuthor } from './report-history';
import { changedByMe, currentMember, memberKey, noteAuthors } from '../../common/domain/team';
import type { Workspace } from '../store/workspace';
import {
  forumSearchables,
  noteSearchable,
  resolveSearchable,
  searchKey,
  sessionSearchable,
  workspaceSearchables,
} from './searchables';

const now = () => new Date().toISOString();
const PREVIEW = 160;

/**
 * When a note side's earlier text is kept, and how much of it: a version when editing
 * resumes after a pause or every few minutes of steady editing, all of the last day's, then
 * one a day, within a size cap per forum so a save never carries unbounded history.
 */
export const NOTE_HISTORY = {
  pauseMs: 60_000,
  everyMs: 5 * 60_000,
  /** A cut of this many characters that removes more than half the side keeps the text before it. */
  cutChars: 200,
  recentMs: 24 * 3_600_000,
  recentKept: 50,
  dailyDays: 30,
  /** Characters of history per forum; the oldest versions go first beyond it. */
  maxChars: 4_000_000,
};

/**
 * The delegate's notebook: profile, forums, agenda and bilingual notes, over the store,
 * with the search index kept in step with every change.
 */
export class NotebookService {
  readonly #workspace: Workspace;
  readonly search: SearchIndex;
  /** Resolves once every record is in the search index. */
  readonly ready: Promise<void>;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.search = new SearchIndex((key) => resolveSearchable(workspace, key));
    this.ready = this.#buildIndex();
  }

  /**
   * Indexes the workspace a few hundred records at a time, yielding between batches, so
   * the first screen and the first keystrokes never wait on it. Edits made meanwhile are
   * indexed as they happen; the builder skips what was deleted before it got there.
   */
  async #buildIndex(): Promise<void> {
    let batch = 0;
    for (const doc of workspaceSearchables(this.#workspace)) {
      this.search.upsert(doc);
      if (++batch % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** This laptop's member ("me"): see `currentMember`. */
  me(): MemberRef {
    return currentMember(this.#workspace.data.profile, this.#workspace.data.settings);
  }

  #by(at: string): ChangedBy {
    return changedByMe(this.#workspace.data.profile, this.#workspace.data.settings, at);
  }

  /** Member keys chosen in the session form, as references that name the member. */
  #coverage(keys: string[], existing: MemberRef[]): MemberRef[] {
    const members = this.#workspace.data.profile.members;
    const refs: MemberRef[] = [];
    for (const key of new Set(keys)) {
      const member = members.find((m) => m.id === key);
      const known = existing.find((r) => memberKey(r) === key);
      if (member) refs.push({ memberId: member.id, name: member.name });
      else if (known) refs.push(structuredClone(known));
      else throw new AppError('not-found', { id: key });
    }
    return refs;
  }

  // Profile

  profile(): DelegationProfile {
    return structuredClone(this.#workspace.data.profile);
  }

  updateProfile(patch: ProfilePatch): DelegationProfile {
    return this.#workspace.update((doc) => {
      Object.assign(doc.profile, structuredClone(patch), { updatedAt: now() });
      return structuredClone(doc.profile);
    });
  }

  /** Adds a delegation member, or replaces the one with the same id. */
  saveMember(input: MemberInput): DelegationProfile {
    const { id, ...fields } = memberInputSchema.parse(input);
    return this.#workspace.update((doc) => {
      const existing = id ? doc.profile.members.find((m) => m.id === id) : undefined;
      if (existing) Object.assign(existing, structuredClone(fields));
      else doc.profile.members.push({ id: id ?? randomUUID(), ...structuredClone(fields) });
      doc.profile.updatedAt = now();
      return structuredClone(doc.profile);
    });
  }

  /**
   * Removes a member from the profile. A member a forum's report still lists is not
   * removed silently: without `detach` this fails with `member-in-use` naming the forums;
   * with it, the member leaves those reports, and where they sign, the signature stays
   * with their name, NIP and position copied in, so no report loses its signatory.
   */
  removeMember(id: string, detach = false): DelegationProfile {
    const member = findRecord(this.#workspace.data.profile.members, id);
    const using = this.#workspace
      .forumIds()
      .filter((forumId) => reportUses(this.#workspace.forum(forumId).report, id));
    if (using.length > 0 && !detach) {
      const names = using.map((forumId) => {
        const name = this.#workspace.forum(forumId).forum.name;
        return name.id || name.en;
      });
      throw new AppError('member-in-use', { name: member.name, forums: names.join('; ') });
    }
    for (const forumId of using) {
      this.#workspace.updateForum(forumId, (doc) => {
        doc.report.memberIds = doc.report.memberIds.filter((m) => m !== id);
        for (const signatory of doc.report.signatories) {
          if (signatory.memberId !== id) continue;
          signatory.memberId = null;
          signatory.name = member.name;
          signatory.nip = member.nip;
          signatory.position = structuredClone(member.position);
        }
      });
    }
    return this.#workspace.update((doc) => {
      doc.profile.members = doc.profile.members.filter((m) => m.id !== id);
      doc.profile.updatedAt = now();
      return structuredClone(doc.profile);
    });
  }

  /** Moves a member one place up (-1) or down (1) in the profile's list. */
  moveMember(id: string, direction: -1 | 1): DelegationProfile {
    return this.#workspace.update((doc) => {
      const members = doc.profile.members;
      const from = members.findIndex((m) => m.id === id);
      if (from < 0) throw new AppError('not-found', { id });
      const to = from + direction;
      if (to >= 0 && to < members.length) {
        const [moved] = members.splice(from, 1);
        if (moved) members.splice(to, 0, moved);
        doc.profile.updatedAt = now();
      }
      return structuredClone(doc.profile);
    });
  }

  updateLetterhead(input: LetterheadInput): Letterhead {
    const letterhead = letterheadInputSchema.parse(input);
    return this.#workspace.update((doc) => {
      doc.profile.letterhead = structuredClone(letterhead);
      doc.profile.updatedAt = now();
      return structuredClone(doc.profile.letterhead);
    });
  }

  // Report details

  report(forumId: string): ReportDetails {
    return structuredClone(this.#workspace.forum(forumId).report);
  }

  /**
   * Changes the report details given. Members and member signatories must be in the
   * profile: a report never points at someone who is not there.
   */
  /**
   * `base`: what each narrative side in the patch was typed on. The edit is carried onto the
   * text as it is now (a colleague's words merged in meanwhile stay); where it cannot be
   * placed, the delegate's text is kept and the colleague's is returned in `replaced`.
   */
  updateReport(forumId: string, patch: ReportPatch, base?: ReportBase): ReportUpdated {
    const parsed = reportPatchSchema.parse(patch);
    const known = new Set(this.#workspace.data.profile.members.map((m) => m.id));
    for (const id of parsed.memberIds ?? []) {
      if (!known.has(id)) throw new AppError('not-found', { id });
    }
    for (const signatory of parsed.signatories ?? []) {
      if (signatory.memberId && !known.has(signatory.memberId))
        throw new AppError('not-found', { id: signatory.memberId });
    }
    return this.#workspace.updateForum(forumId, (doc) => {
      const next = structuredClone(parsed);
      if (next.memberIds) next.memberIds = [...new Set(next.memberIds)];
      // The forum's own updatedAt is left alone: it is copied into workspace.json, and a
      // report edit should cost one forum document, as a note edit does.
      const replaced: ReportReplaced[] = [];
      const at = now();
      for (const field of reportTextFields) {
        const mine = next[field];
        const typedOn = base?.[field];
        if (!mine || !typedOn) continue;
        for (const side of ['id', 'en'] as const) {
          const now = doc.report[field][side];
          const merged = mergeText(typedOn[side], mine[side], now);
          if (merged.clean) mine[side] = merged.text;
          else {
            // The colleague's text is kept in the report's history too: the notice's Undo
            // is gone with a reload.
            const author = textAuthor(doc.report, field, side);
            const kept = keepReportVersion(doc, { field, side, text: now, author }, 'merge', at);
            replaced.push({ field, side, text: now, versionId: kept.id });
          }
        }
      }
      for (const field of reportTextFields)
        for (const side of ['id', 'en'] as const)
          if (next[field] && next[field][side] !== doc.report[field][side])
            markWritten(doc.report, field, side, this.#by(at));
      Object.assign(doc.report, next);
      const report = structuredClone(doc.report);
      return replaced.length ? { ...report, replaced } : report;
    });
  }

  // Forums

  listForums(): ForumSummary[] {
    return this.#workspace.data.forums.map((entry) => {
      const doc = this.#workspace.forum(entry.id);
      return {
        ...structuredClone(entry),
        noteCount: doc.notes.filter((n) => !n.deletedAt).length,
        sessionCount: doc.sessions.filter((s) => !s.deletedAt).length,
      };
    });
  }

  createForum(input: ForumCreate): Forum {
    const forum = this.#workspace.createForum(forumCreateSchema.parse(input));
    return forum;
  }

  forum(id: string): ForumDetail {
    const doc = this.#workspace.forum(id);
    return {
      forum: structuredClone(doc.forum),
      sessions: structuredClone(doc.sessions.filter((s) => !s.deletedAt)).sort(byOrder),
    };
  }

  updateForum(id: string, patch: ForumPatch): Forum {
    return this.#workspace.updateForum(id, (doc) => {
      Object.assign(doc.forum, structuredClone(patch), { updatedAt: now() });
      return structuredClone(doc.forum);
    });
  }

  /** To the trash: the forum and everything in it stay on disk until restored. */
  setForumDeleted(id: string, deleted: boolean): Forum {
    const forum = this.#workspace.updateForum(id, (doc) => {
      doc.forum.deletedAt = deleted ? now() : null;
      doc.forum.updatedAt = now();
      return structuredClone(doc.forum);
    });
    this.#reindexForum(id, deleted);
    return forum;
  }

  // Sessions

  createSession(forumId: string, input: SessionInput): Session {
    const { coveredBy, ...parsed } = sessionInputSchema.parse(input);
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const session: Session = {
        ...parsed,
        coveredBy: this.#coverage(coveredBy ?? [], []),
        changedBy: this.#by(at),
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        order: 0,
      };
      doc.sessions.push(session);
      placeChronologically(doc.sessions, session);
      this.search.upsert(sessionSearchable(forumId, session));
      return structuredClone(session);
    });
  }

  updateSession(forumId: string, id: string, input: SessionPatch): Session {
    const at = now();
    const { coveredBy, ...patch } = input;
    return this.#workspace.updateForum(forumId, (doc) => {
      const session = findRecord(doc.sessions, id);
      const moved = patch.start !== undefined && patch.start !== session.start;
      const coverage = coveredBy ? this.#coverage(coveredBy, session.coveredBy ?? []) : undefined;
      Object.assign(session, structuredClone(patch), { updatedAt: at, changedBy: this.#by(at) });
      if (coverage) session.coveredBy = coverage;
      if (moved) placeChronologically(doc.sessions, session);
      this.search.upsert(sessionSearchable(forumId, session));
      return structuredClone(session);
    });
  }

  setSessionDeleted(forumId: string, id: string, deleted: boolean): Session {
    return this.#workspace.updateForum(forumId, (doc) => {
      const session = findRecord(doc.sessions, id);
      session.deletedAt = deleted ? now() : null;
      session.updatedAt = now();
      if (deleted) this.search.remove(searchKey.session(forumId, id));
      else this.search.upsert(sessionSearchable(forumId, session));
      return structuredClone(session);
    });
  }

  /** Orders sessions as listed; sessions not listed keep their place after them. */
  reorderSessions(forumId: string, ids: string[]): Session[] {
    return this.#workspace.updateForum(forumId, (doc) => {
      const rank = new Map(ids.map((id, i) => [id, i]));
      const sorted = [...doc.sessions].sort(
        (a, b) =>
          (rank.get(a.id) ?? ids.length + a.order) - (rank.get(b.id) ?? ids.length + b.order),
      );
      sorted.forEach((session, order) => (session.order = order));
      return structuredClone(doc.sessions.filter((s) => !s.deletedAt)).sort(byOrder);
    });
  }

  // Notes

  listNotes(forumId: string): NoteSummary[] {
    return this.#workspace
      .forum(forumId)
      .notes.filter((n) => !n.deletedAt)
      .map(summarise);
  }

  note(forumId: string, id: string): NoteView {
    return view(findRecord(this.#workspace.forum(forumId).notes as Note[], id));
  }

  createNote(forumId: string, input: NoteCreate): NoteView {
    const parsed = noteCreateSchema.parse(input);
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      if (parsed.sessionId) findRecord(doc.sessions, parsed.sessionId);
      const body = { id: parsed.body.id ?? '', en: parsed.body.en ?? '' };
      const note: Note = {
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        sessionId: parsed.sessionId,
        body,
        bodyUpdatedAt: { id: body.id ? at : null, en: body.en ? at : null },
        tags: normaliseTags(parsed.tags),
        pinned: false,
        author: this.me().name,
        bodyAuthors: { id: body.id ? this.#by(at) : null, en: body.en ? this.#by(at) : null },
      };
      doc.notes.push(note);
      this.search.upsert(noteSearchable(forumId, note));
      return view(note);
    });
  }

  updateNote(forumId: string, id: string, patch: NotePatch): NoteView {
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const note = findRecord(doc.notes, id);
      if (patch.sessionId) findRecord(doc.sessions, patch.sessionId);
      if (patch.sessionId !== undefined) note.sessionId = patch.sessionId;
      const unmerged: NoteMergeKept[] = [];
      for (const side of ['id', 'en'] as const) {
        let text = patch.body?.[side];
        const base = patch.base?.[side];
        if (text !== undefined && base !== undefined) {
          const merged = mergeText(base, text, note.body[side]);
          // What could not be placed is the delegate's own typing: kept whole, in history.
          if (!merged.clean)
            unmerged.push({
              side,
              versionId: this.#keepVersion(doc, note, side, 'merge', at, text).id,
            });
          text = merged.text;
        }
        if (text !== undefined && text !== note.body[side]) {
          this.#keepVersionIfDue(doc, note, side, text, at);
          note.body[side] = text;
          note.bodyUpdatedAt[side] = at;
          note.bodyAuthors = { id: null, en: null, ...note.bodyAuthors, [side]: this.#by(at) };
        }
      }
      if (patch.markTranslated) note.bodyUpdatedAt = { id: at, en: at };
      if (patch.dismissKept) note.keptFromTrash = null;
      if (patch.tags) note.tags = normaliseTags(patch.tags);
      if (patch.pinned !== undefined) note.pinned = patch.pinned;
      note.updatedAt = at;
      this.search.upsert(noteSearchable(forumId, note));
      return unmerged.length ? { ...view(note), unmerged } : view(note);
    });
  }

  /** The note's earlier versions, newest first. */
  noteHistory(forumId: string, id: string): NoteVersion[] {
    const doc = this.#workspace.forum(forumId);
    findRecord(doc.notes as Note[], id);
    // Stored oldest first; reversed before a stable sort so versions of the same instant
    // also come newest first.
    return structuredClone(doc.noteHistory.filter((v) => v.noteId === id))
      .reverse()
      .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  }

  /**
   * Puts an earlier version of one side back. The text it replaces becomes a version itself,
   * named in the answer, so the restore can be undone the same way.
   */
  restoreNoteVersion(
    forumId: string,
    id: string,
    versionId: string,
  ): { note: NoteView; kept: string | null } {
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const note = findRecord(doc.notes, id);
      const version = doc.noteHistory.find((v) => v.id === versionId && v.noteId === id);
      if (!version) throw new AppError('not-found', { id: versionId });
      const side = version.side;
      let kept: string | null = null;
      if (note.body[side] !== version.text) {
        if (note.body[side]) kept = this.#keepVersion(doc, note, side, 'restore', at).id;
        note.body[side] = version.text;
        note.bodyUpdatedAt[side] = at;
        note.bodyAuthors = { id: null, en: null, ...note.bodyAuthors, [side]: this.#by(at) };
        note.updatedAt = at;
        this.search.upsert(noteSearchable(forumId, note));
      }
      return { note: view(note), kept };
    });
  }

  /**
   * Keeps the side's text as it was before this edit when editing had paused, when steady
   * editing has gone on for a few minutes since the last version, or before a large cut.
   */
  #keepVersionIfDue(doc: ForumDocument, note: Note, side: UiLanguage, next: string, at: string) {
    const previous = note.body[side];
    if (!previous) return;
    const atMs = Date.parse(at);
    const lastEdit = Date.parse(note.bodyUpdatedAt[side] ?? note.createdAt);
    let last: NoteVersion | undefined;
    for (let i = doc.noteHistory.length - 1; i >= 0; i--) {
      const v = doc.noteHistory[i] as NoteVersion;
      if (v.noteId === note.id && v.side === side) {
        last = v;
        break;
      }
    }
    const since = Date.parse(last?.recordedAt ?? note.createdAt);
    const cut = previous.length - next.length;
    const kind: HistoryKind | null =
      atMs - lastEdit >= NOTE_HISTORY.pauseMs
        ? 'pause'
        : atMs - since >= NOTE_HISTORY.everyMs
          ? 'interval'
          : cut >= NOTE_HISTORY.cutChars && next.length < previous.length / 2
            ? 'cut'
            : null;
    if (!kind || last?.text === previous) return;
    this.#keepVersion(doc, note, side, kind, at);
  }

  #keepVersion(
    doc: ForumDocument,
    note: Note,
    side: UiLanguage,
    kind: HistoryKind,
    at: string,
    text = note.body[side],
  ): NoteVersion {
    const version: NoteVersion = {
      id: randomUUID(),
      noteId: note.id,
      side,
      text,
      recordedAt: at,
      author: this.me().name,
      kind,
    };
    doc.noteHistory.push(version);
    doc.noteHistory = pruneNoteHistory(doc.noteHistory, note.id, side, new Date(at));
    return version;
  }

  /**
   * Takes away a note the delegate left empty (no text on either side, no tags, not pinned),
   * and never one with anything in it: the host decides on what it holds, so a keystroke
   * that reached it first keeps the note. A note never written in is removed outright; one
   * that had text once goes to the Trash, with its history, like any other delete.
   */
  discardEmptyNote(forumId: string, id: string): 'removed' | 'trashed' | 'kept' {
    const found = (this.#workspace.forum(forumId).notes as Note[]).find((n) => n.id === id);
    if (!found || found.deletedAt || !isEmptyNote(found)) return 'kept';
    return this.#workspace.updateForum(forumId, (doc) => {
      const note = findRecord(doc.notes, id);
      this.search.remove(searchKey.note(forumId, id));
      const written =
        note.bodyUpdatedAt.id !== null ||
        note.bodyUpdatedAt.en !== null ||
        doc.noteHistory.some((v) => v.noteId === id);
      if (written) {
        note.deletedAt = now();
        note.updatedAt = note.deletedAt;
        note.trashedBy = this.#by(note.deletedAt);
        return 'trashed';
      }
      doc.notes = doc.notes.filter((n) => n.id !== id);
      return 'removed';
    });
  }

  setNoteDeleted(forumId: string, id: string, deleted: boolean): NoteView {
    return this.#workspace.updateForum(forumId, (doc) => {
      const note = findRecord(doc.notes, id);
      note.deletedAt = deleted ? now() : null;
      note.updatedAt = now();
      // Who trashed it: the Trash and a colleague's laptop say so.
      note.trashedBy = note.deletedAt ? this.#by(note.deletedAt) : null;
      if (deleted) this.search.remove(searchKey.note(forumId, id));
      else this.search.upsert(noteSearchable(forumId, note));
      return view(note);
    });
  }

  // Search

  query(text: string): SearchResults {
    const results = this.search.query(text);
    // Hits in forums in the trash are not shown.
    const trashed = new Set(
      this.#workspace.data.forums.filter((f) => f.deletedAt).map((f) => f.id),
    );
    if (trashed.size === 0) return results;
    return {
      ...results,
      groups: results.groups
        .map((g) => ({ ...g, hits: g.hits.filter((h) => !h.forumId || !trashed.has(h.forumId)) }))
        .filter((g) => g.hits.length > 0),
    };
  }

  /** A forum changed under the notebook (a colleague's copy merged, or a forum received). */
  forumReplaced(forumId: string): void {
    this.#reindexForum(forumId, false);
  }

  #reindexForum(forumId: string, removed: boolean): void {
    const doc = this.#workspace.forum(forumId) as ForumDocument;
    for (const list of [doc.notes, doc.sessions, doc.clauses, doc.commitments]) {
      for (const record of list) {
        for (const kind of ['note', 'session', 'clause', 'commitment'] as const) {
          this.search.remove(searchKey[kind](forumId, record.id));
        }
      }
    }
    if (!removed) this.search.addAll(forumSearchables(forumId, doc));
  }
}

function findRecord<T extends { id: string }>(list: T[], id: string): T {
  const record = list.find((r) => r.id === id);
  if (!record) throw new AppError('not-found', { id });
  return record;
}

function reportUses(report: ReportDetails, memberId: string): boolean {
  return (
    report.memberIds.includes(memberId) || report.signatories.some((s) => s.memberId === memberId)
  );
}

function view(note: Note): NoteView {
  return {
    ...structuredClone(note),
    translation: translationStatus(note.body, note.bodyUpdatedAt),
  };
}

function summarise(note: Note): NoteSummary {
  return {
    id: note.id,
    authors: noteAuthors(note),
    sessionId: note.sessionId,
    pinned: note.pinned,
    tags: [...note.tags],
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    preview: { id: note.body.id.slice(0, PREVIEW), en: note.body.en.slice(0, PREVIEW) },
    translation: translationStatus(note.body, note.bodyUpdatedAt),
  };
}

function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

const byOrder = (a: Session, b: Session) => a.order - b.order;

/**
 * The agenda is in the order the delegate sees it (`order`). A session given a time goes
 * after every session that starts no later than it; one without a time goes last. The
 * delegate may reorder freely afterwards.
 */
function placeChronologically(sessions: Session[], session: Session): void {
  const others = sessions.filter((s) => s !== session).sort(byOrder);
  const at = session.start
    ? others.findIndex((s) => !s.start || s.start > (session.start as string))
    : -1;
  others.splice(at < 0 ? others.length : at, 0, session);
  others.forEach((s, order) => (s.order = order));
}

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * Prunes one note side's versions like the backups: every version of the last day (the
 * newest `recentKept`), then the newest of each day for `dailyDays` days; then, across the
 * forum, the oldest versions until the history is within `maxChars`.
 */
export function pruneNoteHistory(
  history: NoteVersion[],
  noteId: string,
  side: UiLanguage,
  at: Date,
): NoteVersion[] {
  const group = history
    .filter((v) => v.noteId === noteId && v.side === side)
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const keep = new Set<NoteVersion>();
  const days = new Set<string>();
  let recent = 0;
  for (const version of group) {
    const when = new Date(version.recordedAt);
    const age = at.getTime() - when.getTime();
    if (age < NOTE_HISTORY.recentMs) {
      if (recent++ < NOTE_HISTORY.recentKept) keep.add(version);
      continue;
    }
    const day = localDay(when);
    if (days.has(day) || age > NOTE_HISTORY.dailyDays * 86_400_000) continue;
    days.add(day);
    keep.add(version);
  }
  let pruned = history.filter((v) => v.noteId !== noteId || v.side !== side || keep.has(v));
  let chars = pruned.reduce((sum, v) => sum + v.text.length, 0);
  if (chars > NOTE_HISTORY.maxChars) {
    const oldestFirst = [...pruned].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    const drop = new Set<NoteVersion>();
    for (const version of oldestFirst) {
      if (chars <= NOTE_HISTORY.maxChars) break;
      drop.add(version);
      chars -= version.text.length;
    }
    pruned = pruned.filter((v) => !drop.has(v));
  }
  return pruned;
}

/** Nothing a delegate put there: no text on either side, no tag, no pin. */
function isEmptyNote(note: Note): boolean {
  return !note.body.id.trim() && !note.body.en.trim() && note.tags.length === 0 && !note.pinned;
}
