import type { UiLanguage } from '../language';
import type { ApiErrorPayload } from '../errors';
import type { Bilingual } from '../domain/primitives';

export type Transport = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  transport: Transport;
  /** The operating system's locale as the host sees it, e.g. `id-ID`. */
  systemLocale: string;
  /** The UI language that locale implies, used while the user has not chosen one. */
  systemLanguage: UiLanguage;
  workspaceDir: string;
  platform: string;
}

export type { Settings } from '../domain/workspace-schema';

/** What the store did on open about a damaged document; shown to the user once. */
export interface RecoveryNotice {
  /** Relative to the workspace folder. */
  file: string;
  problem: 'empty' | 'not-json' | 'checksum' | 'schema';
  detail: string;
  /** Where the damaged file now is, kept for inspection. */
  movedTo: string;
  /** The backup loaded in its place, or null when none was valid. */
  restoredFrom: string | null;
  /** When that backup was taken. */
  restoredFromDate: string | null;
  at: string;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface SaveStatus {
  state: SaveState;
  /** ISO time of the last write that reached the disk. */
  savedAt: string | null;
  error: ApiErrorPayload | null;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

export type BackupReason = 'daily' | 'migration' | 'import' | 'restore';

export interface BackupEntry {
  /** `<document>/<time>--<reason>.json`, the name `risalah restore` takes. */
  id: string;
  /** `workspace` or `forum-<id>`. */
  document: string;
  createdAt: string;
  reason: BackupReason;
  size: number;
}

/** A backup as the UI lists it: with the name of the forum it belongs to. */
export interface BackupView extends BackupEntry {
  /** The forum's name for a forum backup; null for the workspace document. */
  forumName: Bilingual | null;
}

/**
 * Where a remembered key would be kept. `basic_text` is Chromium's fallback on Linux without
 * a keyring: it encrypts with a password written in the source code, so it is never offered.
 */
export interface KeychainStatus {
  available: boolean;
  /** `keychain` (macOS), `dpapi` (Windows), `gnome_libsecret`, `kwallet…`, `basic_text`, `none`. */
  backend: string;
  /** This workspace's key is remembered there. */
  remembered: boolean;
}

export interface SecurityStatus {
  encrypted: boolean;
  /** Encrypted and not unlocked: only the security channels answer. */
  locked: boolean;
  /** Minutes without use before locking; 0 never. Meaningful only when encrypted. */
  autoLockMinutes: number;
  keychain: KeychainStatus;
}
