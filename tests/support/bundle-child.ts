import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'rolldown';

/**
 * Bundles a TypeScript child-process script into one plain ES module, so tests can spawn
 * it with bare `node` (fast to start, and killed exactly like the app would be).
 */
export async function bundleChild(entry: string): Promise<string> {
  // Automerge loads its WebAssembly from beside its own module, so it stays a package the
  // child imports: the bundle lives under node_modules/.cache, where Node's resolution finds it.
  const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'risalah-child-'));
  const file = join(dir, 'child.mjs');
  await build({
    input: entry,
    platform: 'node',
    external: [/^node:/, /^@automerge\//],
    output: { file, format: 'esm', codeSplitting: false },
    logLevel: 'silent',
  });
  return file;
}
