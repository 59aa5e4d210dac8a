import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../../electron/node/store/document-codec';
import { FORUMS_DIR, Workspace, WORKSPACE_FILE } from '../../../electron/node/store/workspace';
import { bundleChild } from '../../support/bundle-child';
import { withTempDir } from '../../support/temp-dir';

let child: string;
const KILLS = 100;

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, '..', '..', 'support', 'crash-writer.ts'));
}, 60_000);

interface Run {
  saving: number;
  saved: number;
}

/** Starts the writer, lets it save for a random moment after it is ready, then SIGKILLs it. */
function runAndKill(dir: string, random: () => number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { saving: 0, saved: 0 };
    let buffer = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, n] = line.split(' ');
        if (word === 'ready') {
          run.saved = Number(n);
          run.saving = Number(n);
          setTimeout(() => proc.kill('SIGKILL'), Math.floor(random() * 40));
        }
        if (word === 'saving') run.saving = Number(n);
        if (word === 'saved') run.saved = Number(n);
      }
    });
    proc.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(run) : reject(new Error(`writer exited ${code}: ${stderr}`)),
    );
  });
}

/** A small seeded generator, so a failing sequence of kill moments can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('a writer killed with SIGKILL at random moments', () => {
  it(`leaves every document whole: the state before or after a save (${KILLS} kills)`, async () => {
    await withTempDir(async (dir) => {
      const seed = Date.now() % 100_000;
      const random = seeded(seed);
      let killedMidSave = 0;
      for (let i = 0; i < KILLS; i++) {
        const run = await runAndKill(dir, random);
        if (run.saving > run.saved) killedMidSave++;
        const forums = await readdir(join(dir, FORUMS_DIR));
        const forumFiles = forums.filter((name) => name.endsWith('.json'));
        expect(forumFiles, `kill ${i}, seed ${seed}`).toHaveLength(1);
        const forum = decodeDocument(
          await readFile(join(dir, FORUMS_DIR, forumFiles[0] ?? ''), 'utf8'),
        ) as { notes: { body: { en: string } }[] };
        const notes = forum.notes.length;
        expect([run.saved, run.saving], `kill ${i}, seed ${seed}`).toContain(notes);
        // Each state is whole: note n is the n-th written, none half-written.
        forum.notes.forEach((note, n) => expect(note.body.en.startsWith(`${n + 1}:`)).toBe(true));
        const root = decodeDocument(await readFile(join(dir, WORKSPACE_FILE), 'utf8')) as {
          forums: unknown[];
        };
        expect(root.forums).toHaveLength(1);
      }
      // The test means something only if kills landed while a save was under way.
      expect(killedMidSave, `seed ${seed}`).toBeGreaterThan(0);
      // After all that, the workspace opens cleanly, with nothing to recover and no debris.
      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toEqual([]);
      await workspace.close();
      const debris = [...(await readdir(dir)), ...(await readdir(join(dir, FORUMS_DIR)))];
      expect(debris.filter((name) => name.endsWith('.tmp') || name.includes('corrupt'))).toEqual(
        [],
      );
    });
  }, 120_000);

  it('refuses a second process while the writer holds the workspace', async () => {
    // (the writer is the same bundled child as above)
    await withTempDir(async (dir) => {
      const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        await new Promise<void>((resolve) =>
          proc.stdout.on('data', (c: Buffer) => c.toString().includes('saved') && resolve()),
        );
        await expect(Workspace.open(dir, { holder: 'second' })).rejects.toMatchObject({
          code: 'workspace-locked',
          params: { holder: 'crash-writer', pid: proc.pid },
        });
      } finally {
        proc.kill('SIGKILL');
      }
    });
  });
});
