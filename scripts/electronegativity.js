// Electronegativity (Doyensec's static checker for Electron apps) over what the desktop app
// is built from: the main process and preload sources, the page's HTML (its CSP) and
// package.json (the Electron version). Prints one line per finding, or `--json` for tests.
// The checker's own attempt to fetch Electron's release list fails offline; it says so and
// carries on, which is harmless here.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { projectRoot } from './ensure-built.js';

const run = createRequire(import.meta.url)('@doyensec/electronegativity');
const json = process.argv.includes('--json');

const input = mkdtempSync(join(tmpdir(), 'risalah-electronegativity-'));
try {
  cpSync(join(projectRoot, 'electron'), join(input, 'electron'), { recursive: true });
  cpSync(join(projectRoot, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  cpSync(join(projectRoot, 'package.json'), join(input, 'package.json'));
  // The checker logs progress through console.log; keep stdout for the report.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  const result = await run({ input, isRelative: true });
  console.log = log;
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    manualReview: Boolean(issue.manualReview),
    file: issue.file,
    line: issue.location.line,
  }));
  if (json) process.stdout.write(`${JSON.stringify({ findings, errors: result.errors.length })}\n`);
  else {
    for (const f of findings) {
      process.stdout.write(
        `${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(24)} ${f.file}:${f.line}${f.manualReview ? ' (review)' : ''}\n`,
      );
    }
    process.stdout.write(`${findings.length} finding(s)\n`);
  }
} finally {
  rmSync(input, { recursive: true, force: true });
}
