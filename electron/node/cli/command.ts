import type { UiLanguage } from '../../common/language';
import type { Translate } from '../i18n';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  rendererDir: string;
  /** Starts the desktop app and resolves with its exit code; null when Electron is missing. */
  launchDesktop: (workspace: string) => Promise<number> | null;
  /** Asks for a secret without echoing it; null when no one is at a terminal to answer. */
  readSecret: (prompt: string) => Promise<string | null>;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C). */
  untilStopped: () => Promise<void>;
}

export interface CommandContext {
  t: Translate;
  language: UiLanguage;
  io: CliIo;
  workspace: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /**
   * `RISALAH_PASSPHRASE` and `RISALAH_NEW_PASSPHRASE`, taken out of the environment before
   * any command runs, so no child process, crash report or later code reads them there.
   */
  secrets: { passphrase?: string; newPassphrase?: string };
}

export interface Command {
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** How many positional arguments the command takes at most. */
  positionals?: number;
  run: (ctx: CommandContext) => Promise<number>;
}
