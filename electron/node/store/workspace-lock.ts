import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../common/errors';
import { errnoCode } from './durable-file';

export const LOCK_FILE = 'risalah.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  holder: string;
  /** When the process started, as the system counts it: a reused pid has another. */
  start?: string | null;
  /** Unique to this acquisition: what a takeover compares before replacing the file. */
  nonce?: string;
}

/** How long `acquire` keeps trying while another process is in the middle of a takeover. */
const CONTEND_MS = 3000;

/**
 * One writer per workspace. A second process gets `workspace-locked` instead of silently
 * overwriting; a lock left by a process that no longer runs on this host is taken over.
 *
 * Race-free without help from the kernel (Node has no `flock`):
 * - the lock file is created whole and atomically, by `link`ing a complete temp file to
 *   `risalah.lock` (fails if it exists), so it is never seen half-written;
 * - its owner is verified by pid *and* process start time, so a pid reused after a crash
 *   does not keep a dead lock alive;
 * - a stale lock is replaced only by the one process that created the marker file
 *   `risalah.lock.takeover-<nonce of the stale lock>` (`link` again: exactly one wins),
 *   after checking, holding the marker, that the lock still is that stale one; nobody else
 *   can change it meanwhile. A marker whose owner died is taken over the same way, by a
 *   marker named after it.
 * Proven by tests/unit/node/workspace-lock-race.test.ts (processes racing, live and stale).
 */
export class WorkspaceLock {
  readonly path: string;
  readonly #dir: string;
  readonly #info: LockInfo;
  #held = false;

  private constructor(dir: string, holder: string) {
    this.#dir = dir;
    this.path = join(dir, LOCK_FILE);
    this.#info = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      holder,
      start: processStart(process.pid),
      nonce: randomUUID(),
    };
  }

  static async acquire(dir: string, holder: string): Promise<WorkspaceLock> {
    const lock = new WorkspaceLock(dir, holder);
    const giveUpAt = Date.now() + CONTEND_MS;
    let last: LockInfo | null = null;
    while (Date.now() < giveUpAt) {
      if (await lock.#create(lock.path)) return lock.#won();
      const current = await readLock(lock.path);
      if (!current) continue; // released meanwhile: try again
      last = current.info;
      if (current.info && isAlive(current.info)) throw lockedBy(dir, current.info);
      const outcome = await lock.#takeOver(current.id);
      if (outcome === 'held') return lock.#won();
      await sleep(1 + Math.random() * 8);
    }
    throw last
      ? lockedBy(dir, last)
      : new AppError('workspace-locked', { holder: '?', pid: 0, since: '' });
  }

  async release(): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    // A live lock is never replaced, so the file is still ours; check anyway.
    const current = await readLock(this.path);
    if (current?.id === this.#info.nonce) await unlink(this.path).catch(() => undefined);
  }

  /** Creates `path` holding this lock's info, whole, only if it does not exist yet. */
  async #create(path: string): Promise<boolean> {
    const temp = `${this.path}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(this.#info), { flag: 'wx', mode: 0o600 });
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') return false;
      // ENOENT: a holder swept our temp file away meanwhile; the caller tries again.
      if (code === 'ENOENT') return false;
      // Some file systems (FAT on a USB stick) have no hard links: fall back to O_EXCL.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
        try {
          await writeFile(path, JSON.stringify(this.#info), { flag: 'wx', mode: 0o600 });
          return true;
        } catch (inner) {
          if (errnoCode(inner) === 'EEXIST') return false;
          throw inner;
        }
      }
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  /** Replaces the stale lock whose id is `staleId`, if this process wins the right to. */
  async #takeOver(staleId: string): Promise<'held' | 'retry'> {
    let target = staleId;
    for (let depth = 0; depth < 16; depth++) {
      const marker = `${this.path}.takeover-${safeName(target)}`;
      if (await this.#create(marker)) {
        try {
          // Holding the marker, nobody else may replace the lock while it is `staleId`.
          const current = await readLock(this.path);
          if (current?.id !== staleId) return 'retry';
          const temp = `${this.path}.${randomUUID()}.tmp`;
          await writeFile(temp, JSON.stringify(this.#info), { flag: 'wx', mode: 0o600 });
          await rename(temp, this.path);
          return 'held';
        } finally {
          await unlink(marker).catch(() => undefined);
        }
      }
      const owner = await readLock(marker);
      if (!owner) continue; // its owner gave up meanwhile: try for it again
      if (owner.info && isAlive(owner.info)) return 'retry';
      target = owner.id; // its owner died mid-takeover: take over from it
    }
    return 'retry';
  }

  /** Holding the lock: markers and temp files of dead contenders can go. */
  async #won(): Promise<WorkspaceLock> {
    this.#held = true;
    const prefix = `${LOCK_FILE}.`;
    for (const name of await readdir(this.#dir).catch(() => [] as string[])) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        // Only temp files older than a contender could still be using.
        await unlinkIfOld(join(this.#dir, name));
      } else if (name.startsWith(`${prefix}takeover-`)) {
        // A marker names a lock that is not the current one (ours): it can no longer act.
        await unlink(join(this.#dir, name)).catch(() => undefined);
      }
    }
    return this;
  }
}

async function unlinkIfOld(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info && Date.now() - info.mtimeMs > 60_000) await unlink(path).catch(() => undefined);
}

function lockedBy(dir: string, info: LockInfo): AppError {
  return new AppError(
    'workspace-locked',
    { holder: info.holder, pid: info.pid, since: info.since },
    `workspace ${dir} is in use by ${info.holder} (pid ${info.pid})`,
  );
}

/** The lock's identity (its nonce, or a hash of its bytes for older or damaged files). */
async function readLock(path: string): Promise<{ id: string; info: LockInfo | null } | null> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  let info: LockInfo | null = null;
  try {
    const parsed = JSON.parse(raw.toString('utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      info = {
        pid: parsed.pid,
        host: parsed.host,
        since: String(parsed.since ?? ''),
        holder: String(parsed.holder ?? '?'),
        start: typeof parsed.start === 'string' ? parsed.start : null,
        nonce: typeof parsed.nonce === 'string' ? parsed.nonce : undefined,
      };
    }
  } catch {
    // An unreadable lock cannot name a live owner.
  }
  const id = info?.nonce ?? `h${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`;
  return { id, info };
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9-]/g, '');

function isAlive(info: LockInfo): boolean {
  // A lock from another machine (a synced folder) cannot be checked: treat it as held.
  if (info.host !== hostname()) return true;
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if (errnoCode(error) !== 'EPERM') return false;
  }
  // The pid runs; is it still the process that took the lock, or a new one given its pid?
  if (!info.start) return true;
  const start = processStart(info.pid);
  return start === null || start === info.start;
}

const startCache = new Map<number, string | null>();

/**
 * When process `pid` started, in the system's own terms (Linux: clock ticks since boot
 * plus the boot id; macOS: `ps`'s start time), or null where it cannot be read.
 */
function processStart(pid: number): string | null {
  if (pid === process.pid && startCache.has(pid)) return startCache.get(pid) ?? null;
  let start: string | null = null;
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      start = `${boot}:${fields[19]}`;
    } else if (process.platform === 'darwin') {
      start = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
        encoding: 'utf8',
        timeout: 2000,
      }).trim();
      start ||= null;
    }
  } catch {
    start = null;
  }
  if (pid === process.pid) startCache.set(pid, start);
  return start;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
