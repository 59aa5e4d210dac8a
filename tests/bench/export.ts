// Export of a commitment summary with 200 bilingual clauses, 50 commitments and 500 full notes
// (each a heading, three paragraphs and a list, in both languages), in each format: median and
// p95 of repeated runs in one process, after one warm-up run: wall time, and the process's CPU
// time (what the export costs however loaded the machine is).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import MarkdownIt from 'markdown-it';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgreementService } from '../../electron/node/clauses/agreement-service';
import { exportForum } from '../../electron/node/export/exporter';
import type { ExportFormat } from '../../electron/node/export/exporter';
import { NotebookService } from '../../electron/node/notebook/notebook-service';
import { Workspace } from '../../electron/node/store/workspace';
import { gwangjuForum } from '../support/forums';
import { between, pick, seededRandom } from './random';
import { median, percentile } from './stats';
import { objects, subjects, tails, verbs } from './vocabulary';

const RUNS = 7;
const random = seededRandom(2017);
const sentence = (): [string, string] => {
  const s = pick(random, subjects);
  const v = pick(random, verbs);
  const o = pick(random, objects);
  const t = pick(random, tails);
  return [`${s[0]} ${v[0]} ${o[0]} ${t[0]}`, `${s[1]} ${v[1]} ${o[1]} ${t[1]}`];
};

const dir = await mkdtemp(join(tmpdir(), 'risalah-bench-export-'));
const workspace = await Workspace.open(dir, { holder: 'bench' });
const notebook = new NotebookService(workspace);
const agreement = new AgreementService(workspace, notebook.search);
const forumId = notebook.createForum(gwangjuForum).id;
const documentId = agreement.createDocument(forumId, {
  title: { id: 'Deklarasi Gwangju', en: 'Gwangju Declaration' },
  kind: 'declaration',
  authoritativeLanguage: 'en',
  status: 'adopted',
}).id;
const numbers = Array.from(
  { length: 200 },
  (_, i) => `${Math.floor(i / 4) + 1}${i % 4 ? `.${'abc'[(i % 4) - 1]}` : ''}`,
);
const texts = numbers.map(() => {
  const parts = Array.from({ length: between(random, 1, 3) }, sentence);
  return { id: parts.map((p) => p[0]).join(' '), en: parts.map((p) => p[1]).join(' ') };
});
agreement.apply(
  forumId,
  documentId,
  'en',
  numbers.map((number, i) => ({ number, text: texts[i]?.en ?? '' })),
);
agreement.apply(
  forumId,
  documentId,
  'id',
  numbers.map((number, i) => ({ number, text: texts[i]?.id ?? '' })),
);
const clauses = agreement.agreement(forumId).clauses;
for (let i = 0; i < 50; i++) {
  const [id, en] = sentence();
  agreement.createCommitment(forumId, {
    statement: { id, en },
    clauseIds: [clauses[i * 4]?.id ?? '', clauses[i * 4 + 1]?.id ?? ''].filter(Boolean),
    responsible: { unit: 'Bagian Hukum Setda' },
    dueDate: '2018-06-30',
    status: 'planned',
    steps: [
      {
        id: `s${i}`,
        text: { id: 'Rapat koordinasi', en: 'Coordination meeting' },
        done: i % 2 === 0,
      },
    ],
  });
}

const sessions = Array.from({ length: 10 }, (_, i) =>
  notebook.createSession(forumId, {
    title: { id: `Sesi ${i + 1}`, en: `Session ${i + 1}` },
    kind: 'thematic',
    start: null,
    end: null,
  }),
);
const paragraph = () => {
  const parts = Array.from({ length: between(random, 2, 4) }, sentence);
  return [parts.map((p) => p[0]).join(' '), parts.map((p) => p[1]).join(' ')];
};
for (let i = 0; i < 500; i++) {
  const [p1, p2, p3, item1, item2] = [
    paragraph(),
    paragraph(),
    paragraph(),
    sentence(),
    sentence(),
  ];
  const note = (l: 0 | 1) =>
    [
      `# ${l ? 'Note' : 'Catatan'} ${i + 1}`,
      p1?.[l],
      `${p2?.[l]} **${item1[l]}**`,
      `- ${item1[l]}\n- ${item2[l]}\n  - ${item2[l]}`,
      p3?.[l],
    ].join('\n\n');
  notebook.createNote(forumId, {
    sessionId: sessions[i % sessions.length]?.id ?? null,
    body: { id: note(0), en: note(1) },
    tags: [],
  });
}

// `export.mjs [formats…] [--out DIR]`: only those formats (for profiling one with
// `node --cpu-prof`); with `--out`, each document is also written there (to compare a change's
// output with the one before it: `pdftotext`, `pdftoppm`).
const outAt = process.argv.indexOf('--out');
const outDir = outAt > 0 ? process.argv[outAt + 1] : undefined;
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== outDir);
const formats = (['docx', 'pdf', 'html', 'md'] as ExportFormat[]).filter(
  (f) => !asked.length || asked.includes(f),
);
const request = (format: ExportFormat) => ({
  forumId,
  format,
  language: 'both' as const,
  layout: 'parallel' as const,
  template: 'summary' as const,
  useOtherLanguage: true,
  contactIds: [],
  date: '2017-09-20',
});

/** Wall time and this process's CPU time of `work`, in milliseconds. */
async function timed(work: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

// The raw reference, measured in the same process beside each export: markdown-it turning the
// same 1,000 note bodies (500 notes × 2 languages) into HTML, the least work any format does.
// On a loaded machine it slows down as the exports do, so the ratio stays comparable.
const bodies = workspace
  .forum(forumId)
  .notes.flatMap((n) => [n.body.id, n.body.en])
  .join('\n\n');
const reference = new MarkdownIt('commonmark');

type Figure = { median: number; p95: number; cpuMedian: number; bytes: number; reference: number };
const results: Record<string, Figure> = {};
for (const format of formats) {
  const walls: number[] = [];
  const cpus: number[] = [];
  const references: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    let file: Awaited<ReturnType<typeof exportForum>> | null = null;
    const t = await timed(async () => (file = await exportForum(workspace, request(format))));
    const r = await timed(() => reference.render(bodies));
    if (run > 0) {
      walls.push(t.wall);
      cpus.push(t.cpu);
      references.push(r.cpu);
    }
    const content = (file as { content: Buffer } | null)?.content;
    bytes = content?.length ?? 0;
    if (outDir && run === 0 && content) await writeFile(join(outDir, `summary.${format}`), content);
  }
  results[format] = {
    median: median(walls),
    p95: percentile(walls, 95),
    cpuMedian: median(cpus),
    bytes,
    reference: median(references),
  };
}
await workspace.close();
await rm(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(results));
