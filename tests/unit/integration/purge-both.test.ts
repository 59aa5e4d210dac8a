import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../electron/common/domain/notebook-views';
import type { DelegationProfile } from '../../../electron/common/domain/workspace-schema';
import { gwangjuForum } from '../../support/forums';
import { exchange, sharedView, twoMembers, withLaptop } from './laptops';
import type { Laptop } from './laptops';

/**
 * A note deleted for good on one laptop while two others went on writing in it. Each edit
 * brings the note back; before, the first to arrive came back and the second was dropped
 * without a word (its changes went to the deleted note, hidden behind the one brought back).
 */

const OPENING = 'Catatan sesi pleno.';
const BUDI = 'Budi: Wali Kota Gwangju menutup sesi.';
const CITRA = 'Citra: delegasi Korea mengusulkan rencana aksi.';
const CITRA_EN = 'Plenary notes. Citra: the Korean delegation proposed an action plan.';

async function threeLaptops(run: (a: Laptop, b: Laptop, c: Laptop) => Promise<void>) {
  await twoMembers((a, b) =>
    withLaptop(async (c) => {
      await c.call('profile.update', { headName: 'Ani Lestari' });
      const profile = await c.call<DelegationProfile>('members.save', {
        member: { name: 'Citra Dewi', nip: '3' },
      });
      await c.call('settings.update', { meMemberId: profile.members[0]?.id });
      await run(a, b, c);
    }),
  );
}

describe('a note deleted for good while two colleagues edited it', () => {
  for (const [what, citraWrites] of [
    ['the same side', { id: `${OPENING} ${CITRA}` }],
    ['the other side', { en: CITRA_EN }],
  ] as const) {
    it(`keeps both edits on every laptop, and says so (${what})`, async () => {
      await threeLaptops(async (a, b, c) => {
        const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
        const note = await a.call<NoteView>('notes.create', {
          forumId: forum.id,
          note: { body: { id: OPENING, en: 'Plenary notes.' } },
        });
        const ref = { forumId: forum.id, id: note.id };
        await exchange(a, b, forum.id);
        await exchange(a, c, forum.id);

        // Apart: Ani empties the Trash of the note; Budi and Citra each write on in it.
        await a.call('notes.delete', ref);
        await a.call('trash.purge', { kind: 'note', ...ref });
        await b.call('notes.update', { ...ref, patch: { body: { id: `${OPENING} ${BUDI}` } } });
        await c.call('notes.update', { ...ref, patch: { body: citraWrites } });

        // Their files reach Ani one after the other; hers reach them.
        await exchange(b, a, forum.id);
        await exchange(c, a, forum.id);
        await exchange(a, b, forum.id);
        await exchange(a, c, forum.id);
        await exchange(b, c, forum.id);
        await exchange(c, a, forum.id);
        await exchange(a, b, forum.id);

        for (const side of [a, b, c]) {
          const kept = await side.call<NoteView>('notes.get', ref);
          expect(kept.body.id).toContain(BUDI);
          if ('id' in citraWrites) expect(kept.body.id).toContain(CITRA);
          else expect(kept.body.en).toBe(CITRA_EN);
          expect(kept.deletedAt).toBeNull();
          expect(kept.keptFromTrash).toMatchObject({ purged: true, both: true, by: 'Ani Lestari' });
        }
        expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));
        expect(sharedView(a.ws, forum.id)).toEqual(sharedView(c.ws, forum.id));
      });
    });
  }
});

describe('a note deleted for good on one laptop, edited twice apart on the other', () => {
  it('keeps the later edit too, which went to the deleted note while the first brought it back', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const note = await a.call<NoteView>('notes.create', {
        forumId: forum.id,
        note: { body: { id: OPENING, en: 'Plenary notes.' } },
      });
      const ref = { forumId: forum.id, id: note.id };
      await exchange(a, b, forum.id);
      // Budi empties the Trash of it; Ani writes in it and sends her file.
      await b.call('notes.delete', ref);
      await b.call('trash.purge', { kind: 'note', ...ref });
      await a.call('notes.update', { ...ref, patch: { body: { id: `${OPENING} ${BUDI}` } } });
      await exchange(a, b, forum.id);
      // Before Budi's answer comes, she writes the English side.
      await a.call('notes.update', { ...ref, patch: { body: { en: CITRA_EN } } });
      await exchange(b, a, forum.id);
      await exchange(a, b, forum.id);
      for (const side of [a, b]) {
        const kept = await side.call<NoteView>('notes.get', ref);
        expect(kept.body).toEqual({ id: `${OPENING} ${BUDI}`, en: CITRA_EN });
        expect(kept.keptFromTrash).toMatchObject({ purged: true, both: true, by: 'Budi Santoso' });
      }
      expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));
    });
  });
});
