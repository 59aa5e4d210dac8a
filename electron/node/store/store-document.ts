import { statSync } from 'node:fs';
import { Low } from 'lowdb';
import type { AppError } from '../../common/errors';
import type { SaveState } from '../../common/api/types';
import type { ApiErrorPayload } from '../../common/errors';
import { toStoreError } from './durable-file';
import type { DocumentFile } from './document-file';

export interface StoreDocumentOptions {
  /** How long edits are gathered after the last one before one durable write. */
  debounceMs: number;
  /** The longest an edit waits for its write, however steady the stream of edits after it. */
  maxWaitMs?: number;
  /** First delay before a failed write is tried again; it doubles up to `retryMaxMs`. */
  retryMs?: number;
  retryMaxMs?: number;
  onStatus?: (status: DocumentSaveStatus) => void;
}

/** The save state of one document, with the edits it covers. */
export interface DocumentSaveStatus {
  state: SaveState;
  /** ISO time of the last write that reached the disk. */
  savedAt: string | null;
  error: ApiErrorPayload | null;
  /** The number of the newest edit applied in memory (0: none since opening). */
  edit: number;
  /** The number of the newest edit that is on disk; every older edit of this document is too. */
  saved: number;
  /** The number of the oldest edit not yet on disk, or null when none is pending. */
  firstUnsaved: number | null;
}

let lastEdit = Date.now() * 1000;

/**
 * Numbers every edit of every document of this process with a number that only grows (it
 * starts from the clock, so a restarted host keeps counting upwards). A caller holding the
 * number of its edit knows that edit is on disk once a status says `saved` ≥ that number.
 */
export function nextEditNumber(): number {
  lastEdit = Math.max(lastEdit + 1, Date.now() * 1000);
  return lastEdit;
}

/** The newest edit number handed out in this process. */
export const latestEditNumber = () => lastEdit;

/**
 * One lowdb document with coalesced, durable saves. Edits change memory at once and the
 * disk shortly after: `debounceMs` after the last edit, and never more than `maxWaitMs`
 * after the first unsaved one. `saved` is reported only once the bytes are on disk; a
 * failed write is retried on its own, sooner at first, then every `retryMaxMs`.
 */
export class StoreDocument<T> {
  readonly key: string;
  readonly #db: Low<T>;
  readonly #adapter: DocumentFile<T>;
  readonly #options: Required<Omit<StoreDocumentOptions, 'onStatus'>> &
    Pick<StoreDocumentOptions, 'onStatus'>;
  #timer: NodeJS.Timeout | undefined;
  #dirty = false;
  #writing: Promise<void> | undefined;
  #firstPendingAt: number | undefined;
  #retryDelay = 0;
  #retryAt = 0;
  #status: DocumentSaveStatus = {
    state: 'idle',
    savedAt: null,
    error: null,
    edit: 0,
    saved: 0,
    firstUnsaved: null,
  };
  #lastError: AppError | undefined;
  #closed = false;

  constructor(adapter: DocumentFile<T>, data: T, options: StoreDocumentOptions) {
    this.#db = new Low(adapter, data);
    this.#adapter = adapter;
    this.key = adapter.key;
    // An opened workspace says when it was last written, not "all saved" with no time.
    this.#status = { ...this.#status, savedAt: modifiedAt(adapter.file.path) };
    this.#options = {
      maxWaitMs: 1000,
      retryMs: 250,
      retryMaxMs: 5000,
      ...options,
    };
  }

  get data(): T {
    return this.#db.data;
  }

  get status(): DocumentSaveStatus {
    return this.#status;
  }

  get path(): string {
    return this.#adapter.file.path;
  }

  /** Whether some edit is not on disk yet. */
  get pending(): boolean {
    return this.#status.firstUnsaved !== null;
  }

  /** Applies an edit in memory and schedules a save. */
  update<R>(mutate: (data: T) => R): R {
    // A write encoding the data in slices takes its snapshot before the data changes.
    this.#adapter.settle();
    const result = mutate(this.#db.data);
    const edit = nextEditNumber();
    this.#dirty = true;
    this.#setStatus({
      ...this.#status,
      // Pending edits are "saving" at once, never "saved": the disk does not have them yet.
      state: this.#status.state === 'failed' ? 'failed' : 'saving',
      edit,
      firstUnsaved: this.#status.firstUnsaved ?? edit,
    });
    this.#schedule();
    return result;
  }

  /** Writes now whatever is pending; rejects with a translated error if the disk refuses. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#writing || this.#dirty) {
      if (this.#writing) {
        await this.#writing.catch(() => undefined);
        continue;
      }
      await this.#writeOnce();
      if (this.#lastError) throw this.#lastError;
    }
  }

  /** Stops the timers: after a final flush, or when a stop gives up on a failing disk. */
  stop(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#writing || this.#closed) return; // the running write schedules what follows it
    const now = Date.now();
    this.#firstPendingAt ??= now;
    const deadline = this.#firstPendingAt + this.#options.maxWaitMs;
    let delay = Math.max(0, Math.min(this.#options.debounceMs, deadline - now));
    // After a failure, edits do not hammer the disk: wait for the back-off too.
    if (this.#retryAt > now) delay = Math.max(delay, this.#retryAt - now);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#writing && this.#dirty) void this.#writeOnce();
    }, delay);
  }

  #writeOnce(): Promise<void> {
    this.#dirty = false;
    this.#firstPendingAt = undefined;
    const covers = this.#status.edit;
    if (this.#status.state !== 'failed') this.#setStatus({ ...this.#status, state: 'saving' });
    this.#writing = this.#db
      .write()
      .then(
        () => {
          this.#lastError = undefined;
          this.#retryDelay = 0;
          this.#retryAt = 0;
          const stillPending = this.#dirty;
          this.#setStatus({
            state: stillPending ? 'saving' : 'saved',
            savedAt: new Date().toISOString(),
            error: null,
            edit: this.#status.edit,
            saved: covers,
            // Edits made during the write keep their own, later number.
            firstUnsaved: stillPending ? this.#firstUnsavedAfter(covers) : null,
          });
        },
        (error: unknown) => {
          // The edit is still in memory: keep it dirty and try again after a pause.
          this.#dirty = true;
          this.#lastError = toStoreError(error, this.path);
          this.#retryDelay = Math.min(
            this.#options.retryMaxMs,
            this.#retryDelay ? this.#retryDelay * 2 : this.#options.retryMs,
          );
          this.#retryAt = Date.now() + this.#retryDelay;
          this.#setStatus({
            ...this.#status,
            state: 'failed',
            error: this.#lastError.toPayload(),
          });
        },
      )
      .finally(() => {
        this.#writing = undefined;
        if (this.#dirty) this.#schedule();
      });
    return this.#writing;
  }

  /** The oldest pending edit is at most one past what the write covered. */
  #firstUnsavedAfter(covered: number): number {
    const first = this.#status.firstUnsaved;
    return first !== null && first > covered ? first : covered + 1;
  }

  #setStatus(status: DocumentSaveStatus): void {
    this.#status = status;
    this.#options.onStatus?.(status);
  }
}

/** When the file last reached the disk; null for one not written yet. */
function modifiedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}
