import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { confirmLeave, hasUnsaved } from './unsaved-changes';

export const forumSections = [
  'agenda',
  'notes',
  'agreement',
  'commitments',
  'contacts',
  'report',
  'export',
  'share',
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
    // A form with unsaved input asks first; with nothing unsaved the move is immediate.
    if (hasUnsaved()) {
      void confirmLeave().then((leave) => leave && get().navigate(route));
      return;
    }
    // Leaving a note writes what was typed at once rather than after the autosave delay.
    void get().flushNote();
    void get().flushReport();
    const was = get().route;
    const stays =
      route.name === 'forum' &&
      route.section === 'notes' &&
      was.name === 'forum' &&
      route.forumId === was.forumId;
    const leaving = was.name === 'forum' && was.section === 'notes' && !stays;
    // Keys typed for a note being made stop being collected once its tab is left.
    set(leaving ? { route, typeAhead: null, noteFocus: null } : { route });
    // Off the Notes tab, a note left empty goes (the host keeps it if it has anything).
    if (leaving) void get().leaveNote();
  },
  openOverlay: (overlay) => {
    // A shortcut opening another dialog would close the new-forum one and drop its input
    // (closing it, `null`, has been asked about by the dialog itself).
    const dialog = get().overlay === 'new-forum' && overlay !== null && overlay !== 'new-forum';
    if (dialog && hasUnsaved()) {
      void confirmLeave().then((leave) => leave && set({ overlay }));
      return;
    }
    set({ overlay });
  },
  closeOverlay: (overlay) => {
    if (get().overlay === overlay) set({ overlay: null });
  },
});
