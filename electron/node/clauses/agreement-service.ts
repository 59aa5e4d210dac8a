import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { uiLanguages } from '../../common/language';
import type { UiLanguage } from '../../common/language';
import {
  clauseDocumentInputSchema,
  commitmentInputSchema,
} from '../../common/domain/agreement-schema';
import type {
  ClauseBase,
  CommitmentBase,
  ClauseDocumentInput,
  ClauseDocumentPatch,
  ClausePatch,
  CommitmentInput,
  CommitmentPatch,
  PositionInput,
  SplitItem,
} from '../../common/domain/agreement-schema';
import type {
  Clause,
  ClauseDocument,
  Commitment,
  ForumDocument,
  HistoryKind,
} from '../../common/domain/forum-schema';
import type {
  AgreementView,
  CommitmentView,
  SplitApplied,
  SplitPreview,
} from '../../common/domain/notebook-views';
import { changedByMe, currentMember } from '../../common/domain/team';
import type { Bilingual } from '../../common/domain/primitives';
import { mergeText } from '../notebook/merge-text';
import { clauseSearchable, commitmentSearchable, searchKey } from '../notebook/searchables';
import type { SearchIndex } from '../search/search-index';
import type { Workspace } from '../store/workspace';
import { alignByNumber } from './align';
import { detectLanguage } from './detect-language';
import { splitClauses } from './split';

const now = () => new Date().toISOString();
const DUE_SOON_DAYS = 30;
/** Replaced texts kept per clause (drafts are kept apart from this). */
const CLAUSE_HISTORY_KEPT = 30;
/** An accepted paste can be undone from its toast for this long. */
const UNDO_TTL_MS = 30 * 60_000;

interface PasteUndo {
  forumId: string;
  language: UiLanguage;
  changes: { clauseId: string; before: string }[];
  created: string[];
  at: number;
}

/** A version's name: its id, or for one kept before versions had ids, its time. */
export const versionKey = (v: { id?: string | undefined; recordedAt: string }) =>
  v.id ?? v.recordedAt;
const ROMANS = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
  'xiii',
  'xiv',
  'xv',
];

/**
 * Agreement clauses, the delegation's positions on them, and its commitments, over the
 * store, keeping the search index in step.
 */
export class AgreementService {
  readonly #workspace: Workspace;
  readonly #search: SearchIndex;
  /** Accepted pastes that can still be undone from the toast, by batch. */
  readonly #pasteUndo = new Map<string, PasteUndo>();

  /** Who changes something now: this laptop's member. */
  #by(at: string) {
    return changedByMe(this.#workspace.data.profile, this.#workspace.data.settings, at);
  }

  constructor(workspace: Workspace, search: SearchIndex) {
    this.#workspace = workspace;
    this.#search = search;
  }

  agreement(forumId: string): AgreementView {
    const doc = this.#workspace.forum(forumId);
    const documents = doc.clauseDocuments.filter((d) => !d.deletedAt);
    const live = new Set(documents.map((d) => d.id));
    return structuredClone({
      documents,
      clauses: doc.clauses
        .filter((c) => !c.deletedAt && live.has(c.documentId))
        .sort((a, b) => a.order - b.order),
    });
  }

  createDocument(forumId: string, input: ClauseDocumentInput): ClauseDocument {
    const parsed = clauseDocumentInputSchema.parse(input);
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const created: ClauseDocument = {
        ...parsed,
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      doc.clauseDocuments.push(created);
      return structuredClone(created);
    });
  }

  updateDocument(forumId: string, id: string, patch: ClauseDocumentPatch): ClauseDocument {
    return this.#workspace.updateForum(forumId, (doc) => {
      const found = find(doc.clauseDocuments, id);
      Object.assign(found, structuredClone(patch), { updatedAt: now() });
      return structuredClone(found);
    });
  }

  setDocumentDeleted(forumId: string, id: string, deleted: boolean): ClauseDocument {
    return this.#workspace.updateForum(forumId, (doc) => {
      const found = find(doc.clauseDocuments, id);
      found.deletedAt = deleted ? now() : null;
      found.updatedAt = now();
      for (const clause of doc.clauses.filter((c) => c.documentId === id && !c.deletedAt)) {
        if (deleted) this.#search.remove(searchKey.clause(forumId, clause.id));
        else this.#search.upsert(clauseSearchable(forumId, clause));
      }
      return structuredClone(found);
    });
  }

  /**
   * How a pasted text splits, which language it is in, how it lines up with the document's
   * clauses, and which existing texts accepting it on either side would replace.
   */
  preview(forumId: string, documentId: string, text: string): SplitPreview {
    const { clauses, warnings } = splitClauses(text);
    const detected = detectLanguage(text);
    const existing = this.#clausesOf(this.#workspace.forum(forumId), documentId);
    if (existing.length === 0)
      return { clauses, warnings, alignment: null, detected, replaces: { id: [], en: [] } };
    const alignment = alignByNumber(existing, clauses);
    const byId = new Map(existing.map((c) => [c.id, c]));
    const replaces = (side: UiLanguage) =>
      alignment.matched.flatMap((m) => {
        const before = byId.get(m.clauseId)?.text[side] ?? '';
        return before && before !== m.text ? [{ number: m.number, before, after: m.text }] : [];
      });
    return {
      clauses,
      warnings,
      detected,
      replaces: { id: replaces('id'), en: replaces('en') },
      alignment: {
        matched: alignment.matched.map((m) => m.number),
        unmatchedInPaste: alignment.unmatchedInPaste.map((c) => c.number),
        unmatchedClauses: alignment.unmatchedClauses.map((c) => c.number),
      },
    };
  }

  /**
   * Takes the split the delegate accepted, in one change: a document without clauses gets
   * them all; one with clauses gets this language's text on the clauses of the same number,
   * and new clauses for numbers it did not have.
   */
  apply(
    forumId: string,
    documentId: string,
    language: UiLanguage,
    items: SplitItem[],
    replace = false,
  ): SplitApplied {
    const at = now();
    const batch = randomUUID();
    const undo: PasteUndo = { forumId, language, changes: [], created: [], at: Date.now() };
    const result = this.#workspace.updateForum(forumId, (doc) => {
      find(doc.clauseDocuments, documentId);
      const existing = this.#clausesOf(doc, documentId);
      const alignment = alignByNumber(
        existing,
        items.map((item, i) => ({ ...item, level: depth(item.number), line: i + 1 })),
      );
      const replacing = alignment.matched.filter((m) => {
        const before = find(doc.clauses, m.clauseId).text[language];
        return before !== '' && before !== m.text;
      });
      // The dialog asks before anything written is replaced; a caller that did not ask is refused.
      if (replacing.length > 0 && !replace)
        throw new AppError('paste-would-replace', { count: replacing.length });
      for (const match of alignment.matched) {
        const clause = find(doc.clauses, match.clauseId);
        if (clause.text[language] === match.text) continue;
        undo.changes.push({ clauseId: clause.id, before: clause.text[language] });
        if (clause.text[language]) this.#keepVersion(clause, 'paste', [language], at);
        clause.text[language] = match.text;
        clause.updatedAt = at;
        this.#search.upsert(clauseSearchable(forumId, clause));
      }
      const byNumber = new Map(existing.map((c) => [c.number, c.id]));
      let order = Math.max(
        -1,
        ...doc.clauses.filter((c) => c.documentId === documentId).map((c) => c.order),
      );
      for (const item of alignment.unmatchedInPaste) {
        const parentNumber = item.number.split('.').slice(0, -1).join('.');
        const clause: Clause = {
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          documentId,
          parentId: parentNumber ? (byNumber.get(parentNumber) ?? null) : null,
          number: item.number,
          order: ++order,
          text: { id: '', en: '', [language]: item.text },
          tags: [],
          position: null,
          versions: [],
        };
        doc.clauses.push(clause);
        undo.created.push(clause.id);
        if (item.number) byNumber.set(item.number, clause.id);
        this.#search.upsert(clauseSearchable(forumId, clause));
      }
      return {
        created: alignment.unmatchedInPaste.length,
        updated: alignment.matched.length,
        replaced: replacing.length,
        unmatchedClauses: alignment.unmatchedClauses.map((c) => c.number),
        batch,
      };
    });
    this.#sweepUndo();
    this.#pasteUndo.set(batch, undo);
    return result;
  }

  /**
   * Undoes an accepted paste (the toast's Undo): each text it changed goes back, the pasted
   * text kept in the clause's history, and the clauses it added go to the trash.
   */
  undoApply(forumId: string, batch: string): Clause[] {
    const undo = this.#pasteUndo.get(batch);
    if (!undo || undo.forumId !== forumId) throw new AppError('undo-expired');
    this.#pasteUndo.delete(batch);
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const touched: Clause[] = [];
      for (const change of undo.changes) {
        const clause = doc.clauses.find((c) => c.id === change.clauseId);
        if (!clause || clause.text[undo.language] === change.before) continue;
        this.#keepVersion(clause, 'restore', [undo.language], at);
        clause.text[undo.language] = change.before;
        clause.updatedAt = at;
        this.#search.upsert(clauseSearchable(forumId, clause));
        touched.push(clause);
      }
      for (const id of undo.created) {
        const clause = doc.clauses.find((c) => c.id === id);
        if (!clause || clause.deletedAt) continue;
        clause.deletedAt = at;
        clause.updatedAt = at;
        this.#search.remove(searchKey.clause(forumId, id));
        touched.push(clause);
      }
      return structuredClone(touched);
    });
  }

  /** Puts an earlier text of a clause back on the given sides; the current text is kept. */
  restoreVersion(forumId: string, id: string, versionId: string, sides: UiLanguage[]): Clause {
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      const version = clause.versions.find((v) => versionKey(v) === versionId);
      if (!version) throw new AppError('not-found', { id: versionId });
      if (version.field === 'reason') {
        // A reason kept from a merge: put back on its sides, the one it replaces kept.
        const reason = clause.position?.reason ?? { id: '', en: '' };
        const changing = sides.filter((side) => reason[side] !== version.text[side]);
        if (changing.length > 0) {
          this.#keepVersion(clause, 'restore', changing, at, {
            field: 'reason',
            text: { ...reason },
            author: clause.position?.changedBy?.name ?? '',
          });
          const next = { ...reason };
          for (const side of changing) next[side] = version.text[side];
          clause.position = {
            stance: clause.position?.stance ?? null,
            reason: next,
            changedBy: this.#by(at),
          };
          clause.updatedAt = at;
        }
        return structuredClone(clause);
      }
      const changing = sides.filter((side) => clause.text[side] !== version.text[side]);
      if (changing.length > 0) {
        this.#keepVersion(clause, 'restore', changing, at);
        for (const side of changing) clause.text[side] = version.text[side];
        clause.updatedAt = at;
        this.#search.upsert(clauseSearchable(forumId, clause));
      }
      return structuredClone(clause);
    });
  }

  /** Keeps the clause's current text in its history before `sides` of it change. */
  #keepVersion(
    clause: Clause,
    kind: HistoryKind,
    sides: UiLanguage[],
    at: string,
    reason?: { field: 'reason'; text: Bilingual; author: string },
  ): void {
    clause.versions.push({
      id: randomUUID(),
      label: '',
      kind,
      sides,
      text: { ...clause.text },
      recordedAt: at,
      author: currentMember(this.#workspace.data.profile, this.#workspace.data.settings).name,
      ...reason,
    });
    // Drafts are kept on purpose; replaced texts beyond the newest few are let go.
    const automatic = clause.versions.filter((v) => v.kind && v.kind !== 'draft');
    if (automatic.length > CLAUSE_HISTORY_KEPT) {
      const drop = new Set(automatic.slice(0, automatic.length - CLAUSE_HISTORY_KEPT));
      clause.versions = clause.versions.filter((v) => !drop.has(v));
    }
  }

  #sweepUndo(): void {
    for (const [batch, undo] of this.#pasteUndo) {
      if (Date.now() - undo.at > UNDO_TTL_MS) this.#pasteUndo.delete(batch);
    }
  }

  /**
   * `base`: the text the edit was typed on. The edit is carried onto the text as it is now
   * (a colleague's words merged in meanwhile stay); where it cannot be placed, the edit is
   * written whole and the text it replaces is kept in the clause's history, as every edit's.
   */
  updateClause(forumId: string, id: string, patch: ClausePatch, base?: ClauseBase): Clause {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      if (patch.number !== undefined) clause.number = patch.number;
      if (patch.text) {
        patch = { ...patch, text: ontoCurrent(patch.text, base?.text, clause.text) };
        const sides = uiLanguages.filter(
          (side) => patch.text?.[side] !== undefined && patch.text[side] !== clause.text[side],
        );
        if (sides.some((side) => clause.text[side] !== ''))
          this.#keepVersion(clause, 'edit', sides, now());
        Object.assign(clause.text, patch.text);
      }
      if (patch.tags) clause.tags = [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
      if (patch.notes) clause.notes = { ...patch.notes };
      clause.updatedAt = now();
      this.#search.upsert(clauseSearchable(forumId, clause));
      return structuredClone(clause);
    });
  }

  /** `base`: the reason the edit was typed on (see `updateClause`). */
  setPosition(forumId: string, id: string, position: PositionInput, base?: ClauseBase): Clause {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      const before = clause.position?.reason;
      const unplaced: UiLanguage[] = [];
      const after =
        position.stance === null
          ? { id: '', en: '' }
          : ontoCurrent(position.reason, base?.reason, before ?? { id: '', en: '' }, unplaced);
      // Where both rewrote the same words the delegate's reason is written; the colleague's
      // it replaces is kept in the clause's history, with who wrote it, to be put back.
      const replaced = unplaced.filter((side) => before && before[side] !== after[side]);
      if (before && replaced.length)
        this.#keepVersion(clause, 'merge', replaced, now(), {
          field: 'reason',
          text: { ...before },
          author: clause.position?.changedBy?.name ?? '',
        });
      // A reason cleared (a side emptied, or dropped with the stance) goes to the trash.
      if (before && uiLanguages.some((side) => before[side] && !after[side]))
        clause.clearedReason = { reason: { ...before }, deletedAt: now() };
      // Written again as it was: it is no longer in the trash.
      else if (sameReason(clause.clearedReason?.reason, after)) clause.clearedReason = null;
      const at = now();
      clause.position = { stance: position.stance, reason: { ...after }, changedBy: this.#by(at) };
      clause.updatedAt = at;
      return structuredClone(clause);
    });
  }

  /** Puts a cleared reason back, on the sides that are empty now. */
  restoreReason(forumId: string, id: string): Clause {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      const cleared = clause.clearedReason;
      if (!cleared) throw new AppError('not-found', { id });
      const position = clause.position ?? { stance: null, reason: { id: '', en: '' } };
      for (const side of uiLanguages)
        if (!position.reason[side]) position.reason[side] = cleared.reason[side];
      clause.position = position;
      clause.clearedReason = null;
      clause.updatedAt = now();
      return structuredClone(clause);
    });
  }

  /** Keeps the current wording as a named version (say, the draft) before it changes. */
  recordVersion(forumId: string, id: string, label: string): Clause {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      clause.versions.push({
        id: randomUUID(),
        label,
        kind: 'draft',
        text: { ...clause.text },
        recordedAt: now(),
        author: currentMember(this.#workspace.data.profile, this.#workspace.data.settings).name,
      });
      clause.updatedAt = now();
      return structuredClone(clause);
    });
  }

  /** Moves a clause before or after its neighbour at the same level; links stay by id. */
  moveClause(forumId: string, id: string, direction: -1 | 1): Clause[] {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      const siblings = this.#clausesOf(doc, clause.documentId).filter(
        (c) => c.parentId === clause.parentId,
      );
      const index = siblings.findIndex((c) => c.id === id);
      const other = siblings[index + direction];
      if (other) {
        // Swap the two whole branches in reading order.
        const all = this.#clausesOf(doc, clause.documentId);
        const branch = (root: Clause) =>
          all.filter((c) => c === root || isDescendant(all, c, root));
        const [first, second] = direction < 0 ? [other, clause] : [clause, other];
        const a = branch(first);
        const b = branch(second);
        const start = all.indexOf(a[0] as Clause);
        const reordered = [
          ...all.slice(0, start),
          ...b,
          ...a,
          ...all.slice(start + a.length + b.length),
        ];
        reordered.forEach((c, order) => (c.order = order));
      }
      return structuredClone(this.#clausesOf(doc, clause.documentId));
    });
  }

  /** Numbers the clauses afresh in reading order: 1, 2 … then a, b … then i, ii … */
  renumber(forumId: string, documentId: string): Clause[] {
    return this.#workspace.updateForum(forumId, (doc) => {
      const all = this.#clausesOf(doc, documentId);
      const counters = new Map<string | null, number>();
      const numbers = new Map<string, string>();
      for (const clause of all) {
        if (clause.number === '' && clause.parentId === null && !counters.has('preamble')) {
          counters.set('preamble', 1);
          continue;
        }
        const n = (counters.get(clause.parentId) ?? 0) + 1;
        counters.set(clause.parentId, n);
        const parent = clause.parentId ? numbers.get(clause.parentId) : undefined;
        const level = parent ? parent.split('.').length : 0;
        const own =
          level === 0 ? String(n) : level === 1 ? letter(n) : (ROMANS[n - 1] ?? String(n));
        clause.number = parent ? `${parent}.${own}` : own;
        numbers.set(clause.id, clause.number);
        clause.updatedAt = now();
        this.#search.upsert(clauseSearchable(forumId, clause));
      }
      return structuredClone(all);
    });
  }

  setClauseDeleted(forumId: string, id: string, deleted: boolean): Clause {
    return this.#workspace.updateForum(forumId, (doc) => {
      const clause = find(doc.clauses, id);
      clause.deletedAt = deleted ? now() : null;
      clause.updatedAt = now();
      if (deleted) this.#search.remove(searchKey.clause(forumId, id));
      else this.#search.upsert(clauseSearchable(forumId, clause));
      return structuredClone(clause);
    });
  }

  // Commitments

  commitments(forumId: string | null, today = localToday()): CommitmentView[] {
    const forumIds = forumId ? [forumId] : this.#workspace.forumIds();
    const views: CommitmentView[] = [];
    for (const id of forumIds) {
      const doc = this.#workspace.forum(id);
      if (doc.forum.deletedAt) continue;
      const liveDocuments = new Set(
        doc.clauseDocuments.filter((d) => !d.deletedAt).map((d) => d.id),
      );
      const clauses = new Map(
        doc.clauses
          .filter((c) => !c.deletedAt && liveDocuments.has(c.documentId))
          .map((c) => [c.id, c]),
      );
      for (const commitment of doc.commitments) {
        if (commitment.deletedAt) continue;
        const open = commitment.status === 'planned' || commitment.status === 'in-progress';
        const due = commitment.dueDate;
        views.push({
          ...structuredClone(commitment),
          forumId: id,
          forumName: { ...doc.forum.name },
          clauseNumbers: commitment.clauseIds
            .map((c) => clauses.get(c))
            .filter((c): c is Clause => !!c)
            .sort((a, b) => a.order - b.order)
            .map((c) => c.number),
          overdue: open && !!due && due < today,
          dueSoon: open && !!due && due >= today && due <= addDays(today, DUE_SOON_DAYS),
        });
      }
    }
    return views.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  }

  createCommitment(forumId: string, input: CommitmentInput): Commitment {
    const parsed = commitmentInputSchema.parse(input);
    const at = now();
    return this.#workspace.updateForum(forumId, (doc) => {
      for (const clauseId of parsed.clauseIds) find(doc.clauses, clauseId);
      const commitment: Commitment = {
        ...parsed,
        id: randomUUID(),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        changedBy: this.#by(at),
      };
      doc.commitments.push(commitment);
      this.#search.upsert(commitmentSearchable(forumId, commitment));
      return structuredClone(commitment);
    });
  }

  /**
   * `base`: the statement the edit was typed on. The edit is carried onto the statement as it
   * is now, so a colleague's words merged in while the form was open stay; where both rewrote
   * the same words, the save is refused (`statement-changed-elsewhere`) and nothing changes.
   */
  updateCommitment(
    forumId: string,
    id: string,
    patch: CommitmentPatch,
    base?: CommitmentBase,
  ): Commitment {
    return this.#workspace.updateForum(forumId, (doc) => {
      const commitment = find(doc.commitments, id);
      for (const clauseId of patch.clauseIds ?? []) find(doc.clauses, clauseId);
      if (patch.statement) {
        const unplaced: UiLanguage[] = [];
        const statement = ontoCurrent(
          patch.statement,
          base?.statement,
          commitment.statement,
          unplaced,
        );
        // Both rewrote the same words: a commitment keeps no history to hold the colleague's
        // statement, so nothing is written. The form keeps the delegate's text and says what the
        // statement reads now; saved again on that, the delegate's text is written knowingly.
        const replaced = unplaced.filter((side) => statement[side] !== commitment.statement[side]);
        if (replaced.length)
          throw new AppError('statement-changed-elsewhere', {
            text: replaced.map((side) => commitment.statement[side]).join(' / '),
            currentId: commitment.statement.id,
            currentEn: commitment.statement.en,
          });
        patch = { ...patch, statement };
      }
      const at = now();
      Object.assign(commitment, structuredClone(patch), { updatedAt: at, changedBy: this.#by(at) });
      this.#search.upsert(commitmentSearchable(forumId, commitment));
      return structuredClone(commitment);
    });
  }

  setCommitmentDeleted(forumId: string, id: string, deleted: boolean): Commitment {
    return this.#workspace.updateForum(forumId, (doc) => {
      const commitment = find(doc.commitments, id);
      commitment.deletedAt = deleted ? now() : null;
      commitment.updatedAt = now();
      if (deleted) this.#search.remove(searchKey.commitment(forumId, id));
      else this.#search.upsert(commitmentSearchable(forumId, commitment));
      return structuredClone(commitment);
    });
  }

  #clausesOf(doc: Readonly<ForumDocument>, documentId: string): Clause[] {
    return doc.clauses
      .filter((c) => c.documentId === documentId && !c.deletedAt)
      .sort((a, b) => a.order - b.order);
  }
}

function find<T extends { id: string }>(list: T[], id: string): T {
  const record = list.find((r) => r.id === id);
  if (!record) throw new AppError('not-found', { id });
  return record;
}

const sameReason = (a: { id: string; en: string } | undefined, b: { id: string; en: string }) =>
  !!a && a.id === b.id && a.en === b.en;

function isDescendant(all: Clause[], clause: Clause, root: Clause): boolean {
  let parent = all.find((c) => c.id === clause.parentId);
  while (parent) {
    if (parent === root) return true;
    parent = all.find((c) => c.id === parent?.parentId);
  }
  return false;
}

const depth = (number: string) => (number ? number.split('.').length - 1 : 0);

function letter(n: number): string {
  return n <= 26
    ? String.fromCharCode(96 + n)
    : `${letter(Math.floor((n - 1) / 26))}${letter(((n - 1) % 26) + 1)}`;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Each side of `typed` carried onto `current` from `base`, where it can be placed; a side
 * whose change cannot be placed is left as typed.
 */
function ontoCurrent<T extends Partial<Bilingual>>(
  typed: T,
  base: Bilingual | undefined,
  current: Bilingual,
  unplaced: UiLanguage[] = [],
): T {
  if (!base) return typed;
  const carried = { ...typed };
  for (const side of uiLanguages) {
    const mine = typed[side];
    if (mine === undefined) continue;
    const merged = mergeText(base[side], mine, current[side]);
    if (merged.clean) carried[side] = merged.text as T[typeof side];
    else unplaced.push(side);
  }
  return carried;
}
