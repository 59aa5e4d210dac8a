import { NetworkAdapter } from '@automerge/automerge-repo';

/**
 * The readiness part of automerge-repo's `NetworkAdapter`, shared by the host and the joiner:
 * the Repo waits on `whenReady()` before it syncs, and each side says when that is.
 */
export abstract class ReadyAdapter extends NetworkAdapter {
  #ready = false;
  #readyResolvers: (() => void)[] = [];

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => this.#readyResolvers.push(resolve));
  }

  protected markReady(): void {
    this.#ready = true;
    for (const resolve of this.#readyResolvers.splice(0)) resolve();
  }
}
