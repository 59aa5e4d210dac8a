import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../electron/common/domain/forum-schema';
import { twoMembers } from './laptops';
import { pageOn, receive, sharedAgreement } from './page';

/**
 * A commitment's form stays open while a colleague's change to its statement arrives (over
 * the network, or a file received meanwhile). Saving the form must carry the delegate's
 * rewording onto the statement as it is now: before, the form's copy replaced it, and the
 * colleague's words were gone without a word.
 */

const BUDI_ADDS = ' bersama Bappeda';
const ANI_ADDS = 'Segera ';

describe('a commitment statement edited in its form while a colleague changes it', () => {
  it("keeps the colleague's words and the delegate's", async () => {
    await twoMembers(async (a, b) => {
      const { forum, commitment } = await sharedAgreement(a, b);

      // Ani opens the commitment's form: what she sees is what she types on.
      const page = pageOn(a);
      await page.getState().loadCommitments(forum.id);
      const opened = page.getState().commitments.find((c) => c.id === commitment.id);
      if (!opened) throw new Error('the commitment is not listed');

      // Budi adds words at the end on his laptop; they reach Ani's while her form is open.
      await b.call('commitments.update', {
        forumId: forum.id,
        id: commitment.id,
        patch: {
          statement: { ...commitment.statement, id: `${commitment.statement.id}${BUDI_ADDS}` },
        },
      });
      await receive(b, a, forum.id);

      // Ani saves her rewording (words put at the start), as the form sends it.
      await page
        .getState()
        .updateCommitment(
          forum.id,
          commitment.id,
          { statement: { ...opened.statement, id: `${ANI_ADDS}${opened.statement.id}` } },
          { statement: opened.statement },
        );

      const after = a.ws.forum(forum.id).commitments.find((c) => c.id === commitment.id);
      expect((after as Commitment).statement.id).toBe(
        `${ANI_ADDS}${commitment.statement.id}${BUDI_ADDS}`,
      );
      expect((after as Commitment).statement.en).toBe(commitment.statement.en);
      // And the same on Budi's laptop once it has Ani's.
      await receive(a, b, forum.id);
      const onB = b.ws.forum(forum.id).commitments.find((c) => c.id === commitment.id);
      expect((onB as Commitment).statement.id).toBe(
        `${ANI_ADDS}${commitment.statement.id}${BUDI_ADDS}`,
      );
    });
  });

  it('where both rewrote the same words, refuses the save, says what it reads now, and writes it once saved again', async () => {
    await twoMembers(async (a, b) => {
      const { forum, commitment } = await sharedAgreement(a, b);
      const page = pageOn(a);
      await page.getState().loadCommitments(forum.id);
      const opened = page.getState().commitments.find((c) => c.id === commitment.id);
      if (!opened) throw new Error('the commitment is not listed');

      // Both rewrite the same words of the Indonesian statement ("RAD HAM"), apart.
      const BUDIS = 'Menyusun rencana aksi daerah hak asasi manusia';
      const ANIS = 'Menyusun RANHAM kabupaten';
      await b.call('commitments.update', {
        forumId: forum.id,
        id: commitment.id,
        patch: { statement: { ...commitment.statement, id: BUDIS } },
      });
      await receive(b, a, forum.id);
      const save = (base: { id: string; en: string }) =>
        page
          .getState()
          .updateCommitment(
            forum.id,
            commitment.id,
            { statement: { ...opened.statement, id: ANIS } },
            { statement: base },
          );

      // Refused, with what it reads now; Budi's statement stands.
      const refusal = await save(opened.statement).then(
        () => null,
        (error: unknown) => error as { payload: { code: string; params: Record<string, string> } },
      );
      expect(refusal?.payload.code).toBe('statement-changed-elsewhere');
      expect(refusal?.payload.params.text).toBe(BUDIS);
      const stored = () =>
        (a.ws.forum(forum.id).commitments.find((c) => c.id === commitment.id) as Commitment)
          .statement.id;
      expect(stored()).toBe(BUDIS);

      // Saved again on what it reads now (as the form does): Ani's text is written.
      await save({
        id: refusal?.payload.params.currentId ?? '',
        en: refusal?.payload.params.currentEn ?? '',
      });
      expect(stored()).toBe(ANIS);
    });
  });
});
