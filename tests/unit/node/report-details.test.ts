import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/common/api/types';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';
import { withLaptop } from '../integration/laptops';

type Call = (channel: string, input: unknown) => Promise<ApiResult<unknown>>;

/** The API as both transports reach it: validated by the contract, then the handlers. */
async function withApi(run: (call: Call) => Promise<void>) {
  await withTempDir((dir) => withApiIn(dir, run));
}

async function value<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.detail ?? ''}`);
  return settled.value as T;
}

interface Profile {
  members: { id: string; name: string; nip: string }[];
  letterhead: { logo: string | null; lines: unknown[] };
}
interface Report {
  memberIds: string[];
  assignment: { number: string; date: string | null };
  signatories: { memberId: string | null; name: string; nip: string }[];
  purpose: { id: string; en: string };
}

const member = (name: string, nip = '') => ({
  member: { name, nip, rank: '', position: { id: 'Staf', en: 'Staff' } },
});
// A 1×1 transparent PNG.
const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('report details through the API', () => {
  it('adds, edits, orders members and keeps them after a reopen', async () => {
    await withTempDir(async (dir) => {
      await withApiIn(dir, async (call) => {
        await value(call('members.save', member('Ani', '19800101 200501 2 001')));
        const profile = await value<Profile>(call('members.save', member('Budi')));
        const [ani, budi] = profile.members;
        await value(
          call('members.save', {
            member: { id: ani?.id, name: 'Ani Lestari', nip: '19800101 200501 2 001' },
          }),
        );
        await value(call('members.move', { id: budi?.id, direction: -1 }));
      });
      await withApiIn(dir, async (call) => {
        const profile = await value<Profile>(call('profile.get', {}));
        expect(profile.members.map((m) => [m.name, m.nip])).toEqual([
          ['Budi', ''],
          ['Ani Lestari', '19800101 200501 2 001'],
        ]);
      });
    });
  });

  it('refuses a member without a name, a text too long, and unknown fields', async () => {
    await withApi(async (call) => {
      for (const input of [
        member('   '),
        member('x'.repeat(201)),
        { member: { name: 'Ani', salary: 1 } },
      ]) {
        expect(await call('members.save', input)).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }
      expect((await value<Profile>(call('profile.get', {}))).members).toEqual([]);
    });
  });

  it('keeps a letterhead with a PNG logo, and refuses what is not a PNG or JPEG', async () => {
    await withApi(async (call) => {
      const letterhead = {
        lines: [{ id: 'PEMERINTAH KABUPATEN LAMPUNG TIMUR', en: 'EAST LAMPUNG REGENCY' }],
        address: { id: 'Sukadana', en: 'Sukadana' },
        logo: tinyPng,
      };
      await value(call('letterhead.update', { letterhead }));
      expect((await value<Profile>(call('profile.get', {}))).letterhead).toEqual(letterhead);
      const svg = `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`;
      // Claims to be a PNG but is text: the first bytes decide.
      const lying = `data:image/png;base64,${Buffer.from('hello, not a png').toString('base64')}`;
      const huge = `data:image/png;base64,${'A'.repeat(300_000)}`;
      for (const logo of [svg, lying, huge]) {
        expect(
          await call('letterhead.update', { letterhead: { ...letterhead, logo } }),
        ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      expect((await value<Profile>(call('profile.get', {}))).letterhead.logo).toBe(tinyPng);
    });
  });

  it('saves a forum’s report details, and refuses members who are not in the profile', async () => {
    await withTempDir(async (dir) => {
      let forumId = '';
      await withApiIn(dir, async (call) => {
        const ani = (await value<Profile>(call('members.save', member('Ani')))).members[0];
        forumId = (await value<{ id: string }>(call('forums.create', gwangjuForum))).id;
        await value(
          call('report.update', {
            forumId,
            patch: {
              memberIds: [ani?.id, ani?.id],
              assignment: {
                number: '094/518/SPT/2017',
                date: '2017-09-08',
                issuedBy: { id: 'Bupati', en: 'Regent' },
              },
              purpose: { id: 'Menghadiri forum.', en: '' },
            },
          }),
        );
        expect(
          await call('report.update', { forumId, patch: { memberIds: ['no-such-member'] } }),
        ).toMatchObject({ ok: false, error: { code: 'not-found' } });
        expect(
          await call('report.update', { forumId, patch: { date: '22 September 2017' } }),
        ).toMatchObject({
          ok: false,
          error: { code: 'invalid-input', params: { field: 'patch.date' } },
        });
      });
      await withApiIn(dir, async (call) => {
        const report = await value<Report>(call('report.get', { forumId }));
        expect(report.memberIds).toHaveLength(1);
        expect(report.assignment).toMatchObject({ number: '094/518/SPT/2017', date: '2017-09-08' });
        expect(report.purpose).toEqual({ id: 'Menghadiri forum.', en: '' });
      });
    });
  });

  it('does not remove a member a report lists without asking; once confirmed, the signature stays', async () => {
    await withApi(async (call) => {
      const profile = await value<Profile>(
        call('members.save', member('Ani', '19800101 200501 2 001')),
      );
      const ani = profile.members[0];
      const forumId = (await value<{ id: string }>(call('forums.create', gwangjuForum))).id;
      await value(
        call('report.update', {
          forumId,
          patch: {
            memberIds: [ani?.id],
            signatories: [
              {
                id: 's1',
                memberId: ani?.id ?? null,
                caption: { id: 'Yang melaporkan,', en: 'Reported by,' },
              },
            ],
          },
        }),
      );
      const refused = await call('members.remove', { id: ani?.id });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'member-in-use', params: { name: 'Ani', forums: gwangjuForum.name.id } },
      });
      expect((await value<Profile>(call('profile.get', {}))).members).toHaveLength(1);

      await value(call('members.remove', { id: ani?.id, detach: true }));
      expect((await value<Profile>(call('profile.get', {}))).members).toEqual([]);
      const report = await value<Report>(call('report.get', { forumId }));
      expect(report.memberIds).toEqual([]);
      expect(report.signatories).toMatchObject([
        { memberId: null, name: 'Ani', nip: '19800101 200501 2 001' },
      ]);
    });
  });

  it('drafts the texts from the forum without changing what is stored', async () => {
    await withApi(async (call) => {
      const forumId = (await value<{ id: string }>(call('forums.create', gwangjuForum))).id;
      const drafts = await value<Record<string, { id: string; en: string }>>(
        call('report.draft', { forumId }),
      );
      expect(drafts.purpose?.id).toContain('Gwangju');
      expect(drafts.purpose?.en).toContain('Gwangju');
      expect((await value<Report>(call('report.get', { forumId }))).purpose).toEqual({
        id: '',
        en: '',
      });
    });
  });
});

async function withApiIn(dir: string, run: (call: Call) => Promise<void>) {
  await withLaptop((laptop) => run(laptop.raw), dir);
}
