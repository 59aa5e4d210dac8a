import type { AppStore } from '../store/app-store';
import { forumSections } from '../store/nav-slice';
import type { ForumSection, Route } from '../store/nav-slice';

/** Where the app is, as the URL's fragment says it: a route, and the note open in it. */
export interface Location {
  route: Route;
  noteId: string | null;
}

const pages = ['settings', 'commitments', 'contacts'] as const;

/**
 * The fragment for a route: `#/`, `#/settings`, `#/forum/<id>/<tab>`, and on the Notes tab
 * `#/forum/<id>/notes/<note>`. A fragment, not a path, so the desktop's `app://` pages and
 * browser mode's server need no route of their own, and a reload asks nothing of them.
 */
export function formatLocation({ route, noteId }: Location): string {
  if (route.name === 'home') return '#/';
  if (route.name !== 'forum') return `#/${route.name}`;
  const base = `#/forum/${encodeURIComponent(route.forumId)}/${route.section}`;
  return route.section === 'notes' && noteId ? `${base}/${encodeURIComponent(noteId)}` : base;
}

/** The location a fragment names, or null when it names none (a typo, an old link). */
export function parseLocation(hash: string): Location | null {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { route: { name: 'home' }, noteId: null };
  const parts = path.replace(/^\//, '').split('/');
  const [first, forumId, section, noteId, ...rest] = parts;
  if (parts.length === 1 && (pages as readonly string[]).includes(first ?? '')) {
    return { route: { name: first as (typeof pages)[number] }, noteId: null };
  }
  if (first !== 'forum' || !forumId || rest.length > 0) return null;
  const tab = (section ?? 'agenda') as ForumSection;
  if (!forumSections.includes(tab)) return null;
  if (noteId !== undefined && (tab !== 'notes' || !noteId)) return null;
  try {
    return {
      route: { name: 'forum', forumId: decodeURIComponent(forumId), section: tab },
      noteId: noteId ? decodeURIComponent(noteId) : null,
    };
  } catch {
    return null;
  }
}

/** The location the store shows: the route, and the note open on the Notes tab. */
export function shownLocation(state: ReturnType<AppStore['getState']>): Location {
  const { route, editing, notesForumId } = state;
  const noteShown =
    route.name === 'forum' && route.section === 'notes' && notesForumId === route.forumId;
  return { route, noteId: noteShown && editing ? editing.id : null };
}

/**
 * Goes where a fragment points. A forum or note that no longer exists (deleted, or an old
 * link) falls back to the nearest place that does, and says so in the toast.
 */
export async function goToLocation(store: AppStore, hash: string): Promise<void> {
  const state = store.getState();
  const target = parseLocation(hash);
  if (!target) {
    state.navigate({ name: 'home' });
    state.showToast({ key: 'route.unknown' });
    return;
  }
  const { route, noteId } = target;
  if (route.name !== 'forum') return state.navigate(route);
  if (!state.forums.some((f) => f.id === route.forumId && !f.deletedAt)) {
    state.navigate({ name: 'home' });
    state.showToast({ key: 'route.forumMissing' });
    return;
  }
  if (!noteId) {
    state.navigate(route);
    // The Notes tab without a note: the note that was open closes (Back from a note).
    if (route.section === 'notes' && state.editing && state.notesForumId === route.forumId)
      await state.openNote(null);
    return;
  }
  // The notes are loaded before the page shows, so the page does not load them again
  // (and close the note) after it is opened.
  if (state.notesForumId !== route.forumId) await state.loadNotes(route.forumId);
  state.navigate(route);
  if (store.getState().notes.some((n) => n.id === noteId)) {
    await store.getState().openNote(noteId);
  } else {
    await store.getState().openNote(null);
    store.getState().showToast({ key: 'route.noteMissing' });
  }
}

/**
 * Keeps the address in step with the app: each place shown becomes a history entry (so Back
 * and Forward move between forums, tabs and notes), a reload or a bookmark comes back to
 * it, and the desktop app remembers the last one between runs.
 */
export function syncLocation(store: AppStore, win: Window = window): () => void {
  let following = 0;
  const follow = async (hash: string) => {
    following++;
    try {
      await goToLocation(store, hash);
    } catch {
      store.getState().navigate({ name: 'home' });
      store.getState().showToast({ key: 'route.unknown' });
    } finally {
      following--;
    }
    // Where the app ended up (a fallback, a normalised fragment) replaces the entry followed.
    const shown = formatLocation(shownLocation(store.getState()));
    if (shown !== win.location.hash) win.history.replaceState(null, '', shown);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (following > 0) return;
    if (
      state.route === previous.route &&
      state.editing?.id === previous.editing?.id &&
      state.notesForumId === previous.notesForumId
    )
      return;
    const shown = formatLocation(shownLocation(state));
    if (shown === win.location.hash) return;
    // A note opened on the Notes tab that showed none takes that entry's place: Back goes
    // to where the delegate was before the tab, not to the same tab without its note.
    if (shown.startsWith(`${win.location.hash}/`) && shown.includes('/notes/'))
      win.history.replaceState(null, '', shown);
    else win.history.pushState(null, '', shown);
  });
  const onPop = () => void follow(win.location.hash);
  win.addEventListener('popstate', onPop);
  void follow(win.location.hash);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
