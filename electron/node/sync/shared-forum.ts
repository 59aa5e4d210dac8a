import * as A from '@automerge/automerge';
import type { ForumDocument } from '../../common/domain/forum-schema';
import { applyView, docFromView, RecordCache, sameHeads, viewFromDoc } from './forum-automerge';
import type { ForumDoc } from './forum-automerge';
import { COMPACT_BYTES } from './sync-files';
import type { LoadedSync, SyncFiles } from './sync-files';

/** What the view records about its document: the heads it was materialised at. */
export interface SyncMark {
  heads: string[];
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
  readonly #cache = new RecordCache();
  #savedHeads: string[];
  /** Made again from the view: the next persist writes the document whole. */
  #compactDue = false;

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
    await files.compact(A.save(doc));
    const shared = new SharedForum(files, doc, A.getHeads(doc));
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
    await files.compact(A.save(doc));
    return new SharedForum(files, doc, A.getHeads(doc));
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
    const marked = syncMarkOf(view)?.heads;
    if (mode === 'opening') {
      const rebuilt = !sameHeads(marked, heads);
      if (rebuilt) replaceView(view, viewFromDoc(doc, view));
      shared.#cache.prime(view);
      return { shared, rebuilt, damaged };
    }
    const asMarked = marked !== undefined && sameHeads(marked, heads);
    // What the view held when it was opened: the document at the heads the view records.
    const base = asMarked || !marked || !A.hasHeads(doc, marked) ? doc : A.view(doc, marked);
    shared.#cache.primeAligned(viewFromDoc(base, view), view);
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
   * Called by the save, before the view is written: the view's edits go into the document,
   * reach the change log (fsync), and the view records the heads it now stands for.
   */
  async persist(view: ForumDocument): Promise<void> {
    // Edits made while the log is being flushed are taken too, until none is left: the heads
    // the view records are then exactly the state the view's write will hold.
    if (this.#compactDue) {
      await this.files.setAside();
      this.#doc = applyView(this.#doc, view, this.#cache);
      await this.files.compact(A.save(this.#doc));
      this.#savedHeads = A.getHeads(this.#doc);
      this.#compactDue = false;
    }
    for (;;) {
      this.#doc = applyView(this.#doc, view, this.#cache);
      const heads = A.getHeads(this.#doc);
      if (sameHeads(this.#savedHeads, heads)) break;
      await this.files.append(A.saveSince(this.#doc, this.#savedHeads));
      this.#savedHeads = heads;
      if (this.files.logBytes > COMPACT_BYTES) await this.files.compact(A.save(this.#doc));
    }
    (view as { sync?: SyncMark }).sync = { heads: A.getHeads(this.#doc) };
  }

  /** The view the document stands for, with `local` supplying what never travels. */
  view(local: Partial<ForumDocument>): ForumDocument {
    return viewFromDoc(this.#doc, local);
  }

  /** Marks every record of `view` as already in the document. */
  prime(view: ForumDocument): void {
    this.#cache.prime(view);
  }

  /** The whole document as bytes, for a file sent to a colleague. */
  save(view: ForumDocument): Uint8Array {
    this.#doc = applyView(this.#doc, view, this.#cache);
    return A.save(this.#doc);
  }

  /**
   * Merges a colleague's document into this one and rebuilds the view from the result (in
   * place; the caller saves it). Merging what is already here changes nothing.
   */
  merge(view: ForumDocument, incoming: ForumDoc): MergeSummary {
    this.#doc = applyView(this.#doc, view, this.#cache);
    const before = viewFromDoc(this.#doc, view);
    const merged = A.merge(A.clone(this.#doc), incoming);
    const changed = !sameHeads(A.getHeads(this.#doc), A.getHeads(merged));
    this.#doc = merged;
    const after = viewFromDoc(merged, view);
    replaceView(view, after);
    this.#cache.prime(view);
    return summarise(before, after, changed);
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
