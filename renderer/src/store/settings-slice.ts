import type { StateCreator } from 'zustand';
import type { AppInfo, Settings } from '../../../electron/common/api/types';
import type { UiLanguage } from '../../../electron/common/language';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface SettingsSlice {
  info: AppInfo | null;
  settings: Settings;
  /** The language the UI shows: the user's choice, else the one it follows (see `followedLanguage`). */
  language: UiLanguage;
  /** The browser's language (from `navigator.languages`), which browser mode follows. */
  browserLanguage: UiLanguage;
  /** Loads info and settings; resolves with the language the UI should show. */
  loadSettings(): Promise<UiLanguage>;
  setLanguage(language: UiLanguage | null): Promise<void>;
  /** Chooses the member who uses this laptop (null: the default, see `currentMember`). */
  setMe(memberId: string | null): Promise<void>;
  applySettings(settings: Settings): void;
}

/**
 * What the UI follows until the user chooses a language: in browser mode the page runs in the
 * user's browser, so the browser's languages (the host's locale may be a server's, or another
 * user's); in the desktop app, the system's.
 */
export function followedLanguage(info: AppInfo | null, browserLanguage: UiLanguage): UiLanguage {
  return !info || info.transport === 'browser' ? browserLanguage : info.systemLanguage;
}

export const createSettingsSlice =
  (api: ApiClient, fallback: UiLanguage): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => ({
    info: null,
    settings: { language: null, csvMappings: {} },
    language: fallback,
    browserLanguage: fallback,
    async loadSettings() {
      const [info, settings, notices, profile, forums] = await Promise.all([
        api.call('app.info', {}),
        api.call('settings.get', {}),
        api.call('workspace.notices', {}),
        api.call('profile.get', {}),
        api.call('forums.list', {}),
      ]);
      const language = settings.language ?? followedLanguage(info, get().browserLanguage);
      set({ info, settings, language, notices, profile, forums });
      // When the workspace was last written, unless a newer status has come meanwhile.
      if (info.saveStatus) get().applyStartSaveStatus(info.saveStatus);
      return language;
    },
    async setLanguage(language) {
      const settings = await api.call('settings.update', { language });
      get().applySettings(settings);
    },
    async setMe(meMemberId) {
      const settings = await api.call('settings.update', { meMemberId });
      get().applySettings(settings);
    },
    applySettings(settings) {
      const { info, browserLanguage } = get();
      set({ settings, language: settings.language ?? followedLanguage(info, browserLanguage) });
    },
  });
