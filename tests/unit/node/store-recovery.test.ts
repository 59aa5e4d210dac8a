import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION } from '../../../electron/common/domain/workspace-schema';
import { Backups } from '../../../electron/node/store/backups';
import { decodeDocument, encodeDocument } from '../../../electron/node/store/document-codec';
import { FORUMS_DIR, Workspace, WORKSPACE_FILE } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';
import { gwangjuForum, noteRecord as note } from '../../support/forums';

const gwangju = gwangjuForum;

/**
 * Two sessions of work, so the second session's first save takes the day's backup of the
 * first session's state. Returns the forum id.
 */
async function twoSessions(dir: string): Promise<string> {
  const first = await Workspace.open(dir, { holder: 'test' });
  const forumId = first.createForum(gwangju).id;
  first.updateForum(forumId, (doc) =>
    doc.notes.push(note('n1', 'Demokrasi lokal yang partisipatif')),
  );
  first.updateSettings({ language: 'id' });
  await first.close();
  const second = await Workspace.open(dir, { holder: 'test' });
  second.updateForum(forumId, (doc) => doc.notes.push(note('n2', 'Catatan kedua')));
  second.updateSettings({ language: 'en' });
  await second.close();
  return forumId;
}

type Damage = (bytes: Buffer) => Buffer;
const expectedProblem: Record<string, string> = {
  truncated: 'checksum',
  empty: 'empty',
  'zero-filled': 'empty',
  'bit-flipped': 'checksum',
};
const damages: Record<string, Damage> = {
  truncated: (b) => b.subarray(0, Math.floor(b.length / 2)),
  empty: () => Buffer.alloc(0),
  'zero-filled': (b) => Buffer.alloc(b.length),
  'bit-flipped': (b) => {
    const copy = Buffer.from(b);
    // Inside the data, past the header: the JSON still parses, only the checksum can tell.
    const i = copy.lastIndexOf('"') - 3;
    copy[i] = (copy[i] ?? 0) ^ 0x01;
    return copy;
  },
};

describe('recovery of a damaged document', () => {
  for (const [name, damage] of Object.entries(damages)) {
    it(`${name} forum document: kept aside, newest valid backup loaded, user told`, async () => {
      await withTempDir(async (dir) => {
        const forumId = await twoSessions(dir);
        const path = join(dir, FORUMS_DIR, `${forumId}.json`);
        const damaged = damage(await readFile(path));
        await writeFile(path, damaged);

        const workspace = await Workspace.open(dir, { holder: 'test' });
        expect(workspace.notices).toHaveLength(1);
        const notice = workspace.notices[0];
        expect(notice?.file).toBe(join(FORUMS_DIR, `${forumId}.json`));
        expect(notice?.problem).toBe(expectedProblem[name]);
        expect(notice?.restoredFrom).toMatch(new RegExp(`^forum-${forumId}/.*--daily\\.json$`));
        // The first session's state, which the daily backup holds.
        expect(workspace.forum(forumId).notes.map((n) => n.id)).toEqual(['n1']);
        expect(workspace.forum(forumId).forum.city).toBe('Gwangju');
        // The damaged bytes are kept, byte for byte, under a dated name.
        expect(await readFile(join(dir, notice?.movedTo ?? ''))).toEqual(damaged);
        await workspace.close();
        // And the restored state is on disk, valid, for the next start.
        const again = await Workspace.open(dir, { holder: 'test' });
        expect(again.notices).toEqual([]);
        expect(again.forum(forumId).notes).toHaveLength(1);
        await again.close();
      });
    });

    it(`${name} workspace document: recovered the same way`, async () => {
      await withTempDir(async (dir) => {
        const forumId = await twoSessions(dir);
        const path = join(dir, WORKSPACE_FILE);
        await writeFile(path, damage(await readFile(path)));
        const workspace = await Workspace.open(dir, { holder: 'test' });
        expect(workspace.notices).toMatchObject([
          { file: WORKSPACE_FILE, restoredFrom: expect.stringMatching(/^workspace\//) },
        ]);
        expect(workspace.settings.language).toBe('id');
        expect(workspace.forumIds()).toEqual([forumId]);
        await workspace.close();
      });
    });
  }

  it('a deleted forum document comes back from its newest backup, and the user is told', async () => {
    await withTempDir(async (dir) => {
      const forumId = await twoSessions(dir);
      await rm(join(dir, FORUMS_DIR, `${forumId}.json`));

      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toMatchObject([
        {
          file: join(FORUMS_DIR, `${forumId}.json`),
          problem: 'missing',
          movedTo: null,
          restoredFrom: expect.stringMatching(new RegExp(`^forum-${forumId}/.*--daily\\.json$`)),
        },
      ]);
      expect(workspace.forum(forumId).notes.map((n) => n.id)).toEqual(['n1']);
      await workspace.close();
      const again = await Workspace.open(dir, { holder: 'test' });
      expect(again.notices).toEqual([]);
      expect(again.forum(forumId).notes.map((n) => n.id)).toEqual(['n1']);
      await again.close();
    });
  });

  it('a deleted forum document without a backup starts afresh from the index, and says so', async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir, { holder: 'test' });
      const forumId = workspace.createForum(gwangju).id;
      await workspace.close();
      await rm(join(dir, FORUMS_DIR, `${forumId}.json`));
      const reopened = await Workspace.open(dir, { holder: 'test' });
      expect(reopened.notices).toMatchObject([
        { problem: 'missing', movedTo: null, restoredFrom: null },
      ]);
      expect(reopened.forum(forumId).forum.city).toBe('Gwangju');
      await reopened.close();
    });
  });

  it('an unreadable forum document (a folder in its place) is set aside and recovered', async () => {
    await withTempDir(async (dir) => {
      const forumId = await twoSessions(dir);
      const path = join(dir, FORUMS_DIR, `${forumId}.json`);
      await rm(path);
      await mkdir(path);
      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toMatchObject([
        { problem: 'unreadable', restoredFrom: expect.stringMatching(/--daily\.json$/) },
      ]);
      expect(workspace.notices[0]?.movedTo).toMatch(/\.corrupt-/);
      expect(workspace.forum(forumId).notes.map((n) => n.id)).toEqual(['n1']);
      await workspace.close();
    });
  });

  it('with no valid backup: starts empty, keeps the damaged file, and says nothing was restored', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, WORKSPACE_FILE), '{"schemaVersion":2,"settings":');
      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toMatchObject([{ problem: 'not-json', restoredFrom: null }]);
      expect(workspace.forumIds()).toEqual([]);
      await workspace.close();
      const names = await readdir(dir);
      expect(names.filter((n) => n.startsWith('workspace.json.corrupt-'))).toHaveLength(1);
    });
  });

  it('a document that parses but breaks the schema is treated as damaged', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, WORKSPACE_FILE),
        encodeDocument({
          schemaVersion: 2,
          settings: { language: 'fr' },
          profile: {},
          forums: 'x',
          contacts: [],
        }),
      );
      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toMatchObject([{ problem: 'schema' }]);
      await workspace.close();
    });
  });
});

describe('migrations and versions', () => {
  it('migrates a version 1 workspace, keeping its settings, after backing it up', async () => {
    await withTempDir(async (dir) => {
      const v1 = '{"schemaVersion":1,"settings":{"language":"id"}}';
      await writeFile(join(dir, WORKSPACE_FILE), v1);
      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.settings.language).toBe('id');
      expect(workspace.data.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
      expect(workspace.data.profile.members).toEqual([]);
      expect(workspace.data.forums).toEqual([]);
      await workspace.close();
      const backups = await new Backups(dir).list('workspace');
      expect(backups.map((b) => b.reason)).toContain('migration');
      const migration = backups.find((b) => b.reason === 'migration');
      expect((await new Backups(dir).read(migration?.id ?? '')).toString()).toBe(v1);
      expect(decodeDocument(await readFile(join(dir, WORKSPACE_FILE), 'utf8'))).toMatchObject({
        schemaVersion: WORKSPACE_SCHEMA_VERSION,
      });
    });
  });

  it('keeps fields written by a newer version, at every level', async () => {
    await withTempDir(async (dir) => {
      const forumId = await twoSessions(dir);
      const path = join(dir, FORUMS_DIR, `${forumId}.json`);
      const doc = decodeDocument(await readFile(path, 'utf8')) as Record<string, unknown> & {
        notes: Record<string, unknown>[];
      };
      doc.schemaVersion = 9;
      doc.futureCollection = [{ id: 'x' }];
      doc.notes[0] = { ...doc.notes[0], audio: 'memo.ogg', body: { id: 'a', en: 'b', ko: '광주' } };
      await writeFile(path, encodeDocument(doc));

      const workspace = await Workspace.open(dir, { holder: 'test' });
      expect(workspace.notices).toEqual([]);
      workspace.updateForum(forumId, (d) => {
        d.forum.venue = 'Kim Dae-jung Convention Center, Gwangju';
      });
      await workspace.close();
      const saved = decodeDocument(await readFile(path, 'utf8')) as typeof doc;
      expect(saved.schemaVersion).toBe(9);
      expect(saved.futureCollection).toEqual([{ id: 'x' }]);
      expect(saved.notes[0]).toMatchObject({ audio: 'memo.ogg', body: { ko: '광주' } });
    });
  });
});

describe('backups', () => {
  it('keeps one a day for the last seven days and the last ten of each other kind', async () => {
    await withTempDir(async (dir) => {
      let clock = new Date('2026-11-01T09:00:00');
      const backups = new Backups(dir, undefined, () => clock);
      for (let day = 0; day < 12; day++) {
        clock = new Date(2026, 10, 1 + day, 9);
        await backups.create('workspace', `{"day":${day}}`, 'daily');
      }
      for (let i = 0; i < 13; i++) await backups.create('workspace', `{"import":${i}}`, 'import');
      const list = await backups.list('workspace');
      const daily = list.filter((b) => b.reason === 'daily');
      expect(daily).toHaveLength(7);
      expect((await backups.read(daily[0]?.id ?? '')).toString()).toBe('{"day":11}');
      expect((await backups.read(daily.at(-1)?.id ?? '')).toString()).toBe('{"day":5}');
      expect(list.filter((b) => b.reason === 'import')).toHaveLength(10);
    });
  });

  it('refuses a backup id that points outside the backups folder', async () => {
    await withTempDir(async (dir) => {
      await expect(new Backups(dir).read('../workspace.json')).rejects.toMatchObject({
        code: 'backup-not-found',
      });
    });
  });

  it('restores a backup in place, backing up what it replaces', async () => {
    await withTempDir(async (dir) => {
      const forumId = await twoSessions(dir);
      const workspace = await Workspace.open(dir, { holder: 'test' });
      const daily = (await workspace.listBackups()).find((b) => b.document === `forum-${forumId}`);
      expect(daily).toBeDefined();
      await workspace.restoreBackup(daily?.id ?? '');
      expect(workspace.forum(forumId).notes.map((n) => n.id)).toEqual(['n1']);
      const restore = (await workspace.listBackups()).find((b) => b.reason === 'restore');
      expect(restore?.document).toBe(`forum-${forumId}`);
      const replaced = decodeDocument(await workspace.backups.read(restore?.id ?? '')) as {
        notes: unknown[];
      };
      expect(replaced.notes).toHaveLength(2);
      await workspace.close();
      const reopened = await Workspace.open(dir, { holder: 'test' });
      expect(reopened.forum(forumId).notes).toHaveLength(1);
      await reopened.close();
    });
  });
});

describe('a full disk while working', () => {
  it('reports the failure, keeps the edit in memory and the old file intact, then saves', async () => {
    await withTempDir(async (dir) => {
      const statuses: string[] = [];
      let full = false;
      const { nodeFs } = await import('../../../electron/node/store/durable-file');
      const workspace = await Workspace.open(dir, {
        holder: 'test',
        debounceMs: 5,
        onSaveStatus: (s) => statuses.push(s.error ? `${s.state}:${s.error.code}` : s.state),
        fs: {
          ...nodeFs,
          open: (async (...args: Parameters<typeof nodeFs.open>) => {
            if (full && args[1] === 'wx')
              throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
            return nodeFs.open(...args);
          }) as typeof nodeFs.open,
        },
      });
      workspace.updateSettings({ language: 'id' });
      await workspace.flush();
      const before = await readFile(join(dir, WORKSPACE_FILE), 'utf8');
      full = true;
      workspace.updateSettings({ language: 'en' });
      await expect(workspace.flush()).rejects.toMatchObject({ code: 'disk-full' });
      expect(statuses.at(-1)).toBe('failed:disk-full');
      expect(await readFile(join(dir, WORKSPACE_FILE), 'utf8')).toBe(before);
      expect(workspace.settings.language).toBe('en');
      full = false;
      await workspace.close();
      expect(statuses.at(-1)).toBe('saved');
      expect(decodeDocument(await readFile(join(dir, WORKSPACE_FILE), 'utf8'))).toMatchObject({
        settings: { language: 'en' },
      });
    });
  });
});
