import type { Workspace } from '../node/store/workspace';

/** What a route fragment of the page may look like (`#/forum/<id>/notes/<id>`). */
const ROUTE = /^#\/[\w\-./%]{0,400}$/;

/** How long the route stays only in memory after the last move (a close writes it at once). */
export const ROUTE_SAVE_DELAY_MS = 5_000;

/** The route fragment of a page address, or null when it has none worth keeping. */
export function routeOf(url: string): string | null {
  try {
    const { hash } = new URL(url);
    return ROUTE.test(hash) ? hash : null;
  } catch {
    return null;
  }
}

/** The page to open: the app's start page at the route shown when it was last closed. */
export function startUrl(origin: string, workspace: Workspace | null): string {
  const route = workspace?.settings.lastRoute;
  return `${origin}/index.html${route && ROUTE.test(route) ? route : ''}`;
}

/**
 * Keeps the route the window shows in the workspace's settings, so the next start opens the
 * forum, tab and note the delegate left. The page moves with `history.pushState`, which the
 * window reports as an in-page navigation; the route is written a few seconds after the last
 * move, and at once when the window closes (settings are a small part of `workspace.json`,
 * rewritten whole, so not on every click). A locked workspace keeps none.
 */
export function rememberRoute(
  window: Pick<Electron.BrowserWindow, 'on'> & {
    webContents: Pick<Electron.WebContents, 'on'>;
  },
  workspace: () => Workspace | null,
  delayMs = ROUTE_SAVE_DELAY_MS,
): void {
  let shown: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    const open = workspace();
    if (shown && open && open.settings.lastRoute !== shown)
      open.updateSettings({ lastRoute: shown });
  };
  window.webContents.on('did-navigate-in-page', (_event, url) => {
    const route = routeOf(url);
    if (!route) return;
    shown = route;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  window.on('close', save);
}
