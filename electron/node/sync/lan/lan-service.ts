import QRCode from 'qrcode';
import type { LanStatus } from '../../../common/domain/share-views';
import { AppError } from '../../../common/errors';
import type { Workspace } from '../../store/workspace';
import type { MergeSummary } from '../shared-forum';
import { LanHost } from './lan-host';
import { lanInterfaces } from './lan-interfaces';
import { LanJoiner } from './lan-joiner';
import type { JoinStatus } from './lan-joiner';
import { workspaceLanState } from './lan-state';
import {
  formatAddress,
  formatPairingCode,
  normalisePairingCode,
  parseInvitation,
} from './pairing-code';
import { WorkspaceShare } from './workspace-share';

export interface LanServiceOptions {
  /** The member's name the others see. */
  name: () => string;
  /** The address to listen on; by default the first local-network address (never all). */
  bindAddress?: string;
  /** A change from the delegation was merged and saved. */
  onMerged?: (forumId: string, summary: MergeSummary, added: boolean) => void;
}

/**
 * The app's *Host this delegation* and *Join*: one of them at a time, off until the user
 * turns it on, and off again when the workspace closes (a lock, a quit). The network code
 * and Automerge load only when it is turned on.
 */
export class LanService {
  readonly #workspace: Workspace;
  readonly #options: LanServiceOptions;
  #host: LanHost | null = null;
  #joiner: LanJoiner | null = null;
  #joinStatus: JoinStatus | null = null;
  #joinAddress = '';
  #share: WorkspaceShare | null = null;
  #qr: { invitation: string; svg: string } | null = null;
  /** Start, stop, join and leave run one at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(workspace: Workspace, options: LanServiceOptions) {
    this.#workspace = workspace;
    this.#options = options;
  }

  async status(): Promise<LanStatus> {
    const host = this.#host;
    if (host) {
      const invitation = host.invitation();
      if (this.#qr?.invitation !== invitation) {
        this.#qr = {
          invitation,
          svg: await QRCode.toString(invitation, { type: 'svg', margin: 1 }),
        };
      }
      return {
        mode: 'hosting',
        address: formatAddress(host.address),
        code: formatPairingCode(host.pairingCode),
        fingerprint: host.fingerprint,
        invitation,
        qrSvg: this.#qr.svg,
        peers: host.connectedPeers().map(({ fingerprint, name, remoteAddress }) => ({
          fingerprint,
          name,
          remoteAddress,
        })),
      };
    }
    if (this.#joiner) {
      const status = this.#joinStatus ?? { state: 'connecting', attempt: 0 };
      return {
        mode: 'joined',
        address: this.#joinAddress,
        state: status.state,
        hostName: status.state === 'connected' ? status.hostName : '',
        reason:
          status.state === 'refused'
            ? status.reason
            : status.state === 'waiting'
              ? status.error
              : '',
      };
    }
    return { mode: 'off' };
  }

  host(): Promise<LanStatus> {
    return this.#serial(async () => {
      await this.#stop();
      const bindAddress = this.#options.bindAddress ?? lanInterfaces()[0]?.address;
      if (!bindAddress) throw new AppError('lan-no-network', {});
      const host = await LanHost.start({
        state: workspaceLanState(this.#workspace),
        bindAddress,
        name: this.#options.name(),
      }).catch((error: unknown) => {
        throw new AppError('lan-cannot-listen', { address: bindAddress, message: String(error) });
      });
      this.#host = host;
      this.#share = await this.#shareOver(host);
      return this.status();
    });
  }

  join(address: string, code: string): Promise<LanStatus> {
    return this.#serial(async () => {
      const invitation = parseInvitation(address.trim());
      if (!invitation) throw new AppError('lan-bad-address', { address });
      if (code.trim()) {
        const normal = normalisePairingCode(code);
        if (!normal) throw new AppError('lan-bad-code', { code });
        invitation.code = normal;
      }
      await this.#stop();
      const joiner = new LanJoiner({
        state: workspaceLanState(this.#workspace),
        invitation,
        name: this.#options.name(),
      });
      this.#joiner = joiner;
      this.#joinAddress = formatAddress(invitation);
      this.#joinStatus = null;
      joiner.events.on('status', (status: JoinStatus) => {
        if (this.#joiner === joiner) this.#joinStatus = status;
      });
      this.#share = await this.#shareOver(joiner);
      return this.status();
    });
  }

  /** The host forgets the member's laptop and cuts it off; the pairing code changes. */
  async removePeer(fingerprint: string): Promise<LanStatus> {
    await this.#host?.removePeer(fingerprint);
    return this.status();
  }

  /** Stops hosting, or leaves the host. */
  stop(): Promise<LanStatus> {
    return this.#serial(async () => {
      await this.#stop();
      return this.status();
    });
  }

  async close(): Promise<void> {
    await this.#serial(() => this.#stop());
  }

  async #shareOver(network: LanHost | LanJoiner): Promise<WorkspaceShare> {
    // The Repo is handed each shared forum's document: load them (opening did not).
    for (const id of this.#workspace.sharedForumIds()) await this.#workspace.loadShared(id);
    return new WorkspaceShare(this.#workspace, network, { onMerged: this.#options.onMerged });
  }

  async #stop(): Promise<void> {
    const share = this.#share;
    const host = this.#host;
    const joiner = this.#joiner;
    this.#share = null;
    this.#host = null;
    this.#joiner = null;
    this.#joinStatus = null;
    await share?.close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    joiner?.close();
  }

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.catch(() => undefined).then(run);
    this.#queue = next;
    return next;
  }
}
