import type { StateCreator } from 'zustand';
import type { BackupView, RecoveryNotice } from '../../../electron/common/api/types';
import type { ApiErrorPayload } from '../../../electron/common/errors';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface WorkspaceSlice {
  notices: RecoveryNotice[];
  /** The last action that failed, said in the UI language until dismissed. */
  problem: ApiErrorPayload | null;
  reportProblem(problem: ApiErrorPayload | null): void;
  backups: BackupView[] | null;
  dismissNotice(notice: RecoveryNotice): void;
  loadBackups(): Promise<void>;
  restoreBackup(id: string): Promise<BackupView>;
}

export const createWorkspaceSlice =
  (api: ApiClient): StateCreator<AppState, [], [], WorkspaceSlice> =>
  (set, get) => ({
    notices: [],
    problem: null,
    reportProblem: (problem) => set({ problem }),
    backups: null,
    dismissNotice(notice) {
      set({ notices: get().notices.filter((n) => n !== notice) });
    },
    async loadBackups() {
      set({ backups: await api.call('backups.list', {}) });
    },
    async restoreBackup(id) {
      const restored = await api.call('backups.restore', { id });
      await get().loadBackups();
      return restored;
    },
  });
