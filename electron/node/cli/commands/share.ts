import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DurableTextFile } from '../../store/durable-file';
import { openCliWorkspace } from '../unlock';
import type { Command, CommandContext } from '../command';
import { printMergeSummary } from './share-summary';

/** The passphrase two colleagues agreed on, read from the variable `--passphrase-env` names. */
function passphraseFrom(ctx: CommandContext): string | undefined | null {
  const name = ctx.values['passphrase-env'];
  if (name === undefined) return undefined;
  const value = typeof name === 'string' ? ctx.io.env[name] : undefined;
  if (!value) {
    ctx.io.err(ctx.t('cli:shareNoPassphrase', { name: String(name) }));
    return null;
  }
  // Like RISALAH_PASSPHRASE, the secret leaves the environment once read.
  Reflect.deleteProperty(ctx.io.env, name as string);
  return value;
}

async function send(ctx: CommandContext): Promise<number> {
  const { t, io, values } = ctx;
  if (typeof values.forum !== 'string' || typeof values.out !== 'string') {
    io.err(
      t('cli:missingValue', { option: typeof values.forum !== 'string' ? '--forum' : '--out' }),
    );
    return 2;
  }
  const passphrase = passphraseFrom(ctx);
  if (passphrase === null) return 2;
  const opened = await openCliWorkspace(ctx, 'risalah share send');
  try {
    const { sendForum } = await import('../../sync/exchange');
    const { bytes } = await sendForum(opened, values.forum, passphrase);
    await new DurableTextFile(resolve(values.out)).write(bytes);
    io.out(t(passphrase ? 'cli:shareSentEncrypted' : 'cli:shareSent', { out: values.out }));
    return 0;
  } finally {
    await opened.close();
  }
}

async function receive(ctx: CommandContext): Promise<number> {
  const { t, io, positionals } = ctx;
  const file = positionals[1];
  if (!file) {
    io.err(t('cli:shareNeedFile'));
    return 2;
  }
  const passphrase = passphraseFrom(ctx);
  if (passphrase === null) return 2;
  const bytes = await readFile(resolve(file)).catch(() => null);
  if (!bytes) {
    io.err(t('cli:fileUnreadable', { file }));
    return 1;
  }
  const opened = await openCliWorkspace(ctx, 'risalah share receive');
  try {
    const { receiveForum } = await import('../../sync/exchange');
    const { header, added, summary } = await receiveForum(opened, bytes, passphrase);
    const name = header.forumName[ctx.language] || header.forumName.id || header.forumName.en;
    io.out(
      t(added ? 'cli:shareReceivedNew' : 'cli:shareReceived', {
        forum: name,
        from: header.sentBy || '?',
        id: header.forumId,
      }),
    );
    if (!summary.changed) io.out(t('cli:shareNothingNew'));
    printMergeSummary(ctx, summary);
    return 0;
  } finally {
    await opened.close();
  }
}

/** `risalah share send|receive` (by file) and `host|join` (on the local network). */
export const shareCommand: Command = {
  options: {
    forum: { type: 'string' },
    out: { type: 'string' },
    'passphrase-env': { type: 'string' },
    port: { type: 'string' },
    bind: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 2,
  async run(ctx) {
    const action = ctx.positionals[0];
    if (action === 'send') return send(ctx);
    if (action === 'receive') return receive(ctx);
    // Loaded only here: the TLS and pairing code would otherwise slow every other command.
    if (action === 'host' && ctx.positionals.length === 1) {
      return (await import('./share-lan')).shareHost(ctx);
    }
    if (action === 'join') return (await import('./share-lan')).shareJoin(ctx);
    if (action === 'peers' && ctx.positionals.length === 1) {
      return (await import('./share-lan')).sharePeers(ctx);
    }
    if (action === 'remove-peer') return (await import('./share-lan')).shareRemovePeer(ctx);
    ctx.io.err(ctx.t('cli:shareUsage'));
    return 2;
  },
};
