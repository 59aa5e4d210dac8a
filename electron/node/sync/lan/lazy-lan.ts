import type { LanStatus } from '../../../common/domain/share-views';
import type { Workspace } from '../../store/workspace';
import type { LanService, LanServiceOptions } from './lan-service';

/**
 * The LAN service of an open workspace, loaded on first use: TLS, the pairing code and
 * Automerge stay out of every start where nobody hosts or joins.
 */
export class LazyLan {
  readonly #workspace: Workspace;
  readonly #options: LanServiceOptions;
  #service: Promise<LanService> | null = null;

  constructor(workspace: Workspace, options: LanServiceOptions) {
    this.#workspace = workspace;
    this.#options = options;
  }

  service(): Promise<LanService> {
    this.#service ??= import('./lan-service').then(
      ({ LanService }) => new LanService(this.#workspace, this.#options),
    );
    return this.#service;
  }

  async status(): Promise<LanStatus> {
    return this.#service ? (await this.#service).status() : { mode: 'off' };
  }

  /** Stops hosting or leaves, before the workspace closes. */
  async close(): Promise<void> {
    if (this.#service) await (await this.#service).close();
  }
}
