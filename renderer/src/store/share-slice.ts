import type { StateCreator } from 'zustand';
import type { ExportFile } from '../../../electron/common/domain/notebook-views';
import type { LanStatus, ShareReceived } from '../../../electron/common/domain/share-views';
import type { ApiClient } from '../api/api-client';
import { base64Of } from '../api/base64';
import type { AppState } from './app-store';

export interface ShareSlice {
  /** Whether the forum the Share tab shows travels with the delegation. */
  shareStatus: { forumId: string; shared: boolean } | null;
  /** The last file received, for the list of what came in. */
  received: ShareReceived | null;
  loadShareStatus(forumId: string): Promise<void>;
  startSharing(forumId: string): Promise<void>;
  /** The file *Send to a colleague* saves (sending shares the forum). */
  sendShareFile(forumId: string, passphrase?: string): Promise<ExportFile>;
  /**
   * Merges a colleague's file; rejects with the host's error (`share-file-passphrase`,
   * `share-file-wrong-passphrase`, `share-file-invalid`) and then nothing has changed.
   */
  receiveShareFile(file: Blob, passphrase?: string): Promise<ShareReceived>;
  clearReceived(): void;
  /** Hosting the delegation, joined to a host, or neither. */
  lanStatus: LanStatus | null;
  loadLanStatus(): Promise<void>;
  hostLan(): Promise<void>;
  joinLan(address: string, code: string): Promise<void>;
  removeLanPeer(fingerprint: string): Promise<void>;
  stopLan(): Promise<void>;
  /**
   * A colleague's change was merged on the host (over the network): the lists follow. An
   * open note is left as it is, so nothing moves under the delegate's typing.
   */
  refreshAfterMerge(): Promise<void>;
}

export const createShareSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ShareSlice> =>
  (set, get) => ({
    shareStatus: null,
    received: null,
    async loadShareStatus(forumId) {
      set({ shareStatus: await api.call('share.status', { forumId }) });
    },
    async startSharing(forumId) {
      set({ shareStatus: await api.call('share.start', { forumId }) });
    },
    async sendShareFile(forumId, passphrase) {
      const file = await api.call('share.send', { forumId, ...(passphrase ? { passphrase } : {}) });
      set({ shareStatus: { forumId, shared: true } });
      return file;
    },
    async receiveShareFile(file, passphrase) {
      const received = await api.call('share.receive', {
        base64: await base64Of(file),
        ...(passphrase ? { passphrase } : {}),
      });
      set({ received });
      const shown = get().shareStatus;
      if (shown?.forumId === received.forumId) set({ shareStatus: { ...shown, shared: true } });
      await get().reloadShown();
      return received;
    },
    clearReceived: () => set({ received: null }),
    lanStatus: null,
    async loadLanStatus() {
      set({ lanStatus: await api.call('lan.status', {}) });
    },
    async hostLan() {
      set({ lanStatus: await api.call('lan.host', {}) });
    },
    async joinLan(address, code) {
      set({ lanStatus: await api.call('lan.join', { address, code }) });
    },
    async removeLanPeer(fingerprint) {
      set({ lanStatus: await api.call('lan.removePeer', { fingerprint }) });
    },
    async stopLan() {
      set({ lanStatus: await api.call('lan.stop', {}) });
    },
    async refreshAfterMerge() {
      const s = get();
      await Promise.all([
        s.loadForums(),
        s.forum ? s.loadForum(s.forum.forum.id).catch(() => undefined) : null,
        s.notesForumId && !s.editing ? s.loadNotes(s.notesForumId).catch(() => undefined) : null,
        s.editing ? s.refreshNotes().catch(() => undefined) : null,
        s.reportForumId ? s.refreshReport().catch(() => undefined) : null,
        // Clauses, positions and commitments on screen show the colleague's changes too, so
        // what is set next is set on them.
        s.agreementForumId ? s.loadAgreement(s.agreementForumId).catch(() => undefined) : null,
        s.commitmentsScope !== undefined
          ? s.loadCommitments(s.commitmentsScope).catch(() => undefined)
          : null,
      ]);
    },
  });
