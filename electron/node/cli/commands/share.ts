import type { Command } from '../command';

/** `risalah share host|join …`: working together over the local network. */
export const shareCommand: Command = {
  options: {
    port: { type: 'string' },
    bind: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
  },
  positionals: 2,
  async run(ctx) {
    const sub = ctx.positionals[0];
    // Loaded only here: Automerge's WebAssembly and the TLS/PAKE code would otherwise slow
    // the start of every other command.
    if (sub === 'host' && ctx.positionals.length === 1) {
      return (await import('./share-lan')).shareHost(ctx);
    }
    if (sub === 'join') return (await import('./share-lan')).shareJoin(ctx);
    ctx.io.err(ctx.t('cli:shareUsage'));
    return 2;
  },
};
