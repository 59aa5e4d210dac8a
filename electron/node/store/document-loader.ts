import { link, rename, unlink } from 'node:fs/promises';
import { relative } from 'node:path';
import type { z } from 'zod';
import type { RecoveryNotice } from '../../common/api/types';
import type { Backups } from './backups';
import { documentCounter, plainSealer } from './crypto';
import type { DocumentSealer } from './crypto';
import { CorruptDocumentError, decodeVerified } from './document-codec';
import { DurableTextFile, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';
import { currentVersion, migrate } from './migrations';
import type { DocumentKind, RawDocument } from './migrations';

export interface LoadOptions<S extends z.ZodType> {
  workspaceDir: string;
  path: string;
  kind: DocumentKind;
  /** Backup folder name: `workspace` or `forum-<id>`. */
  key: string;
  schema: S;
  backups: Backups;
  /** A new document, when none exists or nothing could be recovered. */
  create: () => RawDocument;
  fs?: DurableFs;
  /** Opens the stored bytes; a failed authentication counts as corruption. */
  sealer?: DocumentSealer;
  /**
   * The document is listed (a forum in the workspace's index), so its absence is damage to
   * recover from a backup, not a first start.
   */
  expected?: boolean;
  /** The write counter this document had at the last close; a lower one is a rollback. */
  remembered?: number;
}

export interface Loaded<T> {
  data: T;
  /** The document must be written (new, migrated or recovered). */
  dirty: boolean;
  notice: RecoveryNotice | null;
}

/** The collections each kind of document must have, checked on the trusted path. */
const collections: Record<DocumentKind, string[]> = {
  workspace: ['forums', 'contacts'],
  forum: ['sessions', 'notes', 'clauseDocuments', 'clauses', 'commitments'],
};

/**
 * Parses, migrates and validates one document's text; throws `CorruptDocumentError`.
 *
 * `trusted`: a document whose checksum matches was written by Risalah, from data typed by
 * these very schemas; at the current version only its outline is checked, which saves the
 * cold schema pass (about 90 ms for 10,000 notes) when a workspace opens. Hand-edited,
 * migrated, restored and imported documents, and `risalah check`, always get the full pass.
 */
export function readDocumentText<S extends z.ZodType>(
  text: Buffer | string,
  kind: DocumentKind,
  schema: S,
  trusted = false,
): { data: z.output<S>; migratedFrom: number; migratedTo: number } {
  const { data: raw, verified } = decodeVerified(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptDocumentError('schema', 'the document is not an object');
  }
  const version = (raw as RawDocument).schemaVersion;
  if (trusted && verified && version === currentVersion[kind]) {
    const missing = collections[kind].find((key) => !Array.isArray((raw as RawDocument)[key]));
    if (missing) throw new CorruptDocumentError('schema', `${missing}: not a list`);
    return { data: raw as z.output<S>, migratedFrom: version, migratedTo: version };
  }
  const { doc, from, to } = migrate(kind, raw as RawDocument);
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptDocumentError('schema', `${issue?.path.join('.') || '-'}: ${issue?.message}`);
  }
  return { data: parsed.data, migratedFrom: from, migratedTo: to };
}

/**
 * Opens a document. A document that does not parse or does not match the schema is moved
 * aside under a dated name (never overwritten), and the newest backup that is valid takes
 * its place; the notice says which file, what was wrong and what was restored.
 */
export async function loadDocument<S extends z.ZodType>(
  options: LoadOptions<S>,
): Promise<Loaded<z.output<S>>> {
  const fs = options.fs ?? nodeFs;
  const file = new DurableTextFile(options.path, fs);
  const sealer = options.sealer ?? plainSealer;
  let text: Buffer | null;
  try {
    text = await file.read();
  } catch (error) {
    // A file that exists but cannot be read (permissions, an I/O error, a folder in its
    // place) is damage like any other: set aside, recovered from a backup, reported.
    const reason = error instanceof Error ? error.message : String(error);
    return recover(options, new CorruptDocumentError('unreadable', reason), error);
  }
  if (text === null) {
    if (!options.expected) return { data: fresh(options), dirty: true, notice: null };
    return recover(options, new CorruptDocumentError('missing', 'the file does not exist'));
  }
  try {
    const { data, migratedFrom, migratedTo } = readDocumentText(
      sealer.open(text, options.key),
      options.kind,
      options.schema,
      true,
    );
    const migrated = migratedFrom < migratedTo;
    if (migrated) await options.backups.create(options.key, text, 'migration');
    return { data, dirty: migrated, notice: rollbackNotice(options, text) };
  } catch (error) {
    if (!(error instanceof CorruptDocumentError)) throw error;
    return recover(options, error);
  }
}

async function recover<S extends z.ZodType>(
  options: LoadOptions<S>,
  problem: CorruptDocumentError,
  /** Why the file could not be read; thrown as is when it cannot even be set aside. */
  readError?: unknown,
): Promise<Loaded<z.output<S>>> {
  let movedTo: string | null = null;
  if (problem.reason !== 'missing') {
    try {
      movedTo = await moveAside(options.path);
    } catch (error) {
      // Neither readable nor movable: saving over it would fail too; say why it failed.
      throw readError ?? error;
    }
  }
  const notice: RecoveryNotice = {
    file: relative(options.workspaceDir, options.path),
    problem: problem.reason,
    detail: problem.message,
    movedTo: movedTo === null ? null : relative(options.workspaceDir, movedTo),
    restoredFrom: null,
    restoredFromDate: null,
    at: new Date().toISOString(),
  };
  for (const backup of await options.backups.list(options.key)) {
    try {
      const text = await options.backups.read(backup.id);
      const plain = (options.sealer ?? plainSealer).open(text, options.key);
      const { data } = readDocumentText(plain, options.kind, options.schema);
      return {
        data,
        dirty: true,
        notice: { ...notice, restoredFrom: backup.id, restoredFromDate: backup.createdAt },
      };
    } catch {
      // A damaged backup is skipped; an older one may still be good.
    }
  }
  return { data: fresh(options), dirty: true, notice };
}

/**
 * An encrypted document older than the one Risalah last saved: someone put an older copy of
 * it (a backup, a file from another folder) in its place. It opens (it is authentic), and
 * the user is told, since edits made after that copy are missing.
 */
function rollbackNotice<S extends z.ZodType>(
  options: LoadOptions<S>,
  text: Buffer,
): RecoveryNotice | null {
  const counter = documentCounter(text);
  if (options.remembered === undefined || counter === null) return null;
  options.sealer?.raise?.(options.key, options.remembered);
  if (counter >= options.remembered) return null;
  return {
    file: relative(options.workspaceDir, options.path),
    problem: 'rollback',
    detail: `saved ${counter} times, Risalah last saved it ${options.remembered} times`,
    movedTo: null,
    restoredFrom: null,
    restoredFromDate: null,
    at: new Date().toISOString(),
  };
}

function fresh<S extends z.ZodType>(options: LoadOptions<S>): z.output<S> {
  const { doc } = migrate(options.kind, options.create());
  return options.schema.parse(doc);
}

/** Renames a damaged file to `<name>.corrupt-<time>` beside it, never over another file. */
async function moveAside(path: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const target = `${path}.corrupt-${stamp}${n ? `-${n}` : ''}`;
    try {
      // link + unlink refuses to replace an existing target, unlike rename.
      await link(path, target);
      await unlink(path);
      return target;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
        // File systems without hard links (FAT on a USB stick): fall back to rename.
        await rename(path, target);
        return target;
      }
      throw error;
    }
  }
}
