import { AppError } from '../../common/errors';

/**
 * Somewhere outside the workspace that may remember a workspace's data key: the operating
 * system's keychain through Electron's `safeStorage`. Browser mode and the CLI have none.
 */
export interface KeyKeeper {
  /** `available` only where the backend is a real keychain, never a hard-coded password. */
  status(): { available: boolean; backend: string };
  has(workspaceDir: string): Promise<boolean>;
  load(workspaceDir: string): Promise<Buffer | null>;
  save(workspaceDir: string, dataKey: Buffer): Promise<void>;
  forget(workspaceDir: string): Promise<void>;
}

export const noKeyKeeper: KeyKeeper = {
  status: () => ({ available: false, backend: 'none' }),
  has: async () => false,
  load: async () => null,
  save: async () => {
    throw new AppError('keychain-unavailable', { backend: 'none' });
  },
  forget: async () => undefined,
};
