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
  /** How saving stands when the page opens (null while locked): when it last reached the disk. */
  saveStatus: SaveStatus | null;
}

export type { Settings } from '../domain/workspace-schema';

/** What the store did on open about a damaged document; shown to the user once. */
export interface RecoveryNotice {
  /** Relative to the workspace folder. */
  file: string;
  /** `unsaved`: edits a stop could not save, kept in the file `movedTo`. */
  problem:
    | 'empty'
    | 'not-json'
    | 'checksum'
    | 'schema'
    | 'unsaved'
    | 'missing'
    | 'unreadable'
    /** An encrypted document older than the one last saved: an older copy put in its place. */
    | 'rollback';
  detail: string;
  /** Where the damaged file now is, kept for inspection; null when it was missing. */
  movedTo: string | null;
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
  /**
   * Every edit whose number (an API result's `edit`) is at most this is on disk, in every
   * document; an edit with a higher number is not yet.
   */
  savedThrough: number;
  /** The documents (`workspace`, `forum-<id>`) with edits not yet on disk. */
  pending: string[];
}

/**
 * A call's result. `edit` is the number of the newest edit the call made, when it made one:
 * the edit is on disk once a save status's `savedThrough` reaches it.
 */
export type ApiResult<T> =
  { ok: true; value: T; edit?: number } | { ok: false; error: ApiErrorPayload };

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
