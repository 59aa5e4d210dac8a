import { hostname } from 'node:os';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../common/errors';
import { errnoCode } from './durable-file';

export const LOCK_FILE = 'risalah.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  holder: string;
}

/**
 * One writer per workspace. A second process gets `workspace-locked` instead of silently
 * overwriting; a lock left by a process that no longer runs on this host is taken over.
 */
export class WorkspaceLock {
  readonly path: string;
  #held = false;

  private constructor(dir: string) {
    this.path = join(dir, LOCK_FILE);
  }

  static async acquire(dir: string, holder: string): Promise<WorkspaceLock> {
    const lock = new WorkspaceLock(dir);
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      holder,
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(lock.path, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
        lock.#held = true;
        return lock;
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST') throw error;
        const current = await readLock(lock.path);
        if (current && isAlive(current)) {
          throw new AppError(
            'workspace-locked',
            { holder: current.holder, pid: current.pid, since: current.since },
            `workspace ${dir} is in use by ${current.holder} (pid ${current.pid})`,
          );
        }
        await unlink(lock.path).catch(() => undefined);
      }
    }
    throw new AppError('workspace-locked', { holder: '?', pid: 0, since: '' });
  }

  async release(): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    await unlink(this.path).catch(() => undefined);
  }
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? (parsed as LockInfo)
      : null;
  } catch {
    // An unreadable or half-written lock cannot name a live owner.
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  // A lock from another machine (a synced folder) cannot be checked: treat it as held.
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
