import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { UiLanguage } from '../../../electron/common/language';
import type { ApiClient } from '../api/api-client';
import { createAgreementSlice } from './agreement-slice';
import type { AgreementSlice } from './agreement-slice';
import { createContactsSlice } from './contacts-slice';
import type { ContactsSlice } from './contacts-slice';
import { createExportSlice } from './export-slice';
import type { ExportSlice } from './export-slice';
import { createForumsSlice } from './forums-slice';
import type { ForumsSlice } from './forums-slice';
import { createHomeSlice } from './home-slice';
import type { HomeSlice } from './home-slice';
import { createNavSlice } from './nav-slice';
import type { NavSlice } from './nav-slice';
import { createNotesSlice } from './notes-slice';
import type { NotesSlice } from './notes-slice';
import { createReportSlice } from './report-slice';
import type { ReportSlice } from './report-slice';
import { createSaveSlice } from './save-slice';
import type { SaveSlice } from './save-slice';
import { createSearchSlice } from './search-slice';
import { createSecuritySlice } from './security-slice';
import type { SecuritySlice } from './security-slice';
import type { SearchSlice } from './search-slice';
import { createSettingsSlice } from './settings-slice';
import { createShareSlice } from './share-slice';
import type { ShareSlice } from './share-slice';
import type { SettingsSlice } from './settings-slice';
import { createUndoSlice } from './undo-slice';
import type { UndoSlice } from './undo-slice';
import { createWorkspaceSlice } from './workspace-slice';
import type { WorkspaceSlice } from './workspace-slice';

export type AppState = SettingsSlice &
  SaveSlice &
  NavSlice &
  WorkspaceSlice &
  ForumsSlice &
  NotesSlice &
  SearchSlice &
  AgreementSlice &
  ContactsSlice &
  ExportSlice &
  SecuritySlice &
  ReportSlice &
  UndoSlice &
  HomeSlice &
  ShareSlice;
export type AppStore = StoreApi<AppState>;

/** Combines the feature slices once; the API is injected, so tests pass a fake one. */
export function createAppStore(api: ApiClient, fallbackLanguage: UiLanguage): AppStore {
  const store = createStore<AppState>()((...args) => ({
    ...createSettingsSlice(api, fallbackLanguage)(...args),
    ...createSaveSlice(...args),
    ...createNavSlice(...args),
    ...createWorkspaceSlice(api)(...args),
    ...createForumsSlice(api)(...args),
    ...createNotesSlice(api)(...args),
    ...createSearchSlice(api)(...args),
    ...createAgreementSlice(api)(...args),
    ...createContactsSlice(api)(...args),
    ...createExportSlice(api)(...args),
    ...createSecuritySlice(api)(...args),
    ...createReportSlice(api)(...args),
    ...createUndoSlice(api)(...args),
    ...createHomeSlice(api)(...args),
    ...createShareSlice(api)(...args),
  }));
  api.onEdit((edit) => store.getState().noteEdit(edit));
  api.subscribe((event) => {
    if (event.name === 'save-status') store.getState().applySaveStatus(event.payload);
    if (event.name === 'settings-changed') store.getState().applySettings(event.payload);
    if (event.name === 'security-changed') store.getState().applySecurity(event.payload);
    if (event.name === 'link-copied')
      store.getState().showToast({ key: 'linkCopied', params: { url: event.payload.url } });
    if (event.name === 'workspace-changed' && store.getState().backups)
      void store.getState().loadBackups();
    if (event.name === 'workspace-changed') void store.getState().refreshAfterMerge();
  });
  return store;
}

export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('AppStoreContext is missing');
  return useStore(store, selector);
}

/**
 * One empty list for selectors to fall back on: a selector that returned a fresh `[]` would
 * look like a change on every read and render forever.
 */
export const NONE: readonly never[] = Object.freeze([]);
