import * as A from '@automerge/automerge';
import { interpretAsDocumentId } from '@automerge/automerge-repo';
import type { DocHandle, DocumentId, Repo, RepoConfig } from '@automerge/automerge-repo';

type ShareConfig = NonNullable<RepoConfig['shareConfig']>;
import { createHash } from 'node:crypto';

/**
 * One shared forum as the store keeps it: an Automerge document of its own, saved beside
 * the forum's JSON view. The bridge below carries it over a Repo without owning it.
 */
export interface BridgedForum {
  readonly forumId: string;
  /** The forum's document as saved now. */
  current: () => A.Doc<unknown>;
  /** A document from the network, to merge into the forum (view rebuilt, saved durably). */
  receive: (incoming: A.Doc<unknown>) => Promise<void>;
}

/** Every laptop must name a forum's document alike: the id is derived from the forum id. */
export function forumDocumentId(forumId: string): DocumentId {
  const digest = createHash('sha256').update(`risalah-forum:${forumId}`).digest();
  return interpretAsDocumentId(new Uint8Array(digest.subarray(0, 16)) as never);
}

export interface ForumBridgeOptions {
  /**
   * A forum this laptop does not have arrived from a peer: make it a shared forum here and
   * return it, or null to ignore it (it is then neither stored nor passed on).
   */
  adopt: (incoming: A.Doc<unknown>) => Promise<BridgedForum | null>;
}

/**
 * Keeps the shared forums and a Repo in step: a local save goes into the Repo's handle
 * (merge), a change from the network goes into the forum (receive). Only documents of
 * shared forums are offered or given to peers: `shareConfig` says so to the Repo.
 */
export class ForumRepoBridge {
  readonly #repo: Repo;
  readonly #options: ForumBridgeOptions;
  readonly #forums = new Map<DocumentId, BridgedForum>();
  readonly #handles = new Map<DocumentId, DocHandle<unknown>>();
  readonly #pending = new Set<DocumentId>();
  #queue: Promise<void> = Promise.resolve();

  constructor(repo: Repo, options: ForumBridgeOptions) {
    this.#repo = repo;
    this.#options = options;
    // automerge-repo 2 emits no event for a document a peer brings: its first message is
    // the sign, and find() waits until the document is complete.
    repo.networkSubsystem.on('message', (message) => {
      const documentId = (message as { documentId?: DocumentId }).documentId;
      if (!documentId || this.#handles.has(documentId) || this.#pending.has(documentId)) return;
      this.#pending.add(documentId);
      void repo
        .find<unknown>(documentId)
        .then((handle) => this.#discovered(handle))
        .catch(() => undefined)
        .finally(() => this.#pending.delete(documentId));
    });
  }

  /** What the Repo is told: announce and give only shared forums; let new ones come in. */
  static shareConfig(bridge: () => ForumRepoBridge | undefined): ShareConfig {
    return {
      announce: async (_peer, documentId) =>
        documentId !== undefined && bridge()?.isShared(documentId) === true,
      // A document we do not have yet may arrive (a colleague's forum); one we have is
      // given only when it is a shared forum. Private forums never enter the Repo at all.
      access: async (_peer, documentId) => {
        const current = bridge();
        return current !== undefined && (current.isShared(documentId) || !current.has(documentId));
      },
    };
  }

  isShared(documentId: DocumentId): boolean {
    return this.#forums.has(documentId);
  }

  /** Known here: carried for a forum, or once carried and since withdrawn. */
  has(documentId: DocumentId): boolean {
    return this.#forums.has(documentId) || this.#handles.has(documentId);
  }

  /** The user stopped sharing the forum: it is no longer offered or given to anyone. */
  remove(forumId: string): void {
    this.#forums.delete(forumDocumentId(forumId));
    // Peers already syncing it are re-evaluated against the share configuration.
    this.#repo.shareConfigChanged();
  }

  /** Starts carrying a shared forum (at start for each one, and when the user shares one). */
  add(forum: BridgedForum): void {
    const documentId = forumDocumentId(forum.forumId);
    this.#forums.set(documentId, forum);
    const existing = this.#repo.handles[documentId] as DocHandle<unknown> | undefined;
    const handle = existing ?? this.#carry(documentId, forum.current());
    if (existing?.isReady()) existing.update((doc) => A.merge(doc, A.clone(forum.current())));
    this.#watch(documentId, handle);
  }

  /**
   * A Repo handle holding the forum's document: a clone of it (milliseconds, in the same
   * WebAssembly memory), not its save loaded again, which `Repo.import` would do (seconds on
   * the host's event loop for a forum of 2,000 notes, with every request waiting meanwhile).
   * The clone has an actor of its own; the Repo's copy never makes changes, only merges.
   */
  #carry(documentId: DocumentId, current: A.Doc<unknown>): DocHandle<unknown> {
    const handle = this.#repo.import<unknown>(new Uint8Array(0), { docId: documentId });
    handle.update(() => A.clone(current));
    return handle;
  }

  /** The forum was saved locally: its new changes go to the peers. */
  localChanged(forumId: string): void {
    const documentId = forumDocumentId(forumId);
    const forum = this.#forums.get(documentId);
    const handle = this.#handles.get(documentId);
    if (!forum || !handle?.isReady()) return;
    const current = forum.current();
    if (sameHeads(A.getHeads(handle.doc() as A.Doc<unknown>), A.getHeads(current))) return;
    handle.update((doc) => A.merge(doc, A.clone(current)));
  }

  /** Settles once every change received so far is in its forum. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #watch(documentId: DocumentId, handle: DocHandle<unknown>): void {
    if (this.#handles.has(documentId)) return;
    this.#handles.set(documentId, handle);
    handle.on('change', ({ doc }) => this.#enqueue(documentId, doc as A.Doc<unknown>));
  }

  async #discovered(handle: DocHandle<unknown>): Promise<void> {
    if (this.#forums.has(handle.documentId) || this.#handles.has(handle.documentId)) return;
    await handle.whenReady(['ready']).catch(() => undefined);
    if (!handle.isReady() || this.#forums.has(handle.documentId)) return;
    const forum = await this.#options.adopt(A.clone(handle.doc() as A.Doc<unknown>));
    if (!forum || forumDocumentId(forum.forumId) !== handle.documentId) return;
    this.#forums.set(handle.documentId, forum);
    this.#watch(handle.documentId, handle);
    // Changes that arrived while adopting.
    this.#enqueue(handle.documentId, handle.doc() as A.Doc<unknown>);
  }

  #enqueue(documentId: DocumentId, doc: A.Doc<unknown>): void {
    // One merge at a time, in arrival order: the store saves each durably before the next.
    this.#queue = this.#queue.then(async () => {
      const forum = this.#forums.get(documentId);
      if (!forum) return;
      if (sameHeads(A.getHeads(forum.current()), A.getHeads(doc))) return;
      await forum.receive(A.clone(doc));
    });
  }
}

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
