// Issue 18's targets for a shared forum of 2,000 notes, each beside the same work unshared
// or the raw Automerge operation: open (view check; the document loads on first use), one
// edit saved durably, and merging a colleague's day (200 new notes, 50 edits) received as a
// file. The first use after opening loads the whole document: measured on its own.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { Workspace } from '../../electron/node/store/workspace';
import { receiveForum, sendForum } from '../../electron/node/sync/exchange';
import { leadingDocument } from '../../electron/node/sync/automerge-heads';
import { openShareFile, readShareFile } from '../../electron/node/sync/share-file';
import { generateWorkspace } from './generate';
import { median, percentile } from './stats';

const NOTES = 2_000;
const OPENS = 5;
const EDITS = 60;
const WARMUP = 5;

const root = await mkdtemp(join(tmpdir(), 'risalah-bench-sync-'));
const plainDir = join(root, 'plain');
const sharedDir = join(root, 'shared');
const colleagueDir = join(root, 'colleague');
// The generator's largest forum has 2,000 notes at this size; the others are removed, so
// both workspaces hold that one forum alone.
await generateWorkspace(plainDir, { notes: NOTES * 5, forums: 5, contacts: 0, seed: 20170914 });
{
  const ws = await Workspace.open(plainDir, { holder: 'bench' });
  const [largest, ...others] = ws
    .forumIds()
    .sort((a, b) => ws.forum(b).notes.length - ws.forum(a).notes.length);
  for (const id of others) await ws.removeForum(id);
  if (ws.forum(largest as string).notes.length !== NOTES) throw new Error('unexpected size');
  await ws.close();
}
await cp(plainDir, sharedDir, { recursive: true });
const open = (dir: string) => Workspace.open(dir, { holder: 'bench', debounceMs: 300 });

let forumId = '';
{
  const ws = await open(sharedDir);
  forumId = ws.forumIds()[0] as string;
  await ws.shareForum(forumId);
  await ws.close();
}

async function timeOpen(dir: string): Promise<number> {
  const start = performance.now();
  const ws = await open(dir);
  const took = performance.now() - start;
  await ws.close();
  return took;
}

const openPlain: number[] = [];
const openShared: number[] = [];
await timeOpen(plainDir);
await timeOpen(sharedDir);
for (let i = 0; i < OPENS; i++) {
  openPlain.push(await timeOpen(plainDir));
  openShared.push(await timeOpen(sharedDir));
}

/** The longest this thread was held while `work` ran (what the page and other saves wait). */
async function longestBlock(
  work: () => Promise<unknown>,
): Promise<{ ms: number; blockMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  delay.disable();
  return { ms, blockMs: delay.max / 1e6 };
}

let firstSave = 0;
/** The first edit's document catching up after its save: the load, then the change appended. */
let catchUp = 0;
let catchUpBlock = 0;
async function timeSaves(dir: string): Promise<number[]> {
  const ws = await open(dir);
  const latencies: number[] = [];
  for (let i = 0; i < EDITS + WARMUP; i++) {
    const start = performance.now();
    ws.updateForum(forumId, (doc) => {
      const note = doc.notes[(i * 37) % doc.notes.length];
      if (note) note.body.id += ' Tambahan.';
    });
    await ws.flush();
    if (i === 0) {
      firstSave = performance.now() - start;
      // A shared forum's document loads after that save (the save did not wait for it).
      // As the app does after a pause: loaded where the store loads it (its worker thread).
      const caught = await longestBlock(async () => {
        if (await ws.sharedReady(forumId)) await ws.flush();
      });
      catchUp = caught.ms;
      catchUpBlock = caught.blockMs;
    }
    if (i >= WARMUP) latencies.push(performance.now() - start);
  }
  await ws.close();
  return latencies;
}
const savePlain = await timeSaves(plainDir);
const firstSavePlain = firstSave;
const saveShared = await timeSaves(sharedDir);
const firstSaveShared = firstSave;
const firstCatchUp = catchUp;
const firstCatchUpBlock = catchUpBlock;

// A colleague receives the forum, works a day (200 new notes, 50 edits), and sends it back.
const mine = await open(sharedDir);
const colleague = await open(colleagueDir);
await receiveForum(colleague, (await sendForum(mine, forumId)).bytes);
colleague.updateForum(forumId, (doc) => {
  for (let i = 0; i < 50; i++) {
    const note = doc.notes[(i * 41) % doc.notes.length];
    if (note) note.body.id += ' Perubahan dari rekan.';
  }
  const at = new Date().toISOString();
  for (let i = 0; i < 200; i++) {
    doc.notes.push({
      id: `colleague-${i}`,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      sessionId: null,
      body: { id: `Catatan rekan ${i}: pemerintah kota membahas hak atas pendidikan.`, en: '' },
      bodyUpdatedAt: { id: at, en: null },
      tags: [],
      pinned: false,
      author: 'Rekan',
    });
  }
});
const { bytes } = await sendForum(colleague, forumId);
await colleague.close();
await mine.close();
// Opened again: the document is not loaded at opening. Its load on first use is timed on
// its own, then the merge with the document in memory, as it is once anything was edited.
// Opening the forum in the app: the workspace opens, then the page asks for the forum with
// its conflicts, which loads the document (on the store's worker thread).
let reopened: Workspace | undefined;
const opened = await longestBlock(async () => {
  reopened = await open(sharedDir);
  await reopened.sharedConflicts(forumId);
});
if (!reopened) throw new Error('not opened');
const again = reopened;
const firstUseMs = opened.ms;
// Raw reference, same run: Automerge loading the same save on this thread.
const rawLoadMs = await (async () => {
  const { save } = await openShareFile((await sendForum(again, forumId)).bytes);
  const start = performance.now();
  A.load(save);
  return performance.now() - start;
})();
// Raw references, on copies of this laptop's document made before the merge and timed after
// it, so the merge runs as cold as before (timed on the merged document, they applied changes
// it already had): Automerge alone loading and merging the whole file, and applying only the
// changes after the save both laptops have.
const local = (await again.loadShared(forumId)) as A.Doc<unknown>;
const forMerge = A.clone(local);
const forChanges = A.clone(local);
const mergeStart = performance.now();
const received = await receiveForum(again, bytes);
const mergeMs = performance.now() - mergeStart;
await again.close();
const rawStart = performance.now();
const { doc: incoming } = await readShareFile(bytes);
A.merge(forMerge, incoming);
const rawMergeMs = performance.now() - rawStart;
const { save } = await openShareFile(bytes);
const after = save.subarray(leadingDocument(save)?.end ?? 0);
const changesStart = performance.now();
A.loadIncremental(forChanges, after);
const rawChangesMs = performance.now() - changesStart;

await rm(root, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    notes: NOTES,
    openPlain: median(openPlain),
    openShared: median(openShared),
    savePlainP50: median(savePlain),
    savePlainP95: percentile(savePlain, 95),
    saveSharedP50: median(saveShared),
    saveSharedP95: percentile(saveShared, 95),
    firstSavePlain,
    firstSaveShared,
    firstCatchUp,
    firstCatchUpBlock,
    firstUseMs,
    firstUseBlockMs: opened.blockMs,
    rawLoadMs,
    mergeMs,
    rawMergeMs,
    rawChangesMs,
    fileBytes: bytes.length,
    notesAdded: received.summary.notesAdded.length,
    notesChanged: received.summary.notesChanged.length,
  }),
);
