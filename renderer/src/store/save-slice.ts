import type { StateCreator } from 'zustand';
import type { SaveStatus } from '../../../electron/common/api/types';
import type { AppState } from './app-store';

export interface SaveSlice {
  saveStatus: SaveStatus;
  applySaveStatus(status: SaveStatus): void;
}

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  saveStatus: { state: 'idle', savedAt: null, error: null, savedThrough: 0, pending: [] },
  applySaveStatus: (saveStatus) => set({ saveStatus }),
});
