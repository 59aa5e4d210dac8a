import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/node/cli/electron-binary';
import { withTempDir } from '../../support/temp-dir';

/** A project folder with an `electron` package whose index.js would "download" if loaded. */
async function fakeProject(dir: string, pathTxt: string | null): Promise<string> {
  const pkg = join(dir, 'node_modules', 'electron');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  await writeFile(
    join(pkg, 'index.js'),
    `throw new Error('index.js was loaded: it would download');`,
  );
  if (pathTxt !== null) await writeFile(join(pkg, 'path.txt'), pathTxt);
  return pathToFileURL(join(dir, 'cli.js')).href;
}

describe('finding the Electron binary', () => {
  afterEach(() => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  });

  it('says null without loading the package when nothing was downloaded', async () => {
    await withTempDir(async (dir) => {
      expect(findElectronBinary(await fakeProject(dir, null))).toBeNull();
    });
  });

  it('says null when path.txt names a binary that is not there', async () => {
    await withTempDir(async (dir) => {
      expect(findElectronBinary(await fakeProject(dir, 'electron'))).toBeNull();
    });
  });

  it('finds a downloaded binary through path.txt, as the package itself does', async () => {
    await withTempDir(async (dir) => {
      const from = await fakeProject(dir, 'electron');
      const binary = join(dir, 'node_modules', 'electron', 'dist', 'electron');
      await mkdir(join(binary, '..'), { recursive: true });
      await writeFile(binary, '');
      expect(findElectronBinary(from)).toBe(binary);
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    await withTempDir(async (dir) => {
      const from = await fakeProject(dir, null);
      await mkdir(join(dir, 'dist'));
      await writeFile(join(dir, 'dist', 'electron'), '');
      process.env.ELECTRON_OVERRIDE_DIST_PATH = join(dir, 'dist');
      expect(findElectronBinary(from)).toBe(join(dir, 'dist', 'electron'));
    });
  });
});
