import { appendFile, copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { decryptWorkspace, encryptWorkspace } from '../../../electron/node/store/encryption';
import { Workspace } from '../../../electron/node/store/workspace';
import { logPath, snapshotPath } from '../../../electron/node/sync/sync-files';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const open = (dir: string, passphrase?: string) =>
  Workspace.open(dir, {
    holder: 'test',
    debounceMs: 5,
    ...(passphrase ? { unlock: { passphrase } } : {}),
  });
const forumJson = (dir: string, id: string) => join(dir, 'forums', `${id}.json`);
const bodies = (ws: Workspace, id: string) =>
  (ws.forum(id) as ForumDocument).notes.map((n) => n.body.id).sort();

function docOf(ws: Workspace, id: string) {
  const doc = ws.sharedDoc(id);
  if (!doc) throw new Error(`${id} is not shared`);
  return doc;
}

/** A workspace with one shared forum holding `notes` notes. */
async function sharedForum(dir: string, notes = 2) {
  const ws = await open(dir);
  const book = new NotebookService(ws);
  const forum = book.createForum(gwangjuForum);
  for (let i = 0; i < notes; i++) book.createNote(forum.id, { body: { id: `catatan ${i}` } });
  await ws.shareForum(forum.id);
  return { ws, book, id: forum.id };
}

describe('a shared forum on disk', () => {
  it('keeps its Automerge document beside the view, and the view records its heads', async () => {
    await withTempDir(async (dir) => {
      const { ws, book, id } = await sharedForum(dir);
      book.createNote(id, { body: { id: 'dicatat setelah berbagi' } });
      await ws.close();
      expect((await stat(snapshotPath(dir, id))).size).toBeGreaterThan(0);
      expect((await stat(logPath(dir, id))).size).toBeGreaterThan(0);
      const again = await open(dir);
      expect(again.isShared(id)).toBe(true);
      const view = again.forum(id) as ForumDocument & { sync: { heads: string[] } };
      expect(view.sync.heads).toEqual(A.getHeads(docOf(again, id)));
      expect(bodies(again, id)).toEqual(['catatan 0', 'catatan 1', 'dicatat setelah berbagi']);
      const doc = docOf(again, id);
      expect(Object.keys(doc.notes)).toHaveLength(3);
      await again.close();
    });
  });

  it('rebuilds a view older than its document (crash after the change log, before the view)', async () => {
    await withTempDir(async (dir) => {
      const { ws, book, id } = await sharedForum(dir);
      await ws.flush();
      await copyFile(forumJson(dir, id), join(dir, 'old-view'));
      const note = book.createNote(id, { body: { id: 'kalimat yang tidak boleh hilang' } });
      await ws.close();
      // The view on disk goes back to before the edit; only the change log has it.
      await copyFile(join(dir, 'old-view'), forumJson(dir, id));
      const again = await open(dir);
      expect(bodies(again, id)).toContain('kalimat yang tidak boleh hilang');
      expect((again.forum(id) as ForumDocument).notes.find((n) => n.id === note.id)).toBeTruthy();
      await again.close();
      // The rebuilt view was written: a third open finds it matching.
      const third = await open(dir);
      expect(bodies(third, id)).toContain('kalimat yang tidak boleh hilang');
      await third.close();
    });
  });

  it('drops a torn record at the end of the change log, keeps a copy, and saves on after it', async () => {
    await withTempDir(async (dir) => {
      const { ws, book, id } = await sharedForum(dir);
      book.createNote(id, { body: { id: 'sebelum sobek' } });
      await ws.close();
      // A crash in the middle of an append: a length that promises more than follows.
      await appendFile(logPath(dir, id), Buffer.from([0, 0, 1, 0, 9, 9, 9]));
      const again = await open(dir);
      expect(bodies(again, id)).toContain('sebelum sobek');
      const aside = (await readdir(join(dir, 'forums'))).filter((f) => f.includes('.corrupt-'));
      expect(aside).toHaveLength(1);
      const book2 = new NotebookService(again);
      book2.createNote(id, { body: { id: 'sesudah sobek' } });
      await again.close();
      const third = await open(dir);
      expect(bodies(third, id)).toEqual(expect.arrayContaining(['sebelum sobek', 'sesudah sobek']));
      expect(third.notices).toEqual([]);
      await third.close();
    });
  });

  it('sets a damaged document aside, says so, and shares the view again without losing a note', async () => {
    await withTempDir(async (dir) => {
      const { ws, id } = await sharedForum(dir, 3);
      await ws.close();
      const bytes = await readFile(snapshotPath(dir, id));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
      await writeFile(snapshotPath(dir, id), bytes);
      const again = await open(dir);
      expect(bodies(again, id)).toEqual(['catatan 0', 'catatan 1', 'catatan 2']);
      expect(again.notices.map((n) => n.file)).toEqual([join('forums', `${id}.automerge`)]);
      expect(again.isShared(id)).toBe(true);
      expect(Object.keys(docOf(again, id).notes)).toHaveLength(3);
      await again.close();
    });
  });

  it('appends only the edit: a note typed into a 400-note forum adds a small record', async () => {
    await withTempDir(async (dir) => {
      const { ws, book, id } = await sharedForum(dir, 400);
      await ws.flush();
      const note = (ws.forum(id) as ForumDocument).notes[7] as ForumDocument['notes'][number];
      const before = (await stat(logPath(dir, id))).size;
      book.updateNote(id, note.id, { body: { id: `${note.body.id} dan satu kalimat lagi` } });
      await ws.flush();
      const added = (await stat(logPath(dir, id))).size - before;
      expect(added).toBeGreaterThan(0);
      expect(added).toBeLessThan(1024);
      await ws.close();
    });
  });

  it('is sealed in an encrypted workspace, and opens again after encrypting and decrypting', async () => {
    await withTempDir(async (dir) => {
      const { ws, book, id } = await sharedForum(dir);
      book.createNote(id, { body: { id: 'rahasia delegasi' } });
      await ws.close();
      const scrypt = { N: 2 ** 10, r: 8, p: 1 };
      await encryptWorkspace(dir, 'kata sandi panjang', { holder: 'test', scrypt });
      for (const file of [snapshotPath(dir, id), logPath(dir, id)]) {
        const raw = await readFile(file);
        expect(raw.includes(Buffer.from('rahasia'))).toBe(false);
        expect(raw.includes(Buffer.from('catatan'))).toBe(false);
      }
      const locked = await open(dir, 'kata sandi panjang');
      expect(locked.notices).toEqual([]);
      expect(bodies(locked, id)).toContain('rahasia delegasi');
      new NotebookService(locked).createNote(id, { body: { id: 'sesudah enkripsi' } });
      await locked.close();
      expect((await readFile(logPath(dir, id))).includes(Buffer.from('sesudah'))).toBe(false);
      await decryptWorkspace(dir, { passphrase: 'kata sandi panjang' }, { holder: 'test' });
      const plain = await open(dir);
      expect(plain.notices).toEqual([]);
      expect(bodies(plain, id)).toEqual(
        expect.arrayContaining(['rahasia delegasi', 'sesudah enkripsi']),
      );
      await plain.close();
    });
  });
});
