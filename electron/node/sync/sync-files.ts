import { createHash } from 'node:crypto';
import { copyFile, link, rename, stat, truncate, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocumentSealer } from '../store/crypto';
import { isEncrypted, plainSealer } from '../store/crypto';
import { DurableTextFile, errnoCode, nodeFs, toStoreError } from '../store/durable-file';
import type { DurableFs } from '../store/durable-file';
import { headsOfSaved } from './automerge-heads';

/**
 * Where a shared forum's Automerge document lives, beside its JSON view in `forums/`:
 *
 * - `<id>.automerge`: a compacted save, written whole (temp file, fsync, rename, folder
 *   fsync) like every document;
 * - `<id>.changes`: the changes made since, one framed record per save, appended and
 *   fsynced. A save therefore costs what its edit costs, not what the forum weighs; the log
 *   is folded into the compacted save once it grows past `COMPACT_BYTES`.
 *
 * Both are sealed under the workspace key when the workspace is encrypted (each log record
 * on its own), and every piece carries a SHA-256, so a torn append (a crash in the middle)
 * or a flipped bit is recognised instead of being loaded.
 */

const SNAPSHOT_MAGIC = Buffer.from('RSLHAM1\n');
const HASH = 32;
const LENGTH = 4;
/** Past this size the change log is folded into the compacted save. */
export const COMPACT_BYTES = 1024 * 1024;

export const snapshotPath = (dir: string, id: string) => join(dir, 'forums', `${id}.automerge`);
export const logPath = (dir: string, id: string) => join(dir, 'forums', `${id}.changes`);
/** Names bound into the sealing, so a shared document cannot be swapped for another's. */
const snapshotName = (id: string) => `sync-${id}`;
const logName = (id: string) => `sync-log-${id}`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

export interface LoadedSync {
  /** The compacted save, or null when none was written yet. */
  snapshot: Uint8Array | null;
  /** The appended changes, in order, each one Automerge incremental save. */
  changes: Uint8Array[];
  /** Problems met and set aside (a damaged file was renamed, never deleted). */
  damaged: { file: string; movedTo: string; detail: string }[];
  /**
   * The document's heads, read from the saved bytes without loading the document (sorted);
   * null when they cannot be told that way. Automerge's own heads must still be checked
   * when the document is loaded.
   */
  heads: string[] | null;
}

export class SyncFiles {
  readonly id: string;
  readonly #dir: string;
  readonly #fs: DurableFs;
  readonly #sealer: DocumentSealer;
  #logBytes = 0;
  /** An append failed half way and its partial bytes could not be cut off yet. */
  #torn = false;

  constructor(workspaceDir: string, id: string, sealer: DocumentSealer = plainSealer, fs = nodeFs) {
    this.id = id;
    this.#dir = workspaceDir;
    this.#sealer = sealer;
    this.#fs = fs;
  }

  get snapshotPath(): string {
    return snapshotPath(this.#dir, this.id);
  }

  get logPath(): string {
    return logPath(this.#dir, this.id);
  }

  /** Bytes in the change log: the size past which `compact` is due. */
  get logBytes(): number {
    return this.#logBytes;
  }

  /**
   * Reads the compacted save and the change log. A damaged snapshot is moved aside; a log
   * whose tail is torn keeps its whole records (the torn one never reached "saved") and is
   * rewritten without the tail, after the original is kept aside.
   */
  async load(): Promise<LoadedSync> {
    const damaged: LoadedSync['damaged'] = [];
    let snapshot: Uint8Array | null = null;
    const snapshotFile = new DurableTextFile(this.snapshotPath, this.#fs);
    const stored = await snapshotFile.read();
    if (stored !== null) {
      try {
        snapshot = this.#openSnapshot(stored);
      } catch (error) {
        const movedTo = await moveAside(this.snapshotPath);
        damaged.push({ file: this.snapshotPath, movedTo, detail: String(error) });
      }
    }
    const changes: Uint8Array[] = [];
    const log = await new DurableTextFile(this.logPath, this.#fs).read();
    if (log !== null) {
      let offset = 0;
      let problem: string | null = null;
      while (offset < log.length) {
        const record = readRecord(log, offset);
        if (typeof record === 'string') {
          problem = record;
          break;
        }
        try {
          changes.push(this.#sealer.open(record.payload, logName(this.id)));
        } catch (error) {
          problem = String(error);
          break;
        }
        offset = record.next;
      }
      if (problem !== null) {
        const movedTo = await copyAside(this.logPath);
        damaged.push({ file: this.logPath, movedTo, detail: problem });
        await new DurableTextFile(this.logPath, this.#fs).write(log.subarray(0, offset));
      }
      this.#logBytes = offset;
    }
    return { snapshot, changes, damaged, heads: headsOfSaved(snapshot, changes) };
  }

  /** Appends one save's changes and flushes them to the disk before returning. */
  async append(changes: Uint8Array): Promise<void> {
    if (changes.byteLength === 0) return;
    const payload = this.#sealer.seal(changes, logName(this.id));
    const head = Buffer.alloc(LENGTH);
    head.writeUInt32BE(payload.length);
    const record = Buffer.concat([head, sha256(payload), payload]);
    const created = !(await exists(this.logPath));
    // Bytes of a failed append would hide every record after them: cut them off first.
    if (this.#torn) {
      await cutTo(this.logPath, this.#logBytes).catch((error: unknown) => {
        throw toStoreError(error, this.logPath);
      });
      this.#torn = false;
    }
    try {
      const handle = await this.#fs.open(this.logPath, 'a', 0o600);
      try {
        await handle.writeFile(record);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // A partial append is a torn tail: cut it off now (or before the retry), so the retry's
      // record follows the last whole one; a crash before that leaves a tail load drops.
      this.#torn = true;
      await cutTo(this.logPath, this.#logBytes).then(
        () => (this.#torn = false),
        () => undefined,
      );
      throw toStoreError(error, this.logPath);
    }
    if (created) await syncFolder(dirname(this.logPath), this.#fs);
    this.#logBytes += record.length;
  }

  /**
   * Writes the whole document as the compacted save, then empties the log. A crash between
   * the two leaves changes both in the save and in the log; Automerge applies a change it
   * already has as nothing, so loading stays exact.
   */
  async compact(save: Uint8Array): Promise<void> {
    const sealed = this.#sealer.seal(save, snapshotName(this.id));
    await new DurableTextFile(this.snapshotPath, this.#fs).write(
      Buffer.concat([SNAPSHOT_MAGIC, sha256(sealed), sealed]),
    );
    await new DurableTextFile(this.logPath, this.#fs).write(Buffer.alloc(0));
    this.#logBytes = 0;
  }

  /**
   * Rewrites the snapshot and each log record from one sealing to another (encrypting or
   * decrypting the workspace). Each piece is converted only when not yet in the target form,
   * so an interrupted conversion finishes on the next run. Damaged pieces are left alone.
   */
  static async reseal(
    workspaceDir: string,
    id: string,
    from: DocumentSealer,
    to: DocumentSealer,
    fs: DurableFs = nodeFs,
  ): Promise<void> {
    const files = new SyncFiles(workspaceDir, id, from, fs);
    const snapshotFile = new DurableTextFile(files.snapshotPath, fs);
    const stored = await snapshotFile.read();
    const start = SNAPSHOT_MAGIC.length + HASH;
    if (stored !== null && stored.length >= start) {
      const sealed = stored.subarray(start);
      if (isEncrypted(sealed) !== to.encrypted) {
        const plain = files.#openSnapshot(stored);
        const next = to.seal(plain, snapshotName(id));
        await snapshotFile.write(Buffer.concat([SNAPSHOT_MAGIC, sha256(next), next]));
      }
    }
    const logFile = new DurableTextFile(files.logPath, fs);
    const log = await logFile.read();
    if (log === null) return;
    const out: Buffer[] = [];
    let offset = 0;
    let changed = false;
    while (offset < log.length) {
      const record = readRecord(log, offset);
      if (typeof record === 'string') break;
      let payload = record.payload;
      if (isEncrypted(payload) !== to.encrypted) {
        payload = to.seal(from.open(payload, logName(id)), logName(id));
        changed = true;
      }
      const head = Buffer.alloc(LENGTH);
      head.writeUInt32BE(payload.length);
      out.push(head, sha256(payload), payload);
      offset = record.next;
    }
    if (changed) await logFile.write(Buffer.concat(out));
  }

  /**
   * Keeps the compacted save aside (renamed, never deleted) before the document is made
   * again from the view: bytes that passed their checksums but that Automerge refused are
   * still someone's notes, for a person to look at.
   */
  async setAside(): Promise<string | null> {
    if (!(await exists(this.snapshotPath))) return null;
    return moveAside(this.snapshotPath);
  }

  /** Whether a shared document was ever written for this forum. */
  async exists(): Promise<boolean> {
    return (await exists(this.snapshotPath)) || (await exists(this.logPath));
  }

  #openSnapshot(stored: Buffer): Uint8Array {
    const start = SNAPSHOT_MAGIC.length + HASH;
    if (stored.length < start || !stored.subarray(0, SNAPSHOT_MAGIC.length).equals(SNAPSHOT_MAGIC))
      throw new Error('not a shared-forum save');
    const sealed = stored.subarray(start);
    if (!sha256(sealed).equals(stored.subarray(SNAPSHOT_MAGIC.length, start)))
      throw new Error('the checksum does not match the content');
    return this.#sealer.open(sealed, snapshotName(this.id));
  }
}

function readRecord(log: Buffer, offset: number): { payload: Buffer; next: number } | string {
  if (offset + LENGTH + HASH > log.length) return 'a torn record at the end';
  const length = log.readUInt32BE(offset);
  const start = offset + LENGTH + HASH;
  if (start + length > log.length) return 'a torn record at the end';
  const payload = log.subarray(start, start + length);
  if (!sha256(payload).equals(log.subarray(offset + LENGTH, start)))
    return 'a record whose checksum does not match';
  return { payload, next: start + length };
}

async function cutTo(path: string, bytes: number): Promise<void> {
  try {
    await truncate(path, bytes);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function syncFolder(dir: string, fs: DurableFs): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Renames a damaged file to `<name>.corrupt-<time>`, never over another file. */
async function moveAside(path: string): Promise<string> {
  for (let n = 0; ; n++) {
    const target = `${path}.corrupt-${stamp()}${n ? `-${n}` : ''}`;
    try {
      await link(path, target);
      await unlink(path);
      return target;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') continue;
      await rename(path, target);
      return target;
    }
  }
}

/** Keeps a copy of a damaged file (a hard link) before its readable part is rewritten. */
async function copyAside(path: string): Promise<string> {
  for (let n = 0; ; n++) {
    const target = `${path}.corrupt-${stamp()}${n ? `-${n}` : ''}`;
    try {
      await link(path, target);
      return target;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') continue;
      await copyFile(path, target);
      return target;
    }
  }
}
