import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../common/errors';
import { languageFromLocale } from '../../common/language';
import { createNodeTranslator } from '../i18n';
import type { Translate } from '../i18n';
import { defaultWorkspaceDir, systemLocale } from '../paths';
import { version } from '../version';
import type { CliIo, Command, CommandContext } from './command';
import { CliUsageError } from './unlock';
import { backupsCommand, restoreCommand } from './commands/backups';
import { checkCommand } from './commands/check';
import { contactsCommand } from './commands/contacts';
import { demoCommand } from './commands/demo';
import { decryptCommand, encryptCommand, passphraseCommand } from './commands/encryption';
import { exportCommand, forumsCommand } from './commands/export';
import { serveCommand, startCommand } from './commands/serve';
import { shareCommand } from './commands/share';

export type { CliIo } from './command';

const commonOptions = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const helpCommand: Command = {
  options: {},
  run: async ({ t, io }) => (io.out(usage(t, io.env)), 0),
};

const commands: Record<string, Command> = {
  help: helpCommand,
  start: startCommand,
  serve: serveCommand,
  check: checkCommand,
  backups: backupsCommand,
  restore: restoreCommand,
  demo: demoCommand,
  contacts: contactsCommand,
  forums: forumsCommand,
  export: exportCommand,
  encrypt: encryptCommand,
  decrypt: decryptCommand,
  passphrase: passphraseCommand,
  share: shareCommand,
};

/** Runs one CLI invocation and returns its exit code; never calls `process.exit`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const language = languageFromLocale(systemLocale(io.env));
  const t = createNodeTranslator(language);
  const name = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'help';
  const command = commands[name];
  if (!command) {
    io.err(t('cli:unknownCommand', { command: name }));
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv[0] === name ? argv.slice(1) : argv,
      options: { ...commonOptions, ...command.options },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.err(describeArgError(t, error, name));
    return 2;
  }
  // No option is declared `multiple`, so no value is an array.
  const values = parsed.values as CommandContext['values'];
  const positionals = parsed.positionals;
  const extra = positionals[command.positionals ?? 0];
  if (extra !== undefined) {
    io.err(t('cli:unexpectedArgument', { argument: extra, command: name }));
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
  const secrets = {
    passphrase: io.env.RISALAH_PASSPHRASE || undefined,
    newPassphrase: io.env.RISALAH_NEW_PASSPHRASE || undefined,
  };
  delete io.env.RISALAH_PASSPHRASE;
  delete io.env.RISALAH_NEW_PASSPHRASE;
  try {
    return await command.run({ t, language, io, workspace, values, positionals, secrets });
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(error.message);
      return 2;
    }
    const message =
      error instanceof AppError
        ? t(`errors:${error.code}`, error.params)
        : error instanceof Error
          ? error.message
          : String(error);
    io.err(t('cli:failed', { command: name, message }));
    return 1;
  }
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
  return error instanceof Error ? error.message : String(error);
}
