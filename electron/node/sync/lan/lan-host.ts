import type { Message, PeerId, PeerMetadata } from '@automerge/automerge-repo';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:tls';
import type { Server, TLSSocket } from 'node:tls';
import { confirmationTag, cpaceStart, tagsEqual } from './cpace';
import { FramedSocket } from './framed-socket';
import { certificateFingerprint, ensureIdentity, removeFromState } from './lan-state';
import type { LanStateStore, PairedPeer, RemovedPeer } from './lan-state';
import { formatInvitation, newPairingCode } from './pairing-code';
import type { LanAddress } from './pairing-code';
import {
  HANDSHAKE_TIMEOUT_MS,
  PROTOCOL_VERSION,
  asPeerId,
  channelId,
  cleanMetadata,
  confirmFrame,
  helloFrame,
  messageFrame,
  toMessage,
} from './protocol';
import { ReadyAdapter } from './ready-adapter';
import type { HelloFrame, RefusalReason } from './protocol';

export interface LanHostOptions {
  state: LanStateStore;
  /** The interface to listen on: the LAN address the user picked (tests: 127.0.0.1). */
  bindAddress: string;
  /** 0 picks a free port. */
  port?: number;
  /** The name peers see (the member's name). */
  name: string;
  /** Failed pairing attempts after which the code is retired and a new one shown. */
  maxFailedPairings?: number;
  handshakeTimeoutMs?: number;
}

export interface ConnectedPeer {
  peerId: PeerId;
  fingerprint: string;
  name: string;
  remoteAddress: string;
}

export interface LanHostEvents {
  /** Peers connected or left, a peer was paired or removed, or the code changed. */
  change: [];
  /** A joiner gave a wrong code (or a man in the middle tried one). */
  'pairing-failed': [{ remoteAddress: string; codeRetired: boolean }];
}

/**
 * "Host this delegation": a TLS 1.3 listener on the LAN, as an automerge-repo network
 * adapter. Every peer presents its own self-signed certificate; a certificate paired before
 * is admitted at once, an unknown one only after proving the pairing code (CPace). Each
 * admitted connection becomes one Repo peer; which documents it sees is the Repo's share
 * configuration.
 */
export class LanHost extends ReadyAdapter {
  readonly status = new EventEmitter<LanHostEvents>();
  readonly #options: Required<Omit<LanHostOptions, 'port'>> & { port: number };
  #server: Server | null = null;
  #fingerprint = '';
  #code = newPairingCode();
  #failures = 0;
  #connections = new Map<PeerId, { framed: FramedSocket; peer: ConnectedPeer }>();
  #sockets = new Set<TLSSocket>();
  #repoJoined: Promise<void>;
  #resolveRepoJoined!: () => void;

  private constructor(options: LanHostOptions) {
    super();
    this.#options = {
      maxFailedPairings: 5,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      port: 0,
      ...options,
    };
    this.#repoJoined = new Promise((resolve) => (this.#resolveRepoJoined = resolve));
  }

  /** Listens on the chosen interface; the Repo is connected when it is given the adapter. */
  static async start(options: LanHostOptions): Promise<LanHost> {
    const host = new LanHost(options);
    await host.#listen();
    return host;
  }

  get fingerprint(): string {
    return this.#fingerprint;
  }

  get pairingCode(): string {
    return this.#code;
  }

  get address(): LanAddress {
    const info = this.#server?.address() as AddressInfo | null;
    return { host: this.#options.bindAddress, port: info?.port ?? 0 };
  }

  /** The QR code's text: address, certificate fingerprint and code in one URL. */
  invitation(): string {
    return formatInvitation({ ...this.address, fingerprint: this.#fingerprint, code: this.#code });
  }

  connectedPeers(): ConnectedPeer[] {
    return [...this.#connections.values()].map(({ peer }) => peer);
  }

  async pairedPeers(): Promise<PairedPeer[]> {
    return (await this.#options.state.load()).peers;
  }

  /** Laptops removed from the delegation (and not admitted again since). */
  async removedPeers(): Promise<RemovedPeer[]> {
    return (await this.#options.state.load()).removed;
  }

  /** A new code; the old one stops working at once (joiners paired with it stay paired). */
  renewCode(): string {
    this.#code = newPairingCode();
    this.#failures = 0;
    this.status.emit('change');
    return this.#code;
  }

  /**
   * Forgets a peer and cuts its connections. The code is renewed too: the removed member
   * knew the old one and must not be able to pair again with it. The laptop is remembered
   * as removed, so that when it comes back it is told so, not that its code was wrong.
   */
  async removePeer(fingerprint: string): Promise<void> {
    const connected = this.connectedPeers().find((p) => p.fingerprint === fingerprint);
    const state = await this.#options.state.load();
    await this.#options.state.save(removeFromState(state, fingerprint, connected?.name));
    for (const { framed, peer } of [...this.#connections.values()]) {
      if (peer.fingerprint === fingerprint) framed.socket.destroy();
    }
    this.renewCode();
  }

  // NetworkAdapter

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata;
    this.#resolveRepoJoined();
    if (this.#server) this.markReady();
  }

  send(message: Message): void {
    this.#connections.get(message.targetId)?.framed.send({ t: 'm', m: message });
  }

  disconnect(): void {
    void this.close();
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    this.emit('close');
  }

  async #listen(): Promise<void> {
    const identity = await ensureIdentity(this.#options.state);
    this.#fingerprint = certificateFingerprint(identity.cert);
    const server = createServer({
      key: identity.key,
      cert: identity.cert,
      minVersion: 'TLSv1.3',
      // Every joiner shows its own certificate; it is checked against the pairings below,
      // not against a certificate authority (there is none on a hotel LAN).
      requestCert: true,
      rejectUnauthorized: false,
    });
    server.on('secureConnection', (socket) => void this.#admit(socket));
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.bindAddress, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#server = server;
    if (this.peerId) this.markReady();
  }

  async #admit(socket: TLSSocket): Promise<void> {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    socket.setKeepAlive(true, 10_000);
    socket.setNoDelay(true);
    const framed = new FramedSocket(socket);
    // Read now: once the socket closes, Node no longer knows where it came from.
    const remoteAddress = socket.remoteAddress ?? '';
    const refuse = (reason: RefusalReason) => {
      framed.send({ t: 'refused', reason });
      framed.close();
    };
    const certificate = socket.getPeerX509Certificate();
    if (!certificate) return refuse('protocol');
    const fingerprint = certificateFingerprint(certificate);
    const hello = helloFrame.safeParse(await framed.next(this.#options.handshakeTimeoutMs));
    if (!hello.success || hello.data.v !== PROTOCOL_VERSION) return refuse('protocol');
    await this.#repoJoined;

    const state = await this.#options.state.load();
    const known = state.peers.some((peer) => peer.fingerprint === fingerprint);
    // Its certificate proves which laptop it is, so telling it that it was removed says
    // nothing a stranger could use; a wrong code would send its user hunting for a typo.
    const removed = state.removed.some((peer) => peer.fingerprint === fingerprint);
    if (hello.data.mode === 'resume' && !known) return refuse(removed ? 'removed' : 'not-paired');
    if (hello.data.mode === 'pair') {
      // The host may admit a removed laptop again by giving it the new code.
      const outcome = await this.#pair(framed, hello.data, fingerprint, remoteAddress);
      if (outcome !== 'paired')
        return refuse(removed && outcome === 'wrong-code' ? 'removed' : outcome);
    }
    this.#welcome(framed, hello.data, fingerprint, remoteAddress);
  }

  async #pair(
    framed: FramedSocket,
    hello: HelloFrame,
    fingerprint: string,
    remoteAddress: string,
  ): Promise<'paired' | RefusalReason> {
    if (!hello.share || !hello.nonce || hello.nonce.length !== 16) return 'protocol';
    const code = this.#code;
    // The joiner's fresh nonce is the session id; our fresh secret scalar makes every run's
    // key new even if a joiner's messages are replayed.
    const cpace = cpaceStart('host', code, channelId(this.#fingerprint, fingerprint), hello.nonce);
    const key = cpace.finish(hello.share);
    if (!key) return 'protocol';
    // Counted as failed until the joiner proves the code: a guesser who hangs up after
    // seeing our confirmation still spends one of the code's attempts.
    this.#failures += 1;
    framed.send({ t: 'pake', share: cpace.share, confirm: confirmationTag(key, 'host') });
    const answer = confirmFrame.safeParse(await framed.next(this.#options.handshakeTimeoutMs));
    if (!answer.success || !tagsEqual(answer.data.confirm, confirmationTag(key, 'joiner'))) {
      const codeRetired = code === this.#code && this.#failures >= this.#options.maxFailedPairings;
      if (codeRetired) this.renewCode();
      this.status.emit('pairing-failed', { remoteAddress, codeRetired });
      return 'wrong-code';
    }
    this.#failures = Math.max(0, this.#failures - 1);
    const state = await this.#options.state.load();
    const peers = state.peers.filter((peer) => peer.fingerprint !== fingerprint);
    peers.push({ fingerprint, name: hello.name, pairedAt: new Date().toISOString() });
    const removed = state.removed.filter((peer) => peer.fingerprint !== fingerprint);
    await this.#options.state.save({ ...state, peers, removed });
    return 'paired';
  }

  #welcome(
    framed: FramedSocket,
    hello: HelloFrame,
    fingerprint: string,
    remoteAddress: string,
  ): void {
    if (framed.isClosed || !this.peerId) return;
    const peerId = asPeerId(hello.peerId);
    // The same member reconnecting (after a crash the old socket may linger): the new
    // connection replaces the old one.
    this.#connections.get(peerId)?.framed.socket.destroy();
    const peer: ConnectedPeer = {
      peerId,
      fingerprint,
      name: hello.name,
      remoteAddress,
    };
    this.#connections.set(peerId, { framed, peer });
    framed.send({
      t: 'welcome',
      peerId: this.peerId,
      peerMetadata: cleanMetadata(this.peerMetadata),
      name: this.#options.name,
    });
    void framed.closed.then(() => {
      if (this.#connections.get(peerId)?.framed !== framed) return;
      this.#connections.delete(peerId);
      this.emit('peer-disconnected', { peerId });
      this.status.emit('change');
    });
    framed.stream((frame) => {
      const parsed = messageFrame.safeParse(frame);
      // A peer speaks only for itself and only to us.
      if (!parsed.success) return framed.socket.destroy();
      const message = toMessage(parsed.data);
      if (message.senderId !== peerId || message.targetId !== this.peerId) return;
      this.emit('message', message);
    });
    this.emit('peer-candidate', {
      peerId,
      peerMetadata: cleanMetadata(hello.peerMetadata as PeerMetadata),
    });
    this.status.emit('change');
  }
}
