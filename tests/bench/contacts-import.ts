// Importers under load: a 10 MB hostile vCard and a 130,000-row list read on the importer's
// worker while notes are edited and saved; how long each takes, and what a save waits.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContactsService } from '../../electron/node/contacts/contacts-service';
import { workerRunner } from '../../electron/node/contacts/import-runner';
import { NotebookService } from '../../electron/node/notebook/notebook-service';
import { Workspace } from '../../electron/node/store/workspace';
import { adversarialVCard, bigCsv } from '../support/hostile-files';
import { median, percentile } from './stats';

const [worker] = process.argv.slice(2);
if (!worker) throw new Error('usage: contacts-import WORKER');

const dir = await mkdtemp(join(tmpdir(), 'risalah-bench-import-'));
const workspace = await Workspace.open(dir, { holder: 'bench' });
const notebook = new NotebookService(workspace);
const contacts = new ContactsService(workspace, notebook.search, workerRunner(worker));
const forum = notebook.createForum({
  name: { id: 'Forum', en: 'Forum' },
  acronym: 'F',
  city: 'Gwangju',
  country: 'KR',
  venue: '',
  startDate: '2017-09-14',
  endDate: '2017-09-17',
  timeZone: 'Asia/Seoul',
  theme: { id: '', en: '' },
  hostOrganisation: { id: '', en: '' },
});
const note = notebook.createNote(forum.id, { body: { id: 'awal' } });
await workspace.flush();

/** Reads a file on the worker while an edit is saved every 50 ms; the longest event-loop stall too. */
async function importWhileSaving(bytes: Buffer) {
  const saves: number[] = [];
  let stall = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 10);
    last = now;
  }, 10);
  const start = performance.now();
  const job = contacts.startImport(bytes);
  let status = contacts.importStatus(job);
  let n = 0;
  while (status.state === 'running') {
    const at = performance.now();
    notebook.updateNote(forum.id, note.id, { body: { id: `catatan ${n++}` } });
    await workspace.flush();
    saves.push(performance.now() - at);
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = contacts.importStatus(job);
  }
  const readMs = performance.now() - start;
  const commitStart = performance.now();
  const count = await contacts.commitImport(status.preview?.token ?? '');
  await workspace.flush();
  const commitMs = performance.now() - commitStart;
  clearInterval(ticker);
  return {
    bytes: bytes.length,
    readMs,
    commitMs,
    count,
    saves: saves.length,
    saveMedian: median(saves),
    saveP95: percentile(saves, 95),
    saveMax: Math.max(...saves),
    stallMax: stall,
  };
}

const vcard = await importWhileSaving(adversarialVCard(10));
const csv = await importWhileSaving(bigCsv(130_000));
await workspace.close();
await rm(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ vcard, csv }));
