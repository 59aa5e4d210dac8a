import * as A from '@automerge/automerge';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import {
  checkScryptParams,
  decryptDocument,
  DEFAULT_SCRYPT,
  deriveKey,
  encryptDocument,
} from '../store/crypto';
import type { ForumDoc } from './forum-automerge';

/**
 * The file *Send to a colleague* writes: one shared forum's whole Automerge document, with
 * a small header saying which forum and who sent it.
 *
 *   MAGIC ‖ mode (0 plain, 1 passphrase) ‖ …
 *   plain:      SHA-256(payload) ‖ payload
 *   passphrase: salt (16) ‖ log2 N, r, p (1 byte each) ‖ sealed payload (AES-256-GCM, as
 *               the workspace's documents are sealed, under a key scrypt derives)
 *   payload:    header length (4) ‖ header JSON ‖ Automerge save
 *
 * A file cut short or changed in transit fails its hash or its authentication tag and is
 * refused before anything is merged.
 */
const MAGIC = Buffer.from('RISALAH-SHARE1\n');
const SHARE_NAME = 'risalah-share';
const SALT = 16;

export const shareHeaderSchema = z
  .object({
    format: z.literal(1),
    forumId: z.string().regex(/^[A-Za-z0-9-]+$/),
    forumName: z.object({ id: z.string(), en: z.string() }).loose(),
    sentBy: z.string(),
    sentAt: z.string(),
  })
  .loose();
export type ShareHeader = z.infer<typeof shareHeaderSchema>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

export async function writeShareFile(
  header: Omit<ShareHeader, 'format'>,
  save: Uint8Array,
  passphrase?: string,
): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify({ format: 1, ...header }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const payload = Buffer.concat([length, json, save]);
  if (!passphrase) return Buffer.concat([MAGIC, Buffer.of(0), sha256(payload), payload]);
  const salt = randomBytes(SALT);
  const { N, r, p } = DEFAULT_SCRYPT;
  const key = await deriveKey(passphrase, salt, DEFAULT_SCRYPT);
  const sealed = encryptDocument(payload, key, SHARE_NAME);
  key.fill(0);
  return Buffer.concat([MAGIC, Buffer.of(1), salt, Buffer.of(Math.log2(N), r, p), sealed]);
}

/** Whether the file needs a passphrase (null: not a file from Risalah). */
export function shareFileMode(bytes: Uint8Array): 'plain' | 'passphrase' | null {
  const buffer = Buffer.from(bytes);
  if (buffer.length <= MAGIC.length || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const mode = buffer[MAGIC.length];
  return mode === 0 ? 'plain' : mode === 1 ? 'passphrase' : null;
}

/**
 * Reads and checks a received file: `share-file-invalid` for anything cut short, changed or
 * foreign; `share-file-passphrase` when a passphrase is needed and missing;
 * `share-file-wrong-passphrase` when it does not open the file.
 */
export async function readShareFile(
  bytes: Uint8Array,
  passphrase?: string,
): Promise<{ header: ShareHeader; doc: ForumDoc }> {
  const { header, save } = await openShareFile(bytes, passphrase);
  return { header, doc: loadSharedSave(save, header.forumId) };
}

/**
 * The document of a received file, loaded whole and checked to be the forum its header
 * names (`share-file-invalid` otherwise).
 */
export function loadSharedSave(save: Uint8Array, forumId: string): ForumDoc {
  let doc: ForumDoc;
  try {
    doc = A.load(save);
  } catch {
    throw new AppError('share-file-invalid', {});
  }
  const forum = (doc as { forum?: { id?: unknown } }).forum;
  if (forum?.id !== forumId) throw new AppError('share-file-invalid', {});
  return doc;
}

/**
 * Checks a received file (hash or passphrase, header) without loading its document, which
 * for a large forum takes seconds: a colleague's file usually starts with a save this
 * laptop already has, and then only the changes after it are read.
 */
export async function openShareFile(
  bytes: Uint8Array,
  passphrase?: string,
): Promise<{ header: ShareHeader; save: Uint8Array }> {
  const buffer = Buffer.from(bytes);
  const mode = shareFileMode(buffer);
  if (mode === null) throw new AppError('share-file-invalid', {});
  let payload: Buffer;
  const body = buffer.subarray(MAGIC.length + 1);
  if (mode === 'plain') {
    if (body.length < 32 || !sha256(body.subarray(32)).equals(body.subarray(0, 32)))
      throw new AppError('share-file-invalid', {});
    payload = body.subarray(32);
  } else {
    if (!passphrase) throw new AppError('share-file-passphrase', {});
    if (body.length < SALT + 3) throw new AppError('share-file-invalid', {});
    const salt = body.subarray(0, SALT);
    const [logN, r, p] = [body[SALT] ?? 0, body[SALT + 1] ?? 0, body[SALT + 2] ?? 0];
    const params = { N: 2 ** logN, r, p };
    try {
      checkScryptParams(params);
    } catch {
      throw new AppError('share-file-invalid', {});
    }
    const key = await deriveKey(passphrase, Buffer.from(salt), params);
    try {
      payload = decryptDocument(body.subarray(SALT + 3), key, SHARE_NAME);
    } catch {
      throw new AppError('share-file-wrong-passphrase', {});
    } finally {
      key.fill(0);
    }
  }
  if (payload.length < 4) throw new AppError('share-file-invalid', {});
  const headerLength = payload.readUInt32BE(0);
  if (4 + headerLength > payload.length) throw new AppError('share-file-invalid', {});
  let header: ShareHeader;
  try {
    header = shareHeaderSchema.parse(
      JSON.parse(payload.subarray(4, 4 + headerLength).toString('utf8')),
    );
  } catch {
    throw new AppError('share-file-invalid', {});
  }
  return { header, save: payload.subarray(4 + headerLength) };
}
