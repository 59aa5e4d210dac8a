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

/** Bytes gathered before they are turned into one piece of the file and hashed. */
const PIECE_CHARS = 1 << 20;
/** How deep objects and arrays are walked; below this depth values are stringified whole. */
const WALK_DEPTH = 3;

/**
 * `encodeDocument`'s bytes, made a slice at a time so that a large document (a workspace
 * after a 130,000-row import is ~100 MB of JSON) never holds the event loop for seconds:
 * requests, autosaves of other documents and the save indicator are served between slices.
 *
 * The bytes are a snapshot of the data as it was when `finish()` was called or, without
 * that, as it stays: an edit must call `finish()` before it changes the data (StoreDocument
 * does), which writes the rest at once, so a file never mixes two states. The output is
 * byte for byte what `JSON.stringify` gives (tested), so reading it needs nothing new.
 */
export class DocumentEncoding {
  readonly #steps: Generator<void, void, void>;
  readonly #hash = createHash('sha256');
  readonly #pieces: Buffer[] = [];
  #text: string[] = [];
  #chars = 0;
  #done = false;

  constructor(data: unknown) {
    this.#steps = this.#walk(data, 0);
  }

  /** Encodes in slices of about `sliceMs`, giving the event loop a turn between them. */
  async run(sliceMs = 8): Promise<Buffer[]> {
    while (!this.#done) {
      const until = performance.now() + sliceMs;
      for (let n = 0; !this.#done; n++) {
        this.#step();
        if ((n & 63) === 63 && performance.now() >= until) break;
      }
      if (!this.#done) await new Promise((resolve) => setImmediate(resolve));
    }
    return this.#result();
  }

  /** Encodes the rest now, before the data changes. */
  finish(): void {
    while (!this.#done) this.#step();
  }

  #step(): void {
    if (this.#steps.next().done) {
      this.#done = true;
      this.#cut();
    }
  }

  #result(): Buffer[] {
    const head = Buffer.from(`${PREFIX_START}${this.#hash.digest('hex')}${PREFIX_END}`, 'latin1');
    return [head, ...this.#pieces, Buffer.of(CLOSE)];
  }

  #push(text: string): void {
    this.#text.push(text);
    this.#chars += text.length;
  }

  /** Turns the text gathered so far into one hashed piece of the file. */
  #cut(): void {
    if (this.#chars === 0) return;
    const piece = Buffer.from(this.#text.join(''), 'utf8');
    this.#hash.update(piece);
    this.#pieces.push(piece);
    this.#text = [];
    this.#chars = 0;
  }

  /** JSON.stringify's output, a yield after each array item of the upper levels. */
  *#walk(value: unknown, depth: number): Generator<void, void, void> {
    if (depth < WALK_DEPTH && Array.isArray(value)) {
      this.#push('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.#push(',');
        const item: unknown = value[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') {
          this.#push('null');
        } else yield* this.#walk(item, depth + 1);
        if (this.#chars >= PIECE_CHARS) this.#cut();
        yield;
      }
      this.#push(']');
      return;
    }
    if (depth < WALK_DEPTH && isWalkable(value)) {
      this.#push('{');
      let first = true;
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        this.#push(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        yield* this.#walk(item, depth + 1);
      }
      this.#push('}');
      return;
    }
    this.#push(JSON.stringify(value) ?? 'null');
  }
}

/** A plain object JSON.stringify would walk key by key (no `toJSON` of its own). */
function isWalkable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}
