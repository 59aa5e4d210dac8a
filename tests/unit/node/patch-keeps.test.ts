import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../electron/common/domain/workspace-schema';
import type { Commitment, Session } from '../../../electron/common/domain/forum-schema';
import { gwangjuForum } from '../../support/forums';
import { agreementIn, withLaptop } from '../integration/laptops';

/**
 * A change sends only the fields it changes (a form since it sends what the delegate changed,
 * a status picked on a card, the CLI): every other field must stay as it was. With Zod 4 a
 * patch schema made by `partial()` filled in each left-out field's default, so marking a
 * commitment done emptied its evidence and follow-up steps, and retitling a session dropped
 * its room and speakers.
 */
describe('a change to some fields of a record keeps the others', () => {
  it('a commitment marked done keeps its evidence and follow-up steps', async () => {
    await withLaptop(async (laptop) => {
      const forum = await laptop.call<{ id: string }>('forums.create', gwangjuForum);
      const { commitment } = await agreementIn(laptop, forum.id);
      await laptop.call('commitments.update', {
        forumId: forum.id,
        id: commitment.id,
        patch: {
          evidence: 'Perbup Lampung Timur No. 48/2016',
          steps: [
            {
              id: 'step-1',
              text: { id: 'Rapat koordinasi OPD', en: 'Coordination meeting' },
              done: true,
            },
          ],
        },
      });
      const done = await laptop.call<Commitment>('commitments.update', {
        forumId: forum.id,
        id: commitment.id,
        patch: { status: 'done' },
      });
      expect(done.status).toBe('done');
      expect(done.evidence).toBe('Perbup Lampung Timur No. 48/2016');
      expect(done.steps.map((s) => s.text.id)).toEqual(['Rapat koordinasi OPD']);
    });
  });

  it('a session retitled keeps its room and speakers; a forum renamed keeps its edition', async () => {
    await withLaptop(async (laptop) => {
      const forum = await laptop.call<{ id: string }>('forums.create', {
        ...gwangjuForum,
        edition: '7th',
      });
      const session = await laptop.call<Session>('sessions.create', {
        forumId: forum.id,
        session: {
          title: { id: 'Pembukaan', en: 'Opening' },
          kind: 'plenary',
          start: '2017-09-14T10:00',
          end: '2017-09-14T12:00',
          room: 'Convention Hall',
          speakers: ['Yoon Jang-hyun'],
        },
      });
      const retitled = await laptop.call<Session>('sessions.update', {
        forumId: forum.id,
        id: session.id,
        patch: { title: { id: 'Upacara Pembukaan', en: 'Opening Ceremony' } },
      });
      expect(retitled.room).toBe('Convention Hall');
      expect(retitled.speakers).toEqual(['Yoon Jang-hyun']);
      const renamed = await laptop.call<{ edition: string; acronym: string }>('forums.update', {
        forumId: forum.id,
        patch: { acronym: 'WHRCF 7' },
      });
      expect(renamed.edition).toBe('7th');
    });
  });

  it('a sensitive contact stays sensitive, with its details, when one field changes', async () => {
    await withLaptop(async (laptop) => {
      const contact = await laptop.call<Contact>('contacts.create', {
        contact: {
          name: 'Kim Min-ji',
          organisation: { id: 'Pusat HAM Gwangju', en: 'Gwangju Human Rights Center' },
          position: { id: '', en: '' },
          sensitive: true,
          emails: [{ value: 'minji@example.org', type: 'work' }],
          notes: 'Met at the side event',
        },
      });
      const tagged = await laptop.call<Contact>('contacts.update', {
        id: contact.id,
        patch: { tags: ['activist'] },
      });
      expect(tagged.tags).toEqual(['activist']);
      expect(tagged.sensitive).toBe(true);
      expect(tagged.emails.map((e) => e.value)).toEqual(['minji@example.org']);
      expect(tagged.notes).toBe('Met at the side event');
    });
  });
});
