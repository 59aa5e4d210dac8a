// Issue 18's sync target on the bench's 2,000-note shared forum: one edit typed on a joiner
// until the host has merged it and saved it durably, through the real store on both sides
// (change log, view, the forum bridge over the LAN adapters, TLS on loopback). The host runs
// in a process of its own, as on a laptop of its own (this file, started with `--host`). The
// document is loaded on both laptops first (its first-use cost is a row of its own in
// sync.ts); the LAN's start (the forum handed to the Repo) is timed beside `Repo.import` of
// its save.
import { Repo } from '@automerge/automerge-repo';
import * as A from '@automerge/automerge';
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForumDocument } from '../../electron/common/domain/forum-schema';
import { Workspace } from '../../electron/node/store/workspace';
import { ForumRepoBridge } from '../../electron/node/sync/lan/forum-bridge';
import type { BridgedForum } from '../../electron/node/sync/lan/forum-bridge';
import { LanHost } from '../../electron/node/sync/lan/lan-host';
import { LanJoiner } from '../../electron/node/sync/lan/lan-joiner';
import { memoryLanState } from '../../electron/node/sync/lan/lan-state';
import type { ForumDoc } from '../../electron/node/sync/forum-automerge';
import { generateWorkspace } from './generate';
import { percentile } from './stats';

const LOOPBACK = '127.0.0.1';
const NOTES = 2_000;

/** A clock both processes share (milliseconds since the epoch, sub-millisecond). */
const clock = () => performance.timeOrigin + performance.now();

interface Start {
  load: number;
  carry: number;
}

/** One laptop: the workspace, its forum's document loaded, handed to a Repo on `network`. */
async function laptop(
  dir: string,
  forumId: string,
  network: ConstructorParameters<typeof Repo>[0]['network'],
) {
  const ws = await Workspace.open(dir, { holder: 'bench', debounceMs: 300 });
  const loadStart = performance.now();
  await ws.loadShared(forumId);
  const loaded = performance.now();
  const holder: { bridge?: ForumRepoBridge } = {};
  const repo = new Repo({ network, shareConfig: ForumRepoBridge.shareConfig(() => holder.bridge) });
  const bridge = new ForumRepoBridge(repo, { adopt: async () => null });
  holder.bridge = bridge;
  const forum: BridgedForum = {
    forumId,
    current: () => ws.sharedDoc(forumId) as A.Doc<unknown>,
    receive: async (incoming) => {
      await ws.mergeShared(incoming as ForumDoc, forumId);
    },
  };
  bridge.add(forum);
  const start: Start = { load: loaded - loadStart, carry: performance.now() - loaded };
  ws.onSharedChange((change) => {
    if (change.kind === 'saved') bridge.localChanged(change.forumId);
  });
  return { ws, repo, start };
}

type ToHost = { watch: { noteId: string; text: string } } | { close: true };
type FromHost =
  | { ready: { address: LanHost['address']; code: string; start: Start; importMs: number } }
  | { arrived: number }
  | { closed: true };

if (process.argv[2] === '--host') {
  const [dir, forumId] = process.argv.slice(3) as [string, string];
  const send = (message: FromHost) => process.send?.(message);
  const host = await LanHost.start({
    state: memoryLanState(),
    bindAddress: LOOPBACK,
    name: 'Host',
  });
  const atHost = await laptop(dir, forumId, [host]);
  // Raw reference for the LAN start: the forum's save imported into a Repo as `Repo.import`
  // does it (what the bridge did before it handed over a clone).
  const rawRepo = new Repo({ network: [] });
  const importStart = performance.now();
  rawRepo.import(A.save(atHost.ws.sharedDoc(forumId) as A.Doc<unknown>));
  const importMs = performance.now() - importStart;
  await rawRepo.shutdown();
  process.on('message', (message: ToHost) => {
    if ('watch' in message) {
      // Once the host has the edit durably: its change log holds it (`saved`) and its view
      // has the text. Stamped when it happens.
      const { noteId, text } = message.watch;
      const has = () =>
        (atHost.ws.forum(forumId) as ForumDocument).notes
          .find((n) => n.id === noteId)
          ?.body.id.endsWith(text) === true;
      const stop = atHost.ws.onSharedChange((change) => {
        if (change.kind === 'saved' && has()) {
          stop();
          send({ arrived: clock() });
        }
      });
    } else {
      void (async () => {
        await atHost.repo.shutdown();
        await host.close();
        await atHost.ws.close();
        send({ closed: true });
        process.exit(0);
      })();
    }
  });
  send({ ready: { address: host.address, code: host.pairingCode, start: atHost.start, importMs } });
} else {
  const RUNS = Number(process.argv[2] ?? 20);
  const root = await mkdtemp(join(tmpdir(), 'risalah-bench-lan-store-'));
  const hostDir = join(root, 'host');
  const joinDir = join(root, 'joiner');
  await generateWorkspace(hostDir, { notes: NOTES * 5, forums: 5, contacts: 0, seed: 20170914 });
  let forumId = '';
  {
    const ws = await Workspace.open(hostDir, { holder: 'bench' });
    const [largest, ...others] = ws
      .forumIds()
      .sort((a, b) => ws.forum(b).notes.length - ws.forum(a).notes.length);
    for (const id of others) await ws.removeForum(id);
    forumId = largest as string;
    if (ws.forum(forumId).notes.length !== NOTES) throw new Error('unexpected size');
    await ws.shareForum(forumId);
    await ws.close();
  }
  // The joiner has the same forum, as after a first exchange by file.
  await cp(hostDir, joinDir, { recursive: true });

  const child: ChildProcess = fork(process.argv[1] as string, ['--host', hostDir, forumId], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () => new Promise<FromHost>((resolve) => child.once('message', resolve));
  const ready = await next();
  if (!('ready' in ready)) throw new Error('the host did not start');
  const joiner = new LanJoiner({
    state: memoryLanState(),
    name: 'Member',
    invitation: { ...ready.ready.address, code: ready.ready.code },
  });
  const atJoiner = await laptop(joinDir, forumId, [joiner]);
  await joiner.whenConnected();

  const syncMs: number[] = [];
  const saveMs: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    // Apart by more than automerge-repo's 100 ms sync throttle, as a person's edits are.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const note = (atJoiner.ws.forum(forumId) as ForumDocument).notes[(run * 37) % NOTES];
    if (!note) throw new Error('no note');
    const text = ` Suntingan ${run}: delegasi menyetujui klausul.`;
    const arrived = next();
    child.send({ watch: { noteId: note.id, text } } satisfies ToHost);
    // The host is listening before the edit is made.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = clock();
    atJoiner.ws.updateForum(forumId, (view) => {
      const target = view.notes.find((n) => n.id === note.id);
      if (target) target.body.id += text;
    });
    // Saved at once (the app's autosave waits 300 ms after the last key before this).
    await atJoiner.ws.flush();
    const saved = clock();
    const at = await arrived;
    if (!('arrived' in at)) throw new Error('unexpected message from the host');
    if (run >= 2) {
      syncMs.push(at.arrived - started);
      saveMs.push(saved - started);
    }
  }

  joiner.close();
  await atJoiner.repo.shutdown();
  await atJoiner.ws.close();
  const closed = next();
  child.send({ close: true } satisfies ToHost);
  await closed;
  await rm(root, { recursive: true, force: true });
  const starts = [ready.ready.start, atJoiner.start];
  process.stdout.write(
    JSON.stringify({
      notes: NOTES,
      runs: RUNS,
      p50: percentile(syncMs, 50),
      p95: percentile(syncMs, 95),
      saveP50: percentile(saveMs, 50),
      saveP95: percentile(saveMs, 95),
      loadMs: Math.max(...starts.map((s) => s.load)),
      carryMs: Math.max(...starts.map((s) => s.carry)),
      importMs: ready.ready.importMs,
    }),
  );
  process.exit(0);
}
