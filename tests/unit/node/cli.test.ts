import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/node/cli/cli';
import { fakeIo, fakeRenderer } from './cli-io';
import { Workspace } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';
import { lampungWorkshop } from '../../support/forums';

describe('risalah CLI', () => {
  it('prints help in English and exits 0', async () => {
    const c = fakeIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Usage: risalah <command>/);
    expect(c.out.join('\n')).toMatch(/--workspace DIR/);
  });

  it('speaks Indonesian on an Indonesian system', async () => {
    const c = fakeIo({ LANG: 'id_ID.UTF-8' });
    expect(await runCli(['help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Penggunaan: risalah <perintah>/);
  });

  it('rejects an unknown command with a clear message and exit code 2', async () => {
    const c = fakeIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Unknown command “frobnicate”');
  });

  it('rejects unknown options, missing values and bad ports', async () => {
    const c = fakeIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli(['serve', '--colour'], c.io)).toBe(2);
    expect(await runCli(['serve', '--port'], c.io)).toBe(2);
    expect(await runCli(['serve', '--port', '99999'], c.io)).toBe(2);
    expect(c.err).toEqual([
      'Unknown option “--colour” for “serve”.',
      'The option --port needs a value.',
      'The port must be a whole number from 0 to 65535, not “99999”.',
    ]);
  });

  it('serves a workspace given by --workspace until stopped, then releases it', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const c = fakeIo({ LANG: 'en_US.UTF-8' }, await fakeRenderer(dir));
      const running = runCli(['serve', '--workspace', ws], c.io);
      await expect.poll(() => c.out.join('\n')).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const url = new URL(/(http:\/\/\S+)/.exec(c.out.join('\n'))?.[1] ?? '');
      const reply = await fetch(`${url.origin}/api/app.info`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${url.searchParams.get('token')}`,
        },
        body: '{}',
      });
      expect(await reply.json()).toMatchObject({ ok: true, value: { workspaceDir: ws } });
      c.stop();
      expect(await running).toBe(0);
      const reopened = await Workspace.open(ws, { holder: 'test' });
      await reopened.close();
    });
  });

  it('defaults the workspace to RISALAH_WORKSPACE', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'from-env');
      const c = fakeIo({ LANG: 'en_US.UTF-8', RISALAH_WORKSPACE: ws }, await fakeRenderer(dir));
      const running = runCli(['serve'], c.io);
      await expect.poll(() => c.out.join('\n')).toContain(`Workspace: ${ws}`);
      c.stop();
      expect(await running).toBe(0);
    });
  });

  it('start: says Electron is missing and falls back to browser mode', async () => {
    await withTempDir(async (dir) => {
      const c = fakeIo({ LANG: 'en_US.UTF-8' }, await fakeRenderer(dir));
      const running = runCli(['start', '--workspace', join(dir, 'ws')], c.io);
      await expect.poll(() => c.out.join('\n')).toMatch(/token=/);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(/Electron's binary is not installed.*npm run install-electron/);
      c.stop();
      expect(await running).toBe(0);
    });
  });

  it('start: launches the desktop app when Electron is there', async () => {
    let launchedWith = '';
    const c = fakeIo({ LANG: 'en_US.UTF-8' }, '/nonexistent', (ws) => {
      launchedWith = ws;
      return Promise.resolve(0);
    });
    expect(await runCli(['start', '--workspace', '/tmp/ws-desktop'], c.io)).toBe(0);
    expect(launchedWith).toBe('/tmp/ws-desktop');
    expect(c.err).toEqual([]);
  });

  it('refuses a workspace another process holds, with a translated message', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const held = await Workspace.open(ws, { holder: 'Risalah' });
      try {
        const c = fakeIo({ LANG: 'id_ID.UTF-8' }, await fakeRenderer(dir));
        expect(await runCli(['serve', '--workspace', ws], c.io)).toBe(1);
        expect(c.err.join('\n')).toMatch(/Ruang kerja ini sedang dibuka oleh Risalah/);
      } finally {
        await held.close();
      }
    });
  });
});

describe('risalah check, backups, restore', () => {
  async function workspaceWithHistory(dir: string): Promise<{ ws: string; forumId: string }> {
    const ws = join(dir, 'ws');
    const first = await Workspace.open(ws, { holder: 'test' });
    const forumId = first.createForum(lampungWorkshop).id;
    await first.close();
    const second = await Workspace.open(ws, { holder: 'test' });
    second.updateSettings({ language: 'id' });
    second.updateForum(forumId, (doc) => {
      doc.forum.venue = 'Hotel Golden Tulip, Bandar Lampung';
    });
    await second.close();
    return { ws, forumId };
  }

  it('check: a healthy workspace passes', async () => {
    await withTempDir(async (dir) => {
      const { ws } = await workspaceWithHistory(dir);
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['check', '--workspace', ws], c.io)).toBe(0);
      expect(c.out.join('\n')).toMatch(/2 documents checked, no problems found/);
    });
  });

  it('check: reports a damaged document and a dangling reference, exits 1, changes nothing', async () => {
    await withTempDir(async (dir) => {
      const { ws, forumId } = await workspaceWithHistory(dir);
      const ok = await Workspace.open(ws, { holder: 'test' });
      ok.updateForum(forumId, (doc) => {
        doc.commitments.push({
          id: 'c1',
          createdAt: '2025-08-27T03:00:00.000Z',
          updatedAt: '2025-08-27T03:00:00.000Z',
          deletedAt: null,
          statement: { id: 'Membentuk gugus tugas', en: 'Form a task force' },
          clauseIds: ['no-such-clause'],
          responsible: { unit: 'Bagian Hukum', contactId: null },
          dueDate: '2025-12-31',
          status: 'planned',
          steps: [],
          evidence: '',
        });
      });
      await ok.close();
      const { writeFile: write, readFile: read } = await import('node:fs/promises');
      const rootPath = join(ws, 'workspace.json');
      const damaged = (await read(rootPath, 'utf8')).slice(0, 40);
      await write(rootPath, damaged);
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['check', '--workspace', ws], c.io)).toBe(1);
      const out = c.out.join('\n');
      expect(out).toMatch(/error: workspace\.json cannot be read \(checksum/);
      expect(out).toMatch(/commitment c1 refers to clause no-such-clause, which does not exist/);
      expect(await read(rootPath, 'utf8')).toBe(damaged);
    });
  });

  it('backups lists them in the system language; restore puts one back', async () => {
    await withTempDir(async (dir) => {
      const { ws, forumId } = await workspaceWithHistory(dir);
      const list = fakeIo({ LANG: 'id_ID.UTF-8' });
      expect(await runCli(['backups', '--workspace', ws], list.io)).toBe(0);
      const out = list.out.join('\n');
      expect(out).toMatch(/harian/);
      expect(out).toMatch(/forum “Human Rights Capacity Building for Communities”/);
      const id = new RegExp(`(forum-${forumId}/\\S+--daily\\.json)`).exec(out)?.[1];
      expect(id).toBeDefined();

      const restore = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['restore', id ?? '', '--workspace', ws], restore.io)).toBe(0);
      expect(restore.out.join('\n')).toMatch(/^Restored /);
      const reopened = await Workspace.open(ws, { holder: 'test' });
      expect(reopened.forum(forumId).forum.venue).toBe('Hotel Golden Tulip');
      await reopened.close();
    });
  });

  it('restore: a clear message for a missing id, an unknown backup, or an extra argument', async () => {
    await withTempDir(async (dir) => {
      const { ws } = await workspaceWithHistory(dir);
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['restore', '--workspace', ws], c.io)).toBe(2);
      expect(
        await runCli(
          ['restore', 'workspace/2020-01-01T00-00-00-000Z--daily.json', '--workspace', ws],
          c.io,
        ),
      ).toBe(1);
      expect(await runCli(['restore', 'a', 'b', '--workspace', ws], c.io)).toBe(2);
      expect(c.err[0]).toMatch(/Name the backup to restore/);
      expect(c.err[1]).toMatch(
        /No backup named “workspace\/2020-01-01T00-00-00-000Z--daily\.json” was found/,
      );
      expect(c.err[2]).toMatch(/Unexpected argument “b” for “restore”/);
    });
  });
});

describe('risalah demo', () => {
  it('adds the example forums once, then says they are there', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const first = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['demo', '--workspace', ws], first.io)).toBe(0);
      expect(first.out.join('\n')).toMatch(/World Human Rights Cities Forum 2017/);
      expect(first.out.join('\n')).toMatch(/Human Rights Capacity Building for Communities/);
      const second = fakeIo({ LANG: 'id_ID.UTF-8' });
      expect(await runCli(['demo', '--workspace', ws], second.io)).toBe(0);
      expect(second.out.join('\n')).toMatch(/Forum contoh sudah ada/);
      const check = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['check', '--workspace', ws], check.io)).toBe(0);
    });
  });
});

describe('risalah contacts', () => {
  const vcards = join(import.meta.dirname, '..', '..', 'fixtures', 'vcards');

  it('imports a vCard file, reporting broken cards, and exports without sensitive contacts', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const broken = join(dir, 'broken.vcf');
      await writeFile(
        broken,
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Santoso\r\nEND:VCARD\r\nBEGIN:VCARD\r\nTEL:1\r\nEND:VCARD\r\n',
      );
      const first = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          ['contacts', 'import', join(vcards, 'android-2.1.vcf'), '--workspace', ws],
          first.io,
        ),
      ).toBe(0);
      expect(first.out.join('\n')).toMatch(/Imported 2 contacts/);
      const second = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['contacts', 'import', broken, '--workspace', ws], second.io)).toBe(0);
      expect(second.err).toEqual([`${broken}: card 2 (line 5) has no name; it was left out.`]);

      const out = join(dir, 'out', 'contacts.vcf');
      await mkdir(join(dir, 'out'));
      const exported = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          [
            'contacts',
            'export',
            '--format',
            'vcf',
            '--vcard-version',
            '3.0',
            '--out',
            out,
            '--workspace',
            ws,
          ],
          exported.io,
        ),
      ).toBe(0);
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(out, 'utf8');
      expect(text.match(/BEGIN:VCARD/g)).toHaveLength(3);
      expect(text).toContain('VERSION:3.0');
    });
  });

  it('refuses a bad format and leaves no file when the folder is missing', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          ['contacts', 'export', '--format', 'pdf', '--out', 'x', '--workspace', ws],
          c.io,
        ),
      ).toBe(2);
      expect(c.err[0]).toMatch(/takes one of vcf, csv, not “pdf”/);
      const out = join(dir, 'missing', 'contacts.csv');
      expect(
        await runCli(
          ['contacts', 'export', '--format', 'csv', '--out', out, '--workspace', ws],
          c.io,
        ),
      ).toBe(1);
      const { readdir } = await import('node:fs/promises');
      expect(await readdir(dir)).toEqual(['ws']);
    });
  });
});

describe('risalah contacts import of a CSV list', () => {
  it('reports the rows it leaves out and takes a --map of columns', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const list = join(import.meta.dirname, '..', '..', 'fixtures', 'participants-cp1252.csv');
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          ['contacts', 'import', list, '--map', 'name=Nama Lengkap,email=6', '--workspace', ws],
          c.io,
        ),
      ).toBe(0);
      // Every row with a person is kept; what looks wrong is said, and the row kept.
      expect(c.err).toEqual([
        `${list}: line 4 names nobody (no name, e-mail or phone); it was left out.`,
        `${list}: line 5: the e-mail address “0816 3333 4444” looks wrong; it was kept, check it.`,
      ]);
      expect(c.out.join('\n')).toMatch(/read as windows-1252/);
      expect(c.out.join('\n')).toMatch(/Imported 4 contacts/);
      const bad = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          ['contacts', 'import', list, '--map', 'nickname=2', '--workspace', ws],
          bad.io,
        ),
      ).toBe(2);
      expect(bad.err[0]).toMatch(/does not name known fields and columns/);
    });
  });

  it('takes several columns for the name, an --encoding, and links to a --forum', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      const lists = join(import.meta.dirname, '..', '..', 'fixtures', 'lists');
      const demo = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['demo', '--workspace', ws], demo.io)).toBe(0);
      const forums = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['forums', '--json', '--workspace', ws], forums.io)).toBe(0);
      const forumId = (JSON.parse(forums.out.join('')) as { id: string }[])[0]?.id ?? '';
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      const args = ['contacts', 'import', join(lists, 'registration.csv'), '--workspace', ws];
      expect(
        await runCli(
          [...args, '--map', 'name=Last Name+First Name,email=Email', '--forum', forumId],
          c.io,
        ),
      ).toBe(0);
      expect(c.out.join('\n')).toMatch(/Imported 2 contacts/);
      const exported = join(dir, 'linked.csv');
      const e = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          [
            'contacts',
            'export',
            '--format',
            'csv',
            '--forum',
            forumId,
            '--out',
            exported,
            '--workspace',
            ws,
          ],
          e.io,
        ),
      ).toBe(0);
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(exported, 'utf8');
      expect(text).toContain('"Saputra Andi"');
      expect(text).toContain('"Kim Min-ji"');
      const korean = fakeIo({ LANG: 'en_US.UTF-8' });
      const file = join(lists, 'korean-cp949.csv');
      expect(
        await runCli(
          ['contacts', 'import', file, '--encoding', 'cp949', '--workspace', ws],
          korean.io,
        ),
      ).toBe(0);
      expect(korean.out.join('\n')).toMatch(/read as cp949/);
      const wrong = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          ['contacts', 'import', file, '--encoding', 'klingon', '--workspace', ws],
          wrong.io,
        ),
      ).toBe(2);
      expect(wrong.err[0]).toMatch(/--encoding/);
    });
  });
});

describe('risalah forums and export', () => {
  it('lists forums, exports a brief, and leaves no file when the path cannot be written', async () => {
    await withTempDir(async (dir) => {
      const ws = join(dir, 'ws');
      await runCli(['demo', '--workspace', ws], fakeIo({ LANG: 'en_US.UTF-8' }).io);
      const list = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(await runCli(['forums', '--json', '--workspace', ws], list.io)).toBe(0);
      const forums = JSON.parse(list.out.join('\n')) as { id: string; acronym: string }[];
      const id = forums.find((f) => f.acronym === 'WHRCF 2017')?.id ?? '';
      const out = join(dir, 'brief.md');
      const c = fakeIo({ LANG: 'en_US.UTF-8' });
      expect(
        await runCli(
          [
            'export',
            '--forum',
            id,
            '--format',
            'md',
            '--lang',
            'both',
            '--out',
            out,
            '--workspace',
            ws,
          ],
          c.io,
        ),
      ).toBe(0);
      const { readFile, readdir } = await import('node:fs/promises');
      expect(await readFile(out, 'utf8')).toContain('# RINGKASAN KOMITMEN / COMMITMENT SUMMARY');
      const bad = fakeIo({ LANG: 'en_US.UTF-8' });
      const nowhere = join(dir, 'no-such-folder', 'brief.docx');
      expect(
        await runCli(
          [
            'export',
            '--forum',
            id,
            '--format',
            'docx',
            '--lang',
            'id',
            '--out',
            nowhere,
            '--workspace',
            ws,
          ],
          bad.io,
        ),
      ).toBe(1);
      expect(bad.err.at(-1)).toMatch(/Could not save to .*no-such-folder.*brief\.docx/);
      expect((await readdir(dir)).sort()).toEqual(['brief.md', 'ws']);
      expect(
        await runCli(
          [
            'export',
            '--forum',
            id,
            '--format',
            'odt',
            '--lang',
            'id',
            '--out',
            out,
            '--workspace',
            ws,
          ],
          bad.io,
        ),
      ).toBe(2);
    });
  });
});
