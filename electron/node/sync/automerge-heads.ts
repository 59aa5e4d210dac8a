import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

/**
 * The heads of a saved Automerge document, read from its bytes without loading it (and
 * without loading Automerge's WebAssembly at all), so that opening a shared forum whose view
 * already stands for those heads costs what opening an unshared forum costs.
 *
 * Nothing here is a header of ours that could say something else than the document: a
 * document chunk lists its own heads, and a change's hash is the SHA-256 Automerge itself
 * computes over the change's bytes (chunk type, length, contents; a compressed change is
 * hashed as its uncompressed form). The heads after a run of changes applied in order are
 * the heads before, plus each change, minus what each change depends on. Anything not
 * understood gives `null`, and the caller then loads the document the slow, sure way.
 *
 * Format: automerge.org/automerge-binary-format-spec (chunk container, change and document
 * chunks).
 */

const MAGIC = Buffer.from([0x85, 0x6f, 0x4a, 0x83]);
const DOCUMENT = 0;
const CHANGE = 1;
const COMPRESSED_CHANGE = 2;
const HASH = 32;

/** Reads an unsigned LEB128 number; null past the end or beyond 2^53. */
function uleb(bytes: Buffer, offset: number): [number, number] | null {
  let value = 0;
  let scale = 1;
  for (let at = offset; at < bytes.length && at < offset + 8; at++) {
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, at + 1];
    scale *= 128;
  }
  return null;
}

function lebBytes(value: number): Buffer {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest) byte |= 0x80;
    out.push(byte);
  } while (rest);
  return Buffer.from(out);
}

function readHashes(bytes: Buffer, offset: number): [string[], number] | null {
  const count = uleb(bytes, offset);
  if (!count) return null;
  const [n, start] = count;
  if (start + n * HASH > bytes.length) return null;
  const hashes: string[] = [];
  for (let i = 0; i < n; i++) {
    hashes.push(bytes.subarray(start + i * HASH, start + (i + 1) * HASH).toString('hex'));
  }
  return [hashes, start + n * HASH];
}

/**
 * Folds the chunks of `bytes` (a document save, or changes saved since some heads) into
 * `heads`. Returns false when the bytes are not chunks this reader understands.
 */
function fold(heads: Set<string>, bytes: Buffer): boolean {
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 9 > bytes.length) return false;
    if (!bytes.subarray(offset, offset + 4).equals(MAGIC)) return false;
    const type = bytes[offset + 8] as number;
    const length = uleb(bytes, offset + 9);
    if (!length) return false;
    const [size, start] = length;
    const end = start + size;
    if (end > bytes.length) return false;
    const body = bytes.subarray(offset + 8, end);
    const checksum = createHash('sha256').update(body).digest().subarray(0, 4);
    if (!checksum.equals(bytes.subarray(offset + 4, offset + 8))) return false;
    let contents = bytes.subarray(start, end);
    if (type === DOCUMENT) {
      // actors (count, then each length and bytes), then the document's heads.
      const actors = uleb(contents, 0);
      if (!actors) return false;
      let at = actors[1];
      for (let i = 0; i < actors[0]; i++) {
        const actor = uleb(contents, at);
        if (!actor) return false;
        at = actor[1] + actor[0];
      }
      const documentHeads = readHashes(contents, at);
      if (!documentHeads) return false;
      heads.clear();
      for (const hash of documentHeads[0]) heads.add(hash);
    } else if (type === CHANGE || type === COMPRESSED_CHANGE) {
      if (type === COMPRESSED_CHANGE) {
        try {
          contents = inflateRawSync(contents);
        } catch {
          return false;
        }
      }
      const hash = createHash('sha256')
        .update(Buffer.of(CHANGE))
        .update(lebBytes(contents.length))
        .update(contents)
        .digest('hex');
      const deps = readHashes(contents, 0);
      if (!deps) return false;
      for (const dep of deps[0]) heads.delete(dep);
      heads.add(hash);
    } else {
      return false;
    }
    offset = end;
  }
  return true;
}

/**
 * The heads of the document made of `snapshot` (a whole save, or null) followed by `changes`
 * (incremental saves, in the order they were appended), sorted; null when unknown.
 */
export function headsOfSaved(snapshot: Uint8Array | null, changes: Uint8Array[]): string[] | null {
  const heads = new Set<string>();
  if (snapshot && !fold(heads, Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.length)))
    return null;
  for (const change of changes) {
    if (!fold(heads, Buffer.from(change.buffer, change.byteOffset, change.length))) return null;
  }
  return heads.size === 0 ? null : [...heads].sort();
}

/**
 * The document chunk a save starts with: its heads and where it ends (what follows it is
 * changes made since). Null when the bytes do not start with one.
 */
export function leadingDocument(bytes: Uint8Array): { heads: string[]; end: number } | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.length < 9 || !buffer.subarray(0, 4).equals(MAGIC) || buffer[8] !== DOCUMENT)
    return null;
  const length = uleb(buffer, 9);
  if (!length || length[1] + length[0] > buffer.length) return null;
  const end = length[1] + length[0];
  const heads = new Set<string>();
  if (!fold(heads, buffer.subarray(0, end))) return null;
  return { heads: [...heads].sort(), end };
}
