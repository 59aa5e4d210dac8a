import type { Message, PeerId, PeerMetadata } from '@automerge/automerge-repo';
import { EventEmitter } from 'node:events';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { confirmationTag, cpaceStart, newSessionNonce, tagsEqual } from './cpace';
import { FramedSocket } from './framed-socket';
import { certificateFingerprint, ensureIdentity } from './lan-state';
import type { LanIdentity, LanStateStore } from './lan-state';
import { formatAddress } from './pairing-code';
import type { JoinInvitation } from './pairing-code';
import {
  HANDSHAKE_TIMEOUT_MS,
  PROTOCOL_VERSION,
  asPeerId,
  channelId,
  cleanMetadata,
  messageFrame,
  pakeFrame,
  refusedFrame,
  toMessage,
  welcomeFrame,
} from './protocol';
import { ReadyAdapter } from './ready-adapter';
import type { RefusalReason, WelcomeFrame } from './protocol';

/** Why joining stopped for good (no retry would help): shown to the user, translated. */
export type JoinRefusal =
  'wrong-code' | 'not-paired' | 'removed' | 'fingerprint-mismatch' | 'code-required' | 'protocol';

export type JoinStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'connected'; hostName: string; hostFingerprint: string }
  | { state: 'waiting'; retryInMs: number; error: string }
  | { state: 'refused'; reason: JoinRefusal }
  | { state: 'closed' };

export interface LanJoinerOptions {
  state: LanStateStore;
  invitation: JoinInvitation;
  /** The name the host shows for this member. */
  name: string;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  handshakeTimeoutMs?: number;
}

/**
 * Joining a delegation's host, as an automerge-repo network adapter. The first connection
 * pairs with the code (CPace, bound to both certificates) and pins the host's certificate;
 * later ones are admitted by the certificates alone. A dropped connection is retried with
 * growing pauses; a refusal (wrong code, removed from the delegation) stops for good.
 */
export class LanJoiner extends ReadyAdapter {
  readonly events = new EventEmitter<{ status: [JoinStatus] }>();
  readonly #options: Required<LanJoinerOptions>;
  #status: JoinStatus = { state: 'connecting', attempt: 0 };
  #framed: FramedSocket | null = null;
  #hostPeerId: PeerId | null = null;
  #identity: LanIdentity | null = null;
  #stopped = false;
  #attempt = 0;
  #timer: NodeJS.Timeout | null = null;
  #repair = false;
  /** The host said this laptop was removed: a code that then fails is not "a typo". */
  #removed = false;
  /** Connected at least once in this run: a later refusal is the host cutting us off. */
  #wasConnected = false;

  constructor(options: LanJoinerOptions) {
    super();
    this.#options = {
      reconnectMinMs: 250,
      reconnectMaxMs: 10_000,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      ...options,
    };
  }

  get status(): JoinStatus {
    return this.#status;
  }

  /** Resolves at the first connection, or rejects with the reason it was refused. */
  whenConnected(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (status: JoinStatus) => {
        if (status.state === 'connected') resolve();
        else if (status.state === 'refused') reject(new Error(status.reason));
        else if (status.state === 'closed') reject(new Error('closed'));
        else return;
        this.events.off('status', check);
      };
      this.events.on('status', check);
      check(this.#status);
    });
  }

  // NetworkAdapter

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata;
    void this.#dial();
  }

  send(message: Message): void {
    if (message.targetId === this.#hostPeerId) this.#framed?.send({ t: 'm', m: message });
  }

  disconnect(): void {
    this.close();
  }

  close(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#framed?.socket.destroy();
    this.#setStatus({ state: 'closed' });
    this.markReady();
    this.emit('close');
  }

  #setStatus(status: JoinStatus): void {
    this.#status = status;
    this.events.emit('status', status);
  }

  /**
   * Ready once the first attempt ends either way, so the Repo never waits on a host that is
   * away: documents it already has stay usable offline.
   */
  async #dial(): Promise<void> {
    if (this.#stopped) return;
    this.#attempt += 1;
    this.#setStatus({ state: 'connecting', attempt: this.#attempt });
    this.#identity ??= await ensureIdentity(this.#options.state);
    const { host, port } = this.#options.invitation;
    const socket = tlsConnect({
      host,
      port,
      key: this.#identity.key,
      cert: this.#identity.cert,
      minVersion: 'TLSv1.3',
      // The host's certificate is self-signed: it is checked against the pinned or scanned
      // fingerprint below, or proven by the code, never by a certificate authority.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    socket.setNoDelay(true);
    const framed = new FramedSocket(socket);
    const opened = await new Promise<string | null>((resolve) => {
      socket.once('secureConnect', () => resolve(null));
      socket.once('error', (error) => resolve(error.message));
      socket.once('close', () => resolve('closed'));
    });
    if (opened !== null) return this.#retry(opened);
    const outcome = await this.#handshake(socket, framed).catch(
      (error: unknown) => ({ retry: String(error) }) as const,
    );
    if (outcome === 'connected') return;
    if ('refused' in outcome) {
      socket.destroy();
      this.#stopped = true;
      this.#setStatus({ state: 'refused', reason: outcome.refused });
      this.markReady();
      return;
    }
    socket.destroy();
    this.#retry(outcome.retry);
  }

  #retry(error: string): void {
    this.markReady();
    if (this.#stopped) return;
    const retryInMs = Math.min(
      this.#options.reconnectMaxMs,
      this.#options.reconnectMinMs * 2 ** Math.min(this.#attempt - 1, 10),
    );
    this.#setStatus({ state: 'waiting', retryInMs, error });
    this.#timer = setTimeout(() => void this.#dial(), retryInMs);
  }

  async #handshake(
    socket: TLSSocket,
    framed: FramedSocket,
  ): Promise<'connected' | { refused: JoinRefusal } | { retry: string }> {
    const certificate = socket.getPeerX509Certificate();
    if (!certificate || !this.#identity || !this.peerId) return { refused: 'protocol' };
    const hostFingerprint = certificateFingerprint(certificate);
    const state = await this.#options.state.load();
    const pinned = state.hosts.find((host) => host.fingerprint === hostFingerprint);
    const { invitation } = this.#options;
    // A scanned fingerprint is checked before a single byte of ours is sent.
    if (invitation.fingerprint && invitation.fingerprint !== hostFingerprint) {
      return { refused: 'fingerprint-mismatch' };
    }
    const hello = {
      t: 'hello',
      v: PROTOCOL_VERSION,
      name: this.#options.name,
      peerId: this.peerId,
      peerMetadata: cleanMetadata(this.peerMetadata),
    };
    const timeout = this.#options.handshakeTimeoutMs;
    const pairing = !pinned || this.#repair;
    if (pairing) {
      const code = invitation.code;
      if (!code) return { refused: pinned ? 'not-paired' : 'code-required' };
      const nonce = newSessionNonce();
      const ci = channelId(hostFingerprint, certificateFingerprint(this.#identity.cert));
      const cpace = cpaceStart('joiner', code, ci, nonce);
      framed.send({ ...hello, mode: 'pair', nonce, share: cpace.share });
      const reply = await framed.next(timeout);
      const refusal = refusedFrame.safeParse(reply);
      if (refusal.success) return { refused: asRefusal(refusal.data.reason) };
      const pake = pakeFrame.safeParse(reply);
      if (!pake.success) return { retry: reply === null ? 'closed' : 'protocol' };
      const key = cpace.finish(pake.data.share);
      // A host that cannot prove the code is either given the wrong code or not our host.
      if (!key || !tagsEqual(pake.data.confirm, confirmationTag(key, 'host'))) {
        return { refused: this.#removed ? 'removed' : 'wrong-code' };
      }
      framed.send({ t: 'confirm', confirm: confirmationTag(key, 'joiner') });
    } else {
      framed.send({ ...hello, mode: 'resume' });
    }
    const reply = await framed.next(timeout);
    const refusal = refusedFrame.safeParse(reply);
    if (refusal.success) {
      // The host lost this laptop's pairing (a new workspace there): pair again with the code.
      if (refusal.data.reason === 'not-paired' && !pairing && invitation.code) {
        this.#repair = true;
        return { retry: 'not-paired' };
      }
      // Removed by the host. Cut off while connected: stop, and say so. Joining anew with a
      // code: try it once, as the host may have given the removed laptop the new one.
      if (refusal.data.reason === 'removed' && !pairing && invitation.code && !this.#wasConnected) {
        this.#repair = true;
        this.#removed = true;
        return { retry: 'removed' };
      }
      return { refused: asRefusal(refusal.data.reason) };
    }
    const welcome = welcomeFrame.safeParse(reply);
    if (!welcome.success) return { retry: reply === null ? 'closed' : 'protocol' };
    if (pairing) {
      const hosts = state.hosts.filter((host) => host.fingerprint !== hostFingerprint);
      hosts.push({
        fingerprint: hostFingerprint,
        name: welcome.data.name,
        address: formatAddress(invitation),
        pairedAt: new Date().toISOString(),
      });
      await this.#options.state.save({ ...(await this.#options.state.load()), hosts });
      this.#repair = false;
    }
    this.#attach(framed, welcome.data, hostFingerprint);
    return 'connected';
  }

  #attach(framed: FramedSocket, welcome: WelcomeFrame, hostFingerprint: string): void {
    const hostPeerId = asPeerId(welcome.peerId);
    this.#framed = framed;
    this.#hostPeerId = hostPeerId;
    this.#attempt = 0;
    this.#wasConnected = true;
    this.#removed = false;
    framed.stream((frame) => {
      const parsed = messageFrame.safeParse(frame);
      if (!parsed.success) return framed.socket.destroy();
      const message = toMessage(parsed.data);
      if (message.senderId !== hostPeerId || message.targetId !== this.peerId) return;
      this.emit('message', message);
    });
    void framed.closed.then(() => {
      if (this.#framed !== framed) return;
      this.#framed = null;
      this.#hostPeerId = null;
      this.emit('peer-disconnected', { peerId: hostPeerId });
      this.#retry('closed');
    });
    this.emit('peer-candidate', {
      peerId: hostPeerId,
      peerMetadata: cleanMetadata(welcome.peerMetadata as PeerMetadata | undefined),
    });
    this.#setStatus({ state: 'connected', hostName: welcome.name, hostFingerprint });
    this.markReady();
  }
}

function asRefusal(reason: RefusalReason): JoinRefusal {
  return reason === 'no-code' ? 'code-required' : reason;
}
