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

/**
 * Browser mode: the token travels in an HttpOnly cookie set when the user opened the
 * printed address, so nothing here handles it.
 */
export function httpTransport(base = ''): ApiTransport {
  return {
    kind: 'browser',
    async invoke(channel, input) {
      try {
        const response = await fetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as ApiResult<unknown>;
      } catch (error) {
        return networkError(error instanceof Error ? error.message : String(error));
      }
    },
    subscribe(listener) {
      const source = new EventSource(`${base}/api/events`, { withCredentials: true });
      source.onmessage = (message: MessageEvent<string>) => {
        listener(JSON.parse(message.data) as ApiEvent);
      };
      return () => source.close();
    },
  };
}

/** Electron's bridge when the preload provided it, HTTP otherwise. */
export function pickTransport(win: Window): ApiTransport {
  return win.risalah ? ipcTransport(win.risalah) : httpTransport();
}
