// One fresh process: how long a workspace takes to open to data ready, and what it holds
// in memory, beside the raw cost of reading and parsing the same bytes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FORUMS_DIR, Workspace, WORKSPACE_FILE } from '../../electron/node/store/workspace';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-open DIR');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function rawParse(): Promise<{ ms: number; bytes: number }> {
  const files = [
    join(dir as string, WORKSPACE_FILE),
    ...(await readdir(join(dir as string, FORUMS_DIR))).map((n) =>
      join(dir as string, FORUMS_DIR, n),
    ),
  ];
  const start = performance.now();
  let bytes = 0;
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  for (const text of texts) {
    bytes += Buffer.byteLength(text);
    JSON.parse(text);
  }
  return { ms: performance.now() - start, bytes };
}

const reference = await rawParse();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const workspace = await Workspace.open(dir, { holder: 'bench' });
const openMs = performance.now() - start;
gc();
const heapBytes = process.memoryUsage().heapUsed - heapBefore;
const notes = workspace.forumIds().reduce((n, id) => n + workspace.forum(id).notes.length, 0);
await workspace.close();
process.stdout.write(
  JSON.stringify({ openMs, heapBytes, referenceMs: reference.ms, bytes: reference.bytes, notes }),
);
