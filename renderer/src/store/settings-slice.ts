import type { StateCreator } from 'zustand';
import type { AppInfo, Settings } from '../../../electron/common/api/types';
import type { UiLanguage } from '../../../electron/common/language';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface SettingsSlice {
  info: AppInfo | null;
  settings: Settings;
  /** The language the UI shows: the user's choice, else the system's. */
  language: UiLanguage;
  /** Loads info and settings; resolves with the language the UI should show. */
  loadSettings(): Promise<UiLanguage>;
  setLanguage(language: UiLanguage | null): Promise<void>;
  applySettings(settings: Settings): void;
}

export const createSettingsSlice =
  (api: ApiClient, fallback: UiLanguage): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => ({
    info: null,
    settings: { language: null, csvMappings: {} },
    language: fallback,
    async loadSettings() {
      const [info, settings, notices, profile, forums] = await Promise.all([
        api.call('app.info', {}),
        api.call('settings.get', {}),
        api.call('workspace.notices', {}),
        api.call('profile.get', {}),
        api.call('forums.list', {}),
      ]);
      const language = settings.language ?? info.systemLanguage;
      set({ info, settings, language, notices, profile, forums });
      return language;
    },
    async setLanguage(language) {
      const settings = await api.call('settings.update', { language });
      get().applySettings(settings);
    },
    applySettings(settings) {
      set({ settings, language: settings.language ?? get().info?.systemLanguage ?? fallback });
    },
  });
