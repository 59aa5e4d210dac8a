import type { Command } from '../command';
import { shareHost, shareJoin, shareLanOptions } from './share-lan';

/** `risalah share host|join …`: working together over the local network. */
export const shareCommand: Command = {
  options: { ...shareLanOptions },
  positionals: 2,
  async run(ctx) {
    const sub = ctx.positionals[0];
    if (sub === 'host' && ctx.positionals.length === 1) return shareHost(ctx);
    if (sub === 'join') return shareJoin(ctx);
    ctx.io.err(ctx.t('cli:shareUsage'));
    return 2;
  },
};
