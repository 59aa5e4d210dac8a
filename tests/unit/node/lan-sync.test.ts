import * as A from '@automerge/automerge';
import { Repo } from '@automerge/automerge-repo';
import type {
  AutomergeUrl,
  DocHandle,
  DocumentId,
  NetworkAdapterInterface,
} from '@automerge/automerge-repo';
import { createServer as createNetServer } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { ForumRepoBridge } from '../../../electron/node/sync/lan/forum-bridge';
import type { BridgedForum } from '../../../electron/node/sync/lan/forum-bridge';
import { LanHost } from '../../../electron/node/sync/lan/lan-host';
import { LanJoiner } from '../../../electron/node/sync/lan/lan-joiner';
import type { JoinStatus } from '../../../electron/node/sync/lan/lan-joiner';
import { ensureIdentity, memoryLanState } from '../../../electron/node/sync/lan/lan-state';
import type { LanStateStore } from '../../../electron/node/sync/lan/lan-state';
import { parseInvitation } from '../../../electron/node/sync/lan/pairing-code';

// Loopback only: tests never listen on another interface.
const LOOPBACK = '127.0.0.1';

interface ForumDoc {
  shared: boolean;
  notes: Record<string, string>;
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * The rule h18-sync's share configuration follows: a document is offered to peers only
 * when it is a shared forum, and a request for a private one is answered "unavailable".
 * A document this repo does not have yet may come in (that is how a colleague's forum
 * arrives).
 */
function makeRepo(network: NetworkAdapterInterface[]): Repo {
  const handleOf = (documentId?: DocumentId) =>
    documentId ? (repo.handles[documentId] as DocHandle<ForumDoc> | undefined) : undefined;
  const announce = async (_peer: unknown, documentId?: DocumentId) =>
    handleOf(documentId)?.isReady() === true && handleOf(documentId)?.doc()?.shared === true;
  const access = async (_peer: unknown, documentId: DocumentId) => {
    const handle = handleOf(documentId);
    return !handle?.isReady() || handle.doc()?.shared === true;
  };
  const repo: Repo = new Repo({ network, shareConfig: { announce, access } });
  closers.push(() => repo.shutdown());
  return repo;
}

async function startHost(state: LanStateStore = memoryLanState()) {
  const host = await LanHost.start({ state, bindAddress: LOOPBACK, name: 'Host' });
  closers.push(() => host.close());
  const repo = makeRepo([host]);
  return { host, repo, state };
}

function join(
  host: LanHost,
  options: { code?: string; name?: string; state?: LanStateStore; fingerprint?: string } = {},
) {
  const state = options.state ?? memoryLanState();
  const joiner = new LanJoiner({
    state,
    name: options.name ?? 'Member',
    invitation: {
      ...host.address,
      ...(options.code !== undefined ? { code: options.code } : {}),
      ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
    },
    reconnectMinMs: 50,
    reconnectMaxMs: 200,
  });
  closers.push(() => joiner.close());
  const repo = makeRepo([joiner]);
  return { joiner, repo, state };
}

async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function noteOn(repo: Repo, url: AutomergeUrl, id: string): Promise<string | undefined> {
  const handle = repo.handles[url.slice('automerge:'.length) as DocumentId] as
    DocHandle<ForumDoc> | undefined;
  if (!handle?.isReady()) return undefined;
  return handle.doc()?.notes[id];
}

function refusalOf(joiner: LanJoiner): Promise<string> {
  return joiner.whenConnected().then(
    () => 'connected',
    (error: Error) => error.message,
  );
}

describe('LAN sync: host, pairing code, joiners', () => {
  it('pairs with the code, then a shared forum travels both ways and through the host', async () => {
    const { host, repo: hostRepo } = await startHost();
    const forum = hostRepo.create<ForumDoc>({ shared: true, notes: { n1: 'Pembukaan' } });
    const a = join(host, { code: host.pairingCode, name: 'Ayu' });
    const b = join(host, { code: host.pairingCode, name: 'Budi' });
    await Promise.all([a.joiner.whenConnected(), b.joiner.whenConnected()]);

    const onA = await until(() => noteOn(a.repo, forum.url, 'n1'), 'the forum on A');
    expect(onA).toBe('Pembukaan');
    // A edits; the host gets it and passes it on to B.
    const handleA = await a.repo.find<ForumDoc>(forum.url);
    handleA.change((doc) => {
      doc.notes.n2 = 'Catatan Ayu';
    });
    expect(await until(() => noteOn(b.repo, forum.url, 'n2'), 'A’s note on B')).toBe('Catatan Ayu');
    expect(await until(() => noteOn(hostRepo, forum.url, 'n2'), 'A’s note on the host')).toBe(
      'Catatan Ayu',
    );
    const names = host
      .connectedPeers()
      .map((peer) => peer.name)
      .sort();
    expect(names).toEqual(['Ayu', 'Budi']);
    expect((await host.pairedPeers()).map((peer) => peer.name).sort()).toEqual(['Ayu', 'Budi']);
  });

  it('never sends a forum that is not shared, not even when asked for by its id', async () => {
    const { host, repo: hostRepo } = await startHost();
    const privateForum = hostRepo.create<ForumDoc>({ shared: false, notes: { n: 'rahasia' } });
    const sharedForum = hostRepo.create<ForumDoc>({ shared: true, notes: { n: 'umum' } });
    const a = join(host, { code: host.pairingCode });
    await a.joiner.whenConnected();
    await until(() => noteOn(a.repo, sharedForum.url, 'n'), 'the shared forum');
    await expect(a.repo.find(privateForum.url)).rejects.toThrow(/unavailable/i);
    expect(await noteOn(a.repo, privateForum.url, 'n')).toBeUndefined();
  });

  it('refuses a wrong pairing code, admits nobody and says so on both sides', async () => {
    const { host } = await startHost();
    const failures: unknown[] = [];
    host.status.on('pairing-failed', (event) => failures.push(event));
    const wrong = host.pairingCode === '00000000' ? '11111111' : '00000000';
    const a = join(host, { code: wrong });
    expect(await refusalOf(a.joiner)).toBe('wrong-code');
    expect(await host.pairedPeers()).toEqual([]);
    expect(host.connectedPeers()).toEqual([]);
    await until(() => failures.length === 1, 'the failure event');
    expect(failures[0]).toEqual({ remoteAddress: LOOPBACK, codeRetired: false });
    expect((await a.state.load()).hosts).toEqual([]);
    // The right code still works after one mistake.
    const b = join(host, { code: host.pairingCode });
    await b.joiner.whenConnected();
  });

  it('retires the code after five failed attempts, so guessing online is bounded', async () => {
    const { host } = await startHost();
    const first = host.pairingCode;
    const failures: unknown[] = [];
    host.status.on('pairing-failed', (event) => failures.push(event));
    for (let i = 0; i < 5; i += 1) {
      const wrong = String((Number(first) + 1 + i) % 100_000_000).padStart(8, '0');
      expect(await refusalOf(join(host, { code: wrong }).joiner)).toBe('wrong-code');
    }
    await until(() => failures.length === 5, 'five failures counted');
    expect(failures.at(-1)).toMatchObject({ codeRetired: true });
    expect(host.pairingCode).not.toBe(first);
    expect(await refusalOf(join(host, { code: first }).joiner)).toBe('wrong-code');
  });

  it('reconnects without the code once paired, and is refused for good once removed', async () => {
    const { host, repo: hostRepo } = await startHost();
    const forum = hostRepo.create<ForumDoc>({ shared: true, notes: {} });
    const state = memoryLanState();
    const first = join(host, { code: host.pairingCode, state });
    await first.joiner.whenConnected();
    first.joiner.close();

    const again = join(host, { state });
    await again.joiner.whenConnected();
    forum.change((doc) => {
      doc.notes.x = 'lagi';
    });
    expect(await until(() => noteOn(again.repo, forum.url, 'x'), 'sync after resume')).toBe('lagi');

    const statuses: JoinStatus[] = [];
    again.joiner.events.on('status', (status) => statuses.push(status));
    const oldCode = host.pairingCode;
    const [peer] = await host.pairedPeers();
    if (!peer) throw new Error('no paired peer');
    await host.removePeer(peer.fingerprint);
    await until(() => statuses.find((s) => s.state === 'refused'), 'refusal after removal');
    expect(statuses.at(-1)).toEqual({ state: 'refused', reason: 'removed' });
    expect(await host.pairedPeers()).toEqual([]);
    expect(host.pairingCode).not.toBe(oldCode);
    // The old code no longer pairs the removed member again, and it is told why.
    expect(await refusalOf(join(host, { state, code: oldCode }).joiner)).toBe('removed');
    // A new code, given by the host on purpose, does.
    await join(host, { state, code: host.pairingCode }).joiner.whenConnected();
  });

  it('a laptop removed while joined with the code is told it was removed, not that the code was wrong', async () => {
    const { host } = await startHost();
    const state = memoryLanState();
    // As the app and the CLI join: with the code, kept for reconnecting.
    const member = join(host, { code: host.pairingCode, state, name: 'Budi' });
    await member.joiner.whenConnected();
    const statuses: JoinStatus[] = [];
    member.joiner.events.on('status', (status) => statuses.push(status));
    const [peer] = await host.pairedPeers();
    if (!peer) throw new Error('no paired peer');
    await host.removePeer(peer.fingerprint);
    await until(() => statuses.find((s) => s.state === 'refused'), 'refusal after removal');
    expect(statuses.at(-1)).toEqual({ state: 'refused', reason: 'removed' });
    // It stopped trying: no attempt after the refusal.
    const seen = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statuses).toHaveLength(seen);
    // The host remembers the laptop as removed (with its name) until it admits it again.
    expect((await host.removedPeers()).map((r) => r.name)).toEqual(['Budi']);
    // A stranger with a wrong code is still told the code was wrong.
    expect(await refusalOf(join(host, { code: '00000000' }).joiner)).toBe('wrong-code');
    // Given the new code, the removed laptop is admitted again and no longer listed removed.
    await join(host, { state, code: host.pairingCode, name: 'Budi' }).joiner.whenConnected();
    expect(await host.removedPeers()).toEqual([]);
    expect((await host.pairedPeers()).map((p) => p.name)).toEqual(['Budi']);
  });

  it('reconnects after the connection drops mid-sync and converges', async () => {
    const { host, repo: hostRepo } = await startHost();
    const forum = hostRepo.create<ForumDoc>({ shared: true, notes: {} });
    // A TCP relay on loopback stands for the Wi-Fi: cutting it drops the connection.
    const wifi = await startRelay(host.address.port);
    const state = memoryLanState();
    const joiner = new LanJoiner({
      state,
      name: 'Ayu',
      invitation: { host: LOOPBACK, port: wifi.port, code: host.pairingCode },
      reconnectMinMs: 50,
    });
    closers.push(() => joiner.close());
    const a = { joiner, repo: makeRepo([joiner]) };
    await a.joiner.whenConnected();
    await until(() => a.repo.handles[forum.documentId]?.isReady(), 'forum on A');
    const handleA = await a.repo.find<ForumDoc>(forum.url);
    for (let i = 0; i < 50; i += 1) {
      handleA.change((doc) => {
        doc.notes[`a${i}`] = `catatan ${i}`;
      });
      forum.change((doc) => {
        doc.notes[`h${i}`] = `host ${i}`;
      });
      // Cut every connection in the middle of the edits: the joiner redials by itself.
      if (i === 20) wifi.cut();
    }
    await until(
      () =>
        Object.keys(forum.doc().notes).length === 100 &&
        Object.keys(handleA.doc().notes).length === 100,
      'convergence after the drop',
    );
    expect(handleA.doc().notes).toEqual(forum.doc().notes);
  });

  it('checks a scanned fingerprint before sending anything', async () => {
    const { host } = await startHost();
    const invitation = parseInvitation(host.invitation());
    expect(invitation).toEqual({
      ...host.address,
      fingerprint: host.fingerprint,
      code: host.pairingCode,
    });
    const impostor = await startHost();
    // The QR code of the real host, but the address answers with another certificate.
    const a = join(impostor.host, { code: host.pairingCode, fingerprint: host.fingerprint });
    expect(await refusalOf(a.joiner)).toBe('fingerprint-mismatch');
    expect(await impostor.host.pairedPeers()).toEqual([]);
  });

  it('defeats a man in the middle who relays the pairing with his own certificates', async () => {
    const { host } = await startHost();
    const failures: unknown[] = [];
    host.status.on('pairing-failed', (event) => failures.push(event));
    // The attacker terminates TLS on both sides and relays every byte in between: the code
    // is right, but the two sides see different certificates, so CPace cannot agree.
    const mitmState = memoryLanState();
    const mitm = await ensureIdentity(mitmState);
    const relay = createTlsServer(
      { key: mitm.key, cert: mitm.cert, requestCert: true, rejectUnauthorized: false },
      (victim) => {
        const upstream = tlsConnect({
          ...host.address,
          key: mitm.key,
          cert: mitm.cert,
          rejectUnauthorized: false,
        });
        victim.pipe(upstream).pipe(victim);
        victim.on('error', () => upstream.destroy());
        upstream.on('error', () => victim.destroy());
      },
    );
    await new Promise<void>((resolve) => relay.listen(0, LOOPBACK, resolve));
    closers.push(() => new Promise((resolve) => relay.close(resolve)));
    const port = (relay.address() as { port: number }).port;
    const state = memoryLanState();
    const joiner = new LanJoiner({
      state,
      name: 'Victim',
      invitation: { host: LOOPBACK, port, code: host.pairingCode },
    });
    closers.push(() => joiner.close());
    makeRepo([joiner]);
    expect(await refusalOf(joiner)).toBe('wrong-code');
    expect(await host.pairedPeers()).toEqual([]);
    await until(() => failures.length === 1, 'the host noticing');
  });

  it('refuses a plain TCP client and one that speaks nonsense after TLS', async () => {
    const { host } = await startHost();
    const { createConnection } = await import('node:net');
    const plain = createConnection(host.address);
    plain.on('error', () => undefined);
    plain.write('GET / HTTP/1.1\r\n\r\n');
    await new Promise((resolve) => plain.once('close', resolve));
    const state = memoryLanState();
    const me = await ensureIdentity(state);
    const socket = tlsConnect({
      ...host.address,
      key: me.key,
      cert: me.cert,
      rejectUnauthorized: false,
    });
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    socket.write(Buffer.from([0, 0, 0, 3, 1, 2, 3]));
    await new Promise((resolve) => socket.once('close', resolve));
    expect(host.connectedPeers()).toEqual([]);
    expect(await host.pairedPeers()).toEqual([]);
  });
});

/** A byte relay on loopback to `port`; `cut()` drops every connection through it. */
async function startRelay(port: number) {
  const { createConnection } = await import('node:net');
  const sockets = new Set<Socket>();
  const server = createNetServer((inbound) => {
    const outbound = createConnection({ host: LOOPBACK, port });
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return {
    port: (server.address() as { port: number }).port,
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

// Strings in Automerge 3 are collaborative text: concurrent typing merges by character.
type FakeForum = { id: string; notes: Record<string, string> };

/**
 * A laptop's shared forums as the store keeps them (one Automerge document each, merged on
 * receipt), carried by a bridge over a Repo on the LAN adapters.
 */
function laptop(network: NetworkAdapterInterface) {
  const forums = new Map<string, A.Doc<FakeForum>>();
  const bridged = (forumId: string): BridgedForum => ({
    forumId,
    current: () => forums.get(forumId) as A.Doc<unknown>,
    receive: async (incoming) => {
      const mine = forums.get(forumId);
      forums.set(
        forumId,
        mine ? A.merge(mine, incoming as A.Doc<FakeForum>) : (incoming as A.Doc<FakeForum>),
      );
    },
  });
  // The Repo needs its share configuration before the bridge that answers it exists.
  const holder: { bridge?: ForumRepoBridge } = {};
  const repo = new Repo({
    network: [network],
    shareConfig: ForumRepoBridge.shareConfig(() => holder.bridge),
  });
  closers.push(() => repo.shutdown());
  const bridge = new ForumRepoBridge(repo, {
    adopt: async (incoming) => {
      const id = (incoming as A.Doc<FakeForum>).id;
      if (typeof id !== 'string') return null;
      forums.set(id, incoming as A.Doc<FakeForum>);
      return bridged(id);
    },
  });
  holder.bridge = bridge;
  const share = (id: string, notes: Record<string, string>) => {
    forums.set(id, A.from<FakeForum>({ id, notes }));
    bridge.add(bridged(id));
  };
  const edit = (id: string, change: (doc: FakeForum) => void) => {
    const doc = forums.get(id);
    if (!doc) throw new Error(`no forum ${id}`);
    forums.set(id, A.change(doc, change));
    bridge.localChanged(id);
  };
  return { forums, share, edit, repo };
}

describe('LAN sync of shared forums through the bridge', () => {
  it('three laptops converge character by character; a private forum never leaves', async () => {
    const { host: hostAdapter } = await startHostAdapterOnly();
    const ayu = laptop(hostAdapter);
    const budiJoiner = newJoiner(hostAdapter, 'Budi');
    const citraJoiner = newJoiner(hostAdapter, 'Citra');
    const budi = laptop(budiJoiner);
    const citra = laptop(citraJoiner);
    await Promise.all([budiJoiner.whenConnected(), citraJoiner.whenConnected()]);

    ayu.share('forum-gwangju', { n1: 'Sesi pleno' });
    // Private: in the store, never in the Repo.
    ayu.forums.set('forum-private', A.from<FakeForum>({ id: 'forum-private', notes: {} }));
    await until(
      () => budi.forums.get('forum-gwangju') && citra.forums.get('forum-gwangju'),
      'the shared forum on both',
    );

    budi.edit('forum-gwangju', (doc) => {
      A.splice(doc, ['notes', 'n1'], 0, 0, 'Budi: ');
    });
    citra.edit('forum-gwangju', (doc) => {
      A.splice(doc, ['notes', 'n1'], 10, 0, ' (Citra)');
      doc.notes.n2 = 'Catatan Citra';
    });
    const settled = () => {
      const docs = [ayu, budi, citra].map((l) => l.forums.get('forum-gwangju'));
      const json = docs.map((d) => JSON.stringify(d));
      return json.every((j) => j === json[0]) &&
        docs[0]?.notes.n2 !== undefined &&
        String(docs[0]?.notes.n1).includes('Budi') &&
        String(docs[0]?.notes.n1).includes('Citra')
        ? json[0]
        : undefined;
    };
    const converged = JSON.parse(await until(settled, 'convergence')) as FakeForum;
    expect(converged.notes.n1).toBe('Budi: Sesi pleno (Citra)');
    expect(converged.notes.n2).toBe('Catatan Citra');
    expect(budi.forums.has('forum-private')).toBe(false);
    expect(citra.forums.has('forum-private')).toBe(false);
  });
});

async function startHostAdapterOnly() {
  const host = await LanHost.start({ state: memoryLanState(), bindAddress: LOOPBACK, name: 'Ayu' });
  closers.push(() => host.close());
  return { host };
}

function newJoiner(host: LanHost, name: string): LanJoiner {
  const joiner = new LanJoiner({
    state: memoryLanState(),
    name,
    invitation: { ...host.address, code: host.pairingCode },
    reconnectMinMs: 50,
  });
  closers.push(() => joiner.close());
  return joiner;
}
