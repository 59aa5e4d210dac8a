import { describe, expect, it } from 'vitest';
import type { ForumDocument, Session } from '../../../electron/common/domain/forum-schema';
import type {
  FieldConflict,
  ForumDetail,
  NoteSummary,
  NoteView,
} from '../../../electron/common/domain/notebook-views';
import type { DelegationProfile } from '../../../electron/common/domain/workspace-schema';
import { buildBrief } from '../../../electron/node/export/brief';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';
import { agreementIn, exchange, openLaptop, sharedView, twoMembers } from '../integration/laptops';
import type { Laptop } from '../integration/laptops';
import { receiveForum, sendForum } from '../../../electron/node/sync/exchange';

/** A forum on laptop `a` with one session (no times), as the agenda makes it. */
async function forumWithSession(
  a: Laptop,
  session: { title: { id: string; en: string }; kind: string; coveredBy?: unknown[] },
) {
  const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
  const made = await a.call<Session>('sessions.create', {
    forumId: forum.id,
    session: { start: null, end: null, ...session },
  });
  return { forum, session: made };
}

describe('"me" on each laptop', () => {
  it('is the chosen member, else the only one, else the head of delegation', async () => {
    await withTempDir(async (dir) => {
      const a = await openLaptop(dir);
      try {
        const book = new NotebookService(a.ws);
        await a.call('profile.update', { headName: 'Kepala Delegasi' });
        expect(book.me()).toEqual({ memberId: null, name: 'Kepala Delegasi' });
        const one = await a.call<DelegationProfile>('members.save', {
          member: { name: 'Ani' },
        });
        expect(book.me().name).toBe('Ani');
        const two = await a.call<DelegationProfile>('members.save', {
          member: { name: 'Budi' },
        });
        // Two members, none chosen, neither the head: the head's name, as before members.
        expect(book.me()).toEqual({ memberId: null, name: 'Kepala Delegasi' });
        const budi = two.members.find((m) => m.name === 'Budi');
        await a.call('settings.update', { meMemberId: budi?.id });
        expect(book.me()).toEqual({ memberId: budi?.id, name: 'Budi' });
        // Someone not in the profile cannot be "me".
        expect(await a.fails('settings.update', { meMemberId: 'nobody' })).toBe('not-found');
        expect(book.me().name).toBe('Budi');
        await a.call('settings.update', { meMemberId: null });
        expect(book.me().name).toBe('Kepala Delegasi');
        expect(one.members).toHaveLength(1);
      } finally {
        await a.ws.close();
      }
    });
  });

  it('stays on this laptop: the setting never enters the shared forum', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      await exchange(a, b, forum.id);
      await exchange(b, a, forum.id);
      const meA = a.ws.data.settings.meMemberId;
      const doc = JSON.stringify(a.ws.sharedDoc(forum.id));
      expect(doc).not.toContain('meMemberId');
      expect(a.ws.data.settings.meMemberId).toBe(meA);
    });
  });
});

describe('who covers which session', () => {
  it('is set with the session, names the members, and refuses someone unknown', async () => {
    await twoMembers(async (a) => {
      const profile = await a.call<DelegationProfile>('profile.get', {});
      const [ani, budi] = profile.members;
      const { forum, session } = await forumWithSession(a, {
        title: { id: 'Sesi paralel A', en: 'Parallel session A' },
        kind: 'workshop',
        coveredBy: [budi?.id],
      });
      expect(session.coveredBy).toEqual([{ memberId: budi?.id, name: 'Budi Santoso' }]);
      const updated = await a.call<Session>('sessions.update', {
        forumId: forum.id,
        id: session.id,
        patch: { coveredBy: [ani?.id, budi?.id] },
      });
      expect(updated.coveredBy?.map((r) => r.name)).toEqual(['Ani Lestari', 'Budi Santoso']);
      expect(
        await a.fails('sessions.update', {
          forumId: forum.id,
          id: session.id,
          patch: { coveredBy: ['someone-else'] },
        }),
      ).toBe('not-found');
    });
  });

  it("travels: a colleague's laptop names the members it does not know, and keeps them on edit", async () => {
    await twoMembers(async (a, b) => {
      const profile = await a.call<DelegationProfile>('profile.get', {});
      const ani = profile.members[0];
      const { forum, session } = await forumWithSession(a, {
        title: { id: 'Pleno', en: 'Plenary' },
        kind: 'plenary',
        coveredBy: [ani?.id],
      });
      await exchange(a, b, forum.id);
      const atB = await b.call<ForumDetail>('forums.get', { forumId: forum.id });
      expect(atB.sessions[0]?.coveredBy).toEqual([{ memberId: ani?.id, name: 'Ani Lestari' }]);
      // B adds itself and keeps Ani, whom B's profile does not hold.
      const budiB = (await b.call<DelegationProfile>('profile.get', {})).members[0];
      const edited = await b.call<Session>('sessions.update', {
        forumId: forum.id,
        id: session.id,
        patch: { coveredBy: [ani?.id, budiB?.id] },
      });
      expect(edited.coveredBy?.map((r) => r.name)).toEqual(['Ani Lestari', 'Budi Santoso']);
    });
  });
});

describe('authorship', () => {
  it("a colleague's side of a note shows the colleague after a merge, both ways", async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const note = await a.call<NoteView>('notes.create', {
        forumId: forum.id,
        note: { body: { id: 'Wali Kota membuka forum.' } },
      });
      expect(note.author).toBe('Ani Lestari');
      expect(note.bodyAuthors?.id?.name).toBe('Ani Lestari');
      await exchange(a, b, forum.id);
      await b.call('notes.update', {
        forumId: forum.id,
        id: note.id,
        patch: { body: { en: 'The Mayor opened the forum.' } },
      });
      await exchange(b, a, forum.id);
      const atA = await a.call<NoteView>('notes.get', { forumId: forum.id, id: note.id });
      expect(atA.bodyAuthors?.id?.name).toBe('Ani Lestari');
      expect(atA.bodyAuthors?.en?.name).toBe('Budi Santoso');
      const list = await a.call<NoteSummary[]>('notes.list', { forumId: forum.id });
      expect(list[0]?.authors).toEqual(['Ani Lestari', 'Budi Santoso']);
      expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));
    });
  });

  it('a commitment and a position say who last changed them', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const { clause, commitment } = await agreementIn(a, forum.id);
      await exchange(a, b, forum.id);
      await b.call('commitments.update', {
        forumId: forum.id,
        id: commitment.id,
        patch: { status: 'in-progress' },
      });
      await b.call('clauses.position', {
        forumId: forum.id,
        id: clause.id,
        position: { stance: 'supports', reason: { id: '', en: '' } },
      });
      await exchange(b, a, forum.id);
      const view = a.ws.forum(forum.id);
      expect(view.commitments[0]?.changedBy?.name).toBe('Budi Santoso');
      expect(view.clauses[0]?.position?.changedBy?.name).toBe('Budi Santoso');
    });
  });
});

describe('conflicts, stated', () => {
  it('two members set the same fields apart: one value everywhere, the other named and choosable', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const session = await a.call<Session>('sessions.create', {
        forumId: forum.id,
        session: { title: { id: 'Pleno', en: 'Plenary' }, kind: 'plenary', start: null, end: null },
      });
      const { clause, commitment } = await agreementIn(a, forum.id);
      await exchange(a, b, forum.id);
      // Apart: each sets the same fields differently.
      const ref = { forumId: forum.id };
      await a.call('commitments.update', { ...ref, id: commitment.id, patch: { status: 'done' } });
      await b.call('commitments.update', {
        ...ref,
        id: commitment.id,
        patch: { status: 'dropped', dueDate: '2018-06-30' },
      });
      await a.call('commitments.update', {
        ...ref,
        id: commitment.id,
        patch: { dueDate: '2018-01-31' },
      });
      await a.call('sessions.update', {
        ...ref,
        id: session.id,
        patch: { title: { id: 'Pleno', en: 'Opening plenary' } },
      });
      await b.call('sessions.update', {
        ...ref,
        id: session.id,
        patch: { title: { id: 'Pleno', en: 'Plenary session' } },
      });
      const none = { id: '', en: '' };
      await a.call('clauses.position', {
        ...ref,
        id: clause.id,
        position: { stance: 'commits', reason: none },
      });
      await b.call('clauses.position', {
        ...ref,
        id: clause.id,
        position: { stance: 'takes-note', reason: none },
      });
      // Either order of exchange.
      const fromA = (await sendForum(a.ws, forum.id)).bytes;
      const fromB = (await sendForum(b.ws, forum.id)).bytes;
      await receiveForum(a.ws, fromB);
      await receiveForum(b.ws, fromA);
      expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));

      const atA = (await a.call<ForumDetail>('forums.get', ref)).conflicts ?? [];
      const atB = (await b.call<ForumDetail>('forums.get', ref)).conflicts ?? [];
      expect(atA).toEqual(atB);
      const find = (kind: string, field: string) =>
        atA.find((c) => c.kind === kind && c.field === field) as FieldConflict;
      const status = find('commitment', 'status');
      const values = [status.current, ...status.others];
      expect(values).toHaveLength(2);
      expect(values).toEqual(
        expect.arrayContaining([
          { value: 'done', by: 'Ani Lestari' },
          { value: 'dropped', by: 'Budi Santoso' },
        ]),
      );
      // What every laptop shows is the value that won.
      const view = a.ws.forum(forum.id);
      expect(view.commitments[0]?.status).toBe(status.current.value);
      expect(find('commitment', 'dueDate').others).toHaveLength(1);
      const title = find('session', 'title.en');
      expect([title.current.value, title.others[0]?.value].sort()).toEqual([
        'Opening plenary',
        'Plenary session',
      ]);
      expect(atA.some((c) => c.field === 'title.id')).toBe(false);
      const stance = find('clause', 'stance');
      expect([stance.current, ...stance.others]).toEqual(
        expect.arrayContaining([
          { value: 'commits', by: 'Ani Lestari' },
          { value: 'takes-note', by: 'Budi Santoso' },
        ]),
      );

      // B chooses the value that lost; A keeps the title that won. Both travel.
      const loser = status.others[0]?.value;
      await b.call('conflicts.resolve', {
        ...ref,
        kind: 'commitment',
        id: commitment.id,
        field: 'status',
        value: loser,
      });
      await b.call('conflicts.resolve', {
        ...ref,
        kind: 'clause',
        id: clause.id,
        field: 'stance',
        value: stance.others[0]?.value,
      });
      const afterA = await a.call<ForumDetail>('conflicts.resolve', {
        ...ref,
        kind: 'session',
        id: session.id,
        field: 'title.en',
        value: title.current.value,
      });
      expect(afterA.conflicts?.some((c) => c.field === 'title.en')).toBe(false);
      await exchange(b, a, forum.id);
      await exchange(a, b, forum.id);
      for (const side of [a, b]) {
        const left = (await side.call<ForumDetail>('forums.get', ref)).conflicts ?? [];
        expect(left.map((c) => c.field)).toEqual(['dueDate']);
        const doc = side.ws.forum(forum.id);
        expect(doc.commitments[0]?.status).toBe(loser);
        expect(doc.clauses[0]?.position?.stance).toBe(stance.others[0]?.value);
        expect(doc.sessions[0]?.title.en).toBe(title.current.value);
      }
      expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));
    });
  });

  it('a forum that is not shared has no conflicts, and refuses a choice', async () => {
    await twoMembers(async (a) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const detail = await a.call<ForumDetail>('forums.get', { forumId: forum.id });
      expect(detail.conflicts).toBeUndefined();
      expect(
        await a.fails('conflicts.resolve', {
          forumId: forum.id,
          kind: 'commitment',
          id: 'x',
          field: 'status',
          value: 'done',
        }),
      ).toBe('not-shared');
    });
  });
});

describe('the travel report names the team', () => {
  it('says per session who covered it and who wrote its notes, a colleague included', async () => {
    await twoMembers(async (a, b) => {
      const profile = await a.call<DelegationProfile>('profile.get', {});
      const ani = profile.members[0];
      const { forum, session } = await forumWithSession(a, {
        title: { id: 'Lokakarya kota inklusif', en: 'Inclusive cities workshop' },
        kind: 'workshop',
        coveredBy: [ani?.id],
      });
      await exchange(a, b, forum.id);
      await b.call('notes.create', {
        forumId: forum.id,
        note: { sessionId: session.id, body: { id: 'Budi mencatat diskusi kelompok.' } },
      });
      await exchange(b, a, forum.id);
      const brief = buildBrief({
        profile: a.ws.data.profile,
        forum: a.ws.forum(forum.id) as ForumDocument,
        contacts: [],
        template: 'travel-report',
        contactIds: [],
      });
      const text = JSON.stringify(brief);
      expect(text).toContain('Dihadiri oleh Ani Lestari. Catatan disusun oleh Budi Santoso.');
      expect(text).toContain('Covered by Ani Lestari. Notes by Budi Santoso.');
    });
  });
});

describe('a note trashed by one member and edited by another', () => {
  for (const trashedBy of ['the sender', 'the receiver'] as const) {
    it(`is kept out of the Trash and says so (trashed by ${trashedBy})`, async () => {
      await twoMembers(async (a, b) => {
        const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
        const note = await a.call<NoteView>('notes.create', {
          forumId: forum.id,
          note: { body: { id: 'Catatan sesi pleno.' } },
        });
        await exchange(a, b, forum.id);
        const ref = { forumId: forum.id, id: note.id };
        // Apart: one trashes the note, the other goes on writing in it.
        const [trasher, editor] = trashedBy === 'the sender' ? [b, a] : [a, b];
        await trasher.call('notes.delete', ref);
        await editor.call('notes.update', {
          ...ref,
          patch: { body: { id: 'Catatan sesi pleno. Wali Kota menutup sesi.' } },
        });
        // B sends to A (A receives), then A sends back.
        await exchange(b, a, forum.id);
        await exchange(a, b, forum.id);
        for (const side of [a, b]) {
          const kept = await side.call<NoteView>('notes.get', ref);
          expect(kept.deletedAt).toBeNull();
          expect(kept.body.id).toBe('Catatan sesi pleno. Wali Kota menutup sesi.');
          expect(kept.keptFromTrash).toBeTruthy();
        }
        expect(sharedView(a.ws, forum.id)).toEqual(sharedView(b.ws, forum.id));
        // Read and dismissed: the mark goes, the note stays.
        const dismissed = await a.call<NoteView>('notes.update', {
          ...ref,
          patch: { dismissKept: true },
        });
        expect(dismissed.keptFromTrash).toBeNull();
        expect(dismissed.deletedAt).toBeNull();
      });
    });
  }

  it('a note trashed with nothing edited elsewhere stays in the Trash', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const note = await a.call<NoteView>('notes.create', {
        forumId: forum.id,
        note: { body: { id: 'Draf yang tidak dipakai.' } },
      });
      await exchange(a, b, forum.id);
      await b.call('notes.delete', { forumId: forum.id, id: note.id });
      await exchange(b, a, forum.id);
      const atA = await a.call<NoteView>('notes.get', { forumId: forum.id, id: note.id });
      expect(atA.deletedAt).not.toBeNull();
      expect(atA.keptFromTrash ?? null).toBeNull();
    });
  });
});
