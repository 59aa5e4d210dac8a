import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FieldConflict } from '../../common/domain/notebook-views';
import type { RecordChanges } from './forum-automerge';

/**
 * A worker thread that holds shared forums' Automerge documents, so that loading one (seconds
 * of CPU for thousands of notes, in one uninterruptible WebAssembly call) never holds the
 * host: the page, the browser-mode server and the saves of every other forum go on meanwhile.
 *
 * It owns a document only while this laptop types into it and reads its conflicts: the
 * host keeps each save's record changes, sends them, and appends the bytes the worker
 * returns to the change log itself (fsync, sealing) before the view is written, as it does
 * with a document of its own. A merge, a send or the LAN takes the document back to the host
 * thread (read again from the disk, which holds all of it). Should the thread die, every
 * request under way fails: the host's view keeps the edits (marked pending) and the document
 * is loaded again from the disk, which lost nothing.
 */

export type WorkerRequest =
  | {
      op: 'open';
      forumId: string;
      snapshot: Uint8Array | null;
      changes: Uint8Array[];
      /** The heads the view records: the document must stand there. */
      marked: string[];
    }
  | { op: 'apply'; forumId: string; changes: RecordChanges; since: string[] }
  | { op: 'save'; forumId: string }
  | { op: 'conflicts'; forumId: string }
  | { op: 'drop'; forumId: string };

export type WorkerReply =
  | { ok: false; message: string }
  | {
      ok: true;
      mismatch?: true;
      /** The view the document stands for, as JSON (parsed on the host, no clone). */
      base?: string;
      heads?: string[];
      bytes?: Uint8Array;
      conflicts?: FieldConflict[];
    };

type Answer = Extract<WorkerReply, { ok: true }>;

export class DocumentWorkerGone extends Error {
  constructor(detail: string) {
    super(`the document worker stopped: ${detail}`);
    this.name = 'DocumentWorkerGone';
  }
}

export class DocumentWorker {
  readonly file: string;
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<
    number,
    { resolve: (a: Answer) => void; reject: (e: Error) => void }
  >();
  /** Told when the thread ended while holding documents (they are gone). */
  onGone: (() => void) | null = null;

  constructor(file: string) {
    this.file = file;
  }

  /**
   * The built worker beside the bundle (`out/main/forum-worker.js`, or the bench's
   * `forum-worker.mjs`); null in plain Node from source, where documents load on the host.
   */
  static beside(): DocumentWorker | null {
    for (const candidate of [
      './forum-worker.js',
      '../forum-worker.js',
      './forum-worker.mjs',
      '../forum-worker.mjs',
    ]) {
      const file = fileURLToPath(new URL(candidate, import.meta.url));
      if (existsSync(file)) return new DocumentWorker(file);
    }
    return null;
  }

  request(request: WorkerRequest): Promise<Answer> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise<Answer>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request });
      worker.ref();
    });
  }

  /** Ends the thread (its documents with it); the next request starts a new one. */
  async terminate(): Promise<void> {
    const worker = this.#worker;
    if (worker) await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.file);
    this.#worker = worker;
    // An idle worker never keeps a command's process alive; a request under way does.
    worker.unref();
    worker.on('message', ({ id, reply }: { id: number; reply: WorkerReply }) => {
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(reply.message));
    });
    const gone = (detail: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      const waiting = [...this.#waiting.values()];
      this.#waiting.clear();
      for (const { reject } of waiting) reject(new DocumentWorkerGone(detail));
      this.onGone?.();
    };
    worker.on('error', (error) => gone(String(error)));
    worker.on('exit', (code) => gone(`exit ${code}`));
    return worker;
  }
}
