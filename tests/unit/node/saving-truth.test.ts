import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SaveStatus } from '../../../electron/common/api/types';
import { decodeDocument } from '../../../electron/node/store/document-codec';
import { nodeFs } from '../../../electron/node/store/durable-file';
import type { DurableFs } from '../../../electron/node/store/durable-file';
import { FORUMS_DIR, forumKey, Workspace } from '../../../electron/node/store/workspace';
import { bundleChild } from '../../support/bundle-child';
import { gwangjuForum, noteRecord } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

interface ForumOnDisk {
  notes: { id: string; body: { id: string } }[];
}

const readForum = (dir: string, id: string) =>
  decodeDocument(readFileSync(join(dir, FORUMS_DIR, `${id}.json`), 'utf8')) as ForumOnDisk;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A file system whose writes under `dir` fail with `code` while `failing()` says so. */
function faultyFs(dir: string, failing: () => string | null): DurableFs {
  return {
    ...nodeFs,
    open: (async (...args: Parameters<typeof nodeFs.open>) => {
      const code = failing();
      if (code && String(args[0]).startsWith(dir) && args[1] === 'wx')
        throw Object.assign(new Error(code), { code });
      return nodeFs.open(...args);
    }) as typeof nodeFs.open,
  };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await sleep(10);
  }
}

describe('saving under a steady stream of edits', () => {
  it('writes each edit within 1.5 s, however steady the stream (an edit every 200 ms for 10 s)', async () => {
    await withTempDir(async (dir) => {
      const onDiskAt = new Map<number, number>();
      let forumId = '';
      let lastSeen = -1;
      const workspace = await Workspace.open(dir, {
        holder: 'test',
        onSaveStatus: (status) => {
          if (!forumId || status.state === 'failed') return;
          // Read the disk itself at the moment of the report: what is there is written. A
          // report of the forum's first write can come before its file exists: nothing yet.
          if (!existsSync(join(dir, FORUMS_DIR, `${forumId}.json`))) return;
          const note = readForum(dir, forumId).notes.find((n) => n.id === 'live');
          const n = Number(note?.body.id.split(' ')[1] ?? -1);
          for (let i = lastSeen + 1; i <= n; i++) onDiskAt.set(i, Date.now());
          lastSeen = Math.max(lastSeen, n);
        },
      });
      forumId = workspace.createForum(gwangjuForum).id;
      workspace.updateForum(forumId, (doc) => doc.notes.push(noteRecord('live', 'ketikan -1')));
      await workspace.flush();
      const editedAt: number[] = [];
      for (let i = 0; i < 50; i++) {
        workspace.updateForum(forumId, (doc) => {
          const note = doc.notes.find((n) => n.id === 'live');
          if (note) note.body.id = `ketikan ${i}`;
        });
        editedAt.push(Date.now());
        await sleep(200);
      }
      await workspace.close();
      const late = editedAt
        .map((at, i) => ({ i, wait: (onDiskAt.get(i) ?? Infinity) - at }))
        .filter(({ wait }) => wait > 1500);
      expect(late).toEqual([]);
      // The debounce alone (300 ms after the last edit) would never have written mid-stream.
      expect(onDiskAt.get(25)).toBeLessThan(editedAt[40] as number);
    });
  }, 30_000);
});

describe('"saved" for an edit means that edit is on disk', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleChild(
      join(import.meta.dirname, '..', '..', 'support', 'saved-crash-writer.ts'),
    );
  }, 60_000);

  it('never loses an edit to a crash right after its "saved", though another document saved first (20 runs)', async () => {
    await withTempDir(async (dir) => {
      let forumId = '';
      for (let run = 1; run <= 20; run++) {
        const output = await new Promise<string>((resolve, reject) => {
          const proc = spawn(process.execPath, [child, dir, String(run)]);
          let out = '';
          let err = '';
          proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
          proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
          proc.on('exit', (_code, signal) =>
            signal === 'SIGKILL' ? resolve(out) : reject(new Error(`exited: ${err}`)),
          );
        });
        expect(output).toContain(`saved ${run}`);
        forumId ||= (await readdir(join(dir, FORUMS_DIR)))[0]?.replace('.json', '') ?? '';
        const target = readForum(dir, forumId).notes.find((n) => n.id === 'target');
        expect(target?.body.id, `run ${run}`).toBe(`suntingan ${run}`);
      }
    });
  }, 120_000);

  it('reports per document which have edits pending', async () => {
    await withTempDir(async (dir) => {
      const statuses: SaveStatus[] = [];
      const workspace = await Workspace.open(dir, {
        holder: 'test',
        onSaveStatus: (s) => statuses.push(s),
      });
      const id = workspace.createForum(gwangjuForum).id;
      await workspace.flush();
      workspace.updateForum(id, (doc) => doc.notes.push(noteRecord('a', 'satu')));
      const edit = workspace.documentStatus(forumKey(id))?.edit ?? 0;
      expect(workspace.saveStatus).toMatchObject({ state: 'saving', pending: [forumKey(id)] });
      expect(workspace.saveStatus.savedThrough).toBeLessThan(edit);
      await workspace.flush();
      expect(workspace.saveStatus).toMatchObject({ state: 'saved', pending: [] });
      expect(workspace.saveStatus.savedThrough).toBeGreaterThanOrEqual(edit);
      await workspace.close();
    });
  });
});

describe('a failed save', () => {
  for (const code of ['ENOSPC', 'EIO']) {
    it(`is retried on its own once the disk takes it again (${code}), without a new edit`, async () => {
      await withTempDir(async (dir) => {
        let fault: string | null = null;
        const statuses: SaveStatus[] = [];
        const workspace = await Workspace.open(dir, {
          holder: 'test',
          fs: faultyFs(dir, () => fault),
          onSaveStatus: (s) => statuses.push(s),
        });
        const id = workspace.createForum(gwangjuForum).id;
        await workspace.flush();
        fault = code;
        workspace.updateForum(id, (doc) => doc.notes.push(noteRecord('a', 'jangan hilang')));
        await waitFor(() => workspace.saveStatus.state === 'failed', 5000);
        expect(workspace.saveStatus.error?.code).toBe(
          code === 'ENOSPC' ? 'disk-full' : 'store-write-failed',
        );
        expect(workspace.saveStatus.pending).toEqual([forumKey(id)]);
        // Still failing: it keeps trying, and keeps saying so.
        await sleep(600);
        expect(workspace.saveStatus.state).toBe('failed');
        fault = null;
        await waitFor(() => workspace.saveStatus.state === 'saved', 8000);
        expect(readForum(dir, id).notes.map((n) => n.body.id)).toEqual(['jangan hilang']);
        await workspace.close();
      });
    }, 20_000);
  }

  it('still failing at a stop: says what is not saved, keeps it beside the workspace, puts it back at the next start', async () => {
    await withTempDir(async (parent) => {
      const dir = join(parent, 'workspace');
      await mkdir(dir);
      let fault: string | null = null;
      const first = await Workspace.open(dir, { holder: 'test', fs: faultyFs(dir, () => fault) });
      const id = first.createForum(gwangjuForum).id;
      await first.flush();
      fault = 'ENOSPC';
      first.updateForum(id, (doc) => doc.notes.push(noteRecord('a', 'ditulis saat disk penuh')));
      const stopped = await first.close().then(
        () => null,
        (error: unknown) => error,
      );
      expect(stopped).toMatchObject({
        code: 'unsaved-kept',
        params: { documents: expect.stringContaining('WHRCF') as unknown },
      });
      const kept = (stopped as { params: { file: string } }).params.file;
      // Inside the workspace the disk refused; the file went beside it.
      expect(kept.startsWith(parent)).toBe(true);
      expect(readdirSync(parent)).toContain(kept.slice(parent.length + 1));
      expect(readForum(dir, id).notes).toEqual([]);

      const second = await Workspace.open(dir, { holder: 'test' });
      expect(second.notices).toMatchObject([
        { file: `${FORUMS_DIR}/${id}.json`, problem: 'unsaved', restoredFrom: kept },
      ]);
      expect(second.forum(id).notes.map((n) => n.body.id)).toEqual(['ditulis saat disk penuh']);
      expect(readForum(dir, id).notes.map((n) => n.body.id)).toEqual(['ditulis saat disk penuh']);
      // Put back once: the file is gone, and what it replaced is in the backups.
      expect(readdirSync(parent)).toEqual(['workspace']);
      expect((await second.listBackups()).some((b) => b.reason === 'restore')).toBe(true);
      await second.close();
      const third = await Workspace.open(dir, { holder: 'test' });
      expect(third.notices).toEqual([]);
      await third.close();
      expect(await readFile(join(dir, FORUMS_DIR, `${id}.json`), 'utf8')).toContain('disk penuh');
    });
  }, 20_000);
});
