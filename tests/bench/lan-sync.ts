// One process, loopback only: how long one edit on a joiner takes to reach the host over
// the LAN adapters (TLS 1.3, CBOR frames, automerge-repo sync), beside the raw cost of a
// 1 KB round trip over TLS on the same loopback.
import { Repo } from '@automerge/automerge-repo';
import type { DocHandle, DocumentId } from '@automerge/automerge-repo';
import { connect as tlsConnect, createServer } from 'node:tls';
import { LanHost } from '../../electron/node/sync/lan/lan-host';
import { LanJoiner } from '../../electron/node/sync/lan/lan-joiner';
import { ensureIdentity, memoryLanState } from '../../electron/node/sync/lan/lan-state';
import { percentile } from './stats';

const LOOPBACK = '127.0.0.1';
const NOTES = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 40);

interface Forum {
  notes: Record<string, { id: string; en: string }>;
}

const yes = async () => true;
const host = await LanHost.start({ state: memoryLanState(), bindAddress: LOOPBACK, name: 'Host' });
const hostRepo = new Repo({ network: [host], shareConfig: { announce: yes, access: yes } });
const notes: Forum['notes'] = {};
for (let i = 0; i < NOTES; i++) {
  notes[`n${i}`] = { id: `Catatan sesi ${i} tentang kota hak asasi manusia. `.repeat(8), en: '' };
}
const forum = hostRepo.create<Forum>({ notes });
const joiner = new LanJoiner({
  state: memoryLanState(),
  name: 'Member',
  invitation: { ...host.address, code: host.pairingCode },
});
const joinRepo = new Repo({ network: [joiner], shareConfig: { announce: yes, access: yes } });
await joiner.whenConnected();
const mine = await joinRepo.find<Forum>(forum.url);

const arrived = (handle: DocHandle<Forum>, key: string, text: string) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (handle.doc().notes[key]?.en === text) {
        handle.off('change', check);
        resolve();
      }
    };
    handle.on('change', check);
    check();
  });

const syncMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // Apart by more than automerge-repo's 100 ms sync throttle, as a person's edits are.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const key = `n${run % NOTES}`;
  const text = `Edit ${run}: the delegation commits to the clause.`;
  const started = performance.now();
  const done = arrived(forum, key, text);
  mine.change((doc) => {
    const note = doc.notes[key];
    if (note) note.en = text;
  });
  await done;
  syncMs.push(performance.now() - started);
}
void (forum.documentId as DocumentId);

// Raw reference: a 1 KB echo over TLS 1.3 on the same loopback, with the same certificates.
const identity = await ensureIdentity(memoryLanState());
const server = createServer(
  { key: identity.key, cert: identity.cert, minVersion: 'TLSv1.3' },
  (s) => s.pipe(s),
);
await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
const port = (server.address() as { port: number }).port;
const socket = tlsConnect({ host: LOOPBACK, port, rejectUnauthorized: false });
socket.setNoDelay(true);
await new Promise((resolve) => socket.once('secureConnect', resolve));
const payload = Buffer.alloc(1024, 7);
const echoMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  await new Promise<void>((resolve) => {
    let got = 0;
    const onData = (chunk: Buffer) => {
      got += chunk.length;
      if (got >= payload.length) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
    socket.write(payload);
  });
  echoMs.push(performance.now() - started);
}
socket.destroy();
server.close();
joiner.close();
await joinRepo.shutdown();
await hostRepo.shutdown();
await host.close();

process.stdout.write(
  JSON.stringify({
    notes: NOTES,
    runs: RUNS,
    p50: percentile(syncMs, 50),
    p95: percentile(syncMs, 95),
    referenceP50: percentile(echoMs, 50),
    referenceP95: percentile(echoMs, 95),
  }),
);
process.exit(0);
