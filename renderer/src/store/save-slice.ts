import type { StateCreator } from 'zustand';
import type { SaveState, SaveStatus } from '../../../electron/common/api/types';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import { ApiError } from '../api/api-client';
import type { AppState } from './app-store';

export interface SaveSlice {
  /** The host's save status, as last pushed. */
  saveStatus: SaveStatus;
  /** The newest edit number the host gave this page: on disk once `savedThrough` reaches it. */
  lastEdit: number;
  /** Editors holding typing the host has not taken yet. */
  unsent: Record<string, true>;
  /** Why the last send to the host failed, until one succeeds. */
  sendError: ApiErrorPayload | null;
  /** A status the host pushed: the newest there is. */
  applySaveStatus(status: SaveStatus): void;
  /**
   * The status read when the page starts, unless one was pushed meanwhile: a push is newer,
   * and a failure pushed before any save (a full disk at start) must not turn into "saved".
   */
  applyStartSaveStatus(status: SaveStatus): void;
  noteEdit(edit: number): void;
  setUnsent(editor: string, unsent: boolean): void;
  setSendError(error: unknown): void;
}

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => {
  let pushed = false;
  return {
    saveStatus: { state: 'idle', savedAt: null, error: null, savedThrough: 0, pending: [] },
    lastEdit: 0,
    unsent: {},
    sendError: null,
    applySaveStatus: (saveStatus) => {
      pushed = true;
      set({ saveStatus });
    },
    applyStartSaveStatus: (saveStatus) => {
      if (!pushed) set({ saveStatus });
    },
    noteEdit: (edit) => set((state) => (edit > state.lastEdit ? { lastEdit: edit } : state)),
    setUnsent: (editor, unsent) =>
      set((state) => {
        if (Boolean(state.unsent[editor]) === unsent) return state;
        const others = Object.entries(state.unsent).filter(([key]) => key !== editor);
        return { unsent: Object.fromEntries(unsent ? [...others, [editor, true]] : others) };
      }),
    setSendError: (error) =>
      set({
        sendError:
          error === null || error === undefined
            ? null
            : error instanceof ApiError
              ? error.payload
              : { code: 'internal', params: {} },
      }),
  };
};

/** What the save indicator says: the page's own unsent typing and the host's disk, together. */
export interface ShownSave {
  state: SaveState;
  savedAt: string | null;
  error: ApiErrorPayload | null;
}

export function shownSave(state: AppState): ShownSave {
  const host = state.saveStatus;
  if (host.state === 'failed') return { state: 'failed', savedAt: host.savedAt, error: host.error };
  if (state.sendError) return { state: 'failed', savedAt: host.savedAt, error: state.sendError };
  const waiting =
    Object.keys(state.unsent).length > 0 ||
    state.lastEdit > host.savedThrough ||
    host.pending.length > 0 ||
    host.state === 'saving';
  if (waiting) return { state: 'saving', savedAt: host.savedAt, error: null };
  if (host.state === 'saved' || state.lastEdit > 0)
    return { state: 'saved', savedAt: host.savedAt, error: null };
  return { state: 'idle', savedAt: host.savedAt, error: null };
}
