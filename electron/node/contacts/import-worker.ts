import { parentPort } from 'node:worker_threads';
import { parseImport } from './import-parse';
import type { ParseInput } from './import-parse';

/**
 * The importer's own thread: a large or hostile file is read here, so the thread that saves
 * notes never waits for it. Posts progress, then the result or the error.
 */
parentPort?.on('message', (input: ParseInput) => {
  try {
    const result = parseImport(input, (done, total) =>
      parentPort?.postMessage({ type: 'progress', done, total }),
    );
    parentPort?.postMessage({ type: 'done', result });
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).message });
  }
});
