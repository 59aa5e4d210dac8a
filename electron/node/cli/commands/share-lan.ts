import type { NetworkAdapterInterface } from '@automerge/automerge-repo';
import { hostname } from 'node:os';
import QRCode from 'qrcode';
import { LanHost } from '../../sync/lan/lan-host';
import type { ConnectedPeer } from '../../sync/lan/lan-host';
import { lanInterfaces } from '../../sync/lan/lan-interfaces';
import { LanJoiner } from '../../sync/lan/lan-joiner';
import type { JoinStatus } from '../../sync/lan/lan-joiner';
import { removeFromState, workspaceLanState } from '../../sync/lan/lan-state';
import {
  formatAddress,
  formatPairingCode,
  normalisePairingCode,
  parseInvitation,
} from '../../sync/lan/pairing-code';
import type { CommandContext } from '../command';
import { openCliWorkspace } from '../unlock';
import { WorkspaceShare } from '../../sync/lan/workspace-share';
import type { Workspace } from '../../store/workspace';
import { printMergeSummary } from './share-summary';

/**
 * The workspace's shared forums on the LAN adapter: each change from the delegation is
 * merged and saved here and said on the terminal; every local change is passed on.
 */
async function openShare(
  ctx: CommandContext,
  workspace: Workspace,
  network: NetworkAdapterInterface,
) {
  const { t, io, language } = ctx;
  const forumName = (forumId: string) => {
    const name = workspace.forum(forumId).forum.name;
    return name[language] || name.id || name.en;
  };
  // The Repo is handed each shared forum's document: load them (opening did not).
  for (const forumId of workspace.sharedForumIds()) await workspace.loadShared(forumId);
  const share = new WorkspaceShare(workspace, network, {
    onMerged: (forumId, summary, added) => {
      if (!summary.changed && !added) return;
      io.out(
        t(added ? 'cli:shareLanAdded' : 'cli:shareLanMerged', {
          forum: forumName(forumId),
          id: forumId,
        }),
      );
      printMergeSummary(ctx, summary);
    },
    onError: (forumId, error) =>
      io.err(t('cli:shareLanMergeFailed', { id: forumId, message: String(error) })),
  });
  const shared = workspace.sharedForumIds();
  io.out(
    shared.length
      ? t('cli:shareLanForums', { forums: shared.map(forumName).join(', ') })
      : t('cli:shareLanNoForums'),
  );
  return share;
}

const memberName = (ctx: CommandContext) =>
  typeof ctx.values.name === 'string' && ctx.values.name.trim()
    ? ctx.values.name.trim()
    : hostname();

export async function shareHost(ctx: CommandContext): Promise<number> {
  const { t, io, values } = ctx;
  const port = values.port === undefined ? 0 : Number(values.port);
  if (typeof values.port === 'string' && !/^\d{1,5}$/.test(values.port)) {
    io.err(t('cli:badPort', { value: values.port }));
    return 2;
  }
  if (port > 65535) {
    io.err(t('cli:badPort', { value: String(values.port) }));
    return 2;
  }
  const interfaces = lanInterfaces();
  const bindAddress = typeof values.bind === 'string' ? values.bind : interfaces[0]?.address;
  if (!bindAddress) {
    io.err(t('cli:shareNoLan'));
    return 1;
  }
  // The pairings live in the workspace, sealed with it when it is encrypted: open it first.
  const opened = await openCliWorkspace(ctx, 'risalah share host');
  const host = await LanHost.start({
    state: workspaceLanState(opened),
    bindAddress,
    port,
    name: memberName(ctx),
  }).catch((error: unknown) => {
    io.err(t('cli:shareCannotListen', { address: bindAddress, message: String(error) }));
    return null;
  });
  if (!host) {
    await opened.close();
    return 1;
  }
  const share = await openShare(ctx, opened, host).catch(async (error: unknown) => {
    await host.close();
    await opened.close();
    throw error;
  });
  const showCode = () => io.out(t('cli:shareCode', { code: formatPairingCode(host.pairingCode) }));
  io.out(
    t('cli:shareHosting', {
      address: formatAddress(host.address),
      fingerprint: host.fingerprint,
      workspace: ctx.workspace,
    }),
  );
  showCode();
  io.out(await QRCode.toString(host.invitation(), { type: 'terminal', small: true }));
  io.out(t('cli:shareInvitation', { invitation: host.invitation() }));
  let known = new Map<string, ConnectedPeer>();
  let code = host.pairingCode;
  host.status.on('change', () => {
    const now = new Map(host.connectedPeers().map((peer) => [peer.peerId as string, peer]));
    for (const [id, peer] of now) {
      if (!known.has(id)) io.out(t('cli:sharePeerJoined', { ...peer }));
    }
    for (const [id, peer] of known) if (!now.has(id)) io.out(t('cli:sharePeerLeft', { ...peer }));
    known = now;
    if (code !== host.pairingCode) {
      code = host.pairingCode;
      showCode();
    }
  });
  host.status.on('pairing-failed', ({ remoteAddress, codeRetired }) => {
    io.out(
      t(codeRetired ? 'cli:sharePairingRetired' : 'cli:sharePairingFailed', { remoteAddress }),
    );
  });
  await io.untilStopped();
  io.out(t('cli:stopping'));
  await share.close();
  await host.close();
  await opened.close();
  return 0;
}

export async function shareJoin(ctx: CommandContext): Promise<number> {
  const { t, io, values, positionals } = ctx;
  const address = positionals[1];
  const invitation = address ? parseInvitation(address) : null;
  if (!invitation) {
    io.err(t('cli:shareBadAddress', { address: address ?? '' }));
    return 2;
  }
  if (typeof values.code === 'string') {
    const code = normalisePairingCode(values.code);
    if (!code) {
      io.err(t('cli:shareBadCode', { code: values.code }));
      return 2;
    }
    invitation.code = code;
  }
  const opened = await openCliWorkspace(ctx, 'risalah share join');
  const joiner = new LanJoiner({
    state: workspaceLanState(opened),
    invitation,
    name: memberName(ctx),
  });
  const where = formatAddress(invitation);
  const outcome = new Promise<number>((resolve) => {
    const report = (status: JoinStatus) => {
      if (status.state === 'connected') {
        io.out(t('cli:shareJoined', { name: status.hostName, address: where }));
      } else if (status.state === 'waiting') {
        io.out(
          t('cli:shareWaiting', {
            address: where,
            seconds: Math.ceil(status.retryInMs / 1000),
            message: status.error,
          }),
        );
      } else if (status.state === 'refused') {
        io.err(t(`cli:shareRefused-${status.reason}`, { address: where }));
        resolve(1);
      }
    };
    joiner.events.on('status', report);
  });
  const share = await openShare(ctx, opened, joiner).catch(async (error: unknown) => {
    joiner.close();
    await opened.close();
    throw error;
  });
  const code = await Promise.race([outcome, io.untilStopped().then(() => 0)]);
  if (code === 0) io.out(t('cli:stopping'));
  await share.close();
  joiner.close();
  await opened.close();
  return code;
}

/**
 * A laptop's id on the command line: its certificate fingerprint in hex (base64url may
 * start with "-", which would read as an option), of which a prefix is enough.
 */
const hexId = (fingerprint: string) => Buffer.from(fingerprint, 'base64url').toString('hex');
const shortId = (fingerprint: string) => hexId(fingerprint).slice(0, 12);

/** `risalah share peers`: the laptops this workspace admitted as host, and those removed. */
export async function sharePeers(ctx: CommandContext): Promise<number> {
  const { t, io, values, language } = ctx;
  const opened = await openCliWorkspace(ctx, 'risalah share peers');
  try {
    const state = await workspaceLanState(opened).load();
    if (values.json) {
      io.out(JSON.stringify({ peers: state.peers, removed: state.removed }, null, 2));
      return 0;
    }
    const date = (iso: string) =>
      iso ? new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso)) : '?';
    io.out(state.peers.length ? t('cli:sharePeersHeader') : t('cli:sharePeersNone'));
    for (const peer of state.peers) {
      io.out(
        t('cli:sharePeerLine', {
          id: shortId(peer.fingerprint),
          name: peer.name,
          date: date(peer.pairedAt),
        }),
      );
    }
    if (state.removed.length) io.out(t('cli:sharePeersRemovedHeader'));
    for (const peer of state.removed) {
      io.out(
        t('cli:sharePeerRemovedLine', {
          id: shortId(peer.fingerprint),
          name: peer.name,
          date: date(peer.removedAt),
        }),
      );
    }
    return 0;
  } finally {
    await opened.close();
  }
}

/**
 * `risalah share remove-peer ID`: what the host's Remove button does, while no host runs
 * here (a running host holds the workspace). The laptop is told it was removed when it next
 * comes; the next `share host` shows a new pairing code anyway.
 */
export async function shareRemovePeer(ctx: CommandContext): Promise<number> {
  const { t, io, positionals } = ctx;
  const id = positionals[1]?.trim() ?? '';
  if (!id) {
    io.err(t('cli:shareRemoveNeedsId'));
    return 2;
  }
  const opened = await openCliWorkspace(ctx, 'risalah share remove-peer');
  try {
    const store = workspaceLanState(opened);
    const state = await store.load();
    const matches = state.peers.filter(
      (peer) => hexId(peer.fingerprint).startsWith(id.toLowerCase()) || peer.fingerprint === id,
    );
    const [peer] = matches;
    if (!peer || matches.length > 1) {
      io.err(t(matches.length > 1 ? 'cli:shareRemoveAmbiguous' : 'cli:shareRemoveUnknown', { id }));
      return 1;
    }
    await store.save(removeFromState(state, peer.fingerprint));
    io.out(t('cli:shareRemoved', { id: shortId(peer.fingerprint), name: peer.name }));
    return 0;
  } finally {
    await opened.close();
  }
}
