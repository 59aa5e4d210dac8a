import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * `risalah share peers` and `risalah share remove-peer ID`, in the built CLI, as a host who
 * has no app open runs them: the laptop removed is told so when it comes back (not that its
 * code was wrong) and stops. Every listener is on loopback only.
 */

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const envFor = (lang: string) => ({ ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' });
const en = envFor('en_US.UTF-8');
const BUDI = 'Budi Santoso';

const once = (args: string[], env = en) =>
  spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });

/** A long-running command whose output is awaited line by line. */
function start(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: en,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp) => {
    await expect.poll(() => pattern.test(output), { timeout: 60_000 }).toBe(true);
    return pattern.exec(output) as RegExpExecArray;
  };
  return { child, exited, waitFor, output: () => output };
}

/** A port free on loopback now, so that the host comes back where the joiner looks. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('share peers lists the paired laptops; remove-peer removes one, which is told so and stops', async () => {
  test.setTimeout(180_000);
  const root = await mkdtemp(join(tmpdir(), 'risalah-peers-'));
  const [ayu, budi] = [join(root, 'ayu'), join(root, 'budi')];
  const processes: ReturnType<typeof start>[] = [];
  try {
    const port = String(await freePort());
    const hostArgs = ['share', 'host', '--bind', '127.0.0.1', '--port', port];
    const host = start([...hostArgs, '--workspace', ayu, '--name', 'Ayu']);
    processes.push(host);
    const address = (await host.waitFor(/Address: (127\.0\.0\.1:\d+)/))[1] ?? '';
    const code = (await host.waitFor(/Pairing code: (\d{4}-\d{4})/))[1] ?? '';
    const joiner = start([
      'share',
      'join',
      address,
      '--code',
      code,
      '--workspace',
      budi,
      '--name',
      BUDI,
    ]);
    processes.push(joiner);
    await host.waitFor(/Budi Santoso connected from 127\.0\.0\.1/);
    await joiner.waitFor(/Connected to the delegation host Ayu/);

    // While hosting, the workspace is open: the host's own panel (or Ctrl+C first) removes.
    const busy = once(['share', 'peers', '--workspace', ayu]);
    expect(busy.status).toBe(1);
    host.child.kill('SIGINT');
    expect(await host.exited).toBe(0);

    // The host lists who paired, in both languages, with the id to remove them by.
    const listed = once(['share', 'peers', '--workspace', ayu]);
    expect(listed.status, listed.stderr).toBe(0);
    const line = new RegExp(`^ {2}([0-9a-f]{12}) {2}${BUDI} {2}\\(paired `, 'm');
    expect(listed.stdout).toMatch(line);
    const id = line.exec(listed.stdout)?.[1] ?? '';
    const listedId = once(['share', 'peers', '--workspace', ayu], envFor('id_ID.UTF-8'));
    expect(listedId.stdout).toContain('Laptop yang telah diterima ruang kerja ini');
    expect(listedId.stdout).toContain(`${id}  ${BUDI}  (disandingkan `);
    const json = JSON.parse(once(['share', 'peers', '--json', '--workspace', ayu]).stdout) as {
      peers: { fingerprint: string; name: string }[];
    };
    expect(json.peers.map((p) => p.name)).toEqual([BUDI]);
    expect(Buffer.from(json.peers[0]?.fingerprint ?? '', 'base64url').toString('hex')).toMatch(
      new RegExp(`^${id}`),
    );

    // Bad input: no id (usage, 2), an id nobody has (1); nothing changes.
    const noId = once(['share', 'remove-peer', '--workspace', ayu]);
    expect(noId.status).toBe(2);
    expect(noId.stderr).toContain('Name the laptop to remove');
    const unknown = once(['share', 'remove-peer', 'zzzzzz', '--workspace', ayu]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No paired laptop has an id starting with “zzzzzz”');
    expect(once(['share', 'peers', '--workspace', ayu]).stdout).toMatch(line);

    const removed = once(['share', 'remove-peer', id, '--workspace', ayu]);
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed ${BUDI} (${id}) from the delegation.`);
    const after = once(['share', 'peers', '--workspace', ayu]);
    expect(after.stdout).toContain('No laptop has paired with this workspace as host yet.');
    expect(after.stdout).toContain('Removed from the delegation');
    expect(after.stdout).toContain(`${id}  ${BUDI}  (removed `);

    // The host comes back on the same address; Budi's laptop, still trying, is told and stops.
    const back = start([...hostArgs, '--workspace', ayu, '--name', 'Ayu']);
    processes.push(back);
    await back.waitFor(/Pairing code: /);
    expect(await joiner.exited).toBe(1);
    expect(joiner.output()).toContain(
      `This laptop was removed from the delegation by the host at ${address}`,
    );
    expect(joiner.output()).not.toContain('refused the pairing code');
    expect(back.output()).not.toMatch(/ connected from /);
    back.child.kill('SIGINT');
    await back.exited;
    for (const workspace of [ayu, budi]) {
      const check = once(['check', '--workspace', workspace]);
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  } catch (error) {
    const outputs = processes.map((p) => p.output()).join('\n----\n');
    throw new Error(`${String(error)}\n${outputs}`);
  } finally {
    for (const p of processes) p.child.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  }
});
