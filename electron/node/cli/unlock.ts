import type { RecoveryNotice } from '../../common/api/types';
import { AppError } from '../../common/errors';
import { keySealer, plainSealer } from '../store/crypto';
import type { DocumentSealer } from '../store/crypto';
import { guardedUnlockKey, readKeyFile } from '../store/encryption';
import type { Unlock } from '../store/encryption';
import { Workspace } from '../store/workspace';
import type { CommandContext } from './command';

/**
 * The passphrase of an encrypted workspace, from `RISALAH_PASSPHRASE` or a prompt; a plain
 * workspace needs none. With neither (a script, no terminal) the command is refused.
 */
export async function cliUnlock(ctx: CommandContext): Promise<Unlock | undefined> {
  if (!(await readKeyFile(ctx.workspace))) return undefined;
  return { secret: await askSecret(ctx) };
}

export async function askSecret(ctx: CommandContext): Promise<string> {
  const fromEnv = ctx.secrets.passphrase;
  if (fromEnv) return fromEnv;
  const typed = await ctx.io.readSecret(ctx.t('cli:passphrasePrompt'));
  if (!typed) throw new AppError('passphrase-required', { dir: ctx.workspace });
  return typed;
}

/** A new passphrase: `RISALAH_NEW_PASSPHRASE` (or `RISALAH_PASSPHRASE` when `orCurrent`), else typed twice. */
export async function askNewPassphrase(ctx: CommandContext, orCurrent = false): Promise<string> {
  const fromEnv = ctx.secrets.newPassphrase ?? (orCurrent ? ctx.secrets.passphrase : undefined);
  if (fromEnv) return fromEnv;
  const first = await ctx.io.readSecret(ctx.t('cli:newPassphrasePrompt'));
  if (!first) throw new AppError('passphrase-required', { dir: ctx.workspace });
  const second = await ctx.io.readSecret(ctx.t('cli:repeatPassphrasePrompt'));
  if (second !== first) throw new CliUsageError(ctx.t('cli:passphraseMismatch'));
  return first;
}

/** A refusal the command reports itself, with exit code 2. */
export class CliUsageError extends Error {}

export async function openCliWorkspace(ctx: CommandContext, holder: string): Promise<Workspace> {
  const workspace = await Workspace.open(ctx.workspace, { holder, unlock: await cliUnlock(ctx) });
  // What the app's banner tells, the command line tells too: a document repaired on opening.
  for (const notice of workspace.notices) ctx.io.err(describeNotice(ctx, notice));
  return workspace;
}

function describeNotice(ctx: CommandContext, notice: RecoveryNotice): string {
  if (notice.problem === 'rollback') return ctx.t('cli:recoveredRollback', { file: notice.file });
  if (notice.problem === 'unsaved') {
    const key = notice.restoredFromDate ? 'cli:recoveredUnsaved' : 'cli:recoveredUnsavedKept';
    return ctx.t(key, { file: notice.file, movedTo: notice.movedTo ?? '' });
  }
  const problem = ctx.t(`cli:recoveryProblems.${notice.problem}`);
  const told = notice.restoredFromDate
    ? ctx.t('cli:recoveredFromBackup', {
        file: notice.file,
        problem,
        date: new Intl.DateTimeFormat(ctx.language, {
          dateStyle: 'long',
          timeStyle: 'short',
        }).format(new Date(notice.restoredFromDate)),
      })
    : ctx.t('cli:recoveredAfresh', { file: notice.file, problem });
  return notice.movedTo === null
    ? told
    : `${told} ${ctx.t('cli:recoveredKeptAside', { movedTo: notice.movedTo })}`;
}

/** For commands that read without opening (check, backups): the key, or the plain sealer. */
export async function cliSealer(ctx: CommandContext): Promise<DocumentSealer> {
  const keyFile = await readKeyFile(ctx.workspace);
  if (!keyFile) return plainSealer;
  return keySealer(
    await guardedUnlockKey(ctx.workspace, keyFile, { secret: await askSecret(ctx) }),
  );
}
