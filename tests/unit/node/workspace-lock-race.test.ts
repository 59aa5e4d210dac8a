import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../electron/node/store/workspace-lock';
import { bundleChild } from '../../support/bundle-child';
import { withTempDir } from '../../support/temp-dir';

let child: string;
const ROUNDS = 500;
const RACERS = 4;

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, '..', '..', 'support', 'lock-racer.ts'));
}, 60_000);

/** One racing process, driven line by line over stdin/stdout. */
class Racer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly #lines: string[] = [];
  readonly #waiting: ((line: string) => void)[] = [];

  constructor(dir: string) {
    this.proc = spawn(process.execPath, [child, dir]);
    this.proc.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
  }

  next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  send(line: string): void {
    this.proc.stdin.write(`${line}\n`);
  }

  kill(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGKILL');
    });
  }
}

const racers: Racer[] = [];
afterEach(async () => {
  await Promise.all(racers.splice(0).map((r) => r.kill()));
});

async function start(dir: string): Promise<Racer> {
  const racer = new Racer(dir);
  racers.push(racer);
  expect(await racer.next()).toBe('ready');
  return racer;
}

describe('the workspace lock, raced by real processes', () => {
  it(`gives it to exactly one of ${RACERS} processes, ${ROUNDS} times, free or left stale by a crash`, async () => {
    await withTempDir(async (dir) => {
      // A lock as a crashed process leaves it: taken, then SIGKILLed.
      const victim = await start(dir);
      victim.send('go 0');
      expect(await victim.next()).toBe('got 0');
      await victim.kill();
      racers.splice(racers.indexOf(victim), 1);
      const crashed = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as {
        nonce: string;
      };
      const team = await Promise.all(Array.from({ length: RACERS }, () => start(dir)));
      const counts = { free: 0, stale: 0, crashed: 0 };
      let kind: keyof typeof counts = 'crashed';
      for (let round = 1; round <= ROUNDS; round++) {
        if (kind !== 'crashed') kind = round % 2 ? 'stale' : 'free';
        if (kind === 'stale') {
          // Each stale round is a different dead lock, as each crash leaves its own.
          await writeFile(
            join(dir, LOCK_FILE),
            JSON.stringify({ ...crashed, nonce: randomUUID() }),
          );
        }
        counts[kind]++;
        for (const racer of team) racer.send(`go ${round}`);
        const answers = await Promise.all(team.map((r) => r.next()));
        const holders = team.filter((_, i) => answers[i] === `got ${round}`);
        expect(
          answers.filter((a) => a.startsWith('error')),
          `round ${round}`,
        ).toEqual([]);
        // Never two holders; and a free or dead lock is always taken by someone.
        expect(holders.length, `round ${round} (${kind}): ${answers.join(', ')}`).toBe(1);
        const holder = holders[0] as Racer;
        const onDisk = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
        expect(onDisk.pid).toBe(holder.proc.pid);
        if (round % 25 === 0) {
          // Crash the holder: the next round races for the lock it leaves behind.
          await holder.kill();
          racers.splice(racers.indexOf(holder), 1);
          team[team.indexOf(holder)] = await start(dir);
          kind = 'crashed';
        } else {
          holder.send(`release ${round}`);
          expect(await holder.next()).toBe(`released ${round}`);
          kind = 'free';
        }
      }
      expect(counts.crashed).toBeGreaterThanOrEqual(ROUNDS / 25 - 1);
      expect(counts.stale).toBeGreaterThan(ROUNDS / 3);
    });
  }, 300_000);
});
