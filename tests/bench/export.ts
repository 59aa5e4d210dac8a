// Export of a commitment summary with 200 bilingual clauses, 50 commitments and 500 full notes
// (each a heading, three paragraphs and a list, in both languages), in each format: median and
// p95 of repeated runs in one process, after one warm-up run.
import { mkdtemp } from 'node:fs/promises';
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

const results: Record<string, { median: number; p95: number; bytes: number }> = {};
for (const format of ['docx', 'pdf', 'html', 'md'] as ExportFormat[]) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    const file = await exportForum(workspace, {
      forumId,
      format,
      language: 'both',
      layout: 'parallel',
      template: 'summary',
      useOtherLanguage: true,
      contactIds: [],
      date: '2017-09-20',
    });
    if (run > 0) times.push(performance.now() - start);
    bytes = file.content.length;
  }
  results[format] = { median: median(times), p95: percentile(times, 95), bytes };
}
await workspace.close();
process.stdout.write(JSON.stringify(results));
