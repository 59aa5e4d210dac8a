import { createHash } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { RecoveryNotice } from '../../common/api/types';
import type { Backups } from './backups';
import { DurableTextFile, errnoCode, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';

/** One document whose last edits the disk refused when the app stopped. */
export interface UnsavedDocument {
  /** `workspace` or `forum-<id>`. */
  key: string;
  path: string;
  /** The document as it would have been stored: checksummed, sealed when encrypted. */
  stored: Buffer;
}

interface RecoveryFile {
  format: 1;
  workspace: string;
  createdAt: string;
  documents: {
    key: string;
    /** Relative to the workspace folder. */
    file: string;
    /** SHA-256 of the document's bytes on disk at the stop, or null when it had none. */
    base: string | null;
    stored: string;
  }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The recovery files of a workspace carry a hash of its folder, so each finds its own. */
function prefix(dir: string): string {
  return `risalah-unsaved-${sha256(Buffer.from(resolve(dir))).slice(0, 12)}-`;
}

/**
 * Where a recovery file may go, best first: inside the workspace, beside it, then the
 * temp and home folders, which are often on another disk than a full one.
 */
function places(dir: string): string[] {
  return [...new Set([resolve(dir), dirname(resolve(dir)), tmpdir(), homedir()])];
}

/**
 * Keeps, in a recovery file, the documents the disk refused to take at a stop. Returns the
 * file's path, or null when no place would take it either.
 */
export async function writeUnsaved(
  dir: string,
  documents: UnsavedDocument[],
  fs: DurableFs = nodeFs,
): Promise<string | null> {
  const content: RecoveryFile = {
    format: 1,
    workspace: resolve(dir),
    createdAt: new Date().toISOString(),
    documents: await Promise.all(
      documents.map(async (doc) => {
        const current = await fs.readFile(doc.path).catch(() => null);
        return {
          key: doc.key,
          file: relative(dir, doc.path),
          base: current ? sha256(current) : null,
          stored: doc.stored.toString('base64'),
        };
      }),
    ),
  };
  const name = `${prefix(dir)}${content.createdAt.replace(/[:.]/g, '-')}.json`;
  for (const place of places(dir)) {
    try {
      await new DurableTextFile(join(place, name), fs).write(JSON.stringify(content));
      return join(place, name);
    } catch {
      // That disk refuses too: try the next place.
    }
  }
  return null;
}

/**
 * At the next start, before the documents are read: puts back the edits a stop could not
 * save, each over the very document it was made on (a document changed since is left as it
 * is, and its recovery file kept), after a backup of what it replaces. Says what it did.
 */
export async function applyUnsaved(
  dir: string,
  backups: Backups,
  fs: DurableFs = nodeFs,
): Promise<RecoveryNotice[]> {
  const notices: RecoveryNotice[] = [];
  const found: string[] = [];
  for (const place of places(dir)) {
    const names = await readdir(place).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(prefix(dir)) && name.endsWith('.json')) found.push(join(place, name));
    }
  }
  // Oldest first, so a newer stop's edits win.
  found.sort((a, b) => basename(a).localeCompare(basename(b)));
  for (const path of found) {
    let file: RecoveryFile;
    try {
      file = JSON.parse(await readFile(path, 'utf8')) as RecoveryFile;
      if (file.format !== 1 || resolve(file.workspace) !== resolve(dir)) continue;
    } catch {
      continue;
    }
    let applied = true;
    for (const doc of file.documents) {
      const target = join(dir, doc.file);
      const current = await fs.readFile(target).catch((error: unknown) => {
        if (errnoCode(error) === 'ENOENT') return null;
        throw error;
      });
      const now = current ? sha256(current) : null;
      const notice: RecoveryNotice = {
        file: doc.file,
        problem: 'unsaved',
        detail: path,
        movedTo: path,
        restoredFrom: null,
        restoredFromDate: null,
        at: new Date().toISOString(),
      };
      if (now !== doc.base) {
        // Saved elsewhere since (another copy of Risalah?): leave both for the user to judge.
        applied = false;
        notices.push(notice);
        continue;
      }
      if (current) await backups.create(doc.key, current, 'restore');
      await new DurableTextFile(target, fs).write(Buffer.from(doc.stored, 'base64'));
      notices.push({ ...notice, restoredFrom: path, restoredFromDate: file.createdAt });
    }
    if (applied) await unlink(path).catch(() => undefined);
  }
  return notices;
}
