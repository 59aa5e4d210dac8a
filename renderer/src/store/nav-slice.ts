import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export const forumSections = [
  'agenda',
  'notes',
  'agreement',
  'commitments',
  'contacts',
  'report',
  'export',
] as const;
export type ForumSection = (typeof forumSections)[number];

export type Route =
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'commitments' }
  | { name: 'contacts' }
  | { name: 'forum'; forumId: string; section: ForumSection };

export type Overlay = 'search' | 'shortcuts' | 'new-forum' | null;

export interface NavSlice {
  route: Route;
  overlay: Overlay;
  navigate(route: Route): void;
  openOverlay(overlay: Overlay): void;
  /**
   * Closes `overlay` if it is still the one shown. A dialog's close event arrives a moment
   * after Escape; by then a shortcut may have opened another dialog, which must stay.
   */
  closeOverlay(overlay: NonNullable<Overlay>): void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set, get) => ({
  route: { name: 'home' },
  overlay: null,
  navigate(route) {
    // Leaving a note writes what was typed at once rather than after the autosave delay.
    void get().flushNote();
    void get().flushReport();
    set({ route });
  },
  openOverlay: (overlay) => set({ overlay }),
  closeOverlay: (overlay) => {
    if (get().overlay === overlay) set({ overlay: null });
  },
});
