import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiEvent, ApiInput, ApiOutput } from '../../../electron/common/api/contract';
import type { ApiResult } from '../../../electron/common/api/types';
import type { ApiErrorPayload } from '../../../electron/common/errors';

/** How calls leave the renderer: Electron's preload bridge or HTTP in browser mode. */
export interface ApiTransport {
  kind: 'electron' | 'browser';
  /** `keepalive`: the page is going away, and the request must outlive it. */
  invoke(
    channel: ApiChannel,
    input: unknown,
    options?: { keepalive?: boolean },
  ): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

/** A failed call, carrying the code the UI translates under `errors:`. */
export class ApiError extends Error {
  readonly payload: ApiErrorPayload;

  constructor(payload: ApiErrorPayload) {
    super(payload.detail ?? payload.code);
    this.name = 'ApiError';
    this.payload = payload;
  }
}

export interface ApiClient {
  readonly transport: ApiTransport['kind'];
  call<C extends ApiChannel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Hears the number of each edit a call made (see `ApiResult`). */
  onEdit(listener: (edit: number) => void): void;
  /** While true, calls are sent so that they outlive the page (it is being hidden or left). */
  leaving: boolean;
}

export function createApiClient(transport: ApiTransport): ApiClient {
  const editListeners: ((edit: number) => void)[] = [];
  const client: ApiClient = {
    transport: transport.kind,
    leaving: false,
    async call(channel, input) {
      const result = await transport.invoke(channel, input, { keepalive: client.leaving });
      if (!result.ok) throw new ApiError(result.error);
      if (result.edit !== undefined) for (const listener of editListeners) listener(result.edit);
      return result.value as never;
    },
    subscribe: (listener) => transport.subscribe(listener),
    onEdit: (listener) => void editListeners.push(listener),
  };
  return client;
}
