import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../electron/node/store/workspace-lock';
import { Workspace } from '../../../electron/node/store/workspace';
import { withTempDir } from '../../support/temp-dir';

describe('Workspace', () => {
  it('remembers settings across a close and reopen', async () => {
    await withTempDir(async (dir) => {
      const first = await Workspace.open(dir, { holder: 'test' });
      expect(first.settings.language).toBeNull();
      first.updateSettings({ language: 'id' });
      await first.close();
      const second = await Workspace.open(dir, { holder: 'test' });
      expect(second.settings.language).toBe('id');
      await second.close();
    });
  });

  it('an opened workspace says when it was last written, from the file on disk', async () => {
    await withTempDir(async (dir) => {
      const first = await Workspace.open(dir, { holder: 'test' });
      first.updateSettings({ language: 'en' });
      await first.close();
      const written = (await stat(join(dir, 'workspace.json'))).mtime.toISOString();
      const second = await Workspace.open(dir, { holder: 'test' });
      expect(second.saveStatus.state).toBe('idle');
      expect(second.saveStatus.savedAt).toBe(written);
      await second.close();
    });
  });

  it('refuses a second opener while the first holds the workspace', async () => {
    await withTempDir(async (dir) => {
      const first = await Workspace.open(dir, { holder: 'Risalah' });
      await expect(Workspace.open(dir, { holder: 'risalah serve' })).rejects.toMatchObject({
        code: 'workspace-locked',
        params: { holder: 'Risalah', pid: process.pid },
      });
      await first.close();
      const again = await Workspace.open(dir, { holder: 'risalah serve' });
      await again.close();
    });
  });

  it('refuses a workspace held by another live process', async () => {
    await withTempDir(async (dir) => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      try {
        const { hostname } = await import('node:os');
        await writeFile(
          join(dir, LOCK_FILE),
          JSON.stringify({ pid: child.pid, host: hostname(), since: 'now', holder: 'Risalah' }),
        );
        await expect(Workspace.open(dir, { holder: 'cli' })).rejects.toMatchObject({
          code: 'workspace-locked',
        });
      } finally {
        child.kill('SIGKILL');
      }
    });
  });

  it('takes over the lock of a process that crashed', async () => {
    await withTempDir(async (dir) => {
      const child = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => child.on('exit', resolve));
      const { hostname } = await import('node:os');
      await writeFile(
        join(dir, LOCK_FILE),
        JSON.stringify({ pid: child.pid, host: hostname(), since: 'then', holder: 'Risalah' }),
      );
      const workspace = await Workspace.open(dir, { holder: 'cli' });
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      await workspace.close();
    });
  });
});
