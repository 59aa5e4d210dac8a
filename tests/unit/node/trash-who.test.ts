import { describe, expect, it } from 'vitest';
import type { NoteView, TrashEntry } from '../../../electron/common/domain/notebook-views';
import { gwangjuForum } from '../../support/forums';
import { exchange, sharedView, twoMembers } from '../integration/laptops';
import type { Laptop } from '../integration/laptops';

/**
 * A shared forum's Trash is the delegation's: who moved a note there is recorded with the
 * note, travels with it, and is said in the Trash and when an edit kept it out of the Trash.
 */
describe('who trashed a note', () => {
  it('is recorded, travels, shows in the Trash, and is forgotten when the note comes back', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const note = await a.call<NoteView>('notes.create', {
        forumId: forum.id,
        note: { body: { id: 'Draf yang tidak dipakai.' } },
      });
      const ref = { forumId: forum.id, id: note.id };
      await exchange(a, b, forum.id);
      const trashed = await b.call<NoteView>('notes.delete', ref);
      expect(trashed.trashedBy?.name).toBe('Budi Santoso');
      expect(trashed.trashedBy?.at).toBe(trashed.deletedAt);
      await exchange(b, a, forum.id);
      for (const side of [a, b]) {
        const entry = (await side.call<TrashEntry[]>('trash.list', {})).find(
          (e) => e.id === note.id,
        );
        expect(entry?.deletedBy).toBe('Budi Santoso');
      }
      const back = await a.call<NoteView>('notes.restore', ref);
      expect(back.trashedBy ?? null).toBeNull();
      // Trashed again, here: the Trash names this laptop's member now.
      await a.call('notes.delete', ref);
      const entry = (await a.call<TrashEntry[]>('trash.list', {})).find((e) => e.id === note.id);
      expect(entry?.deletedBy).toBe('Ani Lestari');
    });
  });

  for (const trasher of ['sender', 'receiver'] as const) {
    it(`is named when an edit kept the note out of the Trash (trashed by the ${trasher})`, async () => {
      await twoMembers(async (a, b) => {
        const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
        const note = await a.call<NoteView>('notes.create', {
          forumId: forum.id,
          note: { body: { id: 'Catatan sesi pleno.' } },
        });
        const ref = { forumId: forum.id, id: note.id };
        await exchange(a, b, forum.id);
        const [trashing, editing] = trasher === 'sender' ? [b, a] : [a, b];
        await trashing.call('notes.delete', ref);
        await editing.call('notes.update', {
          ...ref,
          patch: { body: { id: 'Catatan sesi pleno. Wali Kota menutup sesi.' } },
        });
        await exchange(b, a, forum.id);
        await exchange(a, b, forum.id);
        const name = trashing === a ? 'Ani Lestari' : 'Budi Santoso';
        for (const side of [a, b]) {
          const kept = await side.call<NoteView>('notes.get', ref);
          expect(kept.deletedAt).toBeNull();
          expect(kept.keptFromTrash?.by).toBe(name);
          expect(kept.trashedBy ?? null).toBeNull();
        }
      });
    });
  }
});

describe('emptying the Trash of a shared forum', () => {
  const EDITED = 'Catatan sesi pleno. Wali Kota menutup sesi.';

  async function shared(a: Laptop, b: Laptop) {
    const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
    const note = await a.call<NoteView>('notes.create', {
      forumId: forum.id,
      note: { body: { id: 'Catatan sesi pleno.' } },
    });
    await exchange(a, b, forum.id);
    return { forumId: forum.id, ref: { forumId: forum.id, id: note.id } };
  }

  const purge = async (side: Laptop, ref: { forumId: string; id: string }) => {
    await side.call('notes.delete', ref);
    await side.call('trash.purge', { kind: 'note', ...ref });
  };

  for (const purger of ['receiver', 'sender'] as const) {
    it(`brings back a note a colleague edited meanwhile (purged by the ${purger})`, async () => {
      await twoMembers(async (a, b) => {
        const { forumId, ref } = await shared(a, b);
        // Apart: one empties the Trash of the note, the other writes on in it.
        const [purging, editing] = purger === 'receiver' ? [a, b] : [b, a];
        await purge(purging, ref);
        await editing.call('notes.update', { ...ref, patch: { body: { id: EDITED } } });
        await exchange(b, a, forumId);
        await exchange(a, b, forumId);
        const name = purging === a ? 'Ani Lestari' : 'Budi Santoso';
        for (const side of [a, b]) {
          const kept = await side.call<NoteView>('notes.get', ref);
          expect(kept.body.id).toBe(EDITED);
          expect(kept.deletedAt).toBeNull();
          expect(kept.keptFromTrash).toMatchObject({ by: name, purged: true });
          expect(side.ws.forum(forumId).forum.purgedNotes?.[ref.id]).toBeUndefined();
        }
        expect(sharedView(a.ws, forumId)).toEqual(sharedView(b.ws, forumId));
      });
    });
  }

  it('a note purged with nothing edited elsewhere is gone on every laptop', async () => {
    await twoMembers(async (a, b) => {
      const { forumId, ref } = await shared(a, b);
      await purge(b, ref);
      await exchange(b, a, forumId);
      await exchange(a, b, forumId);
      for (const side of [a, b]) {
        expect(side.ws.forum(forumId).notes.some((n) => n.id === ref.id)).toBe(false);
        // What stays is a digest, never the text.
        expect(JSON.stringify(side.ws.forum(forumId))).not.toContain('Catatan sesi pleno');
      }
      expect(sharedView(a.ws, forumId)).toEqual(sharedView(b.ws, forumId));
    });
  });
});
