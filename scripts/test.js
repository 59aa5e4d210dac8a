// `npm test`: every check a submission must pass, in order, each reported; the last line
// sums them as `N passed, N failed` (a static check counts as one, a skipped test as failed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, projectRoot } from './ensure-built.js';
import { preflightReport } from './preflight.js';

const reports = join(projectRoot, 'test-results');
const bin = (name) => join(projectRoot, 'node_modules', '.bin', name);
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;

function run(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    process.stdout.write(`✘ ${label} failed\n`);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function suite(label, command, args, report, count) {
  rmSync(report, { force: true });
  const ok = run(label, command, args);
  const counts = existsSync(report) ? count(readJson(report)) : null;
  if (!counts) {
    failed++;
    process.stdout.write(`✘ ${label} produced no report\n`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) failed++;
}

const wanted = (step) => only.length === 0 || only.includes(step);

// The tests run Chromium, LibreOffice and poppler: say at once what is missing, before
// anything runs, rather than fail halfway with a spawn error.
if (wanted('unit') || wanted('e2e')) {
  const missing = preflightReport();
  if (missing.length > 0) {
    for (const line of missing) process.stdout.write(`${line}\n`);
    process.stdout.write('\n0 passed, 1 failed\n');
    process.exit(1);
  }
}

mkdirSync(reports, { recursive: true });

if (wanted('typecheck')) {
  check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json']);
  check('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']);
  check('typecheck (end-to-end tests)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
  check('typecheck (page on a real host)', bin('tsc'), ['-p', 'tsconfig.integration.json']);
}
if (wanted('lint')) check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
if (wanted('format')) check('format', bin('prettier'), ['--check', '.']);
if (wanted('unit')) {
  const report = join(reports, 'unit.json');
  suite(
    'unit tests (vitest)',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    report,
    (r) =>
      r && {
        passed: r.numPassedTests,
        failed: r.numFailedTests + r.numPendingTests + r.numTodoTests,
      },
  );
}
if (wanted('e2e')) {
  process.stdout.write('\n▶ build\n');
  ensureBuilt({ force: true });
  const report = join(reports, 'e2e.json');
  suite(
    'end-to-end tests (Playwright, Chromium)',
    bin('playwright'),
    ['test'],
    report,
    (r) =>
      r?.stats && {
        passed: r.stats.expected + r.stats.flaky,
        failed: r.stats.unexpected + r.stats.skipped,
      },
  );
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
