import type { ApiEvent, ApiEvents } from '../../common/api/contract';

export type ApiEventListener = (event: ApiEvent) => void;

/** Pushes from the Node side to whichever transports are attached (IPC, SSE). */
export class EventBus {
  readonly #listeners = new Set<ApiEventListener>();

  emit<E extends keyof ApiEvents>(name: E, payload: ApiEvents[E]): void {
    const event = { name, payload } as ApiEvent;
    for (const listener of this.#listeners) listener(event);
  }

  subscribe(listener: ApiEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
