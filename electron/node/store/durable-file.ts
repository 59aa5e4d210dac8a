import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../common/errors';

/** The file-system calls a durable write makes, injectable so tests can fail each one. */
export interface DurableFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  readFile: typeof fsp.readFile;
}

export const nodeFs: DurableFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: fsp.readFile,
};

/**
 * Writes a whole document so that after a crash or power loss the path holds either the
 * old bytes or the new ones, never a mix: a uniquely named temp file in the same folder is
 * written and fsynced, renamed over the target, and the folder is fsynced so the rename
 * itself survives.
 */
export class DurableTextFile {
  readonly path: string;
  readonly #fs: DurableFs;

  constructor(path: string, fs: DurableFs = nodeFs) {
    this.path = path;
    this.#fs = fs;
  }

  async read(): Promise<Buffer | null> {
    try {
      return await this.#fs.readFile(this.path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw toStoreError(error, this.path);
    }
  }

  /** `content` may come in parts (a large document as encoded), written in order. */
  async write(content: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${randomUUID()}.tmp`);
    try {
      const handle = await this.#fs.open(temp, 'wx', 0o600);
      try {
        if (Array.isArray(content)) {
          for (const part of content as readonly Uint8Array[]) await handle.writeFile(part);
        } else await handle.writeFile(content as string | Uint8Array);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.#fs.rename(temp, this.path);
    } catch (error) {
      await this.#fs.unlink(temp).catch(() => undefined);
      throw toStoreError(error, this.path);
    }
    await syncDirectory(dirname(this.path), this.#fs);
  }
}

const TEMP_PATTERN = /^\..+\.[0-9a-f-]{36}\.tmp$/;

/**
 * Removes temp files a killed writer left in `dir`. Only safe while holding the workspace
 * lock: then no other process can be in the middle of writing one.
 */
export async function sweepTempFiles(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
    if (TEMP_PATTERN.test(name)) {
      await fsp.unlink(join(dir, name)).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

async function syncDirectory(dir: string, fs: DurableFs): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    throw toStoreError(error, dir);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

export function toStoreError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('disk-full', { path }, detail);
  if (code === 'EPERM' || code === 'EACCES' || code === 'EROFS')
    return new AppError('permission-denied', { path }, detail);
  return new AppError('store-write-failed', { path, reason: code ?? detail }, detail);
}
