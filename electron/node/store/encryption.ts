import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MIN_PASSPHRASE } from '../../common/domain/vocabulary';
import { AppError } from '../../common/errors';
import { BACKUP_DIR } from './backups';
import {
  changePassphrase,
  createKeyFile,
  DEFAULT_SCRYPT,
  isEncrypted,
  KEY_FILE,
  keyFileSchema,
  keyMatches,
  keySealer,
  plainSealer,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './crypto';
import type { DocumentSealer, KeyFile, ScryptParams } from './crypto';
import { DurableTextFile, nodeFs, sweepTempFiles } from './durable-file';
import type { DurableFs } from './durable-file';
import { COUNTERS_FILE } from './rollback';
import { WorkspaceLock } from './workspace-lock';
import { SyncFiles } from '../sync/sync-files';

/**
 * How a caller proves it may open an encrypted workspace. `secret` is what a person typed
 * at a prompt that takes either: tried as the recovery key when it has that shape.
 */
export type Unlock =
  { passphrase: string } | { recoveryKey: string } | { secret: string } | { dataKey: Buffer };

const RECOVERY_SHAPE = /^[A-Z2-7]{32}$/;

/** A second copy of the key file: without it every document is lost, so it is kept twice. */
const KEY_COPY = join(BACKUP_DIR, 'key', KEY_FILE);

export async function readKeyFile(dir: string, fs: DurableFs = nodeFs): Promise<KeyFile | null> {
  const main = await parseKeyFile(join(dir, KEY_FILE), fs);
  if (main.ok) return main.keyFile;
  const copy = await parseKeyFile(join(dir, KEY_COPY), fs);
  if (copy.ok) {
    // Put the good copy back, so the damaged one does not stay in the way.
    if (main.present) await writeKeyFile(dir, copy.keyFile, fs);
    return copy.keyFile;
  }
  if (main.present || copy.present) throw new AppError('key-file-damaged', { path: KEY_FILE });
  return null;
}

async function parseKeyFile(
  path: string,
  fs: DurableFs,
): Promise<{ ok: true; keyFile: KeyFile } | { ok: false; present: boolean }> {
  const bytes = await new DurableTextFile(path, fs).read();
  if (bytes === null) return { ok: false, present: false };
  try {
    return { ok: true, keyFile: keyFileSchema.parse(JSON.parse(bytes.toString('utf8'))) };
  } catch {
    return { ok: false, present: true };
  }
}

export async function writeKeyFile(dir: string, keyFile: KeyFile, fs: DurableFs = nodeFs) {
  const text = `${JSON.stringify(keyFile, null, 2)}\n`;
  await mkdir(join(dir, BACKUP_DIR, 'key'), { recursive: true, mode: 0o700 });
  await new DurableTextFile(join(dir, KEY_FILE), fs).write(text);
  await new DurableTextFile(join(dir, KEY_COPY), fs).write(text);
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE) {
    throw new AppError('passphrase-too-short', { min: String(MIN_PASSPHRASE) });
  }
}

/** The data key, or `wrong-passphrase`; reading and trying a key changes nothing. */
export async function unlockKey(keyFile: KeyFile, unlock: Unlock): Promise<Buffer> {
  if ('secret' in unlock) {
    if (RECOVERY_SHAPE.test(unlock.secret.toUpperCase().replace(/[\s-]/g, ''))) {
      try {
        return await unlockKey(keyFile, { recoveryKey: unlock.secret });
      } catch {
        // Not the recovery key after all: it may be a passphrase of that shape.
      }
    }
    return unlockKey(keyFile, { passphrase: unlock.secret });
  }
  const dataKey =
    'dataKey' in unlock
      ? unlock.dataKey
      : 'passphrase' in unlock
        ? await unlockWithPassphrase(keyFile, unlock.passphrase)
        : unlockWithRecoveryKey(keyFile, unlock.recoveryKey);
  if (!keyMatches(keyFile, dataKey)) throw new AppError('wrong-passphrase');
  return dataKey;
}

/** Wrong attempts in a row, kept beside the key file so that a restart does not reset them. */
export const ATTEMPTS_FILE = 'risalah.attempts';
/** Typos are free; from the third wrong attempt in a row the wait doubles, up to 5 minutes. */
const FREE_ATTEMPTS = 2;
const MAX_WAIT_MS = 5 * 60_000;

/** How long after `failures` wrong attempts in a row the next attempt is heard. */
export function unlockDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_WAIT_MS);
}

const attemptsSchema = z.object({
  failures: z.number().int().min(0),
  lastFailureAt: z.number(),
});

async function readAttempts(dir: string, fs: DurableFs): Promise<z.infer<typeof attemptsSchema>> {
  const bytes = await new DurableTextFile(join(dir, ATTEMPTS_FILE), fs).read().catch(() => null);
  try {
    return attemptsSchema.parse(JSON.parse(bytes?.toString('utf8') ?? ''));
  } catch {
    return { failures: 0, lastFailureAt: 0 };
  }
}

/**
 * `unlockKey` for a person's guess: refused at once (`unlock-wait`) while the back-off after
 * earlier wrong attempts runs, and each wrong attempt lengthens it. Two guesses a second
 * (scrypt's own cost) become about ten in the first two minutes, then one per five minutes.
 * A key from the keychain is no guess and passes straight through.
 */
export async function guardedUnlockKey(
  dir: string,
  keyFile: KeyFile,
  unlock: Unlock,
  options: { now?: () => number; fs?: DurableFs } = {},
): Promise<Buffer> {
  if ('dataKey' in unlock) return unlockKey(keyFile, unlock);
  const now = options.now ?? Date.now;
  const fs = options.fs ?? nodeFs;
  const attempts = await readAttempts(dir, fs);
  const wait = attempts.lastFailureAt + unlockDelayMs(attempts.failures) - now();
  if (wait > 0) throw new AppError('unlock-wait', { seconds: Math.ceil(wait / 1000) });
  const file = new DurableTextFile(join(dir, ATTEMPTS_FILE), fs);
  try {
    const dataKey = await unlockKey(keyFile, unlock);
    if (attempts.failures > 0) await unlink(file.path).catch(() => undefined);
    return dataKey;
  } catch (error) {
    if (error instanceof AppError && error.code === 'wrong-passphrase') {
      const next = { failures: attempts.failures + 1, lastFailureAt: now() };
      await file.write(`${JSON.stringify(next)}\n`);
    }
    throw error;
  }
}

/**
 * Opens the sealer of a workspace whose lock the caller holds, finishing first an encryption
 * or decryption that was interrupted. Plain workspaces get the plain sealer.
 */
export async function workspaceSealer(
  dir: string,
  unlock: Unlock | undefined,
  fs: DurableFs = nodeFs,
): Promise<DocumentSealer> {
  const keyFile = await readKeyFile(dir, fs);
  if (!keyFile) return plainSealer;
  if (!unlock) throw new AppError('passphrase-required', { dir });
  const sealer = keySealer(await guardedUnlockKey(dir, keyFile, unlock, { fs }));
  if (keyFile.state === 'encrypting') {
    await convert(dir, plainSealer, sealer, fs);
    await writeKeyFile(dir, { ...keyFile, state: 'ready' }, fs);
  } else if (keyFile.state === 'decrypting') {
    await convert(dir, sealer, plainSealer, fs);
    await removeKeyFile(dir);
    sealer.wipe();
    return plainSealer;
  }
  return sealer;
}

export interface ConversionOptions {
  holder: string;
  fs?: DurableFs;
}

/**
 * Encrypts every document, backup and set-aside damaged file of a closed workspace. The key
 * file is written first with state `encrypting`, so a crash part way is finished on the
 * next unlock. Returns the recovery key, to be shown once.
 */
export async function encryptWorkspace(
  dir: string,
  passphrase: string,
  options: ConversionOptions & { scrypt?: ScryptParams },
): Promise<{ recoveryKey: string }> {
  checkPassphrase(passphrase);
  const fs = options.fs ?? nodeFs;
  return withLock(dir, options.holder, async () => {
    if (await readKeyFile(dir, fs)) throw new AppError('already-encrypted');
    const { keyFile, dataKey, recoveryKey } = await createKeyFile(
      passphrase,
      options.scrypt ?? DEFAULT_SCRYPT,
    );
    await writeKeyFile(dir, keyFile, fs);
    const sealer = keySealer(dataKey);
    dataKey.fill(0);
    try {
      await convert(dir, plainSealer, sealer, fs);
      await writeKeyFile(dir, { ...keyFile, state: 'ready' }, fs);
    } finally {
      sealer.wipe();
    }
    return { recoveryKey };
  });
}

/**
 * Turns a closed workspace back into plain JSON. Every document is checked first, so a
 * damaged one stops the decryption before anything is changed.
 */
export async function decryptWorkspace(
  dir: string,
  unlock: Unlock,
  options: ConversionOptions,
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  await withLock(dir, options.holder, async () => {
    const keyFile = await readKeyFile(dir, fs);
    if (!keyFile) throw new AppError('not-encrypted');
    const sealer = keySealer(await guardedUnlockKey(dir, keyFile, unlock, { fs }));
    try {
      for (const file of await storedFiles(dir)) {
        if (file.setAside) continue;
        const bytes = await new DurableTextFile(file.path, fs).read();
        if (!bytes || !isEncrypted(bytes)) continue;
        try {
          sealer.open(bytes, file.name);
        } catch {
          throw new AppError('decrypt-damaged', { file: file.relative });
        }
      }
      await writeKeyFile(dir, { ...keyFile, state: 'decrypting' }, fs);
      await convert(dir, sealer, plainSealer, fs);
      await removeKeyFile(dir);
    } finally {
      sealer.wipe();
    }
  });
}

/**
 * `risalah passphrase`: the same, holding the workspace lock, so that no app has the
 * workspace open (and could rewrite the key file) meanwhile.
 */
export async function changeClosedWorkspacePassphrase(
  dir: string,
  unlock: Unlock,
  passphrase: string,
  options: ConversionOptions,
): Promise<void> {
  checkPassphrase(passphrase);
  await withLock(dir, options.holder, () =>
    changeWorkspacePassphrase(dir, unlock, passphrase, options.fs),
  );
}

/** A new passphrase (and optionally stronger scrypt costs): the key is re-wrapped, no more. */
export async function changeWorkspacePassphrase(
  dir: string,
  unlock: Unlock,
  passphrase: string,
  fs: DurableFs = nodeFs,
  params?: ScryptParams,
): Promise<void> {
  checkPassphrase(passphrase);
  const keyFile = await readKeyFile(dir, fs);
  if (!keyFile) throw new AppError('not-encrypted');
  const dataKey = await guardedUnlockKey(dir, keyFile, unlock, { fs });
  await writeKeyFile(dir, await changePassphrase(keyFile, dataKey, passphrase, params), fs);
}

export async function setAutoLockMinutes(dir: string, minutes: number, fs: DurableFs = nodeFs) {
  const keyFile = await readKeyFile(dir, fs);
  if (!keyFile) throw new AppError('not-encrypted');
  await writeKeyFile(dir, { ...keyFile, autoLockMinutes: minutes }, fs);
}

async function withLock<T>(dir: string, holder: string, run: () => Promise<T>): Promise<T> {
  // A workspace not yet used may be encrypted before its first note.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const lock = await WorkspaceLock.acquire(dir, holder);
  try {
    return await run();
  } finally {
    await lock.release();
  }
}

async function removeKeyFile(dir: string): Promise<void> {
  // The counters and the attempt count belong to the key: a plain workspace keeps neither.
  for (const path of [join(dir, COUNTERS_FILE), join(dir, ATTEMPTS_FILE)]) {
    await unlink(path).catch(() => undefined);
  }
  for (const path of [join(dir, KEY_COPY), join(dir, KEY_FILE)]) {
    await unlink(path).catch(() => undefined);
  }
}

/** Rewrites each stored file that is not yet in the target form; safe to run twice. */
async function convert(
  dir: string,
  from: DocumentSealer,
  to: DocumentSealer,
  fs: DurableFs,
): Promise<void> {
  for (const file of await storedFiles(dir)) {
    const stored = new DurableTextFile(file.path, fs);
    const bytes = await stored.read();
    if (!bytes || isEncrypted(bytes) === to.encrypted) continue;
    let plain: Buffer;
    try {
      plain = from.open(bytes, file.name);
    } catch (error) {
      // A damaged file set aside by a recovery may fail to open: it stays as it was found.
      if (file.setAside) continue;
      throw error;
    }
    await stored.write(to.seal(plain, file.name));
  }
  // Shared forums' Automerge documents are sealed piece by piece (see sync-files.ts).
  for (const entry of await readdir(join(dir, 'forums')).catch(() => [] as string[])) {
    const match = /^([A-Za-z0-9-]+)\.automerge$/.exec(entry);
    if (match?.[1]) await SyncFiles.reseal(dir, match[1], from, to, fs);
  }
}

interface StoredFile {
  path: string;
  relative: string;
  /** The document's name, bound into its encryption. */
  name: string;
  /** A damaged copy a recovery moved aside (`<name>.corrupt-<time>`). */
  setAside: boolean;
}

/**
 * Every file that holds workspace content: documents, damaged documents set aside, backups.
 * Temp files left by a killed writer are removed first (the caller holds the lock).
 */
export async function storedFiles(dir: string): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  const add = (relative: string, name: string) =>
    files.push({
      path: join(dir, relative),
      relative,
      name,
      setAside: relative.includes('.corrupt-'),
    });
  const list = async (folder: string) => {
    await sweepTempFiles(join(dir, folder));
    return (await readdir(join(dir, folder)).catch(() => [] as string[])).sort();
  };
  for (const entry of await list('.')) {
    if (/^workspace\.json(\.corrupt-.+)?$/.test(entry)) add(entry, 'workspace');
  }
  for (const entry of await list('forums')) {
    const match = /^([A-Za-z0-9-]+)\.json(\.corrupt-.+)?$/.exec(entry);
    if (match) add(join('forums', entry), `forum-${match[1]}`);
  }
  // The LAN pairings (this laptop's TLS key, the members' certificates and names).
  if ((await list('sync')).includes('lan.json')) add(join('sync', 'lan.json'), 'lan');
  for (const document of await list(BACKUP_DIR)) {
    if (!/^(workspace|forum-[A-Za-z0-9-]+)$/.test(document)) continue;
    for (const entry of await list(join(BACKUP_DIR, document))) {
      if (entry.endsWith('.json')) add(join(BACKUP_DIR, document, entry), document);
    }
  }
  return files;
}
