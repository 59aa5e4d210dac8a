import type { StateCreator } from 'zustand';
import type { SearchHit, SearchResults } from '../../../electron/common/domain/notebook-views';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface SearchSlice {
  searchQuery: string;
  searchResults: SearchResults | null;
  search(query: string): Promise<void>;
  /** Opens the place a hit points at: the note in its editor, the session in the agenda. */
  openHit(hit: SearchHit): Promise<void>;
}

export const createSearchSlice =
  (api: ApiClient): StateCreator<AppState, [], [], SearchSlice> =>
  (set, get) => ({
    searchQuery: '',
    searchResults: null,
    async search(query) {
      set({ searchQuery: query });
      if (!query.trim()) return set({ searchResults: null });
      const results = await api.call('search.query', { q: query });
      // Answers can arrive out of order while typing: keep only the latest query's.
      if (get().searchQuery === query) set({ searchResults: results });
    },
    async openHit(hit) {
      const state = get();
      state.openOverlay(null);
      if (!hit.forumId) return state.navigate({ name: 'home' });
      await Promise.all([state.loadForum(hit.forumId), state.loadNotes(hit.forumId)]);
      const section =
        hit.kind === 'note'
          ? 'notes'
          : hit.kind === 'session'
            ? 'agenda'
            : hit.kind === 'clause'
              ? 'agreement'
              : 'commitments';
      get().navigate({ name: 'forum', forumId: hit.forumId, section });
      if (hit.kind === 'note') await get().openNote(hit.id);
    },
  });
