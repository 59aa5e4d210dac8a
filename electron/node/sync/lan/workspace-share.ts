import type * as A from '@automerge/automerge';
import { Repo } from '@automerge/automerge-repo';
import type { NetworkAdapterInterface } from '@automerge/automerge-repo';
import type { SharedChange, Workspace } from '../../store/workspace';
import type { ForumDoc } from '../forum-automerge';
import type { MergeSummary } from '../shared-forum';
import { forumDocumentId, ForumRepoBridge } from './forum-bridge';
import type { BridgedForum } from './forum-bridge';

const FORUM_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface WorkspaceShareOptions {
  /** A change from the delegation was merged and saved (view rebuilt, change log on disk). */
  onMerged?: (forumId: string, summary: MergeSummary, added: boolean) => void;
  /** A merge failed (a document that does not pass the forum schema, a disk that refuses). */
  onError?: (forumId: string, error: unknown) => void;
}

/**
 * A workspace's shared forums on the local network: every shared forum's Automerge
 * document is in the Repo the LAN adapter serves; a local save is passed on to the peers; a
 * change from a peer is merged through `Workspace.mergeShared`, the same durable path as a
 * file received by hand (view rebuilt, change log flushed). A forum never shared never
 * enters the Repo, so no peer can ask for it; a shared forum a peer brings that this laptop
 * does not have is adopted, while a private copy of it here is left alone.
 */
export class WorkspaceShare {
  readonly repo: Repo;
  readonly bridge: ForumRepoBridge;
  readonly #workspace: Workspace;
  readonly #options: WorkspaceShareOptions;
  readonly #stopListening: () => void;
  readonly #adopting = new Set<string>();

  constructor(
    workspace: Workspace,
    network: NetworkAdapterInterface,
    options: WorkspaceShareOptions = {},
  ) {
    this.#workspace = workspace;
    this.#options = options;
    // The Repo needs its share configuration before the bridge that answers it exists.
    const holder: { bridge?: ForumRepoBridge } = {};
    this.repo = new Repo({
      network: [network],
      shareConfig: ForumRepoBridge.shareConfig(() => holder.bridge),
    });
    this.bridge = new ForumRepoBridge(this.repo, { adopt: (doc) => this.#adopt(doc) });
    holder.bridge = this.bridge;
    for (const forumId of workspace.sharedForumIds()) this.bridge.add(this.#bridged(forumId));
    this.#stopListening = workspace.onSharedChange((change) => this.#changed(change));
  }

  /** Settles once every change received so far is merged and saved. */
  idle(): Promise<void> {
    return this.bridge.idle();
  }

  async close(): Promise<void> {
    this.#stopListening();
    await this.bridge.idle().catch(() => undefined);
    await this.repo.shutdown();
  }

  #changed({ forumId, kind }: SharedChange): void {
    if (kind === 'removed') this.bridge.remove(forumId);
    else if (kind === 'saved') this.bridge.localChanged(forumId);
    // Shared here just now (the user, or a file received): it starts travelling. A forum
    // being adopted from a peer is the bridge's already.
    else if (!this.#adopting.has(forumId) && !this.bridge.isShared(forumDocumentId(forumId)))
      this.bridge.add(this.#bridged(forumId));
  }

  #bridged(forumId: string): BridgedForum {
    return {
      forumId,
      current: () => this.#workspace.sharedDoc(forumId) as A.Doc<unknown>,
      receive: async (incoming) => {
        try {
          const summary = await this.#workspace.mergeShared(incoming as ForumDoc, forumId);
          this.#options.onMerged?.(forumId, summary, false);
        } catch (error) {
          this.#options.onError?.(forumId, error);
        }
      },
    };
  }

  async #adopt(incoming: A.Doc<unknown>): Promise<BridgedForum | null> {
    const forumId = (incoming as { forum?: { id?: unknown } }).forum?.id;
    if (typeof forumId !== 'string' || !FORUM_ID.test(forumId)) return null;
    // A private copy of the forum here stays private: only the user shares a forum.
    if (this.#workspace.forumIds().includes(forumId)) return null;
    this.#adopting.add(forumId);
    try {
      const summary = await this.#workspace.mergeShared(incoming as ForumDoc, forumId);
      this.#options.onMerged?.(forumId, summary, true);
      return this.#bridged(forumId);
    } catch (error) {
      this.#options.onError?.(forumId, error);
      return null;
    } finally {
      this.#adopting.delete(forumId);
    }
  }
}
