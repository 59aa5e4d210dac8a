import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openRuntime } from '../../runtime';
import { startHttpHost } from '../../server/http-host';
import type { Command, CommandContext } from '../command';

async function serve({ t, io, workspace, values, secrets }: CommandContext): Promise<number> {
  const port = parsePort(values.port);
  if (port === null) {
    io.err(t('cli:badPort', { value: String(values.port) }));
    return 2;
  }
  if (!existsSync(resolve(io.rendererDir, 'index.html'))) {
    io.err(t('cli:rendererMissing'));
    return 1;
  }
  // An encrypted workspace opens at once with RISALAH_PASSPHRASE; else the browser asks.
  const runtime = await openRuntime({
    workspaceDir: workspace,
    transport: 'browser',
    passphrase: secrets.passphrase,
    // Where *Host this delegation* listens (by default the first local-network address).
    lanBindAddress: typeof values['lan-bind'] === 'string' ? values['lan-bind'] : undefined,
  });
  try {
    const host = await startHttpHost({ runtime, rendererDir: io.rendererDir, port });
    io.out(t('cli:serving', { url: host.url, workspace }));
    if ((await runtime.status()).locked) io.out(t('cli:servingLocked'));
    await io.untilStopped();
    io.out(t('cli:stopping'));
    await host.close();
  } finally {
    await runtime.close();
  }
  return 0;
}

function parsePort(value: string | boolean | undefined): number | null {
  if (value === undefined) return 0;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65535 ? port : null;
}

export const serveCommand: Command = {
  options: { port: { type: 'string' }, 'lan-bind': { type: 'string' } },
  run: serve,
};

export const startCommand: Command = {
  options: { port: { type: 'string' } },
  async run(ctx) {
    const desktop = ctx.io.launchDesktop(ctx.workspace);
    if (desktop) return desktop;
    ctx.io.err(ctx.t('cli:electronMissing'));
    return serve(ctx);
  },
};
