import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableTextFile, nodeFs } from '../../../electron/node/store/durable-file';
import type { DurableFs } from '../../../electron/node/store/durable-file';
import { AppError } from '../../../electron/common/errors';
import { withTempDir } from '../../support/temp-dir';

type Step = 'open' | 'write' | 'sync' | 'close' | 'rename' | 'dirsync';

/** A file system that fails one step of a durable write with the given errno code. */
function failingFs(step: Step, code: string): DurableFs {
  const fail = () => Object.assign(new Error(`${code}: injected at ${step}`), { code });
  return {
    ...nodeFs,
    rename: async (from, to) => {
      if (step === 'rename') throw fail();
      return fsp.rename(from, to);
    },
    open: (async (path: string, flags?: string, mode?: number) => {
      const isDir = flags === 'r';
      if (step === 'open' && !isDir) throw fail();
      if (step === 'dirsync' && isDir) throw fail();
      const handle = await fsp.open(path, flags, mode);
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (!isDir && prop === 'writeFile' && step === 'write')
            return async () => {
              throw fail();
            };
          if (!isDir && prop === 'sync' && step === 'sync')
            return async () => {
              throw fail();
            };
          if (!isDir && prop === 'close' && step === 'close') {
            return async () => {
              await target.close();
              throw fail();
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function'
            ? (value as (...a: unknown[]) => unknown).bind(target)
            : value;
        },
      });
    }) as DurableFs['open'],
  };
}

describe('DurableTextFile', () => {
  it('replaces the document and leaves no temp file behind, readable only by the owner', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'workspace.json');
      const file = new DurableTextFile(path);
      await file.write('{"v":1}');
      await file.write('{"v":2}');
      expect(await readFile(path, 'utf8')).toBe('{"v":2}');
      expect(await readdir(dir)).toEqual(['workspace.json']);
      if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    });
  });

  it('reads a missing document as null', async () => {
    await withTempDir(async (dir) => {
      expect(await new DurableTextFile(join(dir, 'none.json')).read()).toBeNull();
    });
  });

  const steps: Step[] = ['open', 'write', 'sync', 'close', 'rename'];
  const errors: [string, string][] = [
    ['ENOSPC', 'disk-full'],
    ['EIO', 'store-write-failed'],
    ['EPERM', 'permission-denied'],
  ];
  for (const step of steps) {
    for (const [errno, code] of errors) {
      it(`${errno} at ${step}: previous document intact, no temp file, reported as ${code}`, async () => {
        await withTempDir(async (dir) => {
          const path = join(dir, 'forum.json');
          await writeFile(path, '{"before":true}');
          const file = new DurableTextFile(path, failingFs(step, errno));
          const error = await file.write('{"after":true}').catch((e: unknown) => e);
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe(code);
          expect(await readFile(path, 'utf8')).toBe('{"before":true}');
          expect(await readdir(dir)).toEqual(['forum.json']);
        });
      });
    }
  }

  it('reports a failed folder sync after the rename (the new bytes are in place)', async () => {
    if (process.platform === 'win32') return;
    await withTempDir(async (dir) => {
      const path = join(dir, 'forum.json');
      const file = new DurableTextFile(path, failingFs('dirsync', 'EIO'));
      await expect(file.write('{"after":true}')).rejects.toMatchObject({
        code: 'store-write-failed',
      });
      expect(await readFile(path, 'utf8')).toBe('{"after":true}');
    });
  });
});
