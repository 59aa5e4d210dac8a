import type { StateCreator } from 'zustand';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import type { TrashEntry, TrashKind } from '../../../electron/common/domain/notebook-views';
import { ApiError } from '../api/api-client';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

/** What the toast says: a key of the `notebook` namespace's `toast` group and its values. */
export interface ToastMessage {
  key:
    | `deleted.${TrashKind}`
    | 'merged'
    | 'imported'
    | 'linked'
    | 'unlinked'
    | 'deletedMany'
    | 'pasted'
    | 'versionRestored'
    | 'mergedPartly'
    | 'reportMergedPartly'
    | 'reasonMergedPartly'
    | 'restored'
    | 'purged'
    | 'undone'
    | 'route.unknown'
    | 'route.forumMissing'
    | 'route.noteMissing'
    | 'linkCopied';
  params?: Record<string, string | number>;
  /** Stays until dismissed: its *Undo* offers back a text nothing else keeps. */
  sticky?: boolean;
}

export interface Toast {
  /** Changes with every toast, so a new one restarts the timer and is announced. */
  serial: number;
  message: ToastMessage;
  undo: (() => Promise<void>) | null;
}

export type TrashRef = Pick<TrashEntry, 'kind' | 'forumId' | 'id'>;

export interface UndoSlice {
  toast: Toast | null;
  /** Shows the toast; with `undo`, it offers *Undo* while it is shown. */
  showToast(message: ToastMessage, undo?: () => Promise<void>): void;
  dismissToast(): void;
  undoToast(): Promise<void>;
  /** After a delete: the toast whose *Undo* takes the record back out of the trash. */
  offerRestore(ref: TrashRef): void;
  restoreFromTrash(ref: TrashRef): Promise<void>;
  purgeFromTrash(ref: TrashRef): Promise<void>;
  /** Reloads whatever is shown, after a restore or an undo changed records under it. */
  reloadShown(): Promise<void>;
}

export const createUndoSlice =
  (api: ApiClient): StateCreator<AppState, [], [], UndoSlice> =>
  (set, get) => {
    let serial = 0;
    return {
      toast: null,
      showToast(message, undo) {
        set({ toast: { serial: ++serial, message, undo: undo ?? null } });
      },
      dismissToast: () => set({ toast: null }),
      async undoToast() {
        const undo = get().toast?.undo;
        if (!undo) return;
        set({ toast: null });
        try {
          await undo();
          get().showToast({ key: 'undone' });
        } catch (error) {
          get().reportProblem(payloadOf(error));
        }
      },
      offerRestore(ref) {
        get().showToast({ key: `deleted.${ref.kind}` }, () => get().restoreFromTrash(ref));
      },
      async restoreFromTrash({ kind, forumId, id }) {
        // A Trash entry carries its title and date too: the host takes the reference alone.
        await api.call('trash.restore', { kind, forumId, id });
        await get().reloadShown();
      },
      async purgeFromTrash({ kind, forumId, id }) {
        await api.call('trash.purge', { kind, forumId, id });
        await get().reloadShown();
      },
      async reloadShown() {
        const s = get();
        const openNote = s.editing?.id ?? null;
        await Promise.all([
          s.loadForums(),
          s.forum ? s.loadForum(s.forum.forum.id).catch(() => set({ forum: null })) : null,
          s.notesForumId
            ? s
                .loadNotes(s.notesForumId)
                .then(() => (openNote ? s.openNote(openNote) : undefined))
                .catch(() => undefined)
            : null,
          s.agreementForumId ? s.loadAgreement(s.agreementForumId).catch(() => undefined) : null,
          s.commitmentsScope !== undefined ? s.loadCommitments(s.commitmentsScope) : null,
          s.contacts ? s.loadContacts() : null,
          s.trash ? s.loadTrash() : null,
        ]);
      },
    };
  };

function payloadOf(error: unknown): ApiErrorPayload {
  return error instanceof ApiError ? error.payload : { code: 'internal', params: {} };
}
