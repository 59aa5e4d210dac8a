import * as A from '@automerge/automerge';
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, makeDiff } from '@sanity/diff-match-patch';
import type { ForumDocument } from '../../common/domain/forum-schema';

/**
 * The replicated form of a forum: one Automerge document whose collections are maps keyed
 * by record id (so two members adding notes never collide on a list position) and whose
 * prose (note sides, clause texts, reasons, statements, the report's narrative) is
 * Automerge text, edited by diff so that concurrent typing merges character by character.
 * Other strings, numbers and lists are replaced whole: two members setting a title, a
 * status or a due date differently is a conflict Automerge keeps, and `conflictsOf`
 * states it. The forum JSON remains the view the rest of Risalah reads.
 */

/** Record collections that travel; `noteHistory` and `reportHistory` are each laptop's own. */
export const SHARED_COLLECTIONS = [
  'sessions',
  'notes',
  'clauseDocuments',
  'clauses',
  'commitments',
] as const;
export type SharedCollection = (typeof SHARED_COLLECTIONS)[number];

/** View fields that stay on this laptop and are kept as they are when the view is rebuilt. */
export const LOCAL_ONLY_FIELDS = ['noteHistory', 'reportHistory', 'sync', 'schemaVersion'] as const;

/** Bilingual fields whose two sides are prose merged by character. */
const PROSE_PARENTS = new Set([
  'body',
  'text',
  'statement',
  'reason',
  'purpose',
  'results',
  'conclusions',
  'recommendations',
  'notes',
]);

/**
 * Fields written whole, never patched key by key: who changed a record (`changedBy`, with
 * its time). Each change then leaves its own value, so when two members set a field
 * concurrently, the shared document's conflicts still say who set each value.
 */
const WHOLE_FIELDS = new Set(['changedBy']);

export interface ForumDocShape {
  /** Version of this mapping, so a later build can migrate the shared document too. */
  format: number;
  forum: Record<string, unknown>;
  report: Record<string, unknown>;
  sessions: Record<string, Record<string, unknown>>;
  notes: Record<string, Record<string, unknown>>;
  clauseDocuments: Record<string, Record<string, unknown>>;
  clauses: Record<string, Record<string, unknown>>;
  commitments: Record<string, Record<string, unknown>>;
}

export type ForumDoc = A.Doc<ForumDocShape>;
export const FORUM_DOC_FORMAT = 1;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON-safe copy: undefined fields dropped (Automerge refuses them). */
const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type CacheKey = SharedCollection | 'forum' | 'report';

/**
 * Remembers each record as last written into the document (a plain copy), so a save only
 * touches the records that changed since. Finding them compares each record with its copy
 * field by field: no serialising of the whole forum on every save, and the order of keys
 * (the view's schema order, the document's sorted one) does not matter.
 */
export class RecordCache {
  readonly #seen = new Map<CacheKey, Map<string, Plain>>();

  #of(collection: CacheKey): Map<string, Plain> {
    let records = this.#seen.get(collection);
    if (!records) {
      records = new Map();
      this.#seen.set(collection, records);
    }
    return records;
  }

  /** The records of `view` that differ from the cache, and the ids that disappeared. */
  changes(view: ForumDocument): {
    changed: { collection: CacheKey; id: string; value: Plain }[];
    removed: { collection: SharedCollection; id: string }[];
  } {
    const changed: ReturnType<RecordCache['changes']>['changed'] = [];
    const removed: ReturnType<RecordCache['changes']>['removed'] = [];
    const visit = (collection: CacheKey, records: Map<string, Plain>, id: string, value: Plain) => {
      const old = records.get(id);
      if (old !== undefined && sameJson(value, old)) return;
      const copy = clean(value);
      records.set(id, copy);
      changed.push({ collection, id, value: copy });
    };
    visit('forum', this.#of('forum'), '', view.forum as Plain);
    visit('report', this.#of('report'), '', view.report as Plain);
    for (const collection of SHARED_COLLECTIONS) {
      const records = this.#of(collection);
      const list = view[collection] as Plain[];
      for (const record of list) visit(collection, records, String(record.id), record);
      if (records.size <= list.length) continue;
      const present = new Set(list.map((record) => String(record.id)));
      for (const id of records.keys()) {
        if (present.has(id)) continue;
        removed.push({ collection, id });
        records.delete(id);
      }
    }
    return { changed, removed };
  }

  /** Marks one record as in the document as `value` (undefined: no longer there). */
  mark(collection: CacheKey, id: string, value: unknown): void {
    if (value === undefined) this.#of(collection).delete(id);
    else this.#of(collection).set(id, clean(value as Plain));
  }

  /** Marks every record of `view` as already in the document. */
  prime(view: ForumDocument): void {
    this.#seen.clear();
    this.changes(view);
  }

  /**
   * `prime` for a view made for the cache alone (parsed from the document's thread): its
   * records are kept as they are, without the copy `prime` makes of a view others edit.
   */
  primeOwned(view: ForumDocument): void {
    this.#seen.clear();
    const records = (key: CacheKey) => this.#of(key);
    records('forum').set('', view.forum as Plain);
    records('report').set('', view.report as Plain);
    for (const collection of SHARED_COLLECTIONS) {
      const map = records(collection);
      for (const record of view[collection] as Plain[]) map.set(String(record.id), record);
    }
  }
}

/**
 * Whether two JSON values are equal as JSON (fields holding `undefined` count as absent,
 * as `JSON.stringify` leaves them out; key order does not matter).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Plain;
  const right = b as Plain;
  let count = 0;
  for (const key in left) {
    const value = left[key];
    if (value === undefined) continue;
    count++;
    if (!sameJson(value, right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}

/**
 * Every shared forum starts from the same first change, made by a fixed actor at a fixed
 * time, so its collections are the same Automerge objects on every laptop: two members who
 * start sharing the same forum (a copy made by hand, say) merge record by record instead of
 * one member's whole collection hiding the other's.
 */
const SKELETON_ACTOR = '00000000000000000000000000000001' as A.ActorId;

function skeleton(): ForumDoc {
  return A.change(A.init<ForumDocShape>({ actor: SKELETON_ACTOR }), { time: 0 }, (d) => {
    d.format = FORUM_DOC_FORMAT;
    d.forum = {};
    d.report = {};
    for (const collection of SHARED_COLLECTIONS) d[collection] = {};
  });
}

/** A new shared document holding the forum as it is in `view`. */
export function docFromView(view: ForumDocument): ForumDoc {
  const doc = A.clone(skeleton());
  return A.change(doc, { message: 'share' }, (d) => {
    Object.assign(d.forum, clean(view.forum));
    Object.assign(d.report, clean(view.report));
    for (const collection of SHARED_COLLECTIONS) {
      const map = d[collection];
      for (const record of view[collection] as Plain[]) map[String(record.id)] = clean(record);
    }
  });
}

/**
 * Writes into `doc` what changed in the view since the cache last saw it; returns the same
 * document when nothing did (no empty change in the history).
 */
export function applyView(doc: ForumDoc, view: ForumDocument, cache: RecordCache): ForumDoc {
  return applyRecordChanges(doc, cache.changes(view));
}

/** What changed in a view since its cache last saw it (see `RecordCache.changes`). */
export type RecordChanges = ReturnType<RecordCache['changes']>;

/**
 * Writes records found changed into `doc` (on whichever thread owns the document: the
 * changes are plain JSON); the same document when there are none.
 */
export function applyRecordChanges(doc: ForumDoc, { changed, removed }: RecordChanges): ForumDoc {
  if (changed.length === 0 && removed.length === 0) return doc;
  return A.change(doc, (d) => {
    for (const { collection, id, value } of changed) {
      if (collection === 'forum' || collection === 'report') {
        patchObject(d, [collection], d[collection] as Plain, value);
        continue;
      }
      const records = d[collection] as Record<string, Plain>;
      const existing = records[id];
      if (isPlain(existing)) patchObject(d, [collection, id], existing, value);
      else records[id] = value;
    }
    for (const { collection, id } of removed) {
      Reflect.deleteProperty(d[collection], id);
    }
  });
}

function patchObject(root: unknown, path: A.Prop[], target: Plain, next: Plain): void {
  for (const key of Object.keys(target)) {
    if (!(key in next)) Reflect.deleteProperty(target, key);
  }
  for (const [key, value] of Object.entries(next)) {
    const old = target[key];
    if (WHOLE_FIELDS.has(key)) {
      if (!sameValue(old, value)) target[key] = value;
    } else if (isPlain(value) && isPlain(old)) {
      patchObject(root, [...path, key], old, value);
    } else if (typeof value === 'string' && typeof old === 'string') {
      if (old === value) continue;
      const parent = path[path.length - 1];
      if ((key === 'id' || key === 'en') && typeof parent === 'string' && PROSE_PARENTS.has(parent))
        spliceWords(root as A.Doc<unknown>, [...path, key], old, value);
      else target[key] = value;
    } else if (!sameValue(old, value)) {
      target[key] = value;
    }
  }
}

/**
 * Writes a text's change as the edits a person made, aligned to word boundaries. A plain
 * character diff turns a word typed before "kata0" into an insertion after its first
 * letters ("tengah1 kata0" + "x1 kata0" …); a colleague who deleted "kata0" meanwhile then
 * takes those letters with it, and the new word arrives broken. diff-match-patch's semantic
 * clean-up shifts each edit sideways to the word boundary (and keeps surrogate pairs whole).
 */
function spliceWords(doc: A.Doc<unknown>, path: A.Prop[], old: string, next: string): void {
  let at = 0;
  for (const [op, text] of cleanupSemantic(makeDiff(old, next))) {
    if (op === DIFF_EQUAL) {
      at += text.length;
    } else if (op === DIFF_DELETE) {
      A.splice(doc, path, at, text.length);
    } else {
      A.splice(doc, path, at, 0, text);
      at += text.length;
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Deterministic order, the same on every laptop: oldest first, then by id. */
export const byCreation = (a: Plain, b: Plain) =>
  String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')) ||
  String(a.id).localeCompare(String(b.id));

/**
 * The forum JSON the document stands for. `local` supplies what never travels (this
 * laptop's note history); the result records the document's heads, so a view that no
 * longer matches its document is noticed on opening.
 */
export function viewFromDoc(doc: ForumDoc, local: Partial<ForumDocument>): ForumDocument {
  const plain = A.toJS(doc);
  const view: Plain = {
    schemaVersion: local.schemaVersion,
    forum: plain.forum,
    sessions: [],
    notes: [],
    clauseDocuments: [],
    clauses: [],
    commitments: [],
    report: plain.report,
    noteHistory: local.noteHistory ?? [],
    ...(local.reportHistory ? { reportHistory: local.reportHistory } : {}),
  };
  for (const collection of SHARED_COLLECTIONS) {
    view[collection] = Object.values(plain[collection] ?? {}).sort(byCreation);
  }
  view.sync = { heads: A.getHeads(doc) };
  return view as unknown as ForumDocument;
}

export const headsKey = (heads: readonly string[]) => [...heads].sort().join(',');

export function sameHeads(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && headsKey(a) === headsKey(b);
}
