// One fresh process: how long after opening the workspace its search index is ready, what
// it costs in memory, and how fast queries answer.
import { NotebookService } from '../../electron/node/notebook/notebook-service';
import { Workspace } from '../../electron/node/store/workspace';
import { median, percentile } from './stats';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: search DIR');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const QUERIES = [
  'komitmen',
  'demokrasi lokal',
  'partisipasi warga',
  'hormat',
  'pembela hak asasi',
  'anggaran responsif gender',
  'defenders',
  'inclusive public services',
  'gwangju',
  'demok',
  'kabupaten desa',
  'peraturan bupati 48',
];
const ROUNDS = 25;

const start = performance.now();
const workspace = await Workspace.open(dir, { holder: 'bench' });
const openedMs = performance.now() - start;
gc();
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const notebook = new NotebookService(workspace);
await notebook.ready;
const buildMs = performance.now() - buildStart;
gc();
const indexBytes = process.memoryUsage().heapUsed - heapBefore;

const times: number[] = [];
let hits = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const query of QUERIES) {
    const t = performance.now();
    const result = notebook.query(query);
    times.push(performance.now() - t);
    if (round === 0) hits += result.total;
  }
}
await workspace.close();
process.stdout.write(
  JSON.stringify({
    documents: notebook.search.size,
    openedMs,
    buildMs,
    readyMs: openedMs + buildMs,
    indexBytes,
    p50: median(times),
    p95: percentile(times, 95),
    queries: times.length,
    hits,
  }),
);
