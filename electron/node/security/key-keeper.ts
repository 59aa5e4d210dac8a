import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../common/errors';
import { DurableTextFile } from '../store/durable-file';

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

/** What an operating-system keychain offers: Electron's `safeStorage`, in the main process. */
export interface KeychainBackend {
  /** `keychain`, `dpapi`, or on Linux what Chromium picked (`gnome_libsecret`, `basic_text`…). */
  name(): string;
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** Backends that only obfuscate: Chromium's fallback encrypts with a password in its source. */
const UNTRUSTED_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Keeps each workspace's key, sealed by the keychain, in a file of its own under `dir` (the
 * app's user-data folder, never the workspace: a key beside the notes protects nothing).
 */
export function keychainKeeper(backend: KeychainBackend, dir: string): KeyKeeper {
  const fileOf = (workspaceDir: string) =>
    join(dir, `${createHash('sha256').update(resolve(workspaceDir)).digest('hex')}.key`);
  const status = () => {
    const name = backend.name();
    return {
      available: !UNTRUSTED_BACKENDS.has(name) && backend.isEncryptionAvailable(),
      backend: name,
    };
  };
  return {
    status,
    has: async (workspaceDir) =>
      stat(fileOf(workspaceDir)).then(
        () => true,
        () => false,
      ),
    async load(workspaceDir) {
      if (!status().available) return null;
      const sealed = await readFile(fileOf(workspaceDir)).catch(() => null);
      if (!sealed) return null;
      try {
        return Buffer.from(backend.decryptString(sealed), 'base64');
      } catch {
        // The keychain refused (a different login, a reset keyring): ask for the passphrase.
        return null;
      }
    },
    async save(workspaceDir, dataKey) {
      const { available, backend: name } = status();
      if (!available) throw new AppError('keychain-unavailable', { backend: name });
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await new DurableTextFile(fileOf(workspaceDir)).write(
        backend.encryptString(dataKey.toString('base64')),
      );
    },
    forget: (workspaceDir) => unlink(fileOf(workspaceDir)).catch(() => undefined),
  };
}
