import { Low } from 'lowdb';
import type { AppError } from '../../common/errors';
import type { SaveStatus } from '../../common/api/types';
import { toStoreError } from './durable-file';
import type { DocumentFile } from './document-file';

export interface StoreDocumentOptions {
  /** How long edits are gathered before one durable write. */
  debounceMs: number;
  onStatus?: (status: SaveStatus) => void;
}

/**
 * One lowdb document with coalesced, durable saves. Edits change memory at once and the
 * disk shortly after; `saved` is reported only once the bytes are on disk.
 */
export class StoreDocument<T> {
  readonly #db: Low<T>;
  readonly #adapter: DocumentFile<T>;
  readonly #options: StoreDocumentOptions;
  #timer: NodeJS.Timeout | undefined;
  #dirty = false;
  #writing: Promise<void> | undefined;
  #status: SaveStatus = { state: 'idle', savedAt: null, error: null };
  #lastError: AppError | undefined;

  constructor(adapter: DocumentFile<T>, data: T, options: StoreDocumentOptions) {
    this.#db = new Low(adapter, data);
    this.#adapter = adapter;
    this.#options = options;
  }

  get data(): T {
    return this.#db.data;
  }

  get status(): SaveStatus {
    return this.#status;
  }

  get path(): string {
    return this.#adapter.file.path;
  }

  /** Applies an edit in memory and schedules a save. */
  update<R>(mutate: (data: T) => R): R {
    const result = mutate(this.#db.data);
    this.#dirty = true;
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

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#writing) void this.#writeOnce();
    }, this.#options.debounceMs);
  }

  #writeOnce(): Promise<void> {
    this.#dirty = false;
    this.#setStatus({ ...this.#status, state: 'saving' });
    this.#writing = this.#db
      .write()
      .then(
        () => {
          this.#lastError = undefined;
          this.#setStatus({ state: 'saved', savedAt: new Date().toISOString(), error: null });
        },
        (error: unknown) => {
          // The edit is still in memory: keep it dirty so the next edit or flush retries.
          this.#dirty = true;
          this.#lastError = toStoreError(error, this.path);
          this.#setStatus({ ...this.#status, state: 'failed', error: this.#lastError.toPayload() });
        },
      )
      .finally(() => {
        this.#writing = undefined;
        if (this.#dirty && this.#status.state !== 'failed') this.#schedule();
      });
    return this.#writing;
  }

  #setStatus(status: SaveStatus): void {
    this.#status = status;
    this.#options.onStatus?.(status);
  }
}
