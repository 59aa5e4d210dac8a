import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, BackupReason } from '../../common/api/types';
import { AppError } from '../../common/errors';
import { DurableTextFile, errnoCode, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';

export const backupReasons = [
  'daily',
  'migration',
  'import',
  'restore',
] as const satisfies readonly BackupReason[];
export type { BackupEntry, BackupReason };

export const BACKUP_DIR = 'backups';
const DAILY_DAYS_KEPT = 7;
const OTHERS_KEPT = 10;
const ID_PATTERN =
  /^(workspace|forum-[A-Za-z0-9-]+)\/(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)--([a-z]+)\.json$/;

const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const isoOf = (stamp: string) =>
  stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

export function parseBackupId(id: string): Omit<BackupEntry, 'size'> | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const [, document, stamp, reason] = match as unknown as [string, string, string, string];
  if (!(backupReasons as readonly string[]).includes(reason)) return null;
  return { id, document, createdAt: isoOf(stamp), reason: reason as BackupReason };
}

/**
 * Copies of each document, kept in `backups/<document>/`: one a day for the last seven days
 * with a save, and the last ten taken before each migration, import and restore.
 */
export class Backups {
  readonly root: string;
  readonly #fs: DurableFs;
  readonly #now: () => Date;

  constructor(workspaceDir: string, fs: DurableFs = nodeFs, now: () => Date = () => new Date()) {
    this.root = join(workspaceDir, BACKUP_DIR);
    this.#fs = fs;
    this.#now = now;
  }

  async create(
    document: string,
    content: string | Uint8Array,
    reason: BackupReason,
  ): Promise<BackupEntry> {
    const dir = join(this.root, document);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    let date = this.#now();
    let id = `${document}/${stampOf(date)}--${reason}.json`;
    // Two backups in the same millisecond must not overwrite each other.
    while (await exists(join(this.root, id))) {
      date = new Date(date.getTime() + 1);
      id = `${document}/${stampOf(date)}--${reason}.json`;
    }
    await new DurableTextFile(join(this.root, id), this.#fs).write(content);
    await this.prune(document);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    return { id, document, createdAt: date.toISOString(), reason, size };
  }

  /** Newest first. */
  async list(document?: string): Promise<BackupEntry[]> {
    const documents = document ? [document] : await readdirOrEmpty(this.root);
    const entries: BackupEntry[] = [];
    for (const doc of documents) {
      for (const name of await readdirOrEmpty(join(this.root, doc))) {
        const parsed = parseBackupId(`${doc}/${name}`);
        if (!parsed) continue;
        const size = (await stat(join(this.root, parsed.id)).catch(() => null))?.size ?? 0;
        entries.push({ ...parsed, size });
      }
    }
    return entries.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
  }

  async read(id: string): Promise<Buffer> {
    if (!parseBackupId(id)) throw new AppError('backup-not-found', { id });
    try {
      return await readFile(join(this.root, id));
    } catch {
      throw new AppError('backup-not-found', { id });
    }
  }

  /** Whether the document has no daily backup from today (local calendar day). */
  async dailyDue(document: string): Promise<boolean> {
    const today = localDay(this.#now());
    const latest = (await this.list(document)).find((entry) => entry.reason === 'daily');
    return !latest || localDay(new Date(latest.createdAt)) !== today;
  }

  async prune(document: string): Promise<void> {
    const entries = await this.list(document);
    const keep = new Set<string>();
    const days = new Set<string>();
    for (const entry of entries) {
      if (entry.reason === 'daily') {
        const day = localDay(new Date(entry.createdAt));
        if (days.size < DAILY_DAYS_KEPT && !days.has(day)) {
          days.add(day);
          keep.add(entry.id);
        }
      }
    }
    for (const reason of backupReasons.filter((r) => r !== 'daily')) {
      entries
        .filter((entry) => entry.reason === reason)
        .slice(0, OTHERS_KEPT)
        .forEach((entry) => keep.add(entry.id));
    }
    for (const entry of entries) {
      if (!keep.has(entry.id)) await unlink(join(this.root, entry.id)).catch(() => undefined);
    }
  }
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
