import { spawnSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../support/temp-dir';

const root = join(import.meta.dirname, '..', '..', '..');

function runTests(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'test.js')], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('npm test on a machine without the external tools', () => {
  it('names each missing tool and its Debian package, then stops before running anything', async () => {
    await withTempDir(async (dir) => {
      const run = runTests({ PATH: dir, CHROMIUM_PATH: join(dir, 'chromium') });
      expect(run.status).toBe(1);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toContain(
        'missing: chromium (the end-to-end tests drive it): install the Debian package chromium',
      );
      expect(run.stdout).toMatch(/missing: soffice .*libreoffice-writer-nogui/);
      expect(run.stdout).toMatch(/missing: pdftotext .*poppler-utils/);
      expect(run.stdout).toContain(
        'sudo apt-get install chromium libreoffice-writer-nogui poppler-utils',
      );
      // Nothing started: no step header, and the summary CI reads is the last line.
      expect(run.stdout).not.toContain('▶');
      expect(lines.at(-1)).toBe('0 passed, 1 failed');
    });
  });

  it('lists only what is missing', async () => {
    await withTempDir(async (dir) => {
      const bin = join(dir, 'bin');
      await mkdir(bin);
      for (const tool of ['soffice', 'pdfinfo', 'pdffonts']) {
        await writeFile(join(bin, tool), '#!/bin/sh\n');
        await chmod(join(bin, tool), 0o755);
      }
      await writeFile(join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'preflight.js')], {
        env: { PATH: bin, CHROMIUM_PATH: join(dir, 'chromium') },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stdout.trim().split('\n')).toEqual([
        'missing: pdftotext (reads exported PDFs): install the Debian package poppler-utils',
        'sudo apt-get install poppler-utils',
      ]);
    });
  });

  it('passes quietly where everything is installed', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'preflight.js')], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});
