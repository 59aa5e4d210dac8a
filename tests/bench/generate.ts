import { randomUUID } from 'node:crypto';
import type { Contact } from '../../electron/common/domain/workspace-schema';
import type { Note, Session } from '../../electron/common/domain/forum-schema';
import { Workspace } from '../../electron/node/store/workspace';
import { between, pick, seededRandom } from './random';
import {
  familyNames,
  givenNames,
  objects,
  organisations,
  sessionTitles,
  subjects,
  tails,
  verbs,
} from './vocabulary';

export interface GenerateOptions {
  notes: number;
  forums: number;
  contacts: number;
  seed: number;
}

type Random = () => number;

function sentence(random: Random): [string, string] {
  const s = pick(random, subjects);
  const v = pick(random, verbs);
  const o = pick(random, objects);
  const t = pick(random, tails);
  return [`${s[0]} ${v[0]} ${o[0]} ${t[0]}`, `${s[1]} ${v[1]} ${o[1]} ${t[1]}`];
}

function paragraph(random: Random): { id: string; en: string } {
  const count = between(random, 3, 8);
  const pairs = Array.from({ length: count }, () => sentence(random));
  return { id: pairs.map((p) => p[0]).join(' '), en: pairs.map((p) => p[1]).join(' ') };
}

/**
 * How many notes each forum gets: uneven, 20 to 2,000, summing to the total. The first forum
 * is the largest (2,000 notes from the 10,000 size up), the one the renderer bench opens.
 */
export function forumSizes(total: number, forums: number, random: Random): number[] {
  const largest = Math.min(2000, Math.floor(total / 5));
  const weights = Array.from({ length: forums - 1 }, () => 0.2 + random() * 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - largest;
  const sizes = [
    largest,
    ...weights.map((w) => Math.max(20, Math.min(largest, Math.round((w / sum) * rest)))),
  ];
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 1; diff !== 0; i = (i % (forums - 1)) + 1) {
    const step = diff > 0 ? 1 : -1;
    const next = (sizes[i] ?? 0) + step;
    if (next >= 20 && next <= largest) {
      sizes[i] = next;
      diff -= step;
    }
  }
  return sizes;
}

/**
 * Writes a realistic workspace through the real store: bilingual notes of 3-8 sentences
 * (a third not yet translated), sessions, a declaration with clauses, commitments, contacts.
 */
export async function generateWorkspace(dir: string, options: GenerateOptions): Promise<void> {
  const random = seededRandom(options.seed);
  const workspace = await Workspace.open(dir, { holder: 'bench generator', debounceMs: 60_000 });
  const sizes = forumSizes(options.notes, options.forums, random);
  const base = Date.UTC(2017, 8, 14, 0, 0);
  for (let f = 0; f < options.forums; f++) {
    // The largest forum (the first) is the most recent, so it heads the sidebar.
    const year = 2025 - (f % 15);
    const forum = workspace.createForum({
      name: {
        id: `Forum Kota HAM Sedunia ${year} (${f + 1})`,
        en: `World Human Rights Cities Forum ${year} (${f + 1})`,
      },
      acronym: `WHRCF ${year}`,
      city: f % 3 === 0 ? 'Bandar Lampung' : 'Gwangju',
      country: f % 3 === 0 ? 'ID' : 'KR',
      venue: 'Kim Dae-jung Convention Center',
      startDate: `${year}-09-14`,
      endDate: `${year}-09-17`,
      timeZone: f % 3 === 0 ? 'Asia/Jakarta' : 'Asia/Seoul',
      theme: { id: 'Apakah Kita Hidup Dalam Damai?', en: 'Do We Live in Peace?' },
      hostOrganisation: { id: 'Kota Metropolitan Gwangju', en: 'Gwangju Metropolitan City' },
    });
    const noteCount = sizes[f] ?? 0;
    const stamp = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const sessions: Session[] = Array.from(
      { length: Math.max(4, Math.round(noteCount / 25)) },
      (_, i) => {
        const title = pick(random, sessionTitles);
        const day = 14 + (i % 4);
        return {
          id: randomUUID(),
          createdAt: stamp(i),
          updatedAt: stamp(i),
          deletedAt: null,
          title: { id: title[0], en: title[1] },
          kind:
            i === 0 ? 'opening' : title[1].startsWith('Closing') ? 'closing-ceremony' : 'thematic',
          start: `${year}-09-${day}T${String(9 + (i % 8)).padStart(2, '0')}:00`,
          end: `${year}-09-${day}T${String(10 + (i % 8)).padStart(2, '0')}:30`,
          room: `Hall ${1 + (i % 5)}`,
          speakers: [`${pick(random, givenNames)} ${pick(random, familyNames)}`],
          order: i,
        };
      },
    );
    const notes: Note[] = Array.from({ length: noteCount }, (_, i) => {
      const body = paragraph(random);
      const translated = random() > 0.33;
      return {
        id: randomUUID(),
        createdAt: stamp(i),
        updatedAt: stamp(i),
        deletedAt: null,
        sessionId: pick(random, sessions).id,
        body: { id: body.id, en: translated ? body.en : '' },
        bodyUpdatedAt: { id: stamp(i), en: translated ? stamp(i + 30) : null },
        tags:
          random() > 0.7 ? [pick(random, ['demokrasi', 'inklusi', 'anggaran', 'pembela-ham'])] : [],
        pinned: random() > 0.95,
        author: 'Delegasi Lampung Timur',
      };
    });
    const clauseCount = Math.max(5, Math.round(noteCount / 50));
    const documentId = randomUUID();
    workspace.updateForum(forum.id, (doc) => {
      doc.sessions = sessions;
      doc.notes = notes;
      doc.clauseDocuments = [
        {
          id: documentId,
          createdAt: stamp(0),
          updatedAt: stamp(0),
          deletedAt: null,
          title: { id: `Deklarasi Gwangju ${year}`, en: `Gwangju Declaration ${year}` },
          kind: 'declaration',
          authoritativeLanguage: 'en',
          status: 'adopted',
          source: 'Closing ceremony',
        },
      ];
      doc.clauses = Array.from({ length: clauseCount }, (_, i) => {
        const [id, en] = sentence(random);
        return {
          id: randomUUID(),
          createdAt: stamp(i),
          updatedAt: stamp(i),
          deletedAt: null,
          documentId,
          parentId: null,
          number: String(i + 1),
          order: i,
          text: { id, en },
          tags: [],
          position: null,
          versions: [],
        };
      });
      doc.commitments = doc.clauses
        .slice(0, Math.max(2, Math.round(clauseCount / 4)))
        .map((clause, i) => ({
          id: randomUUID(),
          createdAt: stamp(i),
          updatedAt: stamp(i),
          deletedAt: null,
          statement: { ...clause.text },
          clauseIds: [clause.id],
          responsible: { unit: 'Bagian Hukum Setda', contactId: null },
          dueDate: `${year + 1}-06-30`,
          status: 'planned',
          steps: [],
          evidence: '',
        }));
    });
  }
  const contacts: Contact[] = Array.from({ length: options.contacts }, (_, i) => {
    const org = pick(random, organisations);
    const name = `${pick(random, givenNames)} ${pick(random, familyNames)}`;
    const at = new Date(base + i * 1000).toISOString();
    return {
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      name,
      honorific: pick(random, ['Bapak', 'Ibu', 'Dr.', '']),
      addressAs: '',
      position: { id: 'Staf Ahli', en: 'Adviser' },
      organisation: { id: org[0], en: org[1] },
      country: pick(random, ['ID', 'KR', 'PH', 'FR', 'KZ']),
      city: pick(random, ['Bandar Lampung', 'Gwangju', 'Jakarta', 'Manila']),
      emails: [{ value: `kontak${i}@contoh.or.id`, type: 'work' }],
      phones: [
        {
          value: `+62 812 ${String(1000000 + i).slice(0, 4)} ${String(i).padStart(4, '0')}`,
          type: 'cell',
        },
      ],
      handles: [],
      website: '',
      languages: ['id', 'en'],
      photo: null,
      photoUrl: '',
      birthday: '',
      geo: '',
      uid: '',
      met: [],
      tags: [],
      notes: '',
      sensitive: random() > 0.9,
    };
  });
  workspace.update((doc) => {
    doc.contacts = contacts;
  });
  await workspace.close();
}
