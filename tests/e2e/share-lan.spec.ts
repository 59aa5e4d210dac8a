import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The built CLI, as a delegate runs it; every listener is on loopback only.
const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
      for (const listener of listeners) listener();
    }),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          listeners.delete(check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(new Error(`exited before ${pattern}:\n${output}`));
        }
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

const check = (workspace: string) =>
  spawnSync(process.execPath, [cli, 'check', '--workspace', workspace], { env, encoding: 'utf8' });

const runOnce = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });

/** A forum's notes as its JSON on disk holds them: author and Indonesian side. */
async function notesOnDisk(workspace: string, forumId: string): Promise<string[]> {
  const stored = JSON.parse(
    await readFile(join(workspace, 'forums', `${forumId}.json`), 'utf8'),
  ) as {
    data: { notes: { author: string; body: { id: string } }[] };
  };
  return stored.data.notes.map((n) => `${n.author}: ${n.body.id}`).sort();
}

test('three workspaces over loopback: pairing, kill -9 and return without the code, wrong code refused, check passes everywhere', async () => {
  test.setTimeout(300_000);
  const timer = setTimeout(() => {
    for (const process of running) process.child.kill('SIGKILL');
  }, 280_000);
  const root = await mkdtemp(join(tmpdir(), 'risalah-lan-'));
  const [a, b, c, d] = ['ayu', 'budi', 'citra', 'dodi'].map((name) => join(root, name)) as [
    string,
    string,
    string,
    string,
  ];
  const running: Running[] = [];
  const start = (args: string[]) => {
    const process = run(args);
    running.push(process);
    return process;
  };
  try {
    expect(spawnSync(process.execPath, [cli, 'demo', '--workspace', a], { env }).status).toBe(0);
    // Ayu shares one of the two example forums with the delegation; the other stays private.
    const forums = JSON.parse(runOnce(['forums', '--json', '--workspace', a]).stdout) as {
      id: string;
      acronym: string;
    }[];
    const shared = forums.find((f) => f.acronym === 'WHRCF 2017')?.id ?? '';
    const privateForum = forums.find((f) => f.id !== shared)?.id ?? '';
    const sent = runOnce([
      'share',
      'send',
      '--forum',
      shared,
      '--out',
      join(root, 'x.risalah'),
      '--workspace',
      a,
    ]);
    expect(sent.status, sent.stderr).toBe(0);
    const host = start(['share', 'host', '--bind', '127.0.0.1', '--workspace', a, '--name', 'Ayu']);
    const address = (await host.waitFor(/Address: (127\.0\.0\.1:\d+)/))[1] ?? '';
    const code = (await host.waitFor(/Pairing code: (\d{4}-\d{4})/))[1] ?? '';
    const invitation = (await host.waitFor(/which carries: (risalah-join:\S+)/))[1] ?? '';

    // Budi types the address and the code.
    const budi = start([
      'share',
      'join',
      address,
      '--code',
      code,
      '--workspace',
      b,
      '--name',
      'Budi',
    ]);
    await budi.waitFor(/Connected to the delegation host Ayu/);
    await host.waitFor(/Budi connected from 127\.0\.0\.1/);
    // The shared forum comes to Budi's laptop, with its notes and who wrote them.
    await budi.waitFor(new RegExp(`Received “[^”]+” from the delegation \\(id ${shared}\\)`));
    await budi.waitFor(/new note by Chusnunia: /);

    // Citra scans the QR code (its text carries address, fingerprint and code).
    const citra = start(['share', 'join', invitation, '--workspace', c, '--name', 'Citra']);
    await citra.waitFor(/Connected to the delegation host Ayu/);
    await host.waitFor(/Citra connected/);

    // Citra's laptop dies in the middle of receiving the forum; she comes back without the code.
    citra.child.kill('SIGKILL');
    await citra.exited;
    await host.waitFor(/Citra disconnected/);
    const again = start(['share', 'join', address, '--workspace', c, '--name', 'Citra']);
    await again.waitFor(/Connected to the delegation host Ayu/);
    // Whatever the kill left, her laptop ends with the forum (kept or received again).
    await again.waitFor(
      new RegExp(
        `Shared with the delegation, and kept in step here: |Received “[^”]+” from the delegation \\(id ${shared}\\)`,
      ),
    );
    const state = JSON.parse(await readFile(join(c, 'sync', 'lan.json'), 'utf8')) as {
      hosts: { name: string }[];
    };
    expect(state.hosts.map((h) => h.name)).toEqual(['Ayu']);

    // Someone with a wrong code is refused, and the host says so.
    const wrong = code === '0000-0000' ? '1111-1111' : '0000-0000';
    const dodi = start(['share', 'join', address, '--code', wrong, '--workspace', d]);
    expect(await dodi.exited).toBe(1);
    expect(dodi.output()).toContain('refused the pairing code');
    await host.waitFor(/A wrong pairing code was tried from 127\.0\.0\.1/);
    // Nobody but Budi, Citra and Citra again was admitted.
    expect(host.output().match(/ connected from /g)).toHaveLength(3);

    // Joining someone who was never paired needs the code.
    const noCode = start(['share', 'join', address, '--workspace', d]);
    expect(await noCode.exited).toBe(1);
    expect(noCode.output()).toContain('has not been paired with the host');

    for (const process of running) process.child.kill('SIGTERM');
    await Promise.all(running.map((process) => process.exited));
    for (const workspace of [a, b, c]) {
      const result = check(workspace);
      expect(result.status, result.stdout + result.stderr).toBe(0);
    }
    // The same notes, with their authors, on every laptop; the private forum only on Ayu's.
    const ayuNotes = await notesOnDisk(a, shared);
    expect(ayuNotes.length).toBeGreaterThan(3);
    for (const workspace of [b, c]) {
      expect(await notesOnDisk(workspace, shared)).toEqual(ayuNotes);
      const theirs = JSON.parse(runOnce(['forums', '--json', '--workspace', workspace]).stdout) as {
        id: string;
      }[];
      expect(theirs.map((f) => f.id)).toEqual([shared]);
      expect(theirs.map((f) => f.id)).not.toContain(privateForum);
    }
  } catch (error) {
    // What each process printed is the only trace of a multi-process failure.
    const outputs = running.map((process) => process.output()).join('\n----\n');
    throw new Error(`${String(error)}\n${outputs}`);
  } finally {
    clearTimeout(timer);
    for (const process of running) process.child.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  }
});

test('share join refuses a malformed address or code with a clear message', async () => {
  test.setTimeout(120_000);
  const root = await mkdtemp(join(tmpdir(), 'risalah-lan-'));
  try {
    const badAddress = run([
      'share',
      'join',
      'not an address',
      '--code',
      '1234-5678',
      '--workspace',
      root,
    ]);
    expect(await badAddress.exited).toBe(2);
    expect(badAddress.output()).toContain('is not a host address');
    const badCode = run([
      'share',
      'join',
      '127.0.0.1:47800',
      '--code',
      '12ab',
      '--workspace',
      root,
    ]);
    expect(await badCode.exited).toBe(2);
    expect(badCode.output()).toContain('is not a pairing code');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
