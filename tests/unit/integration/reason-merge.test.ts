import { describe, expect, it } from 'vitest';
import type { Clause } from '../../../electron/common/domain/forum-schema';
import { gwangjuForum } from '../../support/forums';
import { agreementIn, twoMembers } from './laptops';
import { pageOn, receive } from './page';

/**
 * A position's reason rewritten on both laptops: the delegate's words are written, and the
 * colleague's reason they replaced is kept in the clause's history with its author, where
 * the delegate sees it and can put it back. Before, it was kept nowhere.
 */

const REASON = 'Sejalan dengan RPJMD.';
const ANIS = 'Sejalan dengan RPJMD 2016–2021 dan Perda HAM.';
const BUDIS = 'Belum dibahas dengan Bappeda; menunggu rapat pimpinan.';

describe('a position reason rewritten on both laptops', () => {
  it('keeps the colleague reason in the clause history with its author; the page says so and puts it back', async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      const { clause } = await agreementIn(a, forum.id);
      await a.call('share.start', { forumId: forum.id });
      await a.call('clauses.position', {
        forumId: forum.id,
        id: clause.id,
        position: { stance: 'supports', reason: { id: REASON, en: 'In line with the plan.' } },
      });
      await receive(a, b, forum.id);
      const page = pageOn(a);
      await page.getState().loadAgreement(forum.id);
      const seen = page.getState().agreement?.clauses[0]?.position?.reason ?? { id: '', en: '' };

      // Budi rewrites the reason on his laptop; it reaches Ani's while she rewrites it too.
      await b.call('clauses.position', {
        forumId: forum.id,
        id: clause.id,
        position: { stance: 'supports', reason: { id: BUDIS, en: 'In line with the plan.' } },
      });
      await receive(b, a, forum.id);
      await page
        .getState()
        .setPosition(
          clause.id,
          { stance: 'supports', reason: { ...seen, id: ANIS } },
          { reason: seen },
        );

      const after = a.ws.forum(forum.id).clauses[0] as Clause;
      expect(after.position?.reason.id).toBe(ANIS);
      const kept = after.versions.find((v) => v.field === 'reason');
      expect(kept).toMatchObject({ kind: 'merge', sides: ['id'], author: 'Budi Santoso' });
      expect(kept?.text.id).toBe(BUDIS);
      expect(page.getState().toast?.message).toEqual({ key: 'reasonMergedPartly', sticky: true });

      // From the clause's history, as the dialog does: Budi's reason is back, Ani's is kept.
      await page.getState().restoreClauseVersion(clause.id, kept?.id ?? '', ['id']);
      const restored = a.ws.forum(forum.id).clauses[0] as Clause;
      expect(restored.position?.reason).toEqual({ id: BUDIS, en: 'In line with the plan.' });
      expect(restored.text.en).toBe(clause.text.en);
      expect(restored.versions.filter((v) => v.field === 'reason').map((v) => v.text.id)).toContain(
        ANIS,
      );
      // It travels: Budi's laptop ends with the same reason.
      await receive(a, b, forum.id);
      expect((b.ws.forum(forum.id).clauses[0] as Clause).position?.reason.id).toBe(BUDIS);
    });
  });
});

describe('the travel report narrative rewritten on both laptops', () => {
  const RESULTS = 'Delegasi mengikuti sidang pleno dan dua sesi paralel.';
  const MINE = 'Delegasi mengikuti sidang pleno, dua sesi paralel, dan kunjungan lapangan.';
  const BUDIS = 'Tidak ada kegiatan; acara dibatalkan karena topan.';

  it("keeps the colleague's replaced text in the report's history, after a reload, and puts it back", async () => {
    await twoMembers(async (a, b) => {
      const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
      await a.call('share.start', { forumId: forum.id });
      await a.call('report.update', {
        forumId: forum.id,
        patch: { results: { id: RESULTS, en: '' } },
      });
      await receive(a, b, forum.id);
      const page = pageOn(a);
      await page.getState().loadReport(forum.id);

      page.getState().editReport({ results: { id: MINE, en: '' } });
      await b.call('report.update', {
        forumId: forum.id,
        patch: { results: { id: BUDIS, en: '' } },
      });
      await receive(b, a, forum.id);
      for (let i = 0; i < 5; i++) {
        await page.getState().flushReport();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(page.getState().toast?.message).toEqual({ key: 'reportMergedPartly', sticky: true });

      // The page is reloaded: the notice is gone, the history is not.
      const reloaded = pageOn(a);
      await reloaded.getState().loadReport(forum.id);
      expect(reloaded.getState().report?.results.id).toBe(MINE);
      const kept = reloaded.getState().reportHistory.find((v) => v.kind === 'merge');
      expect(kept).toMatchObject({
        field: 'results',
        side: 'id',
        text: BUDIS,
        author: 'Budi Santoso',
      });
      await reloaded.getState().restoreReportVersion(kept?.id ?? '');
      expect(reloaded.getState().report?.results.id).toBe(BUDIS);
      const report = await a.call<{ results: { id: string } }>('report.get', { forumId: forum.id });
      expect(report.results.id).toBe(BUDIS);
      // What the restore replaced (Ani's text) is kept in turn.
      expect(reloaded.getState().reportHistory.map((v) => v.text)).toContain(MINE);
    });
  });
});
