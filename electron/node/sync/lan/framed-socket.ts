import { cbor } from '@automerge/automerge-repo';
import type { TLSSocket } from 'node:tls';

/**
 * One TLS socket carrying CBOR frames, each preceded by its length (4 bytes, big-endian).
 * CBOR because automerge-repo's messages carry binary sync data, which JSON would bloat.
 */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export class FramedSocket {
  readonly socket: TLSSocket;
  #buffer: Buffer = Buffer.alloc(0);
  #queue: unknown[] = [];
  #waiters: ((frame: unknown) => void)[] = [];
  #onFrame: ((frame: unknown) => void) | null = null;
  #closed = false;
  readonly closed: Promise<void>;

  constructor(socket: TLSSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => {
      const done = () => {
        this.#closed = true;
        resolve();
      };
      socket.once('close', done);
    });
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    // Errors surface as 'close'; without a listener Node would throw them.
    socket.on('error', () => undefined);
  }

  get isClosed(): boolean {
    return this.#closed || this.socket.destroyed;
  }

  send(frame: unknown): void {
    if (this.isClosed) return;
    const body = cbor.encode(frame);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    this.socket.write(Buffer.concat([header, body]));
  }

  /** The next frame, or null when the socket closes or `timeoutMs` passes first. */
  next(timeoutMs: number): Promise<unknown> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.isClosed) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), timeoutMs);
      const finish = (frame: unknown) => {
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== finish);
        resolve(frame);
      };
      this.#waiters.push(finish);
      void this.closed.then(() => finish(null));
    });
  }

  /** After the handshake: every further frame goes to `handler`, in order. */
  stream(handler: (frame: unknown) => void): void {
    this.#onFrame = handler;
    for (const frame of this.#queue.splice(0)) handler(frame);
  }

  close(): void {
    this.socket.end();
    // A peer that does not answer the close within a second is cut off.
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    while (this.#buffer.length >= 4) {
      const length = this.#buffer.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) {
        this.socket.destroy();
        return;
      }
      if (this.#buffer.length < 4 + length) return;
      const body = this.#buffer.subarray(4, 4 + length);
      this.#buffer = this.#buffer.subarray(4 + length);
      let frame: unknown;
      try {
        frame = cbor.decode(body);
      } catch {
        this.socket.destroy();
        return;
      }
      this.#deliver(frame ?? {});
    }
  }

  #deliver(frame: unknown): void {
    if (this.#onFrame) return this.#onFrame(frame);
    const waiter = this.#waiters.shift();
    if (waiter) waiter(frame);
    else this.#queue.push(frame);
  }
}
