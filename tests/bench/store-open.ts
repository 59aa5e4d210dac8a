// One fresh process: how long a workspace takes to open to data ready, and what it holds
// in memory, beside the raw cost of reading and parsing the same bytes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readKeyFile, unlockKey } from '../../electron/node/store/encryption';
import { FORUMS_DIR, Workspace, WORKSPACE_FILE } from '../../electron/node/store/workspace';

// With a passphrase the workspace is an encrypted one: the open then includes the unlock.
const [dir, passphrase] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-open DIR [PASSPHRASE]');
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

// Encrypted bytes do not parse: their reference is the plain workspace's figure.
const reference = passphrase ? { ms: 0, bytes: 0 } : await rawParse();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const workspace = await Workspace.open(dir, {
  holder: 'bench',
  unlock: passphrase ? { passphrase } : undefined,
});
const openMs = performance.now() - start;
gc();
const heapBytes = process.memoryUsage().heapUsed - heapBefore;
const notes = workspace.forumIds().reduce((n, id) => n + workspace.forum(id).notes.length, 0);
await workspace.close();
// The key derivation alone (scrypt at the stored cost), the part of an unlock that is waiting.
let keyMs = 0;
if (passphrase) {
  const keyFile = await readKeyFile(dir);
  const keyStart = performance.now();
  if (keyFile) await unlockKey(keyFile, { passphrase });
  keyMs = performance.now() - keyStart;
}
process.stdout.write(
  JSON.stringify({
    openMs,
    keyMs,
    heapBytes,
    referenceMs: reference.ms,
    bytes: reference.bytes,
    notes,
  }),
);
