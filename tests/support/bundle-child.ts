import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';

/**
 * Bundles a TypeScript child-process script into one plain ES module, so tests can spawn
 * it with bare `node` (fast to start, and killed exactly like the app would be).
 */
export async function bundleChild(entry: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'risalah-child-'));
  const file = join(dir, 'child.mjs');
  await build({
    input: entry,
    platform: 'node',
    external: [/^node:/],
    output: { file, format: 'esm' },
    logLevel: 'silent',
  });
  return file;
}
