import type { StateCreator } from 'zustand';
import type { SecurityStatus } from '../../../electron/common/api/types';
import type { UiLanguage } from '../../../electron/common/language';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';
import { followedLanguage } from './settings-slice';

/** Use is reported at most this often; the host only needs to know within a minute. */
const ACTIVITY_EVERY_MS = 30_000;

export type UnlockWith =
  { passphrase: string; remember?: boolean } | { recoveryKey: string } | { keychain: true };

export interface SecuritySlice {
  security: SecurityStatus | null;
  /**
   * Reads whether the workspace is encrypted and locked, and the app's info; resolves with
   * the language to show until the workspace's own settings can be read.
   */
  loadSecurity(): Promise<{ security: SecurityStatus; language: UiLanguage }>;
  applySecurity(status: SecurityStatus): void;
  unlock(secret: UnlockWith): Promise<void>;
  lock(): Promise<void>;
  /** Encrypts and returns the recovery key, to be shown once. */
  encrypt(passphrase: string): Promise<string>;
  decrypt(passphrase: string): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  setAutoLock(minutes: number): Promise<void>;
  setKeychain(remember: boolean): Promise<void>;
  /** The person used the app: postpones the auto-lock. Cheap to call on every keystroke. */
  noteActivity(): void;
}

export const createSecuritySlice = (
  api: ApiClient,
  now: () => number = Date.now,
): StateCreator<AppState, [], [], SecuritySlice> => {
  let lastReported = 0;
  return (set, get) => ({
    security: null,
    async loadSecurity() {
      const [security, info] = await Promise.all([
        api.call('security.status', {}),
        api.call('app.info', {}),
      ]);
      const language = get().settings.language ?? followedLanguage(info, get().browserLanguage);
      set({ security, info, language });
      return { security, language };
    },
    applySecurity: (security) => set({ security }),
    async unlock(secret) {
      set({ security: await api.call('security.unlock', secret) });
    },
    async lock() {
      set({ security: await api.call('security.lock', {}) });
    },
    async encrypt(passphrase) {
      const { recoveryKey, status } = await api.call('security.encrypt', { passphrase });
      set({ security: status });
      return recoveryKey;
    },
    async decrypt(passphrase) {
      set({ security: await api.call('security.decrypt', { passphrase }) });
    },
    async changePassphrase(current, next) {
      set({ security: await api.call('security.changePassphrase', { current, next }) });
    },
    async setAutoLock(minutes) {
      set({ security: await api.call('security.setAutoLock', { minutes }) });
    },
    async setKeychain(remember) {
      set({ security: await api.call('security.keychain', { remember }) });
    },
    noteActivity() {
      const security = get().security;
      if (!security?.encrypted || security.locked || security.autoLockMinutes === 0) return;
      if (now() - lastReported < ACTIVITY_EVERY_MS) return;
      lastReported = now();
      void api.call('security.activity', {}).catch(() => undefined);
    },
  });
};
