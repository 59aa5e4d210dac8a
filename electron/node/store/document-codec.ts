import { createHash } from 'node:crypto';

/**
 * A document on disk is JSON with a SHA-256 of its data, so that a flipped bit inside a note
 * (which would still parse) is caught as corruption instead of silently changing the note:
 *
 *   {"format":"risalah/1","sha256":"<64 hex>","data":<the document>}
 *
 * The data is hashed as the exact bytes between the fixed prefix and the closing brace, so
 * checking costs one hash and no second stringify. A plain JSON document (hand-edited, or
 * written by an older build) is accepted too and checked by its schema alone.
 */
const FORMAT = 'risalah/1';
const PREFIX_START = `{"format":"${FORMAT}","sha256":"`;
const HASH_LENGTH = 64;
const PREFIX_END = '","data":';
const DATA_OFFSET = PREFIX_START.length + HASH_LENGTH + PREFIX_END.length;

export class CorruptDocumentError extends Error {
  readonly reason: 'empty' | 'not-json' | 'checksum' | 'schema';

  constructor(reason: CorruptDocumentError['reason'], detail: string) {
    super(detail);
    this.name = 'CorruptDocumentError';
    this.reason = reason;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function encodeDocument(data: unknown): string {
  const json = JSON.stringify(data);
  return `${PREFIX_START}${sha256(json)}${PREFIX_END}${json}}`;
}

export function decodeDocument(text: string): unknown {
  if (text.trim().length === 0 || /^\0+$/.test(text)) {
    throw new CorruptDocumentError('empty', 'the file is empty');
  }
  if (text.startsWith(PREFIX_START)) {
    const hash = text.slice(PREFIX_START.length, PREFIX_START.length + HASH_LENGTH);
    const json = text.slice(DATA_OFFSET, -1);
    if (
      text.slice(PREFIX_START.length + HASH_LENGTH, DATA_OFFSET) !== PREFIX_END ||
      !text.endsWith('}') ||
      sha256(json) !== hash
    ) {
      throw new CorruptDocumentError('checksum', 'the checksum does not match the content');
    }
    return parse(json);
  }
  return parse(text);
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new CorruptDocumentError('not-json', error instanceof Error ? error.message : 'bad JSON');
  }
}
