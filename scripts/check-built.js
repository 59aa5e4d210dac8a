// Checks what the build wrote before anything runs it: every JavaScript file must parse
// (`node --check`), and every chunk the CLI and browser mode share must load in plain Node.
// A bundler quirk once made the PDF chunk declare `require` twice: a SyntaxError that only the
// built app met, since the unit tests import the sources (issue 13). This makes it a build error.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function scriptsUnder(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out = out.concat(scriptsUnder(path));
    else if (/\.(c|m)?js$/.test(entry)) out.push(path);
  }
  return out;
}

/**
 * Problems with the build in `outDir`, as readable lines; empty when every file parses and
 * every chunk of `main/chunks` loads. Entry points are only parsed: loading them would start
 * the app (or need Electron).
 */
export function checkBuilt(outDir) {
  const problems = [];
  const files = scriptsUnder(outDir);
  if (!files.length) return [`no JavaScript under ${outDir}`];
  for (const file of files) {
    const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (result.status !== 0) {
      problems.push(`${relative(outDir, file)} does not parse:\n${result.stderr.trim()}`);
    }
  }
  const chunks = scriptsUnder(join(outDir, 'main', 'chunks'));
  if (!problems.length && chunks.length) {
    // One process loads them all, in turn, and names the first that fails.
    const urls = JSON.stringify(chunks.map((file) => pathToFileURL(file).href));
    const script = `for (const url of ${urls}) { try { await import(url); } catch (error) { console.error(url + '\\n' + (error && error.stack || error)); process.exit(1); } }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) {
      problems.push(
        `a built chunk does not load:\n${(result.stderr || result.error || '').toString().trim()}`,
      );
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'out');
  const problems = checkBuilt(dir);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.exit(problems.length ? 1 : 0);
}
