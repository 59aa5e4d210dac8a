import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../electron/common/domain/notebook-views';
import type { NoteVersion } from '../../../electron/common/domain/forum-schema';
import { mergeText } from '../../../electron/node/notebook/merge-text';
import { gwangjuForum } from '../../support/forums';
import { agreementIn, twoMembers } from './laptops';
import { pageOn, receive } from './page';
import type { Laptop } from './laptops';

/**
 * A note open on one laptop while a colleague's change to it comes in. The page sends the
 * whole side it shows; before, that side replaced the colleague's words. Now each patch says
 * what it was typed on, and the host carries the edit onto what it holds.
 */

const OPENING = 'Pembukaan oleh Wali Kota Gwangju.';
const BUDI_ADDS = 'Budi: delegasi Korea mengusulkan rencana aksi bersama.';
const POSTPONED = 'Rapat ditunda sampai besok pagi.';
const ANI_ADDS = 'Ani: Lampung Timur mendukung usulan itu.';

describe('a change carried onto a text that moved meanwhile', () => {
  it('keeps a colleague sentence added elsewhere, and both edits', () => {
    const base = `${OPENING}\n\nSesi pleno.`;
    const mine = `${OPENING}\n\n${ANI_ADDS}\n\nSesi pleno.`;
    const current = `${OPENING}\n\nSesi pleno.\n\n${BUDI_ADDS}`;
    expect(mergeText(base, mine, current)).toEqual({
      text: `${OPENING}\n\n${ANI_ADDS}\n\nSesi pleno.\n\n${BUDI_ADDS}`,
      clean: true,
    });
  });

  it('keeps a deletion made on the page where the colleague did not write', () => {
    const base = 'Satu dua tiga. Empat lima enam.';
    const mine = 'Satu dua tiga.';
    const current = 'Nol. Satu dua tiga. Empat lima enam.';
    expect(mergeText(base, mine, current)).toEqual({ text: 'Nol. Satu dua tiga.', clean: true });
  });

  it('says when a change cannot find its words: the colleague rewrote them', () => {
    const mine = 'Rapat ditunda sampai besok pagi pukul sembilan.';
    const current = 'Sidang batal; tidak ada jadwal pengganti.';
    expect(mergeText(POSTPONED, mine, current).clean).toBe(false);
  });

  it('never puts a change on words that are only alike: the colleague reordered them', () => {
    const base = 'Menyusun rencana aksi daerah HAM bersama forum warga desa.';
    const mine = base.replace('rencana aksi daerah HAM', 'RANHAM kabupaten');
    const current = base.replace('rencana aksi daerah HAM', 'rencana aksi HAM daerah');
    // Fuzzy matching placed the rewrite over the colleague's words and ate a space.
    expect(mergeText(base, mine, current)).toEqual({ text: current, clean: false });
  });

  it('takes the page text when nothing moved, or when both already agree', () => {
    expect(mergeText('a', 'ab', 'a')).toEqual({ text: 'ab', clean: true });
    expect(mergeText('a', 'ab', 'ab')).toEqual({ text: 'ab', clean: true });
    expect(mergeText('a', 'a', 'ac')).toEqual({ text: 'ac', clean: true });
  });
});

/** Lets the page's answers and the event's refresh settle. */
const settle = async (page: ReturnType<typeof pageOn>) => {
  for (let i = 0; i < 5; i++) {
    await page.getState().flushNote();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

async function sharedNote(a: Laptop, b: Laptop) {
  const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
  await a.call('share.start', { forumId: forum.id });
  const note = await a.call<NoteView>('notes.create', {
    forumId: forum.id,
    note: { sessionId: null, body: { id: OPENING, en: '' } },
  });
  await receive(a, b, forum.id);
  const page = pageOn(a);
  await page.getState().loadNotes(forum.id);
  await page.getState().openNote(note.id);
  /** Budi writes the note's Indonesian side on his laptop; it reaches Ani's by file. */
  const budiWrites = async (text: string) => {
    await b.call('notes.update', { forumId: forum.id, id: note.id, patch: { body: { id: text } } });
    await receive(b, a, forum.id);
  };
  return { forumId: forum.id, noteId: note.id, page, budiWrites };
}

describe("a note open on the page while a colleague's change to it arrives", () => {
  it('keeps the colleague words on screen and in the store, and what is typed after', async () => {
    await twoMembers(async (a, b) => {
      const { forumId, noteId, page, budiWrites } = await sharedNote(a, b);

      // Budi adds a sentence on his laptop; it reaches Ani's while her note is open.
      await budiWrites(`${OPENING}\n\n${BUDI_ADDS}`);
      await settle(page);
      expect(page.getState().editing?.body.id).toBe(`${OPENING}\n\n${BUDI_ADDS}`);

      // Ani types at the end of what her screen shows.
      const shown = page.getState().editing?.body.id ?? '';
      page.getState().editNote({ body: { id: `${shown}\n\n${ANI_ADDS}` } });
      await settle(page);
      const stored = await a.call<NoteView>('notes.get', { forumId, id: noteId });
      expect(stored.body.id).toBe(`${OPENING}\n\n${BUDI_ADDS}\n\n${ANI_ADDS}`);
    });
  });

  it('merges what was typed before the change arrived, while the page still showed the old text', async () => {
    await twoMembers(async (a, b) => {
      const { forumId, noteId, page, budiWrites } = await sharedNote(a, b);

      // Ani types; before it is sent, Budi's sentence is merged into her laptop's store.
      page.getState().editNote({ body: { id: `${ANI_ADDS}\n\n${OPENING}` } });
      await budiWrites(`${OPENING}\n\n${BUDI_ADDS}`);
      await settle(page);

      const both = `${ANI_ADDS}\n\n${OPENING}\n\n${BUDI_ADDS}`;
      expect((await a.call<NoteView>('notes.get', { forumId, id: noteId })).body.id).toBe(both);
      // Her screen shows the merged text once what she typed is taken.
      expect(page.getState().editing?.body.id).toBe(both);
      // And it travels back: Budi's laptop ends with the same text.
      await receive(a, b, forumId);
      expect((await b.call<NoteView>('notes.get', { forumId, id: noteId })).body.id).toBe(both);
    });
  });

  it('keeps the typing that could not be placed in the history, says so, and Undo puts it back', async () => {
    await twoMembers(async (a, b) => {
      const { forumId, noteId, page, budiWrites } = await sharedNote(a, b);

      // Budi rewrites the sentence Ani is adding to: her words have nowhere to go.
      await a.call('notes.update', { forumId, id: noteId, patch: { body: { id: POSTPONED } } });
      await receive(a, b, forumId);
      await page.getState().openNote(noteId);
      const mine = 'Rapat ditunda sampai besok pagi pukul sembilan.';
      const budis = 'Sidang batal; tidak ada jadwal pengganti.';
      page.getState().editNote({ body: { id: mine } });
      await budiWrites(budis);
      await settle(page);

      expect(page.getState().toast?.message).toEqual({ key: 'mergedPartly' });
      const history = await a.call<NoteVersion[]>('notes.history', { forumId, id: noteId });
      expect(history.find((v) => v.kind === 'merge')?.text).toBe(mine);

      await page.getState().undoToast();
      await settle(page);
      const stored = await a.call<NoteView>('notes.get', { forumId, id: noteId });
      expect(stored.body.id).toBe(mine);
      // What Undo replaced (Budi's text) is kept in history in turn: nothing is gone.
      const after = await a.call<NoteVersion[]>('notes.history', { forumId, id: noteId });
      expect(after.map((v) => v.text)).toContain(budis);
    });
  });
});

describe("the travel report open on the page while a colleague's change to it arrives", () => {
  const RESULTS_A = 'Delegasi mengikuti sidang pleno dan dua sesi paralel.';
  const RESULTS_B = 'Budi mencatat komitmen kota-kota anggota.';

  async function sharedReport(a: Laptop, b: Laptop) {
    const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
    await a.call('share.start', { forumId: forum.id });
    await a.call('report.update', {
      forumId: forum.id,
      patch: { results: { id: RESULTS_A, en: '' } },
    });
    await receive(a, b, forum.id);
    const page = pageOn(a);
    await page.getState().loadReport(forum.id);
    const budiWrites = async (id: string) => {
      await b.call('report.update', { forumId: forum.id, patch: { results: { id, en: '' } } });
      await receive(b, a, forum.id);
    };
    const stored = async () =>
      (await a.call<{ results: { id: string } }>('report.get', { forumId: forum.id })).results.id;
    const settleReport = async () => {
      for (let i = 0; i < 5; i++) {
        await page.getState().flushReport();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    return { page, budiWrites, stored, settleReport };
  }

  it('shows the colleague paragraph, and keeps it under what is typed before and after it came', async () => {
    await twoMembers(async (a, b) => {
      const { page, budiWrites, stored, settleReport } = await sharedReport(a, b);
      // Ani adds a sentence at the start; before it is sent Budi's paragraph arrives.
      page.getState().editReport({ results: { id: `Ringkasan. ${RESULTS_A}`, en: '' } });
      await budiWrites(`${RESULTS_A}\n\n${RESULTS_B}`);
      await settleReport();
      const both = `Ringkasan. ${RESULTS_A}\n\n${RESULTS_B}`;
      expect(await stored()).toBe(both);
      expect(page.getState().report?.results.id).toBe(both);

      // Budi adds another line to his text (Ani's sentence has not reached him); Ani's page,
      // idle, shows it merged, and her next edit keeps it.
      await budiWrites(`${RESULTS_A}\n\n${RESULTS_B}\n\nPenutup.`);
      await settleReport();
      expect(page.getState().report?.results.id).toBe(`${both}\n\nPenutup.`);
      page.getState().editReport({
        results: { id: `${both}\n\nPenutup.`, en: 'Summary.' },
      });
      await settleReport();
      expect(await stored()).toBe(`${both}\n\nPenutup.`);
    });
  });

  it('keeps the typing when the colleague rewrote the same words, says so, and Undo puts theirs back', async () => {
    await twoMembers(async (a, b) => {
      const { page, budiWrites, stored, settleReport } = await sharedReport(a, b);
      const mine = 'Delegasi mengikuti sidang pleno, dua sesi paralel, dan kunjungan lapangan.';
      const budis = 'Tidak ada kegiatan; acara dibatalkan karena topan.';
      page.getState().editReport({ results: { id: mine, en: '' } });
      await budiWrites(budis);
      await settleReport();
      expect(await stored()).toBe(mine);
      expect(page.getState().toast?.message).toEqual({ key: 'reportMergedPartly', sticky: true });
      await page.getState().undoToast();
      await settleReport();
      expect(await stored()).toBe(budis);
      expect(page.getState().report?.results.id).toBe(budis);
    });
  });
});

describe("the agreement and commitments on the page when a colleague's change arrives", () => {
  it('shows the colleague clause document and commitment without leaving the tab', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      await a.call('share.start', { forumId: forum.id });
      await receive(a, b, forum.id);
      const page = pageOn(a);
      await page.getState().loadAgreement(forum.id);
      await page.getState().loadCommitments(forum.id);

      await b.call('clauseDocuments.create', {
        forumId: forum.id,
        document: {
          title: { id: 'Deklarasi Gwangju 2017', en: 'Gwangju Declaration 2017' },
          kind: 'declaration',
          authoritativeLanguage: 'en',
          status: 'read',
        },
      });
      await b.call('commitments.create', {
        forumId: forum.id,
        commitment: {
          statement: { id: 'Membentuk forum warga', en: "Set up a residents' forum" },
          clauseIds: [],
          responsible: { unit: 'Bappeda' },
          dueDate: null,
          status: 'planned',
        },
      });
      await receive(b, a, forum.id);
      await settle(page);

      expect(page.getState().agreement?.documents.map((d) => d.title.en)).toContain(
        'Gwangju Declaration 2017',
      );
      expect(page.getState().commitments.map((c) => c.statement.en)).toContain(
        "Set up a residents' forum",
      );
    });
  });
});

describe('a clause text or a position reason edited while a colleague changed it', () => {
  it('keeps the colleague words and the edit, for the text and the reason', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const { clause } = await agreementIn(a, forum.id);
      await a.call('share.start', { forumId: forum.id });
      await a.call('clauses.position', {
        forumId: forum.id,
        id: clause.id,
        position: { stance: 'supports', reason: { id: 'Sejalan dengan RPJMD.', en: '' } },
      });
      await receive(a, b, forum.id);
      const page = pageOn(a);
      await page.getState().loadAgreement(forum.id);
      const shown = page.getState().agreement?.clauses[0];
      const text = shown?.text ?? { id: '', en: '' };
      const reason = shown?.position?.reason ?? { id: '', en: '' };

      // Budi adds to both on his laptop; it reaches Ani's while she edits what she saw.
      await b.call('clauses.update', {
        forumId: forum.id,
        id: clause.id,
        patch: { text: { en: `${text.en} Budi: and defend their defenders.` } },
      });
      await b.call('clauses.position', {
        forumId: forum.id,
        id: clause.id,
        position: { stance: 'supports', reason: { id: `${reason.id} Budi setuju.`, en: '' } },
      });
      await receive(b, a, forum.id);
      await page
        .getState()
        .updateClause(clause.id, { text: { ...text, en: `Ani: ${text.en}` } }, { text });
      await page
        .getState()
        .setPosition(
          clause.id,
          { stance: 'supports', reason: { ...reason, id: `Ani: ${reason.id}` } },
          { reason },
        );

      const after = a.ws.forum(forum.id).clauses[0];
      expect(after?.text.en).toBe(`Ani: ${text.en} Budi: and defend their defenders.`);
      expect(after?.position?.reason.id).toBe(`Ani: ${reason.id} Budi setuju.`);
    });
  });
});
