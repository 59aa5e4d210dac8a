import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { receiveForum, sendForum } from '../../../electron/node/sync/exchange';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const open = (dir: string) => Workspace.open(dir, { holder: 'test', debounceMs: 5 });

/**
 * The shared part of a forum view, as a JSON value: what must be identical on every laptop
 * (key order inside an object is not part of a JSON value; `toEqual` ignores it).
 */
function sharedJson(ws: Workspace, id: string): unknown {
  const {
    noteHistory: _history,
    sync: _sync,
    ...rest
  } = ws.forum(id) as ForumDocument & {
    sync?: unknown;
  };
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

async function twoLaptops<T>(run: (a: Workspace, b: Workspace, dirs: string[]) => Promise<T>) {
  return withTempDir((root) =>
    withTempDir(async (other) => {
      const a = await open(root);
      const b = await open(other);
      try {
        return await run(a, b, [root, other]);
      } finally {
        await a.close();
        await b.close();
      }
    }),
  );
}

describe('exchange by file', () => {
  it('A → B adds the forum; B → A and A → B again give identical forums either way', async () => {
    await twoLaptops(async (a, b) => {
      const bookA = new NotebookService(a);
      const forum = bookA.createForum(gwangjuForum);
      const shared = bookA.createNote(forum.id, { body: { id: 'Pembukaan oleh Wali Kota' } });
      const first = await sendForum(a, forum.id);
      const received = await receiveForum(b, first.bytes);
      expect(received.added).toBe(true);
      expect(received.summary.notesAdded.map((n) => n.preview)).toEqual([
        'Pembukaan oleh Wali Kota',
      ]);
      // Both type at once, offline: B in the same note and a new one, A elsewhere.
      const bookB = new NotebookService(b);
      bookB.updateNote(forum.id, shared.id, { body: { id: 'Pembukaan oleh Wali Kota Gwangju' } });
      bookB.createNote(forum.id, { body: { id: 'Catatan B tentang kota inklusif' } });
      bookA.updateNote(forum.id, shared.id, { body: { id: 'Sambutan: Pembukaan oleh Wali Kota' } });
      bookA.createNote(forum.id, { body: { id: 'Catatan A tentang pendidikan HAM' } });
      const fromB = await sendForum(b, forum.id);
      const fromA = await sendForum(a, forum.id);
      const atA = await receiveForum(a, fromB.bytes);
      await receiveForum(b, fromA.bytes);
      expect(atA.summary.notesAdded.map((n) => n.preview)).toEqual([
        'Catatan B tentang kota inklusif',
      ]);
      expect(sharedJson(a, forum.id)).toEqual(sharedJson(b, forum.id));
      const note = (a.forum(forum.id) as ForumDocument).notes.find((n) => n.id === shared.id);
      // Both edits to the same sentence survive, merged by character.
      expect(note?.body.id).toBe('Sambutan: Pembukaan oleh Wali Kota Gwangju');
      // Receiving the same file again changes nothing.
      const again = await receiveForum(a, fromB.bytes);
      expect(again.summary.changed).toBe(false);
      expect(sharedJson(a, forum.id)).toEqual(sharedJson(b, forum.id));
    });
  });

  it('keeps the merge after a restart', async () => {
    await withTempDir((one) =>
      withTempDir(async (two) => {
        const a = await open(one);
        const b = await open(two);
        const bookA = new NotebookService(a);
        const forum = bookA.createForum(gwangjuForum);
        bookA.createNote(forum.id, { body: { id: 'satu' } });
        await receiveForum(b, (await sendForum(a, forum.id)).bytes);
        new NotebookService(b).createNote(forum.id, { body: { id: 'dua' } });
        await receiveForum(a, (await sendForum(b, forum.id)).bytes);
        const before = sharedJson(a, forum.id);
        await a.close();
        await b.close();
        for (const dir of [one, two]) {
          const reopened = await open(dir);
          expect(sharedJson(reopened, forum.id)).toEqual(before);
          expect(reopened.isShared(forum.id)).toBe(true);
          expect(reopened.notices).toEqual([]);
          await reopened.close();
        }
      }),
    );
  });

  it('refuses a truncated, a tampered and a foreign file with a clear error, changing nothing', async () => {
    await twoLaptops(async (a, b, dirs) => {
      const bookA = new NotebookService(a);
      const forum = bookA.createForum(gwangjuForum);
      bookA.createNote(forum.id, { body: { id: 'isi asli' } });
      const { bytes } = await sendForum(a, forum.id);
      await receiveForum(b, bytes);
      await b.flush();
      const file = join(dirs[1] as string, 'forums', `${forum.id}.json`);
      const before = await readFile(file);
      const truncated = bytes.subarray(0, bytes.length - 20);
      const tampered = Buffer.from(bytes);
      tampered.writeUInt8(tampered.readUInt8(tampered.length - 30) ^ 1, tampered.length - 30);
      for (const bad of [truncated, tampered, Buffer.from('{"not":"a forum"}'), Buffer.alloc(0)]) {
        await expect(receiveForum(b, bad)).rejects.toMatchObject({ code: 'share-file-invalid' });
      }
      await b.flush();
      expect((await readFile(file)).equals(before)).toBe(true);
    });
  });

  it('encrypts with a passphrase: the right one merges, a wrong or missing one is refused', async () => {
    await twoLaptops(async (a, b) => {
      const bookA = new NotebookService(a);
      const forum = bookA.createForum(gwangjuForum);
      bookA.createNote(forum.id, { body: { id: 'catatan rahasia delegasi' } });
      const { bytes } = await sendForum(a, forum.id, 'kata sandi bersama');
      expect(bytes.includes(Buffer.from('rahasia'))).toBe(false);
      await expect(receiveForum(b, bytes)).rejects.toMatchObject({
        code: 'share-file-passphrase',
      });
      await expect(receiveForum(b, bytes, 'salah')).rejects.toMatchObject({
        code: 'share-file-wrong-passphrase',
      });
      expect(b.forumIds()).toEqual([]);
      await receiveForum(b, bytes, 'kata sandi bersama');
      expect((b.forum(forum.id) as ForumDocument).notes[0]?.body.id).toBe(
        'catatan rahasia delegasi',
      );
    });
  });
});
