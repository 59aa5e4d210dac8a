// `npm run bench [-- --quick]`: measures what a heavy user feels and prints each figure
// beside the raw cost of the same work on this machine and the target it should meet.
// Never fails: figures are reported, not asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { benchRenderer } from './bench-renderer.js';
import { ensureBuilt, projectRoot } from './ensure-built.js';

const quick = process.argv.includes('--quick');
// `--only export,renderer`: those parts alone (store, search, encryption, sync, export, import,
// lan, renderer, cli, bundle), to measure one change without the whole run; nothing is written.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const wanted = (part) => !only || only.has(part);
const SEED = 20170914;
const OPEN_RUNS = 7;
const sizes = [
  { name: '1k', notes: 1_000, forums: 5, contacts: 2_000 },
  { name: '10k', notes: 10_000, forums: 20, contacts: 2_000 },
  ...(quick ? [] : [{ name: '50k', notes: 50_000, forums: 40, contacts: 10_000 }]),
];

const benchDir = join(projectRoot, 'out', 'bench');
const rows = [];
const results = {
  date: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  quick,
  figures: {},
};

const ms = (n) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mib = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const p95 = (v) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)];

function row(area, size, metric, value, reference, target, met) {
  rows.push({ area, size, metric, value, reference, target, met });
}

function run(script, args, extraNode = []) {
  const result = spawnSync(process.execPath, [...extraNode, join(benchDir, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  return result.stdout;
}

const runJson = (script, args, extraNode) => JSON.parse(run(script, args, extraNode));

async function bundle() {
  mkdirSync(benchDir, { recursive: true });
  for (const entry of [
    'generate-main',
    'store-open',
    'store-save',
    'search',
    'export',
    'encrypt-copy',
    'contacts-import',
    'contacts-worker',
    'lan-sync',
    'lan-store',
    'sync',
    'forum-worker',
  ]) {
    await build({
      // The importer's and the shared documents' workers are the app's own entries.
      input:
        entry === 'contacts-worker'
          ? join(projectRoot, 'electron', 'node', 'contacts', 'import-worker.ts')
          : entry === 'forum-worker'
            ? join(projectRoot, 'electron', 'node', 'sync', 'forum-worker.ts')
            : join(projectRoot, 'tests', 'bench', `${entry}.ts`),
      platform: 'node',
      // Fonts and the PDF library load files of their own: they stay in node_modules.
      // Automerge loads its WebAssembly from its own folder, so it stays in node_modules too.
      external: [/^node:/, 'pdfkit', 'fontkit', /^@fontsource\//, /^@automerge\//, 'selfsigned'],
      // One file per entry: the exporter's lazy import of the PDF renderer is inlined.
      output: { file: join(benchDir, `${entry}.mjs`), format: 'esm', codeSplitting: false },
      logLevel: 'silent',
    });
  }
}

function workspaceFor(size) {
  const dir = join(tmpdir(), `risalah-bench-${size.name}-${SEED}-v2`);
  if (!existsSync(join(dir, '.complete'))) {
    process.stdout.write(`  generating ${size.notes} notes in ${dir}…\n`);
    spawnSync('rm', ['-rf', dir]);
    const started = Date.now();
    run('generate-main.mjs', [dir, size.notes, size.forums, size.contacts, SEED].map(String));
    writeFileSync(join(dir, '.complete'), String(Date.now() - started));
  }
  return dir;
}

/** The longest the event loop was blocked during a run of saves: a frame is 16 ms. */
function stallRow(area, size, save) {
  row(
    area,
    size.name,
    'longest event-loop stall while saving',
    ms(save.stallMs),
    '',
    '< 16 ms',
    save.stallMs < 16,
  );
}

function benchStore(size) {
  const dir = workspaceFor(size);
  const opens = Array.from({ length: OPEN_RUNS }, () =>
    runJson('store-open.mjs', [dir], ['--expose-gc']),
  );
  const openMs = opens.map((o) => o.openMs);
  const refMs = opens.map((o) => o.referenceMs);
  const bytes = opens[0].bytes;
  const open = { median: median(openMs), p95: p95(openMs), reference: median(refMs), bytes };
  row(
    'store',
    size.name,
    `open to data ready (${mib(bytes)} on disk, ${OPEN_RUNS} fresh processes)`,
    `${ms(open.median)} / p95 ${ms(open.p95)}`,
    `readFile+JSON.parse ${ms(open.reference)} (×${(open.median / open.reference).toFixed(1)})`,
    '< 300 ms',
    open.p95 < 300,
  );
  const heap = median(opens.map((o) => o.heapBytes));
  row(
    'store',
    size.name,
    'memory of the loaded workspace (heap)',
    mib(heap),
    `${(heap / bytes).toFixed(1)}× the bytes on disk`,
    'reported',
    null,
  );

  const save = runJson('store-save.mjs', [dir]);
  row(
    'store',
    size.name,
    `one edit saved durably (forum of ${save.forumNotes} notes, ${kb(save.bytes)})`,
    `${ms(save.p50)} / p95 ${ms(save.p95)}`,
    `stringify+write+fsync+rename ${ms(save.referenceP50)} / p95 ${ms(save.referenceP95)} (×${(save.p95 / save.referenceP95).toFixed(1)})`,
    'p95 < 30 ms',
    save.p95 < 30,
  );
  stallRow('store', size, save);
  results.figures[`store.${size.name}`] = { open, heapBytes: heap, save };
}

const BENCH_PASSPHRASE = 'bench passphrase of a delegation';

/** The same workspace encrypted: unlock, open and one durable save, beside the plain ones. */
function benchEncryption(size) {
  const plainDir = workspaceFor(size);
  const dir = `${plainDir}-encrypted`;
  if (!existsSync(join(dir, '.complete'))) {
    spawnSync('rm', ['-rf', dir]);
    const { encryptMs } = runJson('encrypt-copy.mjs', [plainDir, dir, BENCH_PASSPHRASE]);
    writeFileSync(join(dir, '.complete'), String(encryptMs));
  }
  const encryptMs = Number(readFileSync(join(dir, '.complete'), 'utf8'));
  row(
    'encryption',
    size.name,
    'encrypt the whole workspace, backups included (once)',
    ms(encryptMs),
    '',
    'reported',
    null,
  );
  const plain = results.figures[`store.${size.name}`];
  const opens = Array.from({ length: OPEN_RUNS }, () =>
    runJson('store-open.mjs', [dir, BENCH_PASSPHRASE], ['--expose-gc']),
  );
  const keyMs = median(opens.map((o) => o.keyMs));
  const openMs = opens.map((o) => o.openMs);
  row(
    'encryption',
    size.name,
    'key derivation at unlock (scrypt N=2^17, r=8)',
    ms(keyMs),
    '',
    'reported',
    null,
  );
  row(
    'encryption',
    size.name,
    `unlock: passphrase to data ready (${OPEN_RUNS} fresh processes)`,
    `${ms(median(openMs))} / p95 ${ms(p95(openMs))}`,
    `plain open ${ms(plain.open.median)}`,
    '< 1 s',
    p95(openMs) < 1000,
  );
  const save = runJson('store-save.mjs', [dir, BENCH_PASSPHRASE]);
  const ratio = save.p95 / plain.save.p95;
  row(
    'encryption',
    size.name,
    `one edit saved durably, encrypted (forum of ${save.forumNotes} notes)`,
    `${ms(save.p50)} / p95 ${ms(save.p95)}`,
    `plain p95 ${ms(plain.save.p95)} (×${ratio.toFixed(2)})`,
    '≤ 1.5× plain',
    ratio <= 1.5,
  );
  stallRow('encryption', size, save);
  results.figures[`encryption.${size.name}`] = {
    keyMs,
    open: { median: median(openMs), p95: p95(openMs) },
    save,
    saveRatio: ratio,
  };
}

function benchSearch(size) {
  const dir = workspaceFor(size);
  const runs = Array.from({ length: 3 }, () => runJson('search.mjs', [dir], ['--expose-gc']));
  const ready = runs.map((r) => r.readyMs);
  const last = runs[runs.length - 1];
  row(
    'search',
    size.name,
    `index ready after opening (${last.documents} records, 3 fresh processes)`,
    `${ms(median(ready))} / p95 ${ms(p95(ready))}`,
    `open ${ms(median(runs.map((r) => r.openedMs)))} + build ${ms(median(runs.map((r) => r.buildMs)))}`,
    '< 1000 ms',
    p95(ready) < 1000,
  );
  row(
    'search',
    size.name,
    `query latency (${last.queries} queries, ${Math.round(last.hits / 12)} matches each on average)`,
    `${ms(last.p50)} / p95 ${ms(last.p95)}`,
    '',
    'p95 < 5 ms',
    last.p95 < 5,
  );
  row(
    'search',
    size.name,
    'index memory (heap)',
    mib(median(runs.map((r) => r.indexBytes))),
    '',
    'reported',
    null,
  );
  results.figures[`search.${size.name}`] = { runs };
}

async function benchUi(size) {
  const figures = await benchRenderer({
    cli: join(projectRoot, 'out', 'main', 'cli.js'),
    workspace: workspaceFor(size),
    percentile: (values, p) => (p === 50 ? median(values) : p95(values)),
  });
  row(
    'renderer',
    size.name,
    'first usable screen (5 loads, Chromium)',
    `${ms(figures.firstScreen.median)} / p95 ${ms(figures.firstScreen.p95)}`,
    '',
    'reported',
    null,
  );
  row(
    'renderer',
    size.name,
    `open a ${figures.openList.notes}-note forum's note list`,
    `${ms(figures.openList.median)} / p95 ${ms(figures.openList.p95)}`,
    '',
    'reported',
    null,
  );
  row(
    'renderer',
    size.name,
    `keystroke handling in the editor, ${figures.openList.notes}-note forum (${figures.keystroke.samples} keys)`,
    `${ms(figures.keystroke.median)} / p95 ${ms(figures.keystroke.p95)}, max ${ms(figures.keystroke.max)}`,
    `long tasks (> 50 ms) while typing: ${figures.keystroke.longTasks.length}`,
    'max < 16 ms',
    figures.keystroke.max < 16,
  );
  const exporting = figures.exporting;
  const longest = Math.max(0, ...exporting.longTasks);
  row(
    'renderer',
    size.name,
    `typing while a PDF of the ${figures.openList.notes}-note forum is made (${(exporting.exportMs / 1000).toFixed(1)} s, ${kb(exporting.bytes)}, ${exporting.keys} keys)`,
    `${exporting.longTasks.length} long tasks, longest ${ms(longest)}: ${exporting.openingTasks.length} opening the Notes tab and a note (the list of the whole forum: ${exporting.openingTasks.map(ms).join(', ') || 'none'}), ${exporting.otherTasks.length} while typing and the file arrived (${exporting.otherTasks.map(ms).join(', ') || 'none'}); slowest key ${ms(exporting.keyMax)}`,
    '',
    'no long task > 50 ms caused by the export (opening the list: its own row)',
    exporting.otherTasks.length === 0,
  );
  results.figures[`renderer.${size.name}`] = figures;
}

function benchExport() {
  const figures = runJson('export.mjs', []);
  const targets = { docx: 150, pdf: 800, html: 30, md: 30 };
  for (const [format, target] of Object.entries(targets)) {
    const f = figures[format];
    row(
      'export',
      '-',
      `${format.toUpperCase()} of a summary with 200 bilingual clauses, 50 commitments and 500 full notes (${kb(f.bytes)}), CPU time / wall`,
      `${ms(f.cpuMedian)} / wall ${ms(f.median)}, p95 ${ms(f.p95)}`,
      `markdown-it render of the same notes ${ms(f.reference)} (×${(f.cpuMedian / f.reference).toFixed(1)})`,
      `< ${target} ms`,
      f.cpuMedian < target,
    );
  }
  results.figures.export = figures;
}

function benchImport() {
  const figures = runJson('contacts-import.mjs', [join(benchDir, 'contacts-worker.mjs')]);
  for (const [name, f] of [
    ['10 MB hostile vCard (folding, parameters, quoted-printable)', figures.vcard],
    ['130,000-row participant list', figures.csv],
  ]) {
    row(
      'import',
      mib(f.bytes),
      `${name}: read on the worker / saved (${f.count} contacts)`,
      `${(f.readMs / 1000).toFixed(1)} s / ${(f.commitMs / 1000).toFixed(1)} s`,
      '',
      'within seconds',
      f.readMs < 30_000,
    );
    row(
      'import',
      mib(f.bytes),
      `${name}: an edit saved durably meanwhile (${f.saves} edits); longest stall`,
      `${ms(f.saveMedian)} / p95 ${ms(f.saveP95)} / max ${ms(f.saveMax)}; stall ${ms(f.stallMax)}`,
      '',
      'p95 < 100 ms',
      f.saveP95 < 100,
    );
  }
  results.figures.import = figures;
}

function benchCli() {
  const timeOf = (args) => {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - start;
  };
  const cli = Array.from({ length: 10 }, () =>
    timeOf([join(projectRoot, 'out', 'main', 'cli.js'), '--help']),
  );
  const bare = Array.from({ length: 10 }, () => timeOf(['-e', '']));
  row(
    'cli',
    '-',
    'risalah --help start-up (10 runs)',
    `${ms(median(cli))} / p95 ${ms(p95(cli))}`,
    `bare node ${ms(median(bare))} (×${(median(cli) / median(bare)).toFixed(1)})`,
    'reported',
    null,
  );
  results.figures.cli = { median: median(cli), p95: p95(cli), bareNode: median(bare) };
}

function benchBundle() {
  const assets = join(projectRoot, 'out', 'renderer', 'assets');
  const html = readFileSync(join(projectRoot, 'out', 'renderer', 'index.html'), 'utf8');
  const initial = readdirSync(assets).filter((name) => html.includes(name));
  const gz = initial.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length,
    0,
  );
  const raw = initial.reduce((sum, name) => sum + statSync(join(assets, name)).size, 0);
  row(
    'renderer',
    '-',
    `initial bundle (${initial.length} files)`,
    `${kb(gz)} gzipped`,
    `${kb(raw)} raw`,
    '< 300 KB',
    gz < 300 * 1024,
  );
  results.figures.bundle = { gzipBytes: gz, rawBytes: raw };
}

function printTable() {
  const headers = ['area', 'size', 'metric', 'value', 'reference (same machine)', 'target', ''];
  const cells = rows.map((r) => [
    r.area,
    r.size,
    r.metric,
    r.value,
    r.reference,
    r.target,
    r.met === null ? '' : r.met ? 'met' : 'NOT MET',
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
  process.stdout.write(`\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}

/** One edit on a joiner until the host has it, over TLS on loopback (issue 18: ≤ 200 ms). */
function benchLan() {
  const lan = runJson('lan-sync.mjs', ['200', quick ? '20' : '40']);
  row(
    'LAN sync',
    `${lan.notes} notes`,
    `one edit from a joiner to the host (${lan.runs} edits)`,
    `${ms(lan.p50)} / p95 ${ms(lan.p95)}`,
    `1 KB TLS echo on loopback ${ms(lan.referenceP50)} / p95 ${ms(lan.referenceP95)}`,
    '≤ 200 ms',
    lan.p95 <= 200,
  );
  results.figures.lan = lan;
  // The same through the real store on both laptops, with the bench's 2,000-note forum.
  const store = runJson('lan-store.mjs', [quick ? '10' : '20']);
  row(
    'LAN sync',
    '2k, stores',
    `one edit typed on a joiner until the host has merged it and appended it to its change log (${store.runs} edits; the host in a process of its own)`,
    `${ms(store.p50)} / p95 ${ms(store.p95)}`,
    `the joiner's own save (log, then the 3 MB view) ${ms(store.saveP50)} / p95 ${ms(store.saveP95)}`,
    '≤ 200 ms',
    store.p95 <= 200,
  );
  row(
    'LAN sync',
    '2k, stores',
    'start: the forum handed to the Repo (after its document loaded)',
    ms(store.carryMs),
    `Repo.import of its save ${ms(store.importMs)}; the document's load before it ${ms(store.loadMs)}`,
    'reported',
    null,
  );
  results.figures.lanStore = store;
}

/** Issue 18: a shared forum of 2,000 notes beside the same forum unshared. */
function benchSync() {
  const s = runJson('sync.mjs', []);
  const openRatio = s.openShared / s.openPlain;
  row(
    'shared forum',
    '2k',
    'open: view check against the heads in the saved bytes (median of 5)',
    ms(s.openShared),
    `unshared open ${ms(s.openPlain)} (×${openRatio.toFixed(2)})`,
    '≤ 1.5× unshared',
    openRatio <= 1.5,
  );
  row(
    'shared forum',
    '2k',
    'first use after opening: the forum opened with its conflicts (document loaded on the worker) / first edit saved (the view; the document is not waited for) / the document then loaded and the edit appended',
    `${ms(s.firstUseMs)} / ${ms(s.firstSaveShared)} / ${ms(s.firstCatchUp)}`,
    `unshared first save ${ms(s.firstSavePlain)}`,
    'reported',
    null,
  );
  const block = Math.max(s.firstUseBlockMs, s.firstCatchUpBlock);
  row(
    'shared forum',
    '2k',
    "host's longest event-loop block: opening the forum and loading its document / the load after the first edit",
    `${ms(s.firstUseBlockMs)} / ${ms(s.firstCatchUpBlock)}`,
    `Automerge.load of the same save on the host, same run ${ms(s.rawLoadMs)}`,
    'well under the load (no frame-long block: < 100 ms)',
    block < 100,
  );
  const saveRatio = s.saveSharedP95 / s.savePlainP95;
  row(
    'shared forum',
    '2k',
    'one edit saved durably (change log appended, then the view)',
    `${ms(s.saveSharedP50)} / p95 ${ms(s.saveSharedP95)}`,
    `unshared ${ms(s.savePlainP50)} / p95 ${ms(s.savePlainP95)} (×${saveRatio.toFixed(2)})`,
    'p95 ≤ 2× unshared',
    saveRatio <= 2,
  );
  row(
    'shared forum',
    '2k',
    `merge a colleague's day (${s.notesAdded} new notes, ${s.notesChanged} edited; ${kb(s.fileBytes)} file), saved, document loaded`,
    ms(s.mergeMs),
    `Automerge applying the day's changes alone ${ms(s.rawChangesMs)}; loading the whole file and merging ${ms(s.rawMergeMs)}`,
    '≤ 1 s',
    s.mergeMs <= 1000,
  );
  results.figures.sync = s;
}

const started = Date.now();
process.stdout.write(
  `Risalah bench${quick ? ' (quick)' : ''} on ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${process.version}\n`,
);
ensureBuilt();
await bundle();
for (const size of sizes) {
  if (!wanted('store') && !wanted('search')) break;
  process.stdout.write(`▶ store and search, ${size.name} notes\n`);
  if (wanted('store')) benchStore(size);
  if (wanted('search')) benchSearch(size);
}
const parts = [
  ['encryption', 'encryption, 10k notes', () => benchEncryption(sizes[1])],
  ['sync', 'shared forum, 2,000 notes', () => benchSync()],
  ['export', 'export', () => benchExport()],
  ['import', 'contact import', () => benchImport()],
  ['lan', 'sync on the local network (loopback)', () => benchLan()],
  ['renderer', 'renderer in Chromium, 10k notes', () => benchUi(sizes[1])],
];
for (const [part, title, run] of parts) {
  if (!wanted(part)) continue;
  process.stdout.write(`▶ ${title}\n`);
  await run();
}
if (wanted('cli')) benchCli();
if (wanted('bundle')) benchBundle();
printTable();
results.rows = rows;
results.seconds = (Date.now() - started) / 1000;
if (!only) {
  writeFileSync(join(projectRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nbench-results.json written (${results.seconds.toFixed(0)} s)\n`);
}
