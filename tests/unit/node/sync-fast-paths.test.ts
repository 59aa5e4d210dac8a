import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { describe, expect, it, vi } from 'vitest';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import { decodeDocument } from '../../../electron/node/store/document-codec';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { headsOfSaved } from '../../../electron/node/sync/automerge-heads';
import { receiveForum, sendForum } from '../../../electron/node/sync/exchange';
import { viewFromDoc } from '../../../electron/node/sync/forum-automerge';
import type { ForumDoc } from '../../../electron/node/sync/forum-automerge';
import { SharedForum } from '../../../electron/node/sync/shared-forum';
import { logPath, snapshotPath, SyncFiles } from '../../../electron/node/sync/sync-files';
import { bundleChild } from '../../support/bundle-child';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

// The fast paths of shared forums, broken on purpose: opening a forum whose view stands at the
// heads its saved bytes carry does not load the Automerge document (seconds for thousands of
// notes); a colleague's file that starts with a save this laptop has is merged from the
// changes after it, and only the records they touch are rebuilt in the view.

const open = (dir: string) => Workspace.open(dir, { holder: 'test', debounceMs: 5 });
const forumJson = (dir: string, id: string) => join(dir, 'forums', `${id}.json`);
const viewOf = (ws: Workspace, id: string) =>
  ws.forum(id) as ForumDocument & { sync: { heads: string[] } };
const bodies = (ws: Workspace, id: string) =>
  viewOf(ws, id)
    .notes.map((n) => n.body.id)
    .sort();

async function sharedForum(dir: string, notes = 3) {
  const ws = await open(dir);
  const book = new NotebookService(ws);
  const forum = book.createForum(gwangjuForum);
  for (let i = 0; i < notes; i++) book.createNote(forum.id, { body: { id: `catatan ${i}` } });
  await ws.shareForum(forum.id);
  await ws.flush();
  return { ws, book, id: forum.id };
}

describe('heads read from the saved bytes', () => {
  it('are the heads Automerge finds: a save, appended changes, concurrent branches, long text', () => {
    let doc = A.from<{ notes: Record<string, { body: string }> }>({ notes: {} });
    const saved = A.save(doc);
    let heads = A.getHeads(doc);
    const log: Uint8Array[] = [];
    for (let i = 0; i < 5; i++) {
      doc = A.change(doc, (d) => {
        d.notes[`n${i}`] = { body: `kalimat ${i} `.repeat(i === 3 ? 2000 : 3) };
      });
      log.push(A.saveSince(doc, heads));
      heads = A.getHeads(doc);
      expect(headsOfSaved(saved, log)).toEqual([...A.getHeads(doc)].sort());
    }
    // Two members' concurrent edits merged: two heads.
    const other = A.change(A.clone(doc, { actor: 'ab'.repeat(16) as A.ActorId }), (d) => {
      d.notes.n0 = { body: 'dari rekan' };
    });
    const mine = A.change(doc, (d) => {
      d.notes.n1 = { body: 'dari saya' };
    });
    const merged = A.merge(A.clone(mine), other);
    log.push(A.saveSince(merged, heads));
    expect(A.getHeads(merged)).toHaveLength(2);
    expect(headsOfSaved(saved, log)).toEqual([...A.getHeads(merged)].sort());
    expect(headsOfSaved(A.save(merged), [])).toEqual([...A.getHeads(merged)].sort());
  });

  it('are unknown, not guessed, for bytes that are not Automerge chunks or were changed', () => {
    const doc = A.from({ title: 'Gwangju' });
    const bytes = Buffer.from(A.save(doc));
    expect(headsOfSaved(Buffer.from('not a document'), [])).toBeNull();
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8((flipped.at(-3) as number) ^ 0x40, flipped.length - 3);
    expect(headsOfSaved(flipped, [])).toBeNull();
    expect(headsOfSaved(bytes.subarray(0, bytes.length - 4), [])).toBeNull();
  });
});

describe('a shared forum opened without loading its document', () => {
  it('opens from its view alone, and an edit then appends only its change, found against the document', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 200);
      await ws.close();
      const loaded = await new SyncFiles(dir, id).load();
      expect(loaded.heads).toEqual([...viewOf(await peek(dir), id).sync.heads].sort());

      // Saves only when asked (`flush`), so that what each save wrote can be looked at.
      const again = await Workspace.open(dir, {
        holder: 'test',
        debounceMs: 60_000,
        maxWaitMs: 60_000,
      });
      const note = viewOf(again, id).notes[17] as ForumDocument['notes'][number];
      const typed = `${note.body.id} dan kalimat baru`;
      const logBefore = (await stat(logPath(dir, id))).size;
      const snapshotBefore = await readFile(snapshotPath(dir, id));
      // The edit happens before the document is loaded: the save does not wait for the
      // document (seconds for thousands of notes). The view is on disk with the edit, marked
      // as holding edits the document lacks; the change log has not grown yet.
      new NotebookService(again).updateNote(id, note.id, { body: { id: typed } });
      await again.flush();
      const onDisk = decodeDocument(await readFile(forumJson(dir, id))) as ForumDocument & {
        sync: { heads: string[]; pending?: boolean };
      };
      expect(onDisk.notes.find((n) => n.id === note.id)?.body.id).toBe(typed);
      expect(onDisk.sync.pending).toBe(true);
      expect((await stat(logPath(dir, id))).size).toBe(logBefore);
      // Then the document loads, finds the edit against the heads the view records, and the
      // save that follows appends only its change.
      await again.loadShared(id);
      await again.flush();
      const added = (await stat(logPath(dir, id))).size - logBefore;
      expect(added).toBeGreaterThan(0);
      expect(added).toBeLessThan(1024);
      expect((await readFile(snapshotPath(dir, id))).equals(snapshotBefore)).toBe(true);
      const doc = again.sharedDoc(id) as unknown as A.Doc<{
        notes: Record<string, { body: { id: string } }>;
      }>;
      expect(doc.notes[note.id]?.body.id).toBe(typed);
      expect([...viewOf(again, id).sync.heads].sort()).toEqual([...A.getHeads(doc)].sort());
      await again.close();

      const third = await open(dir);
      expect(bodies(third, id)).toContain(typed);
      expect(third.notices).toEqual([]);
      await third.close();
    });
  });

  it('rebuilds the view when a writer is SIGKILLed after the change log was fsynced and before the view was renamed', async () => {
    const child = await bundleChild(
      join(import.meta.dirname, '..', '..', 'support', 'shared-crash-writer.ts'),
    );
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 50);
      await ws.close();
      const viewBefore = await readFile(forumJson(dir, id));
      const sentence = ' Kalimat yang diketik tepat sebelum listrik padam.';
      await new Promise<void>((resolve, reject) => {
        const proc = spawn(process.execPath, [child, dir, id, sentence], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        proc.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('appended')) proc.kill('SIGKILL');
        });
        proc.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`exited ${code}: ${stderr}`)),
        );
      });
      // The view on disk is the one from before the edit; only the change log has it.
      expect((await readFile(forumJson(dir, id))).equals(viewBefore)).toBe(true);
      const again = await open(dir);
      expect(bodies(again, id).filter((b) => b.endsWith(sentence))).toHaveLength(1);
      await again.close();
      const third = await open(dir);
      expect(bodies(third, id).filter((b) => b.endsWith(sentence))).toHaveLength(1);
      await third.close();
    });
  }, 60_000);

  it('keeps an edit saved before the document loaded when the writer is SIGKILLed before the document took it', async () => {
    const child = await bundleChild(
      join(import.meta.dirname, '..', '..', 'support', 'shared-crash-writer.ts'),
    );
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 50);
      await ws.close();
      const logBefore = await readFile(logPath(dir, id));
      const sentence = ' Kalimat yang disimpan sebelum dokumennya dimuat.';
      await new Promise<void>((resolve, reject) => {
        const proc = spawn(process.execPath, [child, dir, id, sentence, 'pending'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        proc.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('saved')) proc.kill('SIGKILL');
        });
        proc.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`exited ${code}: ${stderr}`)),
        );
      });
      // Only the view has the edit: the change log is as it was.
      expect((await readFile(logPath(dir, id))).equals(logBefore)).toBe(true);
      const again = await open(dir);
      expect(bodies(again, id).filter((b) => b.endsWith(sentence))).toHaveLength(1);
      expect(again.notices).toEqual([]);
      // Loading the document finds the edit against the heads the view records, and the
      // save that follows writes it into the change log.
      const doc = (await again.loadShared(id)) as unknown as A.Doc<{
        notes: Record<string, { body: { id: string } }>;
      }>;
      await again.flush();
      const first = viewOf(again, id).notes[0] as ForumDocument['notes'][number];
      expect(doc.notes[first.id]?.body.id.endsWith(sentence)).toBe(false);
      const taken = again.sharedDoc(id) as unknown as typeof doc;
      expect(taken.notes[first.id]?.body.id.endsWith(sentence)).toBe(true);
      expect((await readFile(logPath(dir, id))).length).toBeGreaterThan(logBefore.length);
      await again.close();
      // The document alone, loaded from its files, has it too.
      const loaded = await new SyncFiles(dir, id).load();
      let fromFiles = A.load<{ notes: Record<string, { body: { id: string } }> }>(
        loaded.snapshot as Uint8Array,
      );
      for (const change of loaded.changes) fromFiles = A.loadIncremental(fromFiles, change);
      expect(fromFiles.notes[first.id]?.body.id.endsWith(sentence)).toBe(true);
      const third = await open(dir);
      expect(bodies(third, id).filter((b) => b.endsWith(sentence))).toHaveLength(1);
      await third.close();
    });
  }, 60_000);

  it('loads the document only once the saves pause, then appends everything typed meanwhile', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 50);
      await ws.close();
      const logBefore = (await stat(logPath(dir, id))).size;
      const typing = await Workspace.open(dir, {
        holder: 'test',
        debounceMs: 5,
        catchUpIdleMs: 1500,
      });
      const book = new NotebookService(typing);
      const note = viewOf(typing, id).notes[7] as ForumDocument['notes'][number];
      let text = note.body.id;
      // A delegate typing: a save every few tens of milliseconds. The document (seconds to
      // load for a large forum) is not loaded meanwhile: the change log does not grow.
      for (let i = 0; i < 6; i++) {
        text += ` kata${i}`;
        book.updateNote(id, note.id, { body: { id: text } });
        await typing.flush();
        expect((await stat(logPath(dir, id))).size).toBe(logBefore);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The pause: the document loads and takes every word.
      await vi.waitFor(
        async () => expect((await stat(logPath(dir, id))).size).toBeGreaterThan(logBefore),
        { timeout: 15_000, interval: 100 },
      );
      const doc = typing.sharedDoc(id) as unknown as A.Doc<{
        notes: Record<string, { body: { id: string } }>;
      }>;
      expect(doc.notes[note.id]?.body.id).toBe(text);
      await typing.close();
    });
  }, 30_000);

  it('catches a saved document whose bytes name other heads than its content, keeping every note', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir);
      await ws.close();
      const oldView = join(dir, 'old-view');
      await copyFile(forumJson(dir, id), oldView);
      const lied = viewOf(await peek(dir), id).sync.heads;
      // A note that reaches the document, then a view that never saw it.
      const second = await open(dir);
      await second.loadShared(id);
      new NotebookService(second).createNote(id, { body: { id: 'hanya di dokumen' } });
      await second.close();
      // The document saved whole, its chunk rewritten to name the old heads (checksums fixed).
      const forged = await forgeHeads(dir, id, lied);
      await writeFile(snapshotPath(dir, id), forged);
      await writeFile(logPath(dir, id), Buffer.alloc(0));
      await copyFile(oldView, forumJson(dir, id));

      const third = await open(dir);
      expect(bodies(third, id)).not.toContain('hanya di dokumen');
      // The user types before anything loads the document.
      const note = viewOf(third, id).notes[0] as ForumDocument['notes'][number];
      new NotebookService(third).updateNote(id, note.id, { body: { id: 'diketik sesudah buka' } });
      await third.flush();
      await third.loadShared(id);
      await third.flush();
      expect(third.notices.map((n) => n.file)).toContain(join('forums', `${id}.automerge`));
      expect(third.notices.map((n) => n.detail).join()).toMatch(/mismatching heads/);
      expect(bodies(third, id)).toContain('diketik sesudah buka');
      await third.close();
      // The refused bytes are kept aside for a person, never overwritten.
      const aside = (await readdir(join(dir, 'forums'))).filter((f) => f.includes('.corrupt-'));
      expect(aside).toHaveLength(1);
      expect((await readFile(join(dir, 'forums', aside[0] as string))).equals(forged)).toBe(true);
      const fourth = await open(dir);
      expect(bodies(fourth, id)).toContain('diketik sesudah buka');
      expect(bodies(fourth, id)).toEqual(expect.arrayContaining(['catatan 1', 'catatan 2']));
      await fourth.close();
    });
  });
});

describe('a document found elsewhere than its view when it is loaded after opening', () => {
  it('keeps both: what only the document has, and what was typed since opening', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir);
      const older = structuredClone(ws.forum(id)) as ForumDocument;
      new NotebookService(ws).createNote(id, { body: { id: 'hanya di dokumen' } });
      await ws.close();
      // The view as opened stands at older heads; the user then types into note 0.
      const view = structuredClone(older);
      (view.notes[0] as ForumDocument['notes'][number]).body.id = 'diketik sesudah buka';
      const files = new SyncFiles(dir, id);
      const { shared, rebuilt, damaged } = SharedForum.fromLoaded(
        files,
        await files.load(),
        view,
        'resuming',
      );
      expect(rebuilt).toBe(true);
      expect(damaged).toHaveLength(1);
      expect(view.notes.map((n) => n.body.id).sort()).toEqual([
        'catatan 1',
        'catatan 2',
        'diketik sesudah buka',
        'hanya di dokumen',
      ]);
      await shared?.persist(view);
      const doc = shared?.doc as unknown as A.Doc<{
        notes: Record<string, { body: { id: string } }>;
      }>;
      expect(
        Object.values(doc.notes)
          .map((n) => n.body.id)
          .sort(),
      ).toEqual(view.notes.map((n) => n.body.id).sort());
    });
  });
});

const sharedPart = (view: ForumDocument) => {
  const {
    noteHistory: _h,
    sync: _s,
    schemaVersion: _v,
    ...rest
  } = view as ForumDocument & {
    sync?: unknown;
  };
  return JSON.parse(JSON.stringify(rest)) as unknown;
};

describe("a colleague's file merged from the changes after a save this laptop has", () => {
  it('reads only those changes, and the view equals one rebuilt from the whole document', async () => {
    await withTempDir(async (dirA) => {
      await withTempDir(async (dirB) => {
        const { ws: a, id } = await sharedForum(dirA, 30);
        const b = await open(dirB);
        await receiveForum(b, (await sendForum(a, id)).bytes);
        // B's day: a sentence typed, a note written, one trashed, the acronym changed.
        const bookB = new NotebookService(b);
        const notes = viewOf(b, id).notes;
        const typed = notes[3] as ForumDocument['notes'][number];
        const typedText = `${typed.body.id} ditambah rekan`;
        bookB.updateNote(id, typed.id, { body: { id: typedText } });
        bookB.createNote(id, { body: { id: 'catatan rekan' } });
        b.updateForum(id, (view) => {
          (view.notes[5] as ForumDocument['notes'][number]).deletedAt = new Date().toISOString();
          view.forum.acronym = 'WHRCF-B';
        });
        // A edits meanwhile, so the merge has both sides.
        // Another note than B's (notes made in the same millisecond sort by their random ids).
        const typedA = viewOf(a, id).notes.find(
          (n, i) => i >= 9 && n.id !== typed.id,
        ) as ForumDocument['notes'][number];
        new NotebookService(a).updateNote(id, typedA.id, { body: { id: 'diubah di A' } });
        await b.flush();
        const bytes = b.sharedSave(id);

        // The file starts with the save A already has: only the changes after it are merged.
        const view = structuredClone(a.forum(id)) as ForumDocument;
        const files = new SyncFiles(dirA, id);
        const probe = SharedForum.fromLoaded(files, await files.load(), view, 'resuming');
        const summary = probe.shared?.mergeSave(view, bytes);
        expect(summary).not.toBeNull();
        expect(summary?.notesAdded.map((n) => n.preview)).toEqual(['catatan rekan']);
        expect(summary?.notesChanged).toHaveLength(2);
        expect(sharedPart(view)).toEqual(
          sharedPart(viewFromDoc(probe.shared?.doc as ForumDoc, view)),
        );

        // Through the workspace, as Receive does it.
        const { bytes: file } = await sendForum(b, id);
        const received = await receiveForum(a, file);
        expect(received.summary.notesAdded).toHaveLength(1);
        const merged = a.forum(id) as ForumDocument;
        expect(sharedPart(merged)).toEqual(
          sharedPart(viewFromDoc(a.sharedDoc(id) as ForumDoc, merged)),
        );
        expect(merged.forum.acronym).toBe('WHRCF-B');
        expect(merged.notes.map((n) => n.body.id)).toEqual(
          expect.arrayContaining(['diubah di A', typedText]),
        );
        // The other way round gives the same forum.
        await receiveForum(b, (await sendForum(a, id)).bytes);
        expect(sharedPart(b.forum(id) as ForumDocument)).toEqual(sharedPart(merged));
        await a.close();
        await b.close();
      });
    });
  });

  it('refuses changes after the known save that are not changes, and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 5);
      new NotebookService(ws).createNote(id, { body: { id: 'sesudah simpan' } });
      await ws.flush();
      const bytes = Buffer.from(ws.sharedSave(id));
      await ws.close();
      const files = new SyncFiles(dir, id);
      const view = structuredClone((await peek(dir)).forum(id)) as ForumDocument;
      const { shared } = SharedForum.fromLoaded(files, await files.load(), view, 'opening');
      const before = structuredClone(view);
      const heads = A.getHeads(shared?.doc as ForumDoc);
      // A byte flipped inside the trailing change: its chunk checksum no longer holds.
      bytes.writeUInt8((bytes.at(-2) as number) ^ 0x01, bytes.length - 2);
      expect(() => shared?.mergeSave(view, bytes)).toThrow(
        expect.objectContaining({ code: 'share-file-invalid' }),
      );
      expect(view).toEqual(before);
      expect(A.getHeads(shared?.doc as ForumDoc)).toEqual(heads);
    });
  });
});

/** Opens, reads and closes, for a look at what is on disk. */
async function peek(dir: string): Promise<Workspace> {
  const ws = await open(dir);
  await ws.close();
  return ws;
}

/** The forum's document saved whole, with its chunk's heads replaced by `heads`. */
async function forgeHeads(dir: string, id: string, heads: string[]): Promise<Buffer> {
  const ws = await open(dir);
  const doc = (await ws.loadShared(id)) as A.Doc<unknown>;
  const save = Buffer.from(A.save(doc));
  await ws.close();
  // chunk: magic(4) checksum(4) type(1) length(LEB) contents: actors, then heads.
  let at = 9;
  while ((save[at] as number) & 0x80) at++;
  const contentsStart = at + 1;
  let p = contentsStart;
  const uleb = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = save[p++] as number;
      value += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) return value;
      scale *= 128;
    }
  };
  const actors = uleb();
  for (let i = 0; i < actors; i++) {
    const length = uleb();
    p += length;
  }
  const count = uleb();
  expect(count).toBe(heads.length);
  heads.forEach((h, i) => Buffer.from(h, 'hex').copy(save, p + i * 32));
  createHash('sha256').update(save.subarray(8)).digest().copy(save, 4, 0, 4);
  const magic = Buffer.from('RSLHAM1\n');
  return Buffer.concat([magic, createHash('sha256').update(save).digest(), save]);
}

describe('persisting a shared forum from two places at once', () => {
  it('appends each change once: a merge persisting at once and a view write persisting meanwhile', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir);
      const view = structuredClone(ws.forum(id)) as ForumDocument;
      await ws.close();
      const files = new SyncFiles(dir, id);
      const { shared } = SharedForum.fromLoaded(files, await files.load(), view, 'opening');
      if (!shared) throw new Error('no document');
      const before = (await files.load()).changes.length;
      (view.notes[0] as ForumDocument['notes'][number]).body.id = 'diketik sekali';
      const wrote = await Promise.all([shared.persist(view), shared.persist(view)]);
      // The first appends the edit; the second, run after it, finds nothing left to append.
      expect(wrote).toEqual([true, false]);
      const loaded = await files.load();
      expect(loaded.changes).toHaveLength(before + 1);
      expect(loaded.heads).toEqual(
        [...(view as ForumDocument & { sync: { heads: string[] } }).sync.heads].sort(),
      );
    });
  });
});
