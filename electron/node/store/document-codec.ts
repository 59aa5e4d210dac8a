import { createHash } from 'node:crypto';

/**
 * A document on disk is JSON with a SHA-256 of its data, so that a flipped bit inside a note
 * (which would still parse) is caught as corruption instead of silently changing the note:
 *
 *   {"format":"risalah/1","sha256":"<64 hex>","data":<the document>}
 *
 * The data is hashed as the exact bytes between the fixed prefix and the closing brace, so
 * checking costs one hash of the bytes as read, with no second stringify or re-encoding. A
 * plain JSON document (hand-edited, or written by an older build) is accepted too and
 * checked by its schema alone.
 */
const FORMAT = 'risalah/1';
const PREFIX_START = `{"format":"${FORMAT}","sha256":"`;
const HASH_LENGTH = 64;
const PREFIX_END = '","data":';
const DATA_OFFSET = PREFIX_START.length + HASH_LENGTH + PREFIX_END.length;
const CLOSE = 0x7d; // '}'

export class CorruptDocumentError extends Error {
  readonly reason: 'empty' | 'not-json' | 'checksum' | 'schema' | 'missing' | 'unreadable';

  constructor(reason: CorruptDocumentError['reason'], detail: string) {
    super(detail);
    this.name = 'CorruptDocumentError';
    this.reason = reason;
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function encodeDocument(data: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(data), 'utf8');
  return Buffer.concat([
    Buffer.from(`${PREFIX_START}${sha256(json)}${PREFIX_END}`, 'latin1'),
    json,
    Buffer.of(CLOSE),
  ]);
}

export function decodeDocument(input: Buffer | string): unknown {
  return decodeVerified(input).data;
}

/** Also says whether the bytes carried a checksum that matched (so Risalah wrote them). */
export function decodeVerified(input: Buffer | string): { data: unknown; verified: boolean } {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length === 0 || (bytes[0] === 0 && bytes.every((b) => b === 0))) {
    throw new CorruptDocumentError('empty', 'the file is empty');
  }
  if (bytes.toString('latin1', 0, PREFIX_START.length) !== PREFIX_START) {
    return { data: parse(bytes.toString('utf8')), verified: false };
  }
  const hash = bytes.toString('latin1', PREFIX_START.length, PREFIX_START.length + HASH_LENGTH);
  const data = bytes.subarray(DATA_OFFSET, bytes.length - 1);
  if (
    bytes.length <= DATA_OFFSET ||
    bytes.toString('latin1', PREFIX_START.length + HASH_LENGTH, DATA_OFFSET) !== PREFIX_END ||
    bytes[bytes.length - 1] !== CLOSE ||
    sha256(data) !== hash
  ) {
    throw new CorruptDocumentError('checksum', 'the checksum does not match the content');
  }
  return { data: parse(data.toString('utf8')), verified: true };
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new CorruptDocumentError('not-json', error instanceof Error ? error.message : 'bad JSON');
  }
}
