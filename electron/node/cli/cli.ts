import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../common/errors';
import { languageFromLocale } from '../../common/language';
import { createNodeTranslator } from '../i18n';
import type { Translate } from '../i18n';
import { defaultWorkspaceDir, systemLocale } from '../paths';
import { openRuntime } from '../runtime';
import { startHttpHost } from '../server/http-host';
import { version } from '../version';

export interface CliIo {
  out: (text: string) => void;
  /** Starts the desktop app and resolves with its exit code; null when Electron is missing. */
  launchDesktop: (workspace: string) => Promise<number> | null;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  rendererDir: string;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C). */
  untilStopped: () => Promise<void>;
}

interface CommandContext {
  t: Translate;
  io: CliIo;
  workspace: string;
  values: Record<string, string | boolean | undefined>;
}

type Command = {
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run: (ctx: CommandContext) => Promise<number>;
};

const commonOptions = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const commands: Record<string, Command> = {
  help: { options: {}, run: async ({ t, io }) => (io.out(usage(t, io.env)), 0) },
  serve: { options: { port: { type: 'string' } }, run: serve },
  start: { options: { port: { type: 'string' } }, run: start },
};

/** Runs one CLI invocation and returns its exit code; never calls `process.exit`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const t = createNodeTranslator(languageFromLocale(systemLocale(io.env)));
  const name = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'help';
  const command = commands[name];
  if (!command) {
    io.err(t('cli:unknownCommand', { command: name }));
    return 2;
  }
  let values: CommandContext['values'];
  try {
    ({ values } = parseArgs({
      args: argv[0] === name ? argv.slice(1) : argv,
      options: { ...commonOptions, ...command.options },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(describeArgError(t, error, name));
    return 2;
  }
  if (values.version) {
    io.out(version);
    return 0;
  }
  if (values.help) {
    io.out(usage(t, io.env));
    return 0;
  }
  const workspace = resolve(
    typeof values.workspace === 'string' ? values.workspace : defaultWorkspaceDir(io.env),
  );
  try {
    return await command.run({ t, io, workspace, values });
  } catch (error) {
    const message =
      error instanceof AppError
        ? t(`errors:${error.code}`, error.params)
        : error instanceof Error
          ? error.message
          : String(error);
    io.err(t('cli:failed', { message }));
    return 1;
  }
}

async function start(ctx: CommandContext): Promise<number> {
  const desktop = ctx.io.launchDesktop(ctx.workspace);
  if (desktop) return desktop;
  ctx.io.err(ctx.t('cli:electronMissing'));
  return serve(ctx);
}

async function serve({ t, io, workspace, values }: CommandContext): Promise<number> {
  const port = parsePort(values.port);
  if (port === null) {
    io.err(t('cli:badPort', { value: String(values.port) }));
    return 2;
  }
  if (!existsSync(resolve(io.rendererDir, 'index.html'))) {
    io.err(t('cli:rendererMissing'));
    return 1;
  }
  const runtime = await openRuntime({ workspaceDir: workspace, transport: 'browser' });
  try {
    const host = await startHttpHost({ runtime, rendererDir: io.rendererDir, port });
    io.out(t('cli:serving', { url: host.url, workspace }));
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

function usage(t: Translate, env: NodeJS.ProcessEnv): string {
  return t('cli:usage', {
    defaultWorkspace: defaultWorkspaceDir({ ...env, RISALAH_WORKSPACE: '' }),
  });
}

function describeArgError(t: Translate, error: unknown, command: string): string {
  const code = (error as { code?: string }).code;
  const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '?';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli:unknownOption', { option, command });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return t('cli:missingValue', { option: option.split(' ')[0] ?? option });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return t('cli:unknownCommand', { command: option });
  }
  return error instanceof Error ? error.message : String(error);
}
