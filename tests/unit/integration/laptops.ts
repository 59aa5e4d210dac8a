import type { ApiResult } from '../../../electron/common/api/types';
import type {
  Clause,
  Commitment,
  ForumDocument,
} from '../../../electron/common/domain/forum-schema';
import type { DelegationProfile } from '../../../electron/common/domain/workspace-schema';
import { createHandlers } from '../../../electron/node/api/handlers';
import { dispatch } from '../../../electron/node/api/dispatch';
import type { ApiHandlers } from '../../../electron/node/api/dispatch';
import { EventBus } from '../../../electron/node/api/event-bus';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { receiveForum, sendForum } from '../../../electron/node/sync/exchange';
import { withTempDir } from '../../support/temp-dir';

/** One laptop: its workspace and its API, as both transports reach it (contract, handlers). */
export interface Laptop {
  ws: Workspace;
  notebook: NotebookService;
  events: EventBus;
  raw: (channel: string, input: unknown) => Promise<ApiResult<unknown>>;
  call: <T>(channel: string, input: unknown) => Promise<T>;
  /** The error code of a call that must fail. */
  fails: (channel: string, input: unknown) => Promise<string>;
}

export async function openLaptop(dir: string): Promise<Laptop> {
  const ws = await Workspace.open(dir, { holder: 'test', debounceMs: 5 });
  const notebook = new NotebookService(ws);
  const events = new EventBus();
  const handlers = createHandlers({
    workspace: ws,
    notebook,
    agreement: new AgreementService(ws, notebook.search),
    contacts: new ContactsService(ws, notebook.search),
    events,
  }) as ApiHandlers;
  const raw = (channel: string, input: unknown): Promise<ApiResult<unknown>> =>
    dispatch(handlers, channel, input, () => {});
  return {
    ws,
    notebook,
    events,
    raw,
    call: async <T>(channel: string, input: unknown) => {
      const result = await raw(channel, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail ?? ''}`);
      return result.value as T;
    },
    fails: async (channel, input) => {
      const result = await raw(channel, input);
      if (result.ok) throw new Error(`${channel} should have failed`);
      return result.error.code;
    },
  };
}

/** A laptop on a workspace of its own, closed after `run`. */
export async function withLaptop(run: (laptop: Laptop) => Promise<void>, dir?: string) {
  const open = async (at: string) => {
    const laptop = await openLaptop(at);
    try {
      await run(laptop);
    } finally {
      await laptop.ws.close();
    }
  };
  await (dir ? open(dir) : withTempDir(open));
}

/** Two laptops of one delegation, each with its own profile: Ani on A, Budi on B. */
export async function twoMembers(run: (a: Laptop, b: Laptop) => Promise<void>) {
  await withLaptop((a) =>
    withLaptop(async (b) => {
      await a.call('profile.update', { headName: 'Ani Lestari' });
      await b.call('profile.update', { headName: 'Ani Lestari' });
      await a.call('members.save', { member: { name: 'Ani Lestari', nip: '1' } });
      await a.call('members.save', { member: { name: 'Budi Santoso', nip: '2' } });
      const profileB = await b.call<DelegationProfile>('members.save', {
        member: { name: 'Budi Santoso', nip: '2' },
      });
      await b.call('settings.update', { meMemberId: profileB.members[0]?.id });
      await run(a, b);
    }),
  );
}

/** *Send to a colleague* on one laptop, *Receive* on the other: what came in. */
export const exchange = async (from: Laptop, to: Laptop, forumId: string) =>
  (await receiveForum(to.ws, (await sendForum(from.ws, forumId)).bytes)).summary;

/** The forum as it travels: without this laptop's own note history and sync state. */
export const sharedView = (ws: Workspace, id: string) => {
  const {
    noteHistory: _h,
    reportHistory: _r,
    sync: _s,
    ...rest
  } = ws.forum(id) as ForumDocument & { sync?: unknown };
  return JSON.parse(JSON.stringify(rest)) as unknown;
};

/** A clause document with one clause, and a commitment answering it, on laptop `on`. */
export async function agreementIn(on: Laptop, forumId: string) {
  const document = await on.call<{ id: string }>('clauseDocuments.create', {
    forumId,
    document: {
      title: { id: 'Deklarasi Gwangju', en: 'Gwangju Declaration' },
      kind: 'declaration',
      authoritativeLanguage: 'en',
      status: 'adopted',
      source: '',
    },
  });
  await on.call('clauses.apply', {
    forumId,
    documentId: document.id,
    language: 'en',
    items: [{ number: '1', text: 'Cities protect human rights.' }],
  });
  const clause = on.ws.forum(forumId).clauses[0] as Clause;
  const commitment = await on.call<Commitment>('commitments.create', {
    forumId,
    commitment: {
      statement: { id: 'Menyusun RAD HAM', en: 'Draft a regional action plan' },
      clauseIds: [clause.id],
      responsible: { unit: 'Bagian Hukum' },
      dueDate: '2018-03-31',
      status: 'planned',
    },
  });
  return { clause, commitment };
}
