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

/** Record collections that travel; `noteHistory` is each laptop's own undo history. */
export const SHARED_COLLECTIONS = [
  'sessions',
  'notes',
  'clauseDocuments',
  'clauses',
  'commitments',
] as const;
export type SharedCollection = (typeof SHARED_COLLECTIONS)[number];

/** View fields that stay on this laptop and are kept as they are when the view is rebuilt. */
export const LOCAL_ONLY_FIELDS = ['noteHistory', 'sync', 'schemaVersion'] as const;

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

/**
 * Remembers each record as last written into the document (as JSON text), so a save only
 * touches the records that changed since: the cost of a save grows with what was edited,
 * plus one pass of `JSON.stringify` over the forum.
 */
export class RecordCache {
  readonly #seen = new Map<string, string>();

  /** The records of `view` that differ from the cache, and the ids that disappeared. */
  changes(view: ForumDocument): {
    changed: { collection: SharedCollection | 'forum' | 'report'; id: string; value: Plain }[];
    removed: { collection: SharedCollection; id: string }[];
  } {
    const changed: ReturnType<RecordCache['changes']>['changed'] = [];
    const removed: ReturnType<RecordCache['changes']>['removed'] = [];
    const present = new Set<string>();
    const visit = (collection: SharedCollection | 'forum' | 'report', id: string, value: Plain) => {
      const key = `${collection}/${id}`;
      present.add(key);
      const json = JSON.stringify(value);
      if (this.#seen.get(key) !== json) {
        changed.push({ collection, id, value: JSON.parse(json) as Plain });
        this.#seen.set(key, json);
      }
    };
    visit('forum', '', view.forum as Plain);
    visit('report', '', view.report as Plain);
    for (const collection of SHARED_COLLECTIONS) {
      for (const record of view[collection] as Plain[])
        visit(collection, String(record.id), record);
    }
    for (const key of this.#seen.keys()) {
      if (present.has(key)) continue;
      const [collection, id] = key.split('/') as [SharedCollection, string];
      removed.push({ collection, id });
      this.#seen.delete(key);
    }
    return { changed, removed };
  }

  /** Marks every record of `view` as already in the document. */
  prime(view: ForumDocument): void {
    this.#seen.clear();
    this.changes(view);
  }

  /**
   * Marks the records of `base` (a view made from the document) as in the document, with
   * their keys in the order `like` (the view as edited) has them: Automerge gives a map's
   * keys sorted, the view has them in schema order, and the cache compares JSON text.
   */
  primeAligned(base: ForumDocument, like: ForumDocument): void {
    const liked = new Map<string, Plain>();
    liked.set('forum/', like.forum as Plain);
    liked.set('report/', like.report as Plain);
    for (const collection of SHARED_COLLECTIONS) {
      for (const record of like[collection] as Plain[])
        liked.set(`${collection}/${String(record.id)}`, record);
    }
    const aligned = { ...base } as Record<string, unknown>;
    aligned.forum = alignKeys(base.forum, liked.get('forum/'));
    aligned.report = alignKeys(base.report, liked.get('report/'));
    for (const collection of SHARED_COLLECTIONS) {
      aligned[collection] = (base[collection] as Plain[]).map((record) =>
        alignKeys(record, liked.get(`${collection}/${String(record.id)}`)),
      );
    }
    this.prime(aligned as unknown as ForumDocument);
  }
}

/** `value` with its object keys in the order `like` has them (keys `like` lacks go last). */
function alignKeys(value: unknown, like: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => alignKeys(item, Array.isArray(like) ? like[i] : undefined));
  if (!isPlain(value)) return value;
  const order = isPlain(like) ? Object.keys(like) : [];
  const out: Plain = {};
  for (const key of order) if (key in value) out[key] = alignKeys(value[key], (like as Plain)[key]);
  for (const key of Object.keys(value))
    if (!(key in out)) out[key] = alignKeys(value[key], undefined);
  return out;
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
  const { changed, removed } = cache.changes(view);
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
const byCreation = (a: Plain, b: Plain) =>
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
