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
      if (state.typeAhead !== null && typedAhead(event)) {
        // A note is being made: the keys go into it once it shows (see NoteEditor).
        event.preventDefault();
        const typed = state.typeAhead;
        const next =
          event.key === 'Backspace'
            ? typed.slice(0, -1)
            : typed + (event.key === 'Enter' ? '\n' : event.key);
        store.setState({ typeAhead: next });
      } else if (mod && (key === 'k' || key === 'f')) {
        event.preventDefault();
        state.openOverlay('search');
      } else if ((mod && key === '/') || event.key === 'F1') {
        event.preventDefault();
        state.openOverlay('shortcuts');
      } else if (
        // Alt+N where the browser keeps Ctrl+N for itself (a new window), as in browser mode.
        ((mod && key === 'n') || (event.altKey && !mod && event.code === 'KeyN')) &&
        state.route.name === 'forum'
      ) {
        event.preventDefault();
        // Out of the field in use, so keys typed before the new note shows are kept for it.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
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

/** A key that types (or takes back) a character, pressed outside any field. */
function typedAhead(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return false;
  return event.key.length === 1 || event.key === 'Enter' || event.key === 'Backspace';
}
