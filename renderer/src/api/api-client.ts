import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ApiEvent, ApiInput, ApiOutput } from '../../../electron/common/api/contract';
import type { ApiResult } from '../../../electron/common/api/types';
import type { ApiErrorPayload } from '../../../electron/common/errors';

/** How calls leave the renderer: Electron's preload bridge or HTTP in browser mode. */
export interface ApiTransport {
  kind: 'electron' | 'browser';
  invoke(channel: ApiChannel, input: unknown): Promise<ApiResult<unknown>>;
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
}

export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    transport: transport.kind,
    async call(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
