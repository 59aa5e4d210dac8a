import * as A from '@automerge/automerge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForumDocument, Note } from '../../../electron/common/domain/forum-schema';
import { SharedForum } from '../../../electron/node/sync/shared-forum';
import type { SyncFiles } from '../../../electron/node/sync/sync-files';
import { noteRecord } from '../../support/forums';

/**
 * In-process peers, each a forum view with its SharedForum (the same code a workspace
 * runs, with a change log that keeps nothing), editing offline and exchanging whole
 * documents as Send and Receive do, under random partitions that finally heal.
 */

const noFiles = {
  compact: async () => undefined,
  append: async () => undefined,
  logBytes: 0,
} as unknown as SyncFiles;

const at = '2026-11-29T10:00:00.000Z';

function startingView(): ForumDocument {
  return {
    schemaVersion: 3,
    forum: {
      id: 'forum-1',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      name: { id: 'Forum', en: 'Forum' },
      acronym: 'F',
      edition: '',
      city: 'Gwangju',
      country: 'KR',
      venue: '',
      startDate: null,
      endDate: null,
      timeZone: 'Asia/Seoul',
      theme: { id: '', en: '' },
      hostOrganisation: { id: '', en: '' },
    },
    sessions: [],
    notes: [0, 1].map((n) => noteRecord(`seed-${n}`, `awal${n} tengah${n} akhir${n}`)),
    clauseDocuments: [],
    clauses: [],
    commitments: [],
    report: {} as ForumDocument['report'],
    noteHistory: [],
  } as ForumDocument;
}

interface Peer {
  view: ForumDocument;
  shared: SharedForum;
}

type Op =
  | { kind: 'insert'; peer: number; note: number; at: number }
  | { kind: 'delete'; peer: number; note: number; at: number }
  | { kind: 'add'; peer: number }
  | { kind: 'title'; peer: number; value: string }
  | { kind: 'trash'; peer: number; note: number }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'partition'; groups: number[] };

const opArb = (peers: number): fc.Arbitrary<Op> => {
  const peer = fc.nat({ max: peers - 1 });
  const index = fc.nat({ max: 50 });
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ kind: fc.constant('insert' as const), peer, note: index, at: index }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('delete' as const), peer, note: index, at: index }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), peer }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('title' as const),
        peer,
        value: fc.constantFrom('WHRCF', 'Forum HAM', 'Gwangju 2017'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('trash' as const), peer, note: index }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('sync' as const), from: peer, to: peer }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('partition' as const),
        groups: fc.array(fc.nat({ max: 2 }), { minLength: peers, maxLength: peers }),
      }),
    },
  );
};

async function save(peer: Peer): Promise<void> {
  await peer.shared.persist(peer.view);
}

function receive(into: Peer, from: Peer): void {
  // As a file travels: the whole document saved, loaded on the other side, merged.
  const bytes = from.shared.save(from.view);
  into.shared.merge(into.view, A.load(bytes));
}

const sharedPart = (view: ForumDocument) => {
  const { noteHistory: _h, sync: _s, ...rest } = view as ForumDocument & { sync?: unknown };
  return JSON.parse(JSON.stringify(rest)) as unknown;
};

describe('shared forums under random partitions (fast-check)', () => {
  it('2–5 peers end with identical forums, and every inserted word survives unless deleted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 5 })
          .chain((peers) =>
            fc.tuple(fc.constant(peers), fc.array(opArb(peers), { minLength: 5, maxLength: 60 })),
          ),
        async ([count, ops]) => {
          const first = startingView();
          const origin = await SharedForum.create(noFiles, first);
          const peers: Peer[] = [{ view: first, shared: origin }];
          for (let i = 1; i < count; i++) {
            const shared = await SharedForum.adopt(noFiles, A.load(A.save(origin.doc)));
            const view = shared.view({ schemaVersion: 3, noteHistory: [] });
            shared.prime(view);
            peers.push({ view, shared });
          }
          let groups = peers.map(() => 0);
          const inserted = new Set<string>();
          const deleted = new Set<string>();
          let counter = 0;
          for (const op of ops) {
            if (op.kind === 'partition') {
              groups = op.groups;
              continue;
            }
            if (op.kind === 'sync') {
              if (op.from !== op.to && groups[op.from] === groups[op.to])
                receive(peers[op.to] as Peer, peers[op.from] as Peer);
              continue;
            }
            const peer = peers[op.peer] as Peer;
            const notes = peer.view.notes;
            if (op.kind === 'add') {
              const word = `baru${op.peer}x${counter++}`;
              notes.push(noteRecord(`n-${op.peer}-${counter}`, word));
              inserted.add(word);
            } else if (op.kind === 'title') {
              peer.view.forum.acronym = op.value;
            } else if (notes.length > 0) {
              const target = notes[op.note % notes.length] as Note;
              const words = target.body.id.split(' ').filter(Boolean);
              if (op.kind === 'trash') target.deletedAt = at;
              else if (op.kind === 'insert') {
                const word = `kata${op.peer}x${counter++}`;
                words.splice(op.at % (words.length + 1), 0, word);
                inserted.add(word);
              } else if (words.length > 0) {
                const [gone] = words.splice(op.at % words.length, 1);
                if (gone) deleted.add(gone);
              }
              target.body.id = words.join(' ');
            }
            await save(peer);
          }
          // Heal: everyone meets everyone, in a ring twice over.
          for (let round = 0; round < 2; round++)
            for (let i = 0; i < peers.length; i++)
              receive(peers[(i + 1) % peers.length] as Peer, peers[i] as Peer);
          const expected = sharedPart((peers[0] as Peer).view);
          for (const peer of peers) expect(sharedPart(peer.view)).toEqual(expected);
          const text = (peers[0] as Peer).view.notes.map((n) => n.body.id).join(' ');
          for (const word of inserted) {
            if (!deleted.has(word)) expect(text).toContain(word);
          }
          // Every note ever added is still there (a trashed one is kept, marked).
          const ids = new Set((peers[0] as Peer).view.notes.map((n) => n.id));
          for (const peer of peers)
            for (const n of peer.view.notes) expect(ids.has(n.id)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});

describe('concurrent typing in one note', () => {
  const twoPeers = async (text: string) => {
    const first = startingView();
    (first.notes[0] as Note).body.id = text;
    const origin = await SharedForum.create(noFiles, first);
    const shared = await SharedForum.adopt(noFiles, A.load(A.save(origin.doc)));
    const view = shared.view({ schemaVersion: 3, noteHistory: [] });
    shared.prime(view);
    return [
      { view: first, shared: origin },
      { view, shared },
    ] as const;
  };
  const bodyOf = (peer: Peer) => (peer.view.notes[0] as Note).body.id;
  const type = async (peer: Peer, text: string) => {
    (peer.view.notes[0] as Note).body.id = text;
    await save(peer);
  };

  it('a word typed before a word a colleague deletes arrives whole (the case fast-check found)', async () => {
    const [a, b] = await twoPeers('tengah1 kata0x0 akhir1');
    await type(a, 'tengah1 kata0x1 kata0x0 akhir1');
    await type(b, 'tengah1 akhir1');
    receive(a, b);
    receive(b, a);
    expect(bodyOf(a)).toBe('tengah1 kata0x1 akhir1');
    expect(bodyOf(b)).toBe(bodyOf(a));
  });

  it('emoji and other characters outside the basic plane merge whole', async () => {
    const [a, b] = await twoPeers('Salam 😀 dari Gwangju');
    await type(a, 'Salam 😁 dari Gwangju');
    await type(b, 'Salam 😀 dari Gwangju, Korea 🇰🇷');
    receive(a, b);
    receive(b, a);
    expect(bodyOf(a)).toBe('Salam 😁 dari Gwangju, Korea 🇰🇷');
    expect(bodyOf(b)).toBe(bodyOf(a));
  });
});
