// One edit saved durably, many times: latency from the edit to the bytes on disk, and the
// longest the event loop was blocked meanwhile, beside a raw stringify + write + fsync +
// rename of the same document.
import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encodeDocument } from '../../electron/node/store/document-codec';
import { Workspace } from '../../electron/node/store/workspace';
import { median, percentile } from './stats';

const [dir, passphrase] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-save DIR [PASSPHRASE]');
const EDITS = 60;
const WARMUP = 5;

const workspace = await Workspace.open(dir, {
  holder: 'bench',
  debounceMs: 300,
  unlock: passphrase ? { passphrase } : undefined,
});
// A forum of typical size: the median by note count.
const ids = workspace
  .forumIds()
  .sort((a, b) => workspace.forum(a).notes.length - workspace.forum(b).notes.length);
const forumId = ids[Math.floor(ids.length / 2)] as string;
const forumNotes = workspace.forum(forumId).notes.length;

const latencies: number[] = [];
const histogram = monitorEventLoopDelay({ resolution: 1 });
for (let i = 0; i < EDITS + WARMUP; i++) {
  if (i === WARMUP) histogram.enable();
  const start = performance.now();
  workspace.updateForum(forumId, (doc) => {
    const note = doc.notes[i % doc.notes.length];
    if (note) note.body.id += ' Tambahan.';
  });
  await workspace.flush();
  if (i >= WARMUP) latencies.push(performance.now() - start);
}
histogram.disable();
const stallMs = histogram.max / 1e6;

// The physical reference: the same document, serialised and made durable by hand.
const data = workspace.forum(forumId);
const path = join(dir, 'bench-reference.json');
const reference: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const start = performance.now();
  const text = JSON.stringify(data);
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(text);
  await handle.sync();
  await handle.close();
  await rename(temp, path);
  const folder = await open(dirname(path), 'r');
  await folder.sync();
  await folder.close();
  reference.push(performance.now() - start);
}
const bytes = Buffer.byteLength(encodeDocument(data));
await workspace.close();
const { unlink } = await import('node:fs/promises');
await unlink(path);
process.stdout.write(
  JSON.stringify({
    forumNotes,
    bytes,
    p50: median(latencies),
    p95: percentile(latencies, 95),
    stallMs,
    referenceP50: median(reference),
    referenceP95: percentile(reference, 95),
  }),
);
