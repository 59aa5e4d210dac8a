import * as A from '@automerge/automerge';
import { AppError } from '../../common/errors';
import type { ForumDocument } from '../../common/domain/forum-schema';
import {
  applyView,
  byCreation,
  docFromView,
  RecordCache,
  SHARED_COLLECTIONS,
  sameHeads,
  sameJson,
  viewFromDoc,
} from './forum-automerge';
import type { ForumDoc, SharedCollection } from './forum-automerge';

export { RecordCache } from './forum-automerge';
import { headsOfSaved, leadingDocument } from './automerge-heads';
import { COMPACT_BYTES } from './sync-files';
import type { LoadedSync, SyncFiles } from './sync-files';

/** What the view records about its document: the heads it was materialised at. */
export interface SyncMark {
  heads: string[];
  /**
   * The view holds edits the document does not have yet: they were saved while the
   * document was still unloaded (loading it takes seconds for thousands of notes, and a
   * save never waits for that). They go into the document once it is loaded, found against
   * the document as of `heads`.
   */
  pending?: true;
}

export const syncMarkOf = (view: ForumDocument): SyncMark | undefined =>
  (view as { sync?: SyncMark }).sync;

/** What a merge brought in, for the list shown after *Receive*. */
export interface MergeSummary {
  changed: boolean;
  notesAdded: { id: string; author: string; preview: string }[];
  notesChanged: { id: string; author: string; preview: string }[];
  clausesChanged: { id: string; number: string }[];
  commitmentsChanged: { id: string; statement: string }[];
  sessionsChanged: number;
}

/**
 * One shared forum on this laptop: its Automerge document, kept in step with the forum's
 * JSON view. A save writes the view's edits into the document and appends them to the
 * change log (durably) before the view itself is written, and the view records the heads it
 * stands for, so a crash between the two is seen on the next open and the view rebuilt.
 */
export class SharedForum {
  readonly files: SyncFiles;
  #doc: ForumDoc;
  #cache = new RecordCache();
  #savedHeads: string[];
  /** Made again from the view: the next persist writes the document whole. */
  #compactDue = false;
  /**
   * The compacted save as written (and its heads): a file sent to a colleague is this plus
   * the changes since, so a colleague who already has it applies only those changes.
   */
  #base: { bytes: Uint8Array; heads: string[] } | null = null;
  /** The persist under way: persists run one after the other. */
  #persisting: Promise<unknown> = Promise.resolve();

  private constructor(files: SyncFiles, doc: ForumDoc, savedHeads: string[]) {
    this.files = files;
    this.#doc = doc;
    this.#savedHeads = savedHeads;
  }

  get doc(): ForumDoc {
    return this.#doc;
  }

  /** Starts sharing: the document is made from the view and written whole at once. */
  static async create(files: SyncFiles, view: ForumDocument): Promise<SharedForum> {
    const doc = docFromView(view);
    const shared = new SharedForum(files, doc, A.getHeads(doc));
    await shared.#compact();
    shared.#cache.prime(view);
    return shared;
  }

  /**
   * The document made again from the view, without writing it yet (its saved form could not
   * be read): the next `persist` writes it whole.
   */
  static fromView(files: SyncFiles, view: ForumDocument): SharedForum {
    const shared = new SharedForum(files, docFromView(view), []);
    shared.#compactDue = true;
    shared.#cache.prime(view);
    return shared;
  }

  /** A forum received from a colleague: the document as sent, saved here whole. */
  static async adopt(files: SyncFiles, doc: ForumDoc): Promise<SharedForum> {
    const shared = new SharedForum(files, doc, A.getHeads(doc));
    await shared.#compact();
    return shared;
  }

  /** Writes the whole document as the compacted save (the log is emptied). */
  async #compact(): Promise<void> {
    const bytes = A.save(this.#doc);
    await this.files.compact(bytes);
    this.#base = { bytes, heads: A.getHeads(this.#doc) };
  }

  /**
   * Opens the document saved beside `view`. When the view does not stand for the document's
   * heads (a crash after the change log was written and before the view was), `view` is
   * rebuilt from the document in place and `rebuilt` says so. Returns null when no readable
   * document exists: the caller recreates it from the view.
   */
  static async open(
    files: SyncFiles,
    view: ForumDocument,
  ): Promise<{ shared: SharedForum | null; rebuilt: boolean; damaged: string[] }> {
    return SharedForum.fromLoaded(files, await files.load(), view, 'opening');
  }

  /**
   * The document from what `files.load()` read. `opening`: `view` is the view as read from
   * disk. `resuming`: the workspace opened without loading the document, because the saved
   * bytes said it stands at the heads `view` records, and `view` may have been edited since;
   * those edits are found against the document as of those heads and written into it (the
   * next `persist` appends them). If Automerge finds other heads than the bytes said, the
   * view is rebuilt from the document with this laptop's edits in it, and `rebuilt` says so.
   */
  static fromLoaded(
    files: SyncFiles,
    loaded: LoadedSync,
    view: ForumDocument,
    mode: 'opening' | 'resuming',
  ): { shared: SharedForum | null; rebuilt: boolean; damaged: string[] } {
    const damaged = loaded.damaged.map((d) => `${d.file}: ${d.detail} (kept as ${d.movedTo})`);
    let doc: ForumDoc;
    try {
      doc = loaded.snapshot ? A.load<ForumDoc>(loaded.snapshot) : A.init();
      for (const change of loaded.changes) doc = A.loadIncremental(doc, change);
    } catch (error) {
      damaged.push(`${files.snapshotPath}: ${String(error)}`);
      return { shared: null, rebuilt: false, damaged };
    }
    if (A.getHeads(doc).length === 0) return { shared: null, rebuilt: false, damaged };
    const heads = A.getHeads(doc);
    const shared = new SharedForum(files, doc, heads);
    const snapshotHeads = loaded.snapshot ? headsOfSaved(loaded.snapshot, []) : null;
    if (loaded.snapshot && snapshotHeads && hasAll(doc, snapshotHeads))
      shared.#base = { bytes: loaded.snapshot, heads: snapshotHeads };
    const marked = syncMarkOf(view)?.heads;
    if (mode === 'opening') {
      const rebuilt = !sameHeads(marked, heads);
      if (rebuilt) replaceView(view, viewFromDoc(doc, view));
      shared.#cache.prime(view);
      return { shared, rebuilt, damaged };
    }
    const asMarked = marked !== undefined && sameHeads(marked, heads);
    // What the view held when it was opened: the document at the heads the view records.
    const base = asMarked || !marked || !hasAll(doc, marked) ? doc : A.view(doc, marked);
    shared.#cache.prime(viewFromDoc(base, view));
    if (asMarked) return { shared, rebuilt: false, damaged };
    damaged.push(
      `${files.snapshotPath}: the document is at other heads than its saved bytes said; the view was rebuilt from it`,
    );
    shared.#doc = applyView(shared.#doc, view, shared.#cache);
    replaceView(view, viewFromDoc(shared.#doc, view));
    shared.#cache.prime(view);
    return { shared, rebuilt: true, damaged };
  }

  /**
   * The document taken back from the worker thread that held it (see `DocumentWorker`):
   * loaded again from the disk, where the host appended every change the worker made, with
   * the cache of records the host kept for it (what the document holds, record by record).
   * Null when the bytes do not stand at `heads` (or were damaged): the caller then takes the
   * careful path, `fromLoaded`.
   */
  static withCache(
    files: SyncFiles,
    loaded: LoadedSync,
    cache: RecordCache,
    heads: string[],
  ): SharedForum | null {
    if (loaded.damaged.length) return null;
    let doc: ForumDoc;
    try {
      doc = loaded.snapshot ? A.load<ForumDoc>(loaded.snapshot) : A.init();
      for (const change of loaded.changes) doc = A.loadIncremental(doc, change);
    } catch {
      return null;
    }
    if (!sameHeads(heads, A.getHeads(doc))) return null;
    const shared = new SharedForum(files, doc, A.getHeads(doc));
    shared.#cache = cache;
    const snapshotHeads = loaded.snapshot ? headsOfSaved(loaded.snapshot, []) : null;
    if (loaded.snapshot && snapshotHeads && hasAll(doc, snapshotHeads))
      shared.#base = { bytes: loaded.snapshot, heads: snapshotHeads };
    return shared;
  }

  /**
   * Called by the save, before the view is written: the view's edits go into the document,
   * reach the change log (fsync), and the view records the heads it now stands for.
   */
  persist(view: ForumDocument): Promise<boolean> {
    // One at a time: a merge from a peer persists at once, while the view's write may be
    // persisting too; each takes whatever the other left.
    const run = this.#persisting.then(() => this.#persistOnce(view));
    this.#persisting = run.catch(() => undefined);
    return run;
  }

  /** Whether anything reached the disk. */
  async #persistOnce(view: ForumDocument): Promise<boolean> {
    let wrote = false;
    // Edits made while the log is being flushed are taken too, until none is left: the heads
    // the view records are then exactly the state the view's write will hold.
    if (this.#compactDue) {
      await this.files.setAside();
      this.#doc = applyView(this.#doc, view, this.#cache);
      await this.#compact();
      this.#savedHeads = A.getHeads(this.#doc);
      this.#compactDue = false;
      wrote = true;
    }
    for (;;) {
      this.#doc = applyView(this.#doc, view, this.#cache);
      const heads = A.getHeads(this.#doc);
      if (sameHeads(this.#savedHeads, heads)) break;
      await this.files.append(A.saveSince(this.#doc, this.#savedHeads));
      this.#savedHeads = heads;
      wrote = true;
      if (this.files.logBytes > COMPACT_BYTES) await this.#compact();
    }
    (view as { sync?: SyncMark }).sync = { heads: A.getHeads(this.#doc) };
    return wrote;
  }

  /** The view the document stands for, with `local` supplying what never travels. */
  view(local: Partial<ForumDocument>): ForumDocument {
    return viewFromDoc(this.#doc, local);
  }

  /** Marks every record of `view` as already in the document. */
  prime(view: ForumDocument): void {
    this.#cache.prime(view);
  }

  /**
   * The whole document as bytes, for a file sent to a colleague: the compacted save as it is
   * on disk, followed by the changes since (Automerge loads the two as one document). A
   * colleague who has that save already applies only the changes after it.
   */
  save(view: ForumDocument): Uint8Array {
    this.#doc = applyView(this.#doc, view, this.#cache);
    if (!this.#base) return A.save(this.#doc);
    const since = A.saveSince(this.#doc, this.#base.heads);
    const out = new Uint8Array(this.#base.bytes.length + since.length);
    out.set(this.#base.bytes, 0);
    out.set(since, this.#base.bytes.length);
    return out;
  }

  /**
   * Merges a colleague's document into this one and updates the view (in place; the caller
   * saves it). Merging what is already here changes nothing.
   */
  merge(view: ForumDocument, incoming: ForumDoc): MergeSummary {
    this.#doc = applyView(this.#doc, view, this.#cache);
    const changes = A.getChanges(this.#doc, incoming);
    return this.#take(view, (doc, patchCallback) =>
      changes.length ? A.applyChanges(doc, changes, { patchCallback })[0] : doc,
    );
  }

  /**
   * Merges a file's document (a whole save) when this laptop already has the save it starts
   * with: only the changes after it are read, not the whole history. Returns null when the
   * file starts elsewhere; the caller then loads it whole and calls `merge`.
   */
  mergeSave(view: ForumDocument, bytes: Uint8Array): MergeSummary | null {
    const lead = leadingDocument(bytes);
    if (!lead || !hasAll(this.#doc, lead.heads)) return null;
    // Automerge passes over a damaged tail in silence: the heads the bytes name must be here
    // after the merge, else the file is refused and the forum stays as it was.
    const fileHeads = headsOfSaved(bytes, []);
    if (!fileHeads) throw new AppError('share-file-invalid', {});
    this.#doc = applyView(this.#doc, view, this.#cache);
    const rest = bytes.subarray(lead.end);
    return this.#take(view, (doc, patchCallback) => {
      let merged = doc;
      try {
        if (rest.length) merged = A.loadIncremental(doc, rest, { patchCallback });
      } catch {
        throw new AppError('share-file-invalid', {});
      }
      if (!hasAll(merged, fileHeads)) throw new AppError('share-file-invalid', {});
      return merged;
    });
  }

  /**
   * The heads a received save stands at, when this document has them all (once `mergeSave`
   * took it in): the colleague's document is this one as of those heads.
   */
  heldHeadsOf(bytes: Uint8Array): string[] | undefined {
    const heads = headsOfSaved(bytes, []);
    return heads && hasAll(this.#doc, heads) ? heads : undefined;
  }

  /**
   * Applies incoming changes and brings the view along: only the records the changes
   * touched are read from the document (not the whole forum), then each collection is put
   * in the order every laptop uses, so that all members' forums are identical.
   */
  #take(
    view: ForumDocument,
    apply: (doc: ForumDoc, patchCallback: A.PatchCallback<ForumDocShape>) => ForumDoc,
  ): MergeSummary {
    const headsBefore = A.getHeads(this.#doc);
    const touched = new Map<SharedCollection | 'forum' | 'report', Set<string>>();
    let understood = true;
    this.#doc = apply(this.#doc, (patches) => {
      for (const patch of patches) {
        const [top, id] = patch.path;
        if (top === 'forum' || top === 'report') touched.set(top, new Set(['']));
        else if (isCollection(top) && typeof id === 'string') {
          const ids = touched.get(top) ?? new Set<string>();
          ids.add(id);
          touched.set(top, ids);
        } else understood = false;
      }
    });
    const changed = !sameHeads(headsBefore, A.getHeads(this.#doc));
    if (!understood) {
      // Something outside the records changed (a later format?): the whole view, as before.
      const before = structuredClone(view);
      replaceView(view, viewFromDoc(this.#doc, view));
      this.#cache.prime(view);
      return summarise(before, view, changed);
    }
    const summary = emptySummary(changed);
    const target = view as unknown as Record<string, unknown>;
    for (const [collection, ids] of touched) {
      if (collection === 'forum' || collection === 'report') {
        const value = plainOf(this.#doc[collection]);
        target[collection] = value;
        this.#cache.mark(collection, '', value);
        continue;
      }
      const list = target[collection] as Plain[];
      const at = new Map(list.map((record, index) => [String(record.id), index]));
      const removed = new Set<number>();
      for (const id of ids) {
        const source = this.#doc[collection][id];
        const index = at.get(id);
        const old = index === undefined ? undefined : list[index];
        if (source === undefined) {
          if (index !== undefined) removed.add(index);
          this.#cache.mark(collection, id, undefined);
          continue;
        }
        const value = plainOf(source);
        if (index === undefined) list.push(value);
        else list[index] = value;
        this.#cache.mark(collection, id, value);
        note(summary, collection, old, value);
      }
      if (removed.size) target[collection] = list.filter((_, index) => !removed.has(index));
    }
    for (const collection of SHARED_COLLECTIONS) (target[collection] as Plain[]).sort(byCreation);
    (view as { sync?: SyncMark }).sync = { heads: A.getHeads(this.#doc) };
    return summary;
  }

  /**
   * Writes `value` at `path` even when the document already shows it: the delegate chose
   * among values two members set, and a new write is what ends the conflict there.
   */
  settle(view: ForumDocument, path: string[], value: unknown): void {
    this.#doc = applyView(this.#doc, view, this.#cache);
    this.#doc = A.change(this.#doc, (d) => {
      let node = d as unknown as Record<string, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path[path.length - 1] as string] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    });
  }

  /** Scalar conflicts at a path of the document (e.g. `['commitments', id, 'status']`). */
  conflictsAt(path: (string | number)[]): Record<string, unknown> | undefined {
    let node: unknown = this.#doc;
    for (const key of path.slice(0, -1)) {
      node = (node as Record<string | number, unknown> | undefined)?.[key];
      if (node === undefined) return undefined;
    }
    const prop = path[path.length - 1];
    if (prop === undefined) return undefined;
    return A.getConflicts(node as A.Doc<unknown>, prop) as Record<string, unknown> | undefined;
  }
}

/**
 * Whether `doc` has every change named in `heads`. (`A.hasHeads` rebuilds each change it
 * looks up, seconds for the large first change of a shared forum; this asks the index.)
 */
const hasAll = (doc: A.Doc<unknown>, heads: string[]) => A.getMissingDeps(doc, heads).length === 0;

type Plain = Record<string, unknown>;
type ForumDocShape = ForumDoc extends A.Doc<infer T> ? T : never;

const isCollection = (key: unknown): key is SharedCollection =>
  typeof key === 'string' && (SHARED_COLLECTIONS as readonly string[]).includes(key);

/** A record of the document as plain JSON (no Automerge objects). */
const plainOf = (value: unknown): Plain => JSON.parse(JSON.stringify(value)) as Plain;

function emptySummary(changed: boolean): MergeSummary {
  return {
    changed,
    notesAdded: [],
    notesChanged: [],
    clausesChanged: [],
    commitmentsChanged: [],
    sessionsChanged: 0,
  };
}

/** Adds one record that came in to the summary, beside what the view had before. */
function note(summary: MergeSummary, collection: SharedCollection, old: unknown, value: Plain) {
  if (old !== undefined && sameJson(old, value)) return;
  if (collection === 'notes') {
    const record = value as unknown as ForumDocument['notes'][number];
    const entry = { id: record.id, author: record.author, preview: preview(record.body) };
    (old === undefined ? summary.notesAdded : summary.notesChanged).push(entry);
  } else if (collection === 'clauses') {
    const record = value as unknown as ForumDocument['clauses'][number];
    summary.clausesChanged.push({ id: record.id, number: record.number });
  } else if (collection === 'commitments') {
    const record = value as unknown as ForumDocument['commitments'][number];
    summary.commitmentsChanged.push({ id: record.id, statement: preview(record.statement) });
  } else if (collection === 'sessions') summary.sessionsChanged++;
}

/** Puts `next` in place of `view`'s contents, keeping the object others hold. */
export function replaceView(view: ForumDocument, next: ForumDocument): void {
  const target = view as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) Reflect.deleteProperty(target, key);
  Object.assign(target, next);
}

/** A forum received whole: everything in it came in. */
export function summariseNew(view: ForumDocument): MergeSummary {
  const empty = { ...view, sessions: [], notes: [], clauses: [], commitments: [] };
  return summarise(empty, view, true);
}

const preview = (body: { id?: string; en?: string } | undefined) =>
  (body?.id || body?.en || '').slice(0, 80);

function summarise(before: ForumDocument, after: ForumDocument, changed: boolean): MergeSummary {
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const oldNotes = byId(before.notes);
  const summary: MergeSummary = {
    changed,
    notesAdded: [],
    notesChanged: [],
    clausesChanged: [],
    commitmentsChanged: [],
    sessionsChanged: 0,
  };
  for (const note of after.notes) {
    const old = oldNotes.get(note.id);
    const entry = { id: note.id, author: note.author, preview: preview(note.body) };
    if (!old) summary.notesAdded.push(entry);
    else if (differs(old, note)) summary.notesChanged.push(entry);
  }
  const oldClauses = byId(before.clauses);
  for (const clause of after.clauses) {
    if (differs(oldClauses.get(clause.id), clause))
      summary.clausesChanged.push({ id: clause.id, number: clause.number });
  }
  const oldCommitments = byId(before.commitments);
  for (const commitment of after.commitments) {
    if (differs(oldCommitments.get(commitment.id), commitment))
      summary.commitmentsChanged.push({
        id: commitment.id,
        statement: preview(commitment.statement),
      });
  }
  const oldSessions = byId(before.sessions);
  summary.sessionsChanged = after.sessions.filter((s) => differs(oldSessions.get(s.id), s)).length;
  return summary;
}
