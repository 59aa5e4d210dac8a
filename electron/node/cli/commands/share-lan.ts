import type { NetworkAdapterInterface } from '@automerge/automerge-repo';
import { hostname } from 'node:os';
import QRCode from 'qrcode';
import { LanHost } from '../../sync/lan/lan-host';
import type { ConnectedPeer } from '../../sync/lan/lan-host';
import { lanInterfaces } from '../../sync/lan/lan-interfaces';
import { LanJoiner } from '../../sync/lan/lan-joiner';
import type { JoinStatus } from '../../sync/lan/lan-joiner';
import { fileLanState } from '../../sync/lan/lan-state';
import {
  formatAddress,
  formatPairingCode,
  normalisePairingCode,
  parseInvitation,
} from '../../sync/lan/pairing-code';
import type { CommandContext } from '../command';
import { openCliWorkspace } from '../unlock';
import { WorkspaceShare } from '../../sync/lan/workspace-share';

/**
 * The workspace's shared forums on the LAN adapter: each change from the delegation is
 * merged and saved here and said on the terminal; every local change is passed on.
 */
async function openShare(ctx: CommandContext, network: NetworkAdapterInterface, holder: string) {
  const { t, io, language } = ctx;
  const workspace = await openCliWorkspace(ctx, holder);
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
      for (const note of summary.notesAdded)
        io.out(t('cli:shareNoteAdded', { author: note.author || '?', text: note.preview }));
      for (const note of summary.notesChanged)
        io.out(t('cli:shareNoteChanged', { author: note.author || '?', text: note.preview }));
      for (const clause of summary.clausesChanged)
        io.out(t('cli:shareClauseChanged', { number: clause.number }));
      for (const commitment of summary.commitmentsChanged)
        io.out(t('cli:shareCommitmentChanged', { text: commitment.statement }));
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
  return {
    async close() {
      await share.close();
      await workspace.close();
    },
  };
}

const memberName = (ctx: CommandContext) =>
  typeof ctx.values.name === 'string' && ctx.values.name.trim()
    ? ctx.values.name.trim()
    : hostname();

export async function shareHost(ctx: CommandContext): Promise<number> {
  const { t, io, values, workspace } = ctx;
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
  const host = await LanHost.start({
    state: fileLanState(workspace),
    bindAddress,
    port,
    name: memberName(ctx),
  }).catch((error: unknown) => {
    io.err(t('cli:shareCannotListen', { address: bindAddress, message: String(error) }));
    return null;
  });
  if (!host) return 1;
  const share = await openShare(ctx, host, 'risalah share host').catch(async (error: unknown) => {
    await host.close();
    throw error;
  });
  const showCode = () => io.out(t('cli:shareCode', { code: formatPairingCode(host.pairingCode) }));
  io.out(
    t('cli:shareHosting', {
      address: formatAddress(host.address),
      fingerprint: host.fingerprint,
      workspace,
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
  return 0;
}

export async function shareJoin(ctx: CommandContext): Promise<number> {
  const { t, io, values, positionals, workspace } = ctx;
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
  const joiner = new LanJoiner({
    state: fileLanState(workspace),
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
  const share = await openShare(ctx, joiner, 'risalah share join').catch((error: unknown) => {
    joiner.close();
    throw error;
  });
  const code = await Promise.race([outcome, io.untilStopped().then(() => 0)]);
  if (code === 0) io.out(t('cli:stopping'));
  await share.close();
  joiner.close();
  return code;
}
