import { useEffect } from 'react';
import { forumSections } from '../store/nav-slice';
import type { AppStore } from '../store/app-store';

/** App-wide keys: search, new note, forum sections, help. Listed in the shortcuts dialog. */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && (key === 'k' || key === 'f')) {
        event.preventDefault();
        state.openOverlay('search');
      } else if ((mod && key === '/') || event.key === 'F1') {
        event.preventDefault();
        state.openOverlay('shortcuts');
      } else if (mod && key === 'n' && state.route.name === 'forum') {
        event.preventDefault();
        state.navigate({ ...state.route, section: 'notes' });
        void state.createNote(null);
      } else if (event.altKey && /^[1-7]$/.test(event.key) && state.route.name === 'forum') {
        event.preventDefault();
        const section = forumSections[Number(event.key) - 1] ?? 'agenda';
        state.navigate({ ...state.route, section });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
