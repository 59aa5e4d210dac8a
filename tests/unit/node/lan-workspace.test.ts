import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { LanHost } from '../../../electron/node/sync/lan/lan-host';
import { LanJoiner } from '../../../electron/node/sync/lan/lan-joiner';
import { memoryLanState } from '../../../electron/node/sync/lan/lan-state';
import { WorkspaceShare } from '../../../electron/node/sync/lan/workspace-share';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

/**
 * Real workspaces on the local network (loopback): the shared forums of a workspace travel
 * through the LAN adapters, each change merged into the other workspace through the same
 * durable path as a received file; a private forum never leaves.
 */

const LOOPBACK = '127.0.0.1';
const closers: (() => unknown)[] = [];
const closeAll = async () => {
  for (const close of closers.splice(0).reverse()) await close();
};
afterEach(closeAll);

/** Two workspace folders, everything opened in them closed before they are removed. */
const twoFolders = (run: (a: string, b: string) => Promise<void>) =>
  withTempDir((a) =>
    withTempDir(async (b) => {
      try {
        await run(a, b);
      } finally {
        await closeAll();
      }
    }),
  );

async function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function openLaptop(dir: string, head: string) {
  const workspace = await Workspace.open(dir, { holder: 'test', debounceMs: 5 });
  closers.push(() => workspace.close());
  const notebook = new NotebookService(workspace);
  notebook.updateProfile({ headName: head });
  return { workspace, notebook };
}

/** The notes of a forum as its JSON file on disk holds them. */
async function notesOnDisk(dir: string, forumId: string): Promise<string[]> {
  const stored = JSON.parse(await readFile(join(dir, 'forums', `${forumId}.json`), 'utf8')) as {
    data: { notes: { author: string; body: { id: string } }[] };
  };
  return stored.data.notes.map((n) => `${n.author}: ${n.body.id}`).sort();
}

const texts = (workspace: Workspace, forumId: string) =>
  workspace
    .forum(forumId)
    .notes.map((n) => `${n.author}: ${n.body.id}`)
    .sort();

describe('shared forums of real workspaces over the LAN', () => {
  it('a note written on one laptop reaches the other, saved; a private forum never travels', async () => {
    await twoFolders(async (dirA, dirB) => {
      const ayu = await openLaptop(dirA, 'Ayu');
      const budi = await openLaptop(dirB, 'Budi');
      const shared = ayu.notebook.createForum(gwangjuForum);
      const secret = ayu.notebook.createForum({
        ...gwangjuForum,
        name: { id: 'Rapat internal', en: 'Internal meeting' },
      });
      ayu.notebook.createNote(secret.id, { body: { id: 'Tidak untuk dibagikan' } });
      ayu.notebook.createNote(shared.id, { body: { id: 'Catatan pertama Ayu' } });
      await ayu.workspace.shareForum(shared.id);

      const host = await LanHost.start({
        state: memoryLanState(),
        bindAddress: LOOPBACK,
        name: 'Ayu',
      });
      closers.push(() => host.close());
      const merged: string[] = [];
      const ayuShare = new WorkspaceShare(ayu.workspace, host, {
        onMerged: (forumId) => {
          ayu.notebook.forumReplaced(forumId);
          merged.push(`ayu:${forumId}`);
        },
      });
      closers.push(() => ayuShare.close());
      const joiner = new LanJoiner({
        state: memoryLanState(),
        name: 'Budi',
        invitation: { ...host.address, code: host.pairingCode },
        reconnectMinMs: 50,
      });
      closers.push(() => joiner.close());
      const budiShare = new WorkspaceShare(budi.workspace, joiner, {
        onMerged: (forumId, _summary, added) => {
          budi.notebook.forumReplaced(forumId);
          merged.push(`budi:${forumId}:${added ? 'added' : 'merged'}`);
        },
      });
      closers.push(() => budiShare.close());

      // The shared forum is adopted by Budi's laptop, with its note and its author.
      await until(() => budi.workspace.forumIds().includes(shared.id), 'the forum on Budi');
      expect(budi.workspace.isShared(shared.id)).toBe(true);
      expect(texts(budi.workspace, shared.id)).toEqual(['Ayu: Catatan pertama Ayu']);
      await until(() => merged.includes(`budi:${shared.id}:added`), 'the adoption reported');

      // Ayu writes during the session: the note is on Budi's disk shortly after.
      ayu.notebook.createNote(shared.id, { body: { id: 'Catatan kedua Ayu' } });
      await until(
        () => texts(budi.workspace, shared.id).includes('Ayu: Catatan kedua Ayu'),
        "Ayu's second note on Budi",
      );
      await budiShare.idle();
      await budi.workspace.flush();
      expect(await notesOnDisk(dirB, shared.id)).toContain('Ayu: Catatan kedua Ayu');
      // Budi's search finds it.
      const hits = budi.notebook.query('kedua');
      expect(hits.groups.flatMap((g) => g.hits).length).toBeGreaterThan(0);

      // Budi writes back; both laptops end with the same notes.
      budi.notebook.createNote(shared.id, { body: { id: 'Catatan Budi' } });
      const all = ['Ayu: Catatan kedua Ayu', 'Ayu: Catatan pertama Ayu', 'Budi: Catatan Budi'];
      await until(
        () => JSON.stringify(texts(ayu.workspace, shared.id)) === JSON.stringify(all),
        "Budi's note on Ayu",
      );
      await ayuShare.idle();
      await ayu.workspace.flush();
      expect(await notesOnDisk(dirA, shared.id)).toEqual(all);

      // The private forum never left Ayu's laptop.
      expect(budi.workspace.forumIds()).toEqual([shared.id]);
      expect(budi.workspace.forum(shared.id).notes.some((n) => n.body.id.includes('Tidak'))).toBe(
        false,
      );

      // A forum shared later starts travelling at once.
      await ayu.workspace.shareForum(secret.id);
      await until(() => budi.workspace.forumIds().includes(secret.id), 'the forum shared later');
      expect(texts(budi.workspace, secret.id)).toEqual(['Ayu: Tidak untuk dibagikan']);
    });
  }, 90_000);

  it('a forum received by file travels on over the LAN afterwards', async () => {
    await twoFolders(async (dirA, dirB) => {
      const ayu = await openLaptop(dirA, 'Ayu');
      const budi = await openLaptop(dirB, 'Budi');
      const forum = ayu.notebook.createForum(gwangjuForum);
      ayu.notebook.createNote(forum.id, { body: { id: 'Catatan Ayu' } });
      await ayu.workspace.shareForum(forum.id);
      // Budi got the forum by file first (Receive shares it on his laptop too).
      const { receiveForum, sendForum } = await import('../../../electron/node/sync/exchange');
      await receiveForum(budi.workspace, (await sendForum(ayu.workspace, forum.id)).bytes);
      const copy = budi.workspace.forum(forum.id);
      expect(copy.notes).toHaveLength(1);
      const host = await LanHost.start({
        state: memoryLanState(),
        bindAddress: LOOPBACK,
        name: 'Ayu',
      });
      closers.push(() => host.close());
      const ayuShare = new WorkspaceShare(ayu.workspace, host);
      closers.push(() => ayuShare.close());
      const joiner = new LanJoiner({
        state: memoryLanState(),
        name: 'Budi',
        invitation: { ...host.address, code: host.pairingCode },
        reconnectMinMs: 50,
      });
      closers.push(() => joiner.close());
      const budiShare = new WorkspaceShare(budi.workspace, joiner);
      closers.push(() => budiShare.close());
      // Joined later: Ayu's next note reaches the copy that came by file.
      ayu.notebook.createNote(forum.id, { body: { id: 'Catatan baru Ayu' } });
      await until(
        () => budi.workspace.forum(forum.id).notes.some((n) => n.body.id === 'Catatan baru Ayu'),
        'the next note on the copy received by file',
      );
    });
  }, 90_000);
});
