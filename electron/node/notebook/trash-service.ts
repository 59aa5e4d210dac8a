import { AppError } from '../../common/errors';
import type { ForumDocument } from '../../common/domain/forum-schema';
import type { TrashEntry, TrashKind } from '../../common/domain/notebook-views';
import type { Bilingual } from '../../common/domain/primitives';
import type { AgreementService } from '../clauses/agreement-service';
import type { ContactsService } from '../contacts/contacts-service';
import type { Workspace } from '../store/workspace';
import type { NotebookService } from './notebook-service';
import { firstLine } from './searchables';

export interface TrashRef {
  kind: TrashKind;
  forumId: string | null;
  id: string;
}

/**
 * The one Trash: everything deleted, of every kind, restorable with what refers to it
 * (references stay in place while a record is in the trash), and removable for good only
 * from here.
 */
export class TrashService {
  readonly #workspace: Workspace;
  readonly #notebook: NotebookService;
  readonly #agreement: AgreementService;
  readonly #contacts: ContactsService;

  constructor(
    workspace: Workspace,
    notebook: NotebookService,
    agreement: AgreementService,
    contacts: ContactsService,
  ) {
    this.#workspace = workspace;
    this.#notebook = notebook;
    this.#agreement = agreement;
    this.#contacts = contacts;
  }

  /**
   * Everything deleted, newest first. What is inside something deleted (a forum's notes, a
   * document's clauses) is not listed apart: it comes back with it.
   */
  list(): TrashEntry[] {
    const entries: TrashEntry[] = [];
    for (const forumId of this.#workspace.forumIds()) {
      const doc = this.#workspace.forum(forumId);
      const forumName = structuredClone(doc.forum.name);
      const entry = (
        kind: TrashKind,
        id: string,
        title: Bilingual,
        deletedAt: string,
        deletedBy?: string,
      ) =>
        entries.push({
          kind,
          id,
          forumId,
          title,
          forumName,
          deletedAt,
          ...(deletedBy ? { deletedBy } : {}),
        });
      if (doc.forum.deletedAt) {
        entry('forum', forumId, forumName, doc.forum.deletedAt);
        continue;
      }
      for (const s of doc.sessions)
        if (s.deletedAt) entry('session', s.id, { ...s.title }, s.deletedAt);
      for (const n of doc.notes)
        if (n.deletedAt)
          entry('note', n.id, bothFirstLines(n.body), n.deletedAt, n.trashedBy?.name);
      const liveDocuments = new Set<string>();
      for (const d of doc.clauseDocuments) {
        if (d.deletedAt) entry('clauseDocument', d.id, { ...d.title }, d.deletedAt);
        else liveDocuments.add(d.id);
      }
      for (const c of doc.clauses) {
        if (!liveDocuments.has(c.documentId)) continue;
        const numbered = (text: Bilingual) => ({
          id: [c.number, firstLine(text.id)].filter(Boolean).join(' · '),
          en: [c.number, firstLine(text.en)].filter(Boolean).join(' · '),
        });
        if (c.deletedAt) entry('clause', c.id, numbered(c.text), c.deletedAt);
        else if (c.clearedReason)
          entry('reason', c.id, numbered(c.clearedReason.reason), c.clearedReason.deletedAt);
      }
      for (const c of doc.commitments)
        if (c.deletedAt) entry('commitment', c.id, bothFirstLines(c.statement), c.deletedAt);
    }
    const contacts = this.#workspace.data.contacts;
    for (const c of contacts) {
      if (!c.deletedAt) continue;
      const base = { id: c.id, forumId: null, forumName: null, deletedAt: c.deletedAt };
      if (c.mergedInto) {
        const keep = contacts.find((k) => k.id === c.mergedInto?.keepId);
        const title = `${c.name} → ${keep?.name ?? '?'}`;
        entries.push({ ...base, kind: 'merge', title: { id: title, en: title } });
      } else {
        entries.push({ ...base, kind: 'contact', title: { id: c.name, en: c.name } });
      }
    }
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /** Brings a record back, with whatever referred to it (the references never left). */
  restore({ kind, forumId, id }: TrashRef): void {
    if (kind === 'contact') return void this.#contacts.setDeleted(id, false);
    if (kind === 'merge') return void this.#contacts.unmerge(id);
    const forum = required(forumId);
    if (kind === 'forum') return void this.#notebook.setForumDeleted(forum, false);
    if (kind === 'session') return void this.#notebook.setSessionDeleted(forum, id, false);
    if (kind === 'note') return void this.#notebook.setNoteDeleted(forum, id, false);
    if (kind === 'clauseDocument') return void this.#agreement.setDocumentDeleted(forum, id, false);
    if (kind === 'clause') return void this.#agreement.setClauseDeleted(forum, id, false);
    if (kind === 'reason') return void this.#agreement.restoreReason(forum, id);
    if (kind === 'commitment') return void this.#agreement.setCommitmentDeleted(forum, id, false);
  }

  /**
   * Removes a record in the trash for good; what referred to it lets go (a commitment's
   * clause list, a note's session, a commitment's responsible contact). Refused for a record
   * that is not in the trash.
   */
  async purge({ kind, forumId, id }: TrashRef): Promise<void> {
    if (!this.list().some((e) => e.kind === kind && e.id === id && e.forumId === forumId))
      throw new AppError('not-found', { id });
    if (kind === 'contact' || kind === 'merge') return this.#contacts.purge(id);
    const forum = required(forumId);
    if (kind === 'forum') return this.#workspace.removeForum(forum);
    // A shared forum's note leaves a digest of its text: a colleague's concurrent edit then
    // brings it back at the merge instead of being lost with it (see trash-conflicts.ts).
    const shared = kind === 'note' && this.#workspace.sharedForumIds().includes(forum);
    const { textDigest } = shared ? await import('../sync/trash-conflicts') : { textDigest: null };
    this.#workspace.updateForum(forum, (doc) => {
      const note = doc.notes.find((n) => n.id === id);
      if (textDigest && note) {
        doc.forum.purgedNotes = {
          ...doc.forum.purgedNotes,
          [id]: {
            digest: textDigest(id, note.body),
            at: new Date().toISOString(),
            by: this.#notebook.me().name,
          },
        };
      }
      purgeFrom(doc, kind, id);
    });
  }
}

function purgeFrom(doc: ForumDocument, kind: TrashKind, id: string): void {
  const dropClauses = (ids: Set<string>) => {
    doc.clauses = doc.clauses.filter((c) => !ids.has(c.id));
    for (const c of doc.clauses) if (c.parentId && ids.has(c.parentId)) c.parentId = null;
    for (const c of doc.commitments) c.clauseIds = c.clauseIds.filter((x) => !ids.has(x));
  };
  switch (kind) {
    case 'session':
      doc.sessions = doc.sessions.filter((s) => s.id !== id);
      for (const n of doc.notes) if (n.sessionId === id) n.sessionId = null;
      break;
    case 'note':
      doc.notes = doc.notes.filter((n) => n.id !== id);
      doc.noteHistory = doc.noteHistory.filter((v) => v.noteId !== id);
      break;
    case 'clauseDocument':
      doc.clauseDocuments = doc.clauseDocuments.filter((d) => d.id !== id);
      dropClauses(new Set(doc.clauses.filter((c) => c.documentId === id).map((c) => c.id)));
      break;
    case 'clause':
      dropClauses(new Set([id]));
      break;
    case 'reason': {
      const clause = doc.clauses.find((c) => c.id === id);
      if (clause) clause.clearedReason = null;
      break;
    }
    case 'commitment':
      doc.commitments = doc.commitments.filter((c) => c.id !== id);
      break;
    default:
      throw new AppError('invalid-input', { field: 'kind' });
  }
}

function required(forumId: string | null): string {
  if (!forumId) throw new AppError('invalid-input', { field: 'forumId' });
  return forumId;
}

const bothFirstLines = (text: Bilingual): Bilingual => ({
  id: firstLine(text.id),
  en: firstLine(text.en),
});
