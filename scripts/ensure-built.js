// Builds out/ with electron-vite when it is missing or older than any source file, so that
// `npm start` and the `risalah` command work on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuilt } from './check-built.js';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(projectRoot, 'out', '.build-stamp');
const sources = ['electron', 'renderer', 'locales', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function isBuildStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => {
    const path = join(projectRoot, source);
    return existsSync(path) && newestMtime(path) > built;
  });
}

export function ensureBuilt({ force = false } = {}) {
  if (!force && !isBuildStale()) return;
  const bin = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) {
    process.stderr.write(
      'Risalah is not built and its build tools are missing: run "npm ci" first.\n',
    );
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // A build whose output does not parse or load is a failed build: no stamp, status 1.
  const problems = checkBuilt(join(projectRoot, 'out'));
  if (problems.length) {
    process.stderr.write(`The build is broken:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBuilt({ force: process.argv.includes('--force') });
}
