import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseImport } from './import-parse';
import type { ParsedImport, ParseInput, Progress } from './import-parse';

export interface ImportRun {
  result: Promise<ParsedImport>;
  /** Stops the reading; the promise then rejects with an Error named "cancelled". */
  cancel(): void;
}

export type ImportRunner = (input: ParseInput, progress: Progress) => ImportRun;

const cancelled = () => Object.assign(new Error('import cancelled'), { name: 'cancelled' });

/** Reads the file on a worker thread; cancel ends the thread at once. */
export function workerRunner(file: string): ImportRunner {
  return (input, progress) => {
    const worker = new Worker(file);
    let settle: ((error: Error) => void) | null = null;
    const drafts: ParsedImport['drafts'] = [];
    const lines: number[] = [];
    const result = new Promise<ParsedImport>((resolve, reject) => {
      settle = reject;
      worker.on(
        'message',
        (message: {
          type: string;
          done?: number;
          total?: number;
          drafts?: ParsedImport['drafts'];
          lines?: number[];
          result?: ParsedImport;
          message?: string;
        }) => {
          if (message.type === 'progress') return progress(message.done ?? 0, message.total ?? 1);
          if (message.type === 'drafts') {
            // A loop, not push(...): no argument list as long as a batch.
            for (const draft of message.drafts ?? []) drafts.push(draft);
            for (const line of message.lines ?? []) lines.push(line);
            // The next batch is asked for once this one is in: other work runs in between.
            return worker.postMessage('more');
          }
          if (message.type === 'done')
            resolve({ ...(message.result as ParsedImport), drafts, lines });
          else reject(new Error(message.message));
          void worker.terminate();
        },
      );
      worker.on('error', reject);
      worker.on('exit', () => reject(cancelled()));
    });
    // A copy of the bytes is sent; the caller keeps its own.
    worker.postMessage(input);
    return {
      result,
      cancel: () => {
        settle?.(cancelled());
        void worker.terminate();
      },
    };
  };
}

/** Reads the file on the calling thread (unit tests of what is read, not of where). */
export const inProcessRunner: ImportRunner = (input, progress) => {
  let stopped = false;
  return {
    result: Promise.resolve().then(() => {
      if (stopped) throw cancelled();
      return parseImport(input, progress);
    }),
    cancel: () => {
      stopped = true;
    },
  };
};

/**
 * The built worker beside the bundle (out/main/contacts-worker.js, whether this code sits in
 * the entry or in a chunk below it); in plain Node from source there is none, and the file is
 * read in process.
 */
export function defaultRunner(): ImportRunner {
  for (const candidate of ['./contacts-worker.js', '../contacts-worker.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return workerRunner(file);
  }
  return inProcessRunner;
}
