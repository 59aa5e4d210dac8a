import type { Adapter } from 'lowdb';
import type { Backups } from './backups';
import { plainSealer } from './crypto';
import type { DocumentSealer } from './crypto';
import { DocumentEncoding } from './document-codec';
import { DurableTextFile, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';

/**
 * lowdb adapter for one workspace document: checksummed, sealed when the workspace is
 * encrypted, written durably, and copied (as stored) to the day's backup before the first
 * write of each day.
 */
export class DocumentFile<T> implements Adapter<T> {
  readonly file: DurableTextFile;
  readonly key: string;
  readonly #backups: Backups;
  readonly #sealer: DocumentSealer;
  #dailyChecked = '';
  #encoding: DocumentEncoding | undefined;
  /**
   * Runs before each write of the document, inside the same save: a shared forum writes its
   * edits into its Automerge change log here, so the log is on disk before the view is.
   */
  beforeWrite: ((data: T) => Promise<void>) | undefined;

  constructor(
    path: string,
    key: string,
    backups: Backups,
    fs: DurableFs = nodeFs,
    sealer: DocumentSealer = plainSealer,
  ) {
    this.file = new DurableTextFile(path, fs);
    this.key = key;
    this.#backups = backups;
    this.#sealer = sealer;
  }

  /** The loader reads and recovers documents; lowdb never reads through this adapter. */
  async read(): Promise<T | null> {
    return null;
  }

  async write(data: T): Promise<void> {
    await this.#dailyBackup();
    // Last before the encoding starts: what the view records as written into the change log
    // is exactly what this write holds (later edits are the next save's).
    await this.beforeWrite?.(data);
    // Encoded in slices between other work; an edit meanwhile calls `settle` first.
    const encoding = new DocumentEncoding(data);
    this.#encoding = encoding;
    let parts: Buffer[];
    try {
      parts = await encoding.run();
    } finally {
      this.#encoding = undefined;
    }
    await this.file.write(
      this.#sealer.encrypted ? this.#sealer.seal(Buffer.concat(parts), this.key) : parts,
    );
  }

  /**
   * The data is about to change: a write still encoding takes the rest of its snapshot now,
   * so the file holds the state before the edit, never a mix of both.
   */
  settle(): void {
    this.#encoding?.finish();
  }

  async #dailyBackup(): Promise<void> {
    const today = new Date().toDateString();
    if (this.#dailyChecked === today) return;
    if (await this.#backups.dailyDue(this.key)) {
      const current = await this.file.read();
      if (current !== null) await this.#backups.create(this.key, current, 'daily');
    }
    this.#dailyChecked = today;
  }
}
