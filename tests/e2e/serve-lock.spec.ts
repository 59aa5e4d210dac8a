import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const ROUNDS = 30;

interface Outcome {
  serving: boolean;
  output: string;
  stop: (signal: NodeJS.Signals) => Promise<void>;
}

/** Starts the built `risalah serve`; settles once it serves or has exited. */
function serve(workspace: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', workspace], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let settled = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!settled && /http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(output)) {
        settled = true;
        resolve({ serving: true, output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      resolve({ serving: false, output: `${output}\nexit ${code}`, stop });
    });
  });
}

test('two `risalah serve` started at once on one workspace: exactly one serves, every time', async () => {
  test.setTimeout(240_000);
  const workspace = await mkdtemp(join(tmpdir(), 'risalah-serve-race-'));
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const both = await Promise.all([serve(workspace), serve(workspace)]);
      const serving = both.filter((o) => o.serving);
      expect(serving.length, `round ${round}: ${both.map((o) => o.output).join('\n---\n')}`).toBe(
        1,
      );
      const refused = both.find((o) => !o.serving);
      expect(refused?.output).toContain('This workspace is already open in risalah serve');
      expect(refused?.output).toMatch(/exit 1$/);
      // Every third round the holder crashes, so the next round races for a stale lock.
      await serving[0]?.stop(round % 3 === 0 ? 'SIGKILL' : 'SIGINT');
    }
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
});
