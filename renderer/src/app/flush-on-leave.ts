import type { ApiClient } from '../api/api-client';
import { flushAllAutosaves, flushAllForExit } from '../store/autosave';

/** What the desktop preload adds to `window.risalah`: the main process asking for a flush. */
interface FlushBridge {
  onFlushRequest?(handler: () => Promise<void>): void;
}

/**
 * Nothing typed waits for a timer when the page goes away: on `pagehide` (reload, close,
 * navigation) and when the tab is hidden, every editor sends what it holds at once, in
 * requests that outlive the page. In the desktop app the main process also asks, and waits,
 * before it closes or reloads the window.
 */
export function flushOnLeave(api: ApiClient, win: Window = window): void {
  const leave = () => {
    api.leaving = true;
    flushAllForExit();
  };
  win.addEventListener('pagehide', leave);
  win.addEventListener('pageshow', () => (api.leaving = false));
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') leave();
    else api.leaving = false;
  });
  const bridge = (win as Window & { risalah?: FlushBridge }).risalah;
  bridge?.onFlushRequest?.(() => flushAllAutosaves());
}
