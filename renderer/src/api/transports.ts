import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiEvent } from '../../../electron/common/api/contract';
import type { ApiResult } from '../../../electron/common/api/types';
import type { ApiTransport } from './api-client';

/** What the preload exposes as `window.risalah` inside the desktop app. */
export interface RisalahBridge {
  api: Record<ApiChannel, (input: unknown) => Promise<ApiResult<unknown>>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

declare global {
  interface Window {
    risalah?: RisalahBridge;
  }
}

export function ipcTransport(bridge: RisalahBridge): ApiTransport {
  return {
    kind: 'electron',
    invoke: (channel, input) => bridge.api[channel](input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

const networkError = (detail: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'host-unreachable', params: {}, detail },
});

const TOKEN_KEY = 'risalah-token';
let browserToken: string | null | undefined;

/**
 * Browser mode's credential: the token of the address the user opened, kept by this page
 * in its session storage (scoped to this origin, port included, and to this tab, so a
 * reload keeps it) and removed from the address bar. It is never a cookie, because the
 * browser would send a cookie to every other server on 127.0.0.1 as well.
 */
function credential(): string | null {
  if (browserToken !== undefined) return browserToken;
  const url = new URL(window.location.href);
  const offered = url.searchParams.get('token');
  if (offered !== null) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    try {
      window.sessionStorage.setItem(TOKEN_KEY, offered);
    } catch {
      // Storage refused (a locked-down profile): the token lives in memory until a reload.
    }
    browserToken = offered;
  } else {
    try {
      browserToken = window.sessionStorage.getItem(TOKEN_KEY);
    } catch {
      browserToken = null;
    }
  }
  return browserToken;
}

/**
 * Every request to the browser-mode host goes through here: the one place the credential
 * is attached (a `keepalive` flush on unload included).
 */
export function hostRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = credential();
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  return fetch(path, { ...init, headers, credentials: 'omit' });
}

/**
 * Server-sent events read from a fetch, because `EventSource` cannot send the header that
 * carries the credential. No reconnection: on loopback the stream only ends when the host
 * stops, and a host started again has a new token (and usually a new port), so retrying
 * could only fail; the page's next call reports the host unreachable instead.
 */
function subscribeToEvents(base: string, listener: (event: ApiEvent) => void): () => void {
  const controller = new AbortController();
  const connect = async (): Promise<void> => {
    try {
      const response = await hostRequest(`${base}/api/events`, {
        headers: { Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length))
            .join('\n');
          buffer = buffer.slice(end + 2);
          if (data !== '') listener(JSON.parse(data) as ApiEvent);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The host stopped, or the page unsubscribed.
    }
  };
  void connect();
  return () => controller.abort();
}

const KEEPALIVE_LIMIT = 60_000;

/** Browser mode: HTTP to the host that served this page, the token in a header. */
export function httpTransport(base = ''): ApiTransport {
  return {
    kind: 'browser',
    async invoke(channel, input, options) {
      try {
        const body = JSON.stringify(input ?? {});
        const response = await hostRequest(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          // Leaving the page: a keepalive request outlives it (the browser allows 64 KiB).
          keepalive: options?.keepalive === true && body.length < KEEPALIVE_LIMIT,
        });
        return (await response.json()) as ApiResult<unknown>;
      } catch (error) {
        return networkError(error instanceof Error ? error.message : String(error));
      }
    },
    subscribe: (listener) => subscribeToEvents(base, listener),
  };
}

/** Electron's bridge when the preload provided it, HTTP otherwise. */
export function pickTransport(win: Window): ApiTransport {
  if (win.risalah) return ipcTransport(win.risalah);
  // Take the token out of the address bar at once, before anything else runs.
  credential();
  return httpTransport();
}
