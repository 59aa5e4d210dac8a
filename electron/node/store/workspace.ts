import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SaveStatus, Settings } from '../../common/api/types';
import { DurableJsonFile, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';
import { StoreDocument } from './store-document';
import { WorkspaceLock } from './workspace-lock';

export const WORKSPACE_FILE = 'workspace.json';

export interface WorkspaceData {
  schemaVersion: number;
  settings: Settings;
}

export interface OpenWorkspaceOptions {
  /** Who holds the lock, shown to a second process that is refused. */
  holder: string;
  debounceMs?: number;
  fs?: DurableFs;
  onSaveStatus?: (status: SaveStatus) => void;
}

function emptyWorkspace(): WorkspaceData {
  return { schemaVersion: 1, settings: { language: null } };
}

/** A workspace folder, opened by one process at a time. */
export class Workspace {
  readonly dir: string;
  readonly #lock: WorkspaceLock;
  readonly #doc: StoreDocument<WorkspaceData>;

  private constructor(dir: string, lock: WorkspaceLock, doc: StoreDocument<WorkspaceData>) {
    this.dir = dir;
    this.#lock = lock;
    this.#doc = doc;
  }

  static async open(dir: string, options: OpenWorkspaceOptions): Promise<Workspace> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await WorkspaceLock.acquire(dir, options.holder);
    try {
      const adapter = new DurableJsonFile<WorkspaceData>(
        join(dir, WORKSPACE_FILE),
        options.fs ?? nodeFs,
      );
      const data = (await adapter.read()) ?? emptyWorkspace();
      const doc = new StoreDocument(adapter, data, {
        debounceMs: options.debounceMs ?? 300,
        onStatus: options.onSaveStatus,
      });
      return new Workspace(dir, lock, doc);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  get saveStatus(): SaveStatus {
    return this.#doc.status;
  }

  get settings(): Settings {
    return structuredClone(this.#doc.data.settings);
  }

  updateSettings(patch: Partial<Settings>): Settings {
    return this.#doc.update((data) => {
      data.settings = { ...data.settings, ...patch };
      return structuredClone(data.settings);
    });
  }

  async flush(): Promise<void> {
    await this.#doc.flush();
  }

  /** Flushes pending edits, then lets another process open the folder. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.#lock.release();
    }
  }
}
