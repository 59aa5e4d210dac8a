import type { ApiChannel } from '../../../electron/common/api/channels';
import type { ExportFile } from '../../../electron/common/domain/notebook-views';
import { createApiClient } from '../../../renderer/src/api/api-client';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { gwangjuForum } from '../../support/forums';
import { agreementIn } from './laptops';
import type { Laptop } from './laptops';

// Apart from laptops.ts, which the Node tests use too: the page's store needs the DOM's types.
/** The delegate's page (the app's store) on a laptop: the contract, the handlers, the events. */
export function pageOn(laptop: Laptop) {
  const client = createApiClient({
    kind: 'browser',
    invoke: (channel: ApiChannel, input: unknown) => laptop.raw(channel, input),
    subscribe: (listener) => laptop.events.subscribe(listener),
  });
  return createAppStore(client, 'id');
}

/** A colleague sends the forum; this laptop receives it through its API, as *Receive* does. */
export async function receive(from: Laptop, to: Laptop, forumId: string) {
  const file = await from.call<ExportFile>('share.send', { forumId });
  await to.call('share.receive', { base64: file.base64 });
}

/** A forum with an agreement (a clause and a commitment) on laptop A, shared, and on B too. */
export async function sharedAgreement(a: Laptop, b: Laptop) {
  const forum = await a.call<{ id: string }>('forums.create', gwangjuForum);
  const agreement = await agreementIn(a, forum.id);
  await a.call('share.start', { forumId: forum.id });
  await receive(a, b, forum.id);
  return { forum, ...agreement };
}
