import { parentPort } from 'node:worker_threads';
import { parseImport } from './import-parse';
import type { ParsedImport, ParseInput } from './import-parse';

/** Contacts per message back: each is unpacked on the host's thread, between its other work. */
export const DRAFTS_PER_MESSAGE = 2_000;

/**
 * The importer's own thread: a large or hostile file is read here, so the thread that saves
 * notes never waits for it. Posts progress, then the contacts a batch at a time (the next
 * only when the host asks, so 130,000 of them never arrive in one block), then the rest.
 */
let parsed: ParsedImport | null = null;
let sent = 0;

function sendNext(): void {
  if (!parsed) return;
  if (sent < parsed.drafts.length) {
    const end = sent + DRAFTS_PER_MESSAGE;
    parentPort?.postMessage({
      type: 'drafts',
      drafts: parsed.drafts.slice(sent, end),
      lines: parsed.lines.slice(sent, end),
    });
    sent = end;
  } else parentPort?.postMessage({ type: 'done', result: { ...parsed, drafts: [], lines: [] } });
}

parentPort?.on('message', (message: ParseInput | 'more') => {
  if (message === 'more') return sendNext();
  try {
    parsed = parseImport(message, (done, total) =>
      parentPort?.postMessage({ type: 'progress', done, total }),
    );
    sendNext();
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: (error as Error).message });
  }
});
