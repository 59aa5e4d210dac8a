import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecoveryNotice, SaveStatus } from '../../common/api/types';
import { AppError } from '../../common/errors';
import {
  FORUM_SCHEMA_VERSION,
  forumDocumentSchema,
  forumInputSchema,
} from '../../common/domain/forum-schema';
import type { Forum, ForumDocument, ForumInput } from '../../common/domain/forum-schema';
import { workspaceDocumentSchema } from '../../common/domain/workspace-schema';
import type {
  ForumIndexEntry,
  Settings,
  WorkspaceDocument,
} from '../../common/domain/workspace-schema';
import { Backups } from './backups';
import type { BackupEntry } from './backups';
import { isEncrypted } from './crypto';
import type { DocumentSealer } from './crypto';
import { encodeDocument } from './document-codec';
import { DocumentFile } from './document-file';
import { loadDocument, readDocumentText } from './document-loader';
import { readRemembered, rememberCounters } from './rollback';
import { DurableTextFile, nodeFs, sweepTempFiles } from './durable-file';
import type { DurableFs } from './durable-file';
import { workspaceSealer } from './encryption';
import type { Unlock } from './encryption';
import { latestEditNumber, StoreDocument } from './store-document';
import type { DocumentSaveStatus } from './store-document';
import { applyUnsaved, writeUnsaved } from './unsaved-recovery';
import { WorkspaceLock } from './workspace-lock';
import type { MergeSummary, SharedForum, SyncMark } from '../sync/shared-forum';
import type * as SharedForumModule from '../sync/shared-forum';
import { COMPACT_BYTES, SyncFiles } from '../sync/sync-files';
import { DocumentWorker, DocumentWorkerGone } from '../sync/document-worker';
import type { FieldConflict } from '../../common/domain/notebook-views';
import type { RecordCache } from '../sync/forum-automerge';
import type { LoadedSync } from '../sync/sync-files';
import type { ForumDoc } from '../sync/forum-automerge';

export const WORKSPACE_FILE = 'workspace.json';
export const FORUMS_DIR = 'forums';

export const forumKey = (id: string) => `forum-${id}`;
const forumFile = (dir: string, id: string) => join(dir, FORUMS_DIR, `${id}.json`);

export interface OpenWorkspaceOptions {
  /** Who holds the lock, shown to a second process that is refused. */
  holder: string;
  debounceMs?: number;
  /** The longest an edit waits for its write however steady the edits after it (1 s). */
  maxWaitMs?: number;
  /** First pause before a failed write is retried (it doubles, up to 5 s). */
  retryMs?: number;
  fs?: DurableFs;
  onSaveStatus?: (status: SaveStatus) => void;
  /** Needed when the workspace is encrypted; without it `open` says `passphrase-required`. */
  unlock?: Unlock;
  /**
   * How long the saves of a shared forum whose document is not loaded yet must pause before
   * the document is loaded in the background (2 s): the load holds this process for seconds,
   * so it waits for a pause in the typing instead of freezing it.
   */
  catchUpIdleMs?: number;
  /**
   * The thread that loads and holds shared forums' documents while they are only typed into
   * (see `DocumentWorker`); by default the built one beside the bundle, none (null) in plain
   * Node from source, where documents load on this thread.
   */
  documentWorker?: DocumentWorker | null;
}

const now = () => new Date().toISOString();

/** A shared forum changed on this laptop: saved, started travelling, or removed for good. */
export interface SharedChange {
  forumId: string;
  kind: 'saved' | 'shared' | 'removed';
}

/**
 * Automerge (WebAssembly) is loaded only when a workspace has a shared forum or shares one:
 * every other start, and every CLI command, stays as quick as before.
 */
type SyncModule = typeof SharedForumModule;
let syncModule: SyncModule | undefined;
const sync = async () => (syncModule ??= await import('../sync/shared-forum'));
const syncMarkOf = (view: ForumDocument) => (view as { sync?: SyncMark }).sync;
const sortedHeads = (heads: readonly string[] | undefined) =>
  heads ? [...heads].sort().join() : '';

/**
 * A shared forum on this laptop. Its Automerge document is loaded on first use (an edit's
 * save, a merge, a send): when the saved bytes say the document stands at the heads the view
 * records, the view is all that opening needs, and loading a forum's whole history (seconds
 * for thousands of notes) would only delay it. Until then `loaded` keeps what was read.
 */
interface SharedEntry {
  files: SyncFiles;
  forum: SharedForum | null;
  loaded: LoadedSync | null;
  /** The document's load, started after a save that found it unloaded (see `#persistShared`). */
  catchUp?: Promise<void>;
  /** Starts that load once the saves pause. */
  idle?: ReturnType<typeof setTimeout>;
  /** The document is held by the worker thread (and `forum` is null). */
  remote?: RemoteForum;
  /** Its load on the worker, under way. */
  remoteLoad?: Promise<boolean>;
  /** Saves through the worker, one after the other. */
  remoteQueue?: Promise<unknown>;
  /** The document coming back to this thread: saves wait for it. */
  takingBack?: Promise<SharedForum | undefined>;
}

/** A shared forum whose document the worker thread holds. */
interface RemoteForum {
  worker: DocumentWorker;
  /** Each record as the worker's document holds it: a save sends only what differs. */
  cache: RecordCache;
  /** The heads the change log on disk stands at. */
  savedHeads: string[];
  /** The worker's document's heads (ahead of `savedHeads` after a failed append). */
  docHeads: string[];
}

/** See `Workspace.sealedFile`: plain bytes in and out, sealed on the disk when encrypted. */
export interface SealedFile {
  read: () => Promise<Buffer | null>;
  write: (plain: Uint8Array) => Promise<void>;
}

/**
 * A workspace folder, opened by one process at a time: `workspace.json` (profile, settings,
 * forum index, contacts) and one document per forum in `forums/`, so that a save costs what
 * one forum costs. Edits change memory at once and reach the disk shortly after.
 */
export class Workspace {
  readonly dir: string;
  readonly backups: Backups;
  readonly notices: RecoveryNotice[];
  readonly #lock: WorkspaceLock;
  readonly #options: OpenWorkspaceOptions;
  readonly #sealer: DocumentSealer;
  /** Write counters at the last close, to tell a rolled-back encrypted document. */
  #remembered = new Map<string, number>();
  readonly #root: StoreDocument<WorkspaceDocument>;
  readonly #forums = new Map<string, StoreDocument<ForumDocument>>();
  /** Forums shared with the delegation: their Automerge documents, kept beside the views. */
  readonly #shared = new Map<string, SharedEntry>();
  /** Told when a shared forum's document changed here, or a forum started or stopped travelling. */
  readonly #sharedListeners = new Set<(change: SharedChange) => void>();
  /** `close` has begun: no document is loaded in the background any more. */
  #closing = false;
  /** See `documentWorker`; undefined until first needed. */
  #worker: DocumentWorker | null | undefined;
  #status: SaveStatus = {
    state: 'idle',
    savedAt: null,
    error: null,
    savedThrough: latestEditNumber(),
    pending: [],
  };

  private constructor(
    dir: string,
    lock: WorkspaceLock,
    backups: Backups,
    options: OpenWorkspaceOptions,
    sealer: DocumentSealer,
    root: Awaited<ReturnType<typeof loadDocument<typeof workspaceDocumentSchema>>>,
    unsaved: RecoveryNotice[],
  ) {
    this.dir = dir;
    this.#lock = lock;
    this.backups = backups;
    this.#options = options;
    this.#sealer = sealer;
    this.notices = [...unsaved, ...(root.notice ? [root.notice] : [])];
    this.#root = this.#document(join(dir, WORKSPACE_FILE), 'workspace', root.data);
    if (root.dirty) this.#root.update(() => undefined);
  }

  static async open(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
    await mkdir(join(dir, FORUMS_DIR), { recursive: true, mode: 0o700 });
    const lock = await WorkspaceLock.acquire(dir, options.holder);
    try {
      const fs = options.fs ?? nodeFs;
      const backups = new Backups(dir, fs);
      // Holding the lock, any temp file left here belongs to a writer that died mid-save.
      for (const folder of [dir, join(dir, FORUMS_DIR), ...(await backupFolders(backups))]) {
        await sweepTempFiles(folder);
      }
      // Edits a stop could not save were kept aside: they go back before anything is read.
      const unsaved = await applyUnsaved(dir, backups, fs);
      const sealer = await workspaceSealer(dir, options.unlock, fs);
      const remembered = await readRemembered(dir, sealer, fs);
      const root = await loadDocument({
        workspaceDir: dir,
        path: join(dir, WORKSPACE_FILE),
        kind: 'workspace',
        key: 'workspace',
        schema: workspaceDocumentSchema,
        backups,
        create: () => ({}),
        fs,
        sealer,
        remembered: remembered.get('workspace'),
      });
      const workspace = new Workspace(dir, lock, backups, options, sealer, root, unsaved);
      workspace.#remembered = remembered;
      await workspace.#loadForums();
      return workspace;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  async #loadForums(): Promise<void> {
    const entries = this.#root.data.forums;
    const loaded = await Promise.all(
      entries.map((entry) =>
        loadDocument({
          workspaceDir: this.dir,
          path: forumFile(this.dir, entry.id),
          kind: 'forum',
          key: forumKey(entry.id),
          schema: forumDocumentSchema,
          backups: this.backups,
          create: () => ({ forum: forumFromIndex(entry) }),
          fs: this.#options.fs,
          sealer: this.#sealer,
          expected: true,
          remembered: this.#remembered.get(forumKey(entry.id)),
        }),
      ),
    );
    for (const [index, result] of loaded.entries()) {
      const entry = entries[index] as ForumIndexEntry;
      if (result.notice) this.notices.push(result.notice);
      const rebuilt = await this.#openShared(entry.id, result.data);
      const doc = this.#forumDocument(entry.id, result.data);
      if (result.dirty || rebuilt) doc.update(() => undefined);
    }
  }

  /**
   * Opens the Automerge document of a shared forum. A view that does not match it (the change
   * log reached the disk, the view did not) is rebuilt from it; a document that cannot be
   * read is set aside and made again from the view, and the user is told. Returns whether
   * the view must be written.
   */
  async #openShared(id: string, view: ForumDocument): Promise<boolean> {
    const files = new SyncFiles(this.dir, id, this.#sealer, this.#options.fs);
    if (!syncMarkOf(view) && !(await files.exists())) return false;
    const loaded = await files.load();
    if (
      loaded.damaged.length === 0 &&
      loaded.heads !== null &&
      sortedHeads(loaded.heads) === sortedHeads(syncMarkOf(view)?.heads)
    ) {
      this.#shared.set(id, { files, forum: null, loaded });
      return false;
    }
    // A view saved with edits its document never took (`pending`) keeps them: they are found
    // against the document as of the heads the view records, not replaced by it.
    const { shared, rebuilt, damaged } = (await sync()).SharedForum.fromLoaded(
      files,
      loaded,
      view,
      syncMarkOf(view)?.pending ? 'resuming' : 'opening',
    );
    this.#sharedNotices(id, damaged);
    if (shared) {
      this.#shared.set(id, { files, forum: shared, loaded: null });
      return rebuilt;
    }
    // Nothing readable: the view holds every note; share it again from there, keeping what
    // Automerge refused aside.
    if (loaded.snapshot) await files.setAside();
    const created = await (await sync()).SharedForum.create(files, view);
    this.#shared.set(id, { files, forum: created, loaded: null });
    return true;
  }

  #sharedNotices(id: string, damaged: string[]): void {
    for (const detail of damaged) {
      this.notices.push({
        file: join(FORUMS_DIR, `${id}.automerge`),
        problem: 'checksum',
        detail,
        movedTo: null,
        restoredFrom: null,
        restoredFromDate: null,
        at: now(),
      });
    }
  }

  /**
   * The shared forum with its document loaded (on first use after opening). The view may
   * have been edited since it was opened: those edits are found and go into the document at
   * the next save. Should the document not stand where its bytes said, the view is rebuilt
   * from it (with those edits) and the user is told.
   */
  async #sharedForum(id: string): Promise<SharedForum | undefined> {
    const entry = this.#shared.get(id);
    if (!entry) return undefined;
    if (entry.forum) return entry.forum;
    if (entry.remote || entry.remoteLoad || entry.takingBack) return this.#takeBack(id, entry);
    const module = await sync();
    if (entry.forum) return entry.forum;
    if (entry.remote || entry.remoteLoad || entry.takingBack) return this.#takeBack(id, entry);
    // A worker that died left nothing read: read the disk again.
    entry.loaded ??= await entry.files.load();
    if (entry.forum) return entry.forum;
    return this.#resume(id, entry, module);
  }

  /** The thread that holds documents while they are typed into; null: this thread. */
  #documentWorker(): DocumentWorker | null {
    if (this.#worker === undefined) {
      this.#worker =
        this.#options.documentWorker !== undefined
          ? this.#options.documentWorker
          : DocumentWorker.beside();
      if (this.#worker) this.#worker.onGone = () => this.#workerGone();
    }
    return this.#worker;
  }

  /**
   * Loads a shared forum's document on the worker thread (this thread stays free meanwhile).
   * False when it cannot be done there (no worker; damaged or unexpected bytes; it died):
   * the caller loads it here, the careful way.
   */
  #loadRemote(id: string, entry: SharedEntry): Promise<boolean> {
    if (entry.remote) return Promise.resolve(true);
    const worker = this.#documentWorker();
    if (!worker || entry.forum || entry.takingBack || this.#closing) return Promise.resolve(false);
    entry.remoteLoad ??= (async () => {
      const module = await sync();
      const loaded = entry.loaded ?? (await entry.files.load());
      if (entry.forum || this.#closing) return false;
      entry.loaded = loaded;
      const marked = syncMarkOf(this.forum(id) as ForumDocument)?.heads;
      if (
        loaded.damaged.length ||
        !marked ||
        loaded.heads === null ||
        sortedHeads(loaded.heads) !== sortedHeads(marked)
      )
        return false;
      const answer = await worker.request({
        op: 'open',
        forumId: id,
        snapshot: loaded.snapshot,
        changes: loaded.changes,
        marked,
      });
      if (
        answer.mismatch ||
        answer.base === undefined ||
        entry.forum ||
        this.#shared.get(id) !== entry
      ) {
        void worker.request({ op: 'drop', forumId: id }).catch(() => undefined);
        return false;
      }
      // What the document holds, record by record: the view's edits since are found against it.
      const cache = new module.RecordCache();
      cache.primeOwned(JSON.parse(answer.base) as ForumDocument);
      entry.remote = { worker, cache, savedHeads: marked, docHeads: marked };
      entry.loaded = null;
      // A view saved with edits the document lacks: they reach the change log now.
      if (syncMarkOf(this.forum(id) as ForumDocument)?.pending)
        this.#forums.get(id)?.update(() => undefined);
      return true;
    })()
      .catch(() => false)
      .finally(() => {
        entry.remoteLoad = undefined;
      });
    return entry.remoteLoad;
  }

  /**
   * Brings a document the worker holds back to this thread (a merge, a send, the LAN need
   * it here): once the saves under way are in the change log, it is loaded from the disk,
   * which holds every change the worker made, with the record cache kept here. Saves wait.
   */
  #takeBack(id: string, entry: SharedEntry): Promise<SharedForum | undefined> {
    entry.takingBack ??= (async () => {
      await entry.remoteLoad;
      await entry.remoteQueue;
      const module = await sync();
      const remote = entry.remote;
      if (entry.forum) return entry.forum;
      const loaded = await entry.files.load();
      if (entry.forum) return entry.forum;
      if (remote && entry.remote === remote) {
        entry.remote = undefined;
        void remote.worker.request({ op: 'drop', forumId: id }).catch(() => undefined);
        const shared = module.SharedForum.withCache(
          entry.files,
          loaded,
          remote.cache,
          remote.savedHeads,
        );
        if (shared) {
          entry.forum = shared;
          return shared;
        }
      }
      entry.loaded = loaded;
      return this.#resume(id, entry, module);
    })().finally(() => {
      entry.takingBack = undefined;
    });
    return entry.takingBack;
  }

  /**
   * The worker thread ended (a crash, or it was killed) with the documents it held: their
   * views keep every edit, marked pending at the heads the change log stands at, and the
   * documents are loaded again from the disk once the saves pause.
   */
  #workerGone(): void {
    for (const [id, entry] of this.#shared) {
      const remote = entry.remote;
      if (!remote) continue;
      this.#lostRemote(id, entry, remote);
    }
  }

  #lostRemote(id: string, entry: SharedEntry, remote: RemoteForum): void {
    if (entry.remote !== remote) return;
    entry.remote = undefined;
    entry.loaded = null;
    const view = this.forum(id) as ForumDocument;
    (view as { sync?: SyncMark }).sync = { heads: remote.savedHeads, pending: true };
    if (!this.#closing) this.#forums.get(id)?.update(() => undefined);
  }

  /**
   * A save of a forum whose document the worker holds: the records changed since the last
   * save go there, and the changes it made are appended to the change log here (fsync)
   * before the view is written, which then records the heads it stands for.
   */
  #persistRemote(id: string, entry: SharedEntry, view: ForumDocument): Promise<boolean> {
    const run = (entry.remoteQueue ?? Promise.resolve()).then(() =>
      this.#persistRemoteOnce(id, entry, view),
    );
    entry.remoteQueue = run.catch(() => undefined);
    return run;
  }

  async #persistRemoteOnce(id: string, entry: SharedEntry, view: ForumDocument): Promise<boolean> {
    const remote = entry.remote;
    if (!remote) {
      // Taken back, or the worker died, since this save was queued.
      if (entry.forum) return entry.forum.persist(view);
      this.#markPending(id, entry, view);
      return false;
    }
    let wrote = false;
    let asked = false;
    try {
      for (;;) {
        const changes = remote.cache.changes(view);
        const none = changes.changed.length === 0 && changes.removed.length === 0;
        if (none && sortedHeads(remote.docHeads) === sortedHeads(remote.savedHeads)) break;
        asked = true;
        const answer = await remote.worker.request({
          op: 'apply',
          forumId: id,
          changes,
          since: remote.savedHeads,
        });
        asked = false;
        remote.docHeads = answer.heads ?? remote.docHeads;
        // The disk may refuse here: the worker's document is then ahead of the log, and the
        // retry appends what it made since `savedHeads`.
        if (answer.bytes?.length) await entry.files.append(answer.bytes);
        remote.savedHeads = remote.docHeads;
        wrote = true;
        if (entry.files.logBytes > COMPACT_BYTES) {
          asked = true;
          const whole = await remote.worker.request({ op: 'save', forumId: id });
          asked = false;
          if (whole.bytes) await entry.files.compact(whole.bytes);
        }
      }
    } catch (error) {
      if (!asked && !(error instanceof DocumentWorkerGone)) throw error;
      // The worker died or failed, maybe with records it took but never returned: the view
      // keeps every edit, pending against the heads the log stands at, and the document is
      // loaded again from the disk.
      void remote.worker.request({ op: 'drop', forumId: id }).catch(() => undefined);
      this.#lostRemote(id, entry, remote);
      this.#markPending(id, entry, view);
      return false;
    }
    (view as { sync?: SyncMark }).sync = { heads: remote.savedHeads };
    return wrote;
  }

  /** The view is written with edits its document lacks; it is loaded once the saves pause. */
  #markPending(id: string, entry: SharedEntry, view: ForumDocument): void {
    const mark = syncMarkOf(view);
    if (mark) (view as { sync?: SyncMark }).sync = { heads: mark.heads, pending: true };
    this.#catchUpLater(id, entry);
  }

  #resume(id: string, entry: SharedEntry, module: SyncModule): SharedForum {
    const view = this.forum(id) as ForumDocument;
    const loaded = entry.loaded as LoadedSync;
    // Not edited since opening, nor saved with edits the document lacks: the view is still
    // the one the document stands for, and the cheaper path serves.
    const edited =
      (this.#forums.get(id)?.status.edit ?? 0) > 0 || syncMarkOf(view)?.pending === true;
    const { shared, rebuilt, damaged } = module.SharedForum.fromLoaded(
      entry.files,
      loaded,
      view,
      edited ? 'resuming' : 'opening',
    );
    this.#sharedNotices(id, damaged);
    entry.loaded = null;
    // Unreadable after all (its bytes passed their checksums, so this is rare): the view,
    // with every note, makes the document again; the next save writes it whole.
    entry.forum = shared ?? module.SharedForum.fromView(entry.files, view);
    // A pending view's edits reach the change log (and the peers) with the save that follows.
    if (rebuilt || !shared || syncMarkOf(view)?.pending)
      this.#forums.get(id)?.update(() => undefined);
    return entry.forum;
  }

  #forumDocument(id: string, data: ForumDocument): StoreDocument<ForumDocument> {
    const doc = this.#document(forumFile(this.dir, id), forumKey(id), data, (view) =>
      this.#persistShared(id, view),
    );
    this.#forums.set(id, doc);
    return doc;
  }

  async #persistShared(id: string, view: ForumDocument): Promise<void> {
    const entry = this.#shared.get(id);
    if (!entry) return;
    if (entry.takingBack) await entry.takingBack.catch(() => undefined);
    if (!entry.forum && entry.remote) {
      if (await this.#persistRemote(id, entry, view))
        this.#tellShared({ forumId: id, kind: 'saved' });
      return;
    }
    const mark = syncMarkOf(view);
    if (!entry.forum && mark) {
      // The document is not loaded yet (seconds for a forum of thousands of notes, all on this
      // event loop): the edit is not held back for it. The view is written now, marked as
      // holding edits its document lacks, so that a crash before the document takes them
      // loses nothing (the next load finds them against the heads the view records); the
      // document is loaded once the saves pause, and the save that follows writes them into it.
      (view as { sync?: SyncMark }).sync = { heads: mark.heads, pending: true };
      this.#catchUpLater(id, entry);
      return;
    }
    const shared = await this.#sharedForum(id);
    if (!shared) return;
    // The change log is on disk: the edit may leave this laptop now (a save that found
    // nothing new, its changes appended by a merge's own persist, has nothing to send).
    if (await shared.persist(view)) {
      this.#tellShared({ forumId: id, kind: 'saved' });
      // automerge-repo sends the peers' sync message from a timer: it goes out first, before
      // this thread serialises the view (megabytes for thousands of notes, tens of ms).
      if (this.#sharedListeners.size) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Loads a shared forum's document once its saves pause (each pending save starts the wait
   * again), then saves the view again so that its pending edits reach the change log (and
   * the peers). A close meanwhile cancels the wait or waits for the load; a failure leaves
   * the view pending, to be taken at the next load. The wait does not keep a process alive:
   * a command that ends first leaves the view pending, which loses nothing.
   */
  #catchUpLater(id: string, entry: SharedEntry): void {
    if (entry.catchUp) return;
    clearTimeout(entry.idle);
    entry.idle = setTimeout(() => {
      entry.idle = undefined;
      this.#catchUp(id, entry);
    }, this.#options.catchUpIdleMs ?? 2000);
    entry.idle.unref?.();
  }

  #catchUp(id: string, entry: SharedEntry): void {
    const doc = this.#forums.get(id);
    entry.catchUp = (async () => {
      // A save under way finishes first.
      await doc?.flush().catch(() => undefined);
      if (this.#closing || this.#shared.get(id) !== entry) return;
      // On the worker thread when there is one: this thread goes on answering meanwhile.
      if (!(await this.#loadRemote(id, entry))) await this.#sharedForum(id);
      doc?.update(() => undefined);
    })()
      .catch(() => undefined)
      .finally(() => {
        entry.catchUp = undefined;
      });
  }

  /**
   * Listens for shared forums changing here (the LAN bridge passes each on to the peers);
   * returns the function that stops listening.
   */
  onSharedChange(listener: (change: SharedChange) => void): () => void {
    this.#sharedListeners.add(listener);
    return () => this.#sharedListeners.delete(listener);
  }

  #tellShared(change: SharedChange): void {
    for (const listener of this.#sharedListeners) {
      // A listener (the network) never fails a save: the edit is on disk either way.
      try {
        listener(change);
      } catch {
        // ignored on purpose
      }
    }
  }

  #document<T>(
    path: string,
    key: string,
    data: T,
    beforeWrite?: (data: T) => Promise<void>,
  ): StoreDocument<T> {
    const adapter = new DocumentFile<T>(path, key, this.backups, this.#options.fs, this.#sealer);
    adapter.beforeWrite = beforeWrite;
    return new StoreDocument(adapter, data, {
      debounceMs: this.#options.debounceMs ?? 300,
      maxWaitMs: this.#options.maxWaitMs ?? 1000,
      retryMs: this.#options.retryMs ?? 250,
      onStatus: () => this.#refreshStatus(),
    });
  }

  #documents(): StoreDocument<unknown>[] {
    return [this.#root, ...this.#forums.values()] as StoreDocument<unknown>[];
  }

  /** The save state of one document (`workspace` or `forum-<id>`), or null if unknown. */
  documentStatus(key: string): DocumentSaveStatus | null {
    return this.#documents().find((doc) => doc.key === key)?.status ?? null;
  }

  /**
   * One status for the whole workspace: failed beats saving beats saved; `savedThrough`
   * is the newest edit number up to which every edit of every document is on disk.
   */
  #refreshStatus(): void {
    const documents = this.#documents();
    const statuses = documents.map((doc) => doc.status);
    const failed = statuses.find((s) => s.state === 'failed');
    const pending = documents.filter((doc) => doc.pending);
    const savedThrough = pending.length
      ? Math.min(...pending.map((doc) => doc.status.firstUnsaved ?? Infinity)) - 1
      : latestEditNumber();
    const savedAt = statuses.reduce<string | null>(
      (latest, s) => (s.savedAt && (!latest || s.savedAt > latest) ? s.savedAt : latest),
      null,
    );
    const state = failed
      ? 'failed'
      : pending.length || statuses.some((s) => s.state === 'saving')
        ? 'saving'
        : statuses.some((s) => s.state === 'saved')
          ? 'saved'
          : 'idle';
    const next: SaveStatus = {
      state,
      savedAt,
      error: failed?.error ?? null,
      savedThrough,
      pending: pending.map((doc) => doc.key),
    };
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return;
    this.#status = next;
    this.#options.onSaveStatus?.(next);
  }

  /** Whether documents and backups are stored encrypted. */
  get encrypted(): boolean {
    return this.#sealer.encrypted;
  }

  /**
   * A small file of the workspace's own beside its documents (the LAN pairings): written
   * durably, and sealed under the key when the workspace is encrypted, as every document is.
   * A file still plain in an encrypted workspace (written before it was sealed) is sealed
   * the first time it is read. `name` is bound into the seal, as a document's is.
   */
  sealedFile(relative: string, name: string): SealedFile {
    const file = new DurableTextFile(join(this.dir, relative), this.#options.fs);
    const sealer = this.#sealer;
    return {
      read: async () => {
        const bytes = await file.read();
        if (!bytes) return null;
        if (!sealer.encrypted || isEncrypted(bytes)) return sealer.open(bytes, name);
        await file.write(sealer.seal(bytes, name));
        return bytes;
      },
      write: async (plain) => {
        await mkdir(dirname(file.path), { recursive: true, mode: 0o700 });
        await file.write(sealer.seal(plain, name));
      },
    };
  }

  /** A document as stored: checksummed, and sealed under the key when encrypted. */
  #stored(key: string, data: unknown): Buffer {
    return this.#sealer.seal(encodeDocument(data), key);
  }

  get saveStatus(): SaveStatus {
    // Before any write: the documents' own times on disk, read when they were opened.
    if (this.#status.savedAt === null) this.#refreshStatus();
    return this.#status;
  }

  /** The workspace document as it is in memory; change it only through `update`. */
  get data(): Readonly<WorkspaceDocument> {
    return this.#root.data;
  }

  update<R>(mutate: (doc: WorkspaceDocument) => R): R {
    return this.#root.update(mutate);
  }

  get settings(): Settings {
    return structuredClone(this.#root.data.settings);
  }

  updateSettings(patch: Partial<Settings>): Settings {
    return this.#root.update((data) => {
      data.settings = { ...data.settings, ...patch };
      return structuredClone(data.settings);
    });
  }

  forumIds(): string[] {
    return [...this.#forums.keys()];
  }

  forum(id: string): Readonly<ForumDocument> {
    const doc = this.#forums.get(id);
    if (!doc) throw new AppError('not-found', { id });
    return doc.data;
  }

  updateForum<R>(id: string, mutate: (doc: ForumDocument) => R): R {
    const doc = this.#forums.get(id);
    if (!doc) throw new AppError('not-found', { id });
    const result = doc.update(mutate);
    // The index copies a few fields of the forum; rewrite workspace.json only when one of
    // them changed, so a note edit costs one forum document, not two.
    const entry = indexFromForum(doc.data.forum);
    const index = this.#root.data.forums.findIndex((e) => e.id === id);
    if (index >= 0 && !sameJson(this.#root.data.forums[index], entry)) {
      this.#root.update((data) => {
        data.forums[index] = entry;
      });
    }
    return result;
  }

  createForum(input: ForumInput): Forum {
    const at = now();
    const forum = {
      ...forumInputSchema.parse(input),
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    const { data } = readDocumentText(JSON.stringify({ forum }), 'forum', forumDocumentSchema);
    const doc = this.#forumDocument(forum.id, data);
    doc.update(() => undefined);
    this.#root.update((root) => root.forums.push(indexFromForum(data.forum)));
    return structuredClone(data.forum);
  }

  /**
   * Removes a forum for good (emptied from the trash): the index forgets it first, on disk,
   * then its document goes, so a crash between the two leaves an unlisted file, never a
   * listed forum without one. Its backups stay until pruned, restorable from Settings.
   */
  async removeForum(id: string): Promise<void> {
    const doc = this.#forums.get(id);
    if (!doc) throw new AppError('not-found', { id });
    await doc.flush();
    this.#forums.delete(id);
    this.#root.update((data) => {
      data.forums = data.forums.filter((f) => f.id !== id);
    });
    await this.#root.flush();
    await rm(forumFile(this.dir, id), { force: true });
    const shared = this.#shared.get(id);
    this.#shared.delete(id);
    if (shared?.remote)
      void shared.remote.worker.request({ op: 'drop', forumId: id }).catch(() => undefined);
    if (shared) {
      this.#tellShared({ forumId: id, kind: 'removed' });
      await rm(shared.files.snapshotPath, { force: true });
      await rm(shared.files.logPath, { force: true });
    }
  }

  /** Whether the forum is shared with the delegation (has an Automerge document). */
  isShared(id: string): boolean {
    return this.#shared.has(id);
  }

  /** Ids of the forums shared with the delegation. */
  sharedForumIds(): string[] {
    return [...this.#shared.keys()];
  }

  /**
   * Starts sharing a forum: its Automerge document is made from the view and written whole
   * before this returns; the view then records the document's heads at its next save.
   */
  async shareForum(id: string): Promise<void> {
    const doc = this.#forums.get(id);
    if (!doc) throw new AppError('not-found', { id });
    if (this.#shared.has(id)) {
      await this.#sharedForum(id);
      return;
    }
    const files = new SyncFiles(this.dir, id, this.#sealer, this.#options.fs);
    const forum = await (await sync()).SharedForum.create(files, doc.data);
    this.#shared.set(id, { files, forum, loaded: null });
    doc.update(() => undefined);
    await doc.flush();
    this.#tellShared({ forumId: id, kind: 'shared' });
  }

  /**
   * Loads the document of a shared forum if it is not yet (it is loaded on first use after
   * opening); `sharedDoc` and `sharedSave` need it. Resolves to undefined for a private forum.
   */
  async loadShared(id: string): Promise<ForumDoc | undefined> {
    return (await this.#sharedForum(id))?.doc;
  }

  /**
   * Waits until a shared forum's document is loaded, on the worker thread when there is one
   * (this thread stays free), else here. False for a private forum.
   */
  async sharedReady(id: string): Promise<boolean> {
    const entry = this.#shared.get(id);
    if (!entry) return false;
    if (entry.forum || (await this.#loadRemote(id, entry))) return true;
    return (await this.#sharedForum(id)) !== undefined;
  }

  /**
   * The fields two members set differently in a shared forum (null for a private one). Read
   * on the worker thread when it holds the document, loading it there first if needed.
   */
  async sharedConflicts(id: string): Promise<FieldConflict[] | null> {
    const entry = this.#shared.get(id);
    if (!entry) return null;
    if (!entry.forum && (await this.#loadRemote(id, entry))) {
      const remote = entry.remote;
      const answer = await remote?.worker
        .request({ op: 'conflicts', forumId: id })
        .catch(() => undefined);
      if (answer?.conflicts) return answer.conflicts;
    }
    const doc = await this.loadShared(id);
    if (!doc) return null;
    const { fieldConflicts } = await import('../sync/field-conflicts');
    return fieldConflicts(doc);
  }

  /** The shared forum with its document loaded, for the synchronous accessors below. */
  #loadedShared(id: string): SharedForum | undefined {
    const entry = this.#shared.get(id);
    if (!entry) return undefined;
    if (entry.forum) return entry.forum;
    if (entry.remote || entry.remoteLoad || entry.takingBack || !entry.loaded)
      throw new Error(`the shared forum ${id} is not loaded here yet: await loadShared`);
    // Automerge is loaded once per process; before that, `loadShared` must be awaited first.
    if (!syncModule) throw new Error(`the shared forum ${id} is not loaded yet: await loadShared`);
    return this.#resume(id, entry, syncModule);
  }

  /** The whole shared document of a forum, with this laptop's newest edits in it. */
  sharedSave(id: string): Uint8Array {
    const shared = this.#loadedShared(id);
    if (!shared) throw new AppError('not-shared', { id });
    return shared.save(this.forum(id) as ForumDocument);
  }

  /** Ends a conflict in a shared forum's document by writing the chosen value at `path`. */
  settleShared(id: string, path: string[], value: unknown): void {
    const shared = this.#loadedShared(id);
    if (!shared) return;
    this.updateForum(id, (view) => shared.settle(view, path, value));
  }

  /** The Automerge document of a shared forum, as it is now. */
  sharedDoc(id: string): ForumDoc | undefined {
    return this.#loadedShared(id)?.doc;
  }

  /**
   * Merges a colleague's copy of a forum. A forum this workspace has but does not share yet
   * is shared first (its notes become part of the merge); an unknown forum is added. The
   * result is written before this returns.
   */
  async mergeShared(incoming: ForumDoc, forumId: string): Promise<MergeSummary> {
    if (!this.#forums.has(forumId)) return this.#adoptShared(incoming, forumId);
    await this.shareForum(forumId);
    const shared = (await this.#sharedForum(forumId)) as SharedForum;
    const { keepEditedTrashed, notesBefore } = await import('../sync/trash-conflicts');
    const summary = this.updateForum(forumId, (view) => {
      const before = notesBefore(view, shared.doc);
      const merged = shared.merge(view, incoming);
      keepEditedTrashed(before, incoming, view, new Date().toISOString(), shared.doc);
      return merged;
    });
    // The merged changes reach the change log at once, without waiting behind a write of
    // the view already under way (megabytes for a large forum): the peers and the merge
    // are done sooner. The view is written after, as after every save.
    await this.#persistShared(forumId, this.forum(forumId) as ForumDocument);
    await this.flush();
    return summary;
  }

  /**
   * Merges a received file's document (a whole save, as `sharedSave` makes it). When this
   * laptop has the save the file starts with, only the changes after it are read and only
   * the records they touch are rebuilt; otherwise the file is loaded whole (and checked to
   * be this forum's) and merged as `mergeShared` does.
   */
  async mergeSharedSave(save: Uint8Array, forumId: string): Promise<MergeSummary> {
    const shared = this.#forums.has(forumId) ? await this.#sharedForum(forumId) : undefined;
    if (shared) {
      // When the file starts elsewhere this marks the view for a save that changes nothing:
      // the whole merge below saves it anyway.
      const { keepEditedTrashed, notesAt, notesBefore } = await import('../sync/trash-conflicts');
      const summary = this.updateForum(forumId, (view) => {
        const before = notesBefore(view, shared.doc);
        const merged = shared.mergeSave(view, save);
        // The colleague's notes are read at the file's heads, only those the checks need.
        const heads = merged ? shared.heldHeadsOf(save) : undefined;
        if (heads) keepEditedTrashed(before, notesAt(shared.doc, heads), view, now(), shared.doc);
        return merged;
      });
      if (summary) {
        await this.flush();
        return summary;
      }
    }
    const { loadSharedSave } = await import('../sync/share-file');
    return this.mergeShared(loadSharedSave(save, forumId), forumId);
  }

  async #adoptShared(incoming: ForumDoc, forumId: string): Promise<MergeSummary> {
    const files = new SyncFiles(this.dir, forumId, this.#sealer, this.#options.fs);
    const shared = await (await sync()).SharedForum.adopt(files, incoming);
    // The received document is checked by the full schema, like any document from outside.
    const { data } = readDocumentText(
      JSON.stringify(shared.view({ schemaVersion: FORUM_SCHEMA_VERSION, noteHistory: [] })),
      'forum',
      forumDocumentSchema,
    );
    if (data.forum.id !== forumId) throw new AppError('share-file-invalid', {});
    shared.prime(data);
    this.#shared.set(forumId, { files, forum: shared, loaded: null });
    const doc = this.#forumDocument(forumId, data);
    doc.update(() => undefined);
    this.#root.update((root) => root.forums.push(indexFromForum(data.forum)));
    await this.flush();
    this.#tellShared({ forumId, kind: 'shared' });
    return (await sync()).summariseNew(data);
  }

  /** Writes every pending edit now; rejects with a translated error if the disk refuses. */
  async flush(): Promise<void> {
    const results = await Promise.allSettled(
      [this.#root, ...this.#forums.values()].map((doc) => doc.flush()),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** A copy of the workspace document as it is now, before an import changes it. */
  async backupBeforeImport(): Promise<void> {
    await this.flush();
    // The file as just written: no second encoding of a document that may be ~100 MB.
    const stored = await (this.#options.fs ?? nodeFs).readFile(this.#root.path).catch(() => null);
    await this.backups.create(
      'workspace',
      stored ?? this.#stored('workspace', this.#root.data),
      'import',
    );
  }

  async listBackups(): Promise<BackupEntry[]> {
    return this.backups.list();
  }

  /**
   * Puts a backup back in place of its document, after backing up the current state, and
   * loads it into memory. A forum backup whose forum is no longer indexed is re-indexed.
   */
  async restoreBackup(id: string): Promise<BackupEntry> {
    const entry = (await this.backups.list()).find((b) => b.id === id);
    if (!entry) throw new AppError('backup-not-found', { id });
    const text = this.#sealer.open(await this.backups.read(id), entry.document);
    await this.flush();
    if (entry.document === 'workspace') {
      const { data } = readDocumentText(text, 'workspace', workspaceDocumentSchema);
      await this.backups.create('workspace', this.#stored('workspace', this.#root.data), 'restore');
      this.#root.update((doc) => Object.assign(doc, data));
      const missing = data.forums.filter((f) => !this.#forums.has(f.id));
      if (missing.length) await this.#loadForums();
    } else {
      const forumId = entry.document.slice('forum-'.length);
      const { data } = readDocumentText(text, 'forum', forumDocumentSchema);
      const doc = this.#forums.get(forumId);
      if (doc) {
        await this.backups.create(
          entry.document,
          this.#stored(entry.document, doc.data),
          'restore',
        );
        this.updateForum(forumId, (current) => Object.assign(current, data));
      } else {
        await this.#openShared(forumId, data);
        const created = this.#forumDocument(forumId, data);
        created.update(() => undefined);
        this.#root.update((root) => root.forums.push(indexFromForum(data.forum)));
      }
    }
    await this.flush();
    return entry;
  }

  /**
   * Flushes pending edits, forgets the key, then lets another process open the folder. If
   * the disk still refuses after a few tries, what is not saved goes to a recovery file
   * (put back at the next start) and the error names the documents and that file.
   */
  async close(): Promise<void> {
    try {
      // A document loading in the background is not started anew, nor left running on a
      // closed workspace: the views stay marked pending, and the next load takes their edits.
      this.#closing = true;
      for (const entry of this.#shared.values()) clearTimeout(entry.idle);
      await Promise.all([...this.#shared.values()].map((entry) => entry.catchUp));
      await this.#flushOrKeep();
      if (this.#worker) {
        this.#worker.onGone = null;
        await this.#worker.terminate().catch(() => undefined);
      }
      await rememberCounters(
        this.dir,
        this.#sealer,
        [
          { name: 'workspace', path: join(this.dir, WORKSPACE_FILE) },
          ...[...this.#forums.keys()].map((id) => ({
            name: forumKey(id),
            path: forumFile(this.dir, id),
          })),
        ],
        this.#options.fs,
      ).catch(() => undefined);
    } finally {
      for (const doc of this.#documents()) doc.stop();
      this.#sealer.wipe();
      await this.#lock.release();
    }
  }

  async #flushOrKeep(): Promise<void> {
    let failure: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.flush();
        return;
      } catch (error) {
        failure = error;
        await new Promise((resolve) => setTimeout(resolve, 150 * (attempt + 1)));
      }
    }
    const unsaved = this.#documents().filter((doc) => doc.pending);
    if (unsaved.length === 0) return;
    const documents = unsaved.map((doc) => describeDocument(doc.key, this.#root.data));
    const kept = await writeUnsaved(
      this.dir,
      unsaved.map((doc) => ({
        key: doc.key,
        path: doc.path,
        stored: this.#stored(doc.key, doc.data),
      })),
      this.#options.fs,
    );
    const reason =
      failure instanceof AppError ? String(failure.params.reason ?? failure.code) : String(failure);
    throw kept
      ? new AppError(
          'unsaved-kept',
          { documents: documents.join(', '), file: kept, reason },
          `not saved: ${documents.join(', ')}; kept in ${kept}`,
        )
      : new AppError(
          'unsaved-lost',
          { documents: documents.join(', '), reason },
          `not saved and no place would keep them: ${documents.join(', ')}`,
        );
  }
}

/** A document as a user knows it: the workspace, or a forum by its name. */
function describeDocument(key: string, root: WorkspaceDocument): string {
  if (key === 'workspace') return 'workspace.json';
  const entry = root.forums.find((forum) => forumKey(forum.id) === key);
  const name = entry ? entry.acronym || entry.name.en || entry.name.id : '';
  return entry ? `${name} (${FORUMS_DIR}/${entry.id}.json)` : key;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function indexFromForum(forum: Forum): ForumIndexEntry {
  const { id, createdAt, updatedAt, deletedAt, name, acronym, city, country, startDate, endDate } =
    forum;
  return { id, createdAt, updatedAt, deletedAt, name, acronym, city, country, startDate, endDate };
}

function forumFromIndex(entry: ForumIndexEntry): Record<string, unknown> {
  return {
    ...entry,
    edition: '',
    venue: '',
    timeZone: 'UTC',
    theme: { id: '', en: '' },
    hostOrganisation: { id: '', en: '' },
  };
}

/** Forum documents in the folder, including ones the index no longer names. */
export async function forumFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, FORUMS_DIR))).filter((name) =>
      /^[A-Za-z0-9-]+\.json$/.test(name),
    );
  } catch {
    return [];
  }
}

async function backupFolders(backups: Backups): Promise<string[]> {
  const names = await readdir(backups.root).catch(() => [] as string[]);
  return names.map((name) => join(backups.root, name));
}
