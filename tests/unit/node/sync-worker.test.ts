import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { checkWorkspace } from '../../../electron/node/store/check';
import { decodeDocument } from '../../../electron/node/store/document-codec';
import { Workspace } from '../../../electron/node/store/workspace';
import { DocumentWorker } from '../../../electron/node/sync/document-worker';
import type { WorkerRequest } from '../../../electron/node/sync/document-worker';
import { receiveForum, sendForum } from '../../../electron/node/sync/exchange';
import { fieldConflicts } from '../../../electron/node/sync/field-conflicts';
import type { ForumDoc } from '../../../electron/node/sync/forum-automerge';
import { logPath, SyncFiles } from '../../../electron/node/sync/sync-files';
import { bundleChild } from '../../support/bundle-child';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

// Shared forums' documents held by the store's worker thread (built from source here, as the
// app's build makes `forum-worker.js`): loading one never holds the host's thread, the saves
// made meanwhile reach the change log through it, and a worker that dies loses nothing.

let workerFile = '';
beforeAll(async () => {
  workerFile = await bundleChild(
    join(import.meta.dirname, '..', '..', '..', 'electron', 'node', 'sync', 'forum-worker.ts'),
  );
}, 120_000);

type Notes = { notes: Record<string, { body: { id: string } }> };
const viewOf = (ws: Workspace, id: string) =>
  ws.forum(id) as ForumDocument & { sync: { heads: string[]; pending?: true } };
const forumJson = (dir: string, id: string) => join(dir, 'forums', `${id}.json`);

async function onDisk(dir: string, id: string) {
  return decodeDocument(await readFile(forumJson(dir, id))) as ForumDocument & {
    sync: { heads: string[]; pending?: true };
  };
}

/** The document as its files hold it, loaded by Automerge alone. */
async function fromFiles(dir: string, id: string): Promise<A.Doc<Notes>> {
  const loaded = await new SyncFiles(dir, id).load();
  let doc = A.load<Notes>(loaded.snapshot as Uint8Array);
  for (const change of loaded.changes) doc = A.loadIncremental(doc, change);
  return doc;
}

async function sharedForum(dir: string, notes = 40) {
  const ws = await Workspace.open(dir, { holder: 'test', documentWorker: null });
  const book = new NotebookService(ws);
  const forum = book.createForum(gwangjuForum);
  for (let i = 0; i < notes; i++) book.createNote(forum.id, { body: { id: `catatan ${i}` } });
  await ws.shareForum(forum.id);
  await ws.close();
  return forum.id;
}

const withWorker = (dir: string, worker = new DocumentWorker(workerFile)) =>
  Workspace.open(dir, {
    holder: 'test',
    debounceMs: 60_000,
    maxWaitMs: 60_000,
    documentWorker: worker,
  });

/** A worker whose requests of one kind can be made to fail, as a crash would. */
class BreakableWorker extends DocumentWorker {
  breakOn: WorkerRequest['op'] | null = null;
  how: 'kill' | 'throw' = 'kill';
  override async request(request: WorkerRequest) {
    if (request.op !== this.breakOn) return super.request(request);
    this.breakOn = null;
    const answer = super.request(request);
    if (this.how === 'throw') {
      await answer.catch(() => undefined);
      throw new Error('the worker failed');
    }
    // Killed while it holds the request (it may have taken the records already).
    await this.terminate();
    return answer;
  }
}

describe("a shared forum's document on the worker thread", () => {
  it('is loaded there after an edit, and the edit then reaches the change log alone', async () => {
    await withTempDir(async (dir) => {
      const id = await sharedForum(dir, 120);
      const logBefore = (await stat(logPath(dir, id))).size;
      const ws = await withWorker(dir);
      const book = new NotebookService(ws);
      const note = viewOf(ws, id).notes[17] as ForumDocument['notes'][number];
      const typed = `${note.body.id} dan kalimat baru`;
      book.updateNote(id, note.id, { body: { id: typed } });
      await ws.flush();
      // Saved before any document loaded: the view, marked pending.
      expect((await onDisk(dir, id)).sync.pending).toBe(true);
      expect(await ws.sharedReady(id)).toBe(true);
      // The load left the document on the worker: this thread has none.
      expect(() => ws.sharedDoc(id)).toThrow(/not loaded here/);
      await ws.flush();
      const added = (await stat(logPath(dir, id))).size - logBefore;
      expect(added).toBeGreaterThan(0);
      expect(added).toBeLessThan(1024);
      // Typed again, through the worker: each save appends its change only.
      const again = `${typed} lagi`;
      book.updateNote(id, note.id, { body: { id: again } });
      await ws.flush();
      const saved = await onDisk(dir, id);
      expect(saved.sync.pending).toBeUndefined();
      const doc = await fromFiles(dir, id);
      expect(doc.notes[note.id]?.body.id).toBe(again);
      expect([...saved.sync.heads].sort()).toEqual([...A.getHeads(doc)].sort());
      await ws.close();
      const reopened = await Workspace.open(dir, { holder: 'test', documentWorker: null });
      expect(reopened.notices).toEqual([]);
      expect(viewOf(reopened, id).notes.find((n) => n.id === note.id)?.body.id).toBe(again);
      await reopened.close();
      expect((await checkWorkspace(dir)).problems).toEqual([]);
    });
  }, 60_000);

  it('comes back to this thread for a send, with every edit made through the worker', async () => {
    await withTempDir(async (dir) => {
      const id = await sharedForum(dir);
      const ws = await withWorker(dir);
      const book = new NotebookService(ws);
      const [first, second] = viewOf(ws, id).notes as [
        ForumDocument['notes'][number],
        ForumDocument['notes'][number],
      ];
      book.updateNote(id, first.id, { body: { id: 'lewat pekerja' } });
      await ws.flush();
      await ws.sharedReady(id);
      await ws.flush();
      // Typed while the document goes back: the save waits for it, nothing is lost.
      book.updateNote(id, second.id, { body: { id: 'diketik saat kembali' } });
      const sending = sendForum(ws, id);
      await ws.flush();
      const { bytes } = await sending;
      book.updateNote(id, first.id, { body: { id: 'lewat pekerja, lalu di sini' } });
      await ws.flush();
      const doc = ws.sharedDoc(id) as unknown as A.Doc<Notes>;
      expect(doc.notes[first.id]?.body.id).toBe('lewat pekerja, lalu di sini');
      expect(doc.notes[second.id]?.body.id).toBe('diketik saat kembali');
      await ws.close();
      expect((await fromFiles(dir, id)).notes[second.id]?.body.id).toBe('diketik saat kembali');

      await withTempDir(async (other) => {
        const colleague = await Workspace.open(other, { holder: 'test', documentWorker: null });
        await receiveForum(colleague, bytes);
        const got = viewOf(colleague, id).notes;
        expect(got.find((n) => n.id === first.id)?.body.id).toBe('lewat pekerja');
        await colleague.close();
      });
    });
  }, 60_000);

  it('reads the conflicts there that a document on this thread reads', async () => {
    await withTempDir(async (dir) => {
      const id = await sharedForum(dir, 3);
      const ws = await withWorker(dir);
      const conflicts = await ws.sharedConflicts(id);
      expect(() => ws.sharedDoc(id)).toThrow(/not loaded here/);
      await ws.close();
      const here = await Workspace.open(dir, { holder: 'test', documentWorker: null });
      expect(conflicts).toEqual(fieldConflicts((await here.loadShared(id)) as ForumDoc));
      expect(await here.sharedConflicts('not-a-forum')).toBeNull();
      await here.close();
    });
  }, 60_000);

  for (const how of ['kill', 'throw'] as const) {
    it(`loses nothing when the worker ${how === 'kill' ? 'is killed' : 'fails'} in the middle of a save`, async () => {
      await withTempDir(async (dir) => {
        const id = await sharedForum(dir);
        const worker = new BreakableWorker(workerFile);
        worker.how = how;
        const ws = await withWorker(dir, worker);
        const book = new NotebookService(ws);
        const note = viewOf(ws, id).notes[3] as ForumDocument['notes'][number];
        book.updateNote(id, note.id, { body: { id: 'sebelum' } });
        await ws.flush();
        await ws.sharedReady(id);
        await ws.flush();
        const logBefore = await readFile(logPath(dir, id));
        worker.breakOn = 'apply';
        book.updateNote(id, note.id, { body: { id: 'sebelum dan kalimat saat pekerja mati' } });
        // The save succeeds: the view keeps the edit, marked pending against the log.
        await ws.flush();
        const saved = await onDisk(dir, id);
        expect(saved.notes.find((n) => n.id === note.id)?.body.id).toBe(
          'sebelum dan kalimat saat pekerja mati',
        );
        expect(saved.sync.pending).toBe(true);
        expect([...saved.sync.heads].sort()).toEqual(
          [...A.getHeads(await fromFiles(dir, id))].sort(),
        );
        expect((await readFile(logPath(dir, id))).equals(logBefore)).toBe(true);
        // The document is loaded again (a new worker) and takes the edit, once.
        await ws.sharedReady(id);
        await ws.flush();
        book.updateNote(id, note.id, { body: { id: 'sebelum dan kalimat saat pekerja mati!' } });
        await ws.flush();
        await ws.close();
        const doc = await fromFiles(dir, id);
        expect(doc.notes[note.id]?.body.id).toBe('sebelum dan kalimat saat pekerja mati!');
        const reopened = await Workspace.open(dir, { holder: 'test', documentWorker: null });
        expect(reopened.notices).toEqual([]);
        expect(viewOf(reopened, id).sync.pending).toBeUndefined();
        await reopened.close();
        expect((await checkWorkspace(dir)).problems).toEqual([]);
      });
    }, 60_000);
  }

  it('a worker killed while it loads leaves the document to load on this thread', async () => {
    await withTempDir(async (dir) => {
      const id = await sharedForum(dir);
      const worker = new BreakableWorker(workerFile);
      const ws = await withWorker(dir, worker);
      const book = new NotebookService(ws);
      const note = viewOf(ws, id).notes[0] as ForumDocument['notes'][number];
      book.updateNote(id, note.id, { body: { id: 'ditulis sebelum pemuatan' } });
      await ws.flush();
      worker.breakOn = 'open';
      expect(await ws.sharedReady(id)).toBe(true);
      await ws.flush();
      const doc = ws.sharedDoc(id) as unknown as A.Doc<Notes>;
      expect(doc.notes[note.id]?.body.id).toBe('ditulis sebelum pemuatan');
      await ws.close();
      expect((await fromFiles(dir, id)).notes[note.id]?.body.id).toBe('ditulis sebelum pemuatan');
    });
  }, 60_000);
});

describe("a colleague's notes read at a received file's heads", () => {
  it('are what the whole document at those heads holds, note by note (object and text)', async () => {
    const { notesAt, notesOf } = await import('../../../electron/node/sync/trash-conflicts');
    type Shape = { notes: Record<string, { id: string; body: { id: string; en: string } }> };
    let doc = A.change(A.init<Shape>(), (d) => {
      d.notes = {};
      for (const id of ['a', 'b', 'c']) d.notes[id] = { id, body: { id: `catatan ${id}`, en: '' } };
    });
    const heads = A.getHeads(doc);
    // After the file's heads: a note edited, one deleted and put back as a new object (a
    // purge brought back), one added.
    doc = A.change(doc, (d) => {
      A.splice(d, ['notes', 'a', 'body', 'id'], 0, 0, 'baru: ');
      Reflect.deleteProperty(d.notes, 'b');
      d.notes.d = { id: 'd', body: { id: 'tambahan', en: '' } };
    });
    doc = A.change(doc, (d) => {
      d.notes.b = { id: 'b', body: { id: 'kembali', en: '' } };
    });
    const read = notesAt(doc as unknown as ForumDoc, heads);
    const whole = notesOf(A.view(doc, heads) as unknown as ForumDoc);
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(read.note(id)).toEqual(whole.note(id));
      expect(read.object(id)).toBe(whole.object(id));
    }
    expect(read.note('a')?.body.id).toBe('catatan a');
    expect(read.note('d')).toBeUndefined();
    // The note put back is another object now than the one the file holds.
    expect(read.object('b')).toBeDefined();
    expect(read.object('b')).not.toBe(A.getObjectId(doc.notes.b));
  });
});
