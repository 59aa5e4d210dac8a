import { describe, expect, it } from 'vitest';
import type { NoteView, TrashEntry } from '../../../electron/common/domain/notebook-views';
import { gwangjuForum } from '../../support/forums';
import { exchange, twoMembers } from '../integration/laptops';

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
