// What `npm test` needs outside node_modules. On a fresh machine the test run says at once
// what is missing and which Debian package provides it, instead of failing halfway through
// with a spawn error (`.ci/run` installs the same packages before running the tests).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each external tool the tests run, and the Debian package that provides it. */
export const TOOLS = [
  { command: 'chromium', package: 'chromium', why: 'the end-to-end tests drive it' },
  { command: 'soffice', package: 'libreoffice-writer-nogui', why: 'reads exported Word files' },
  { command: 'pdftotext', package: 'poppler-utils', why: 'reads exported PDFs' },
  { command: 'pdfinfo', package: 'poppler-utils', why: 'reads exported PDFs' },
  { command: 'pdffonts', package: 'poppler-utils', why: 'checks fonts embedded in PDFs' },
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command, env) {
  return (env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && executable(join(dir, command)));
}

/** The tools this environment lacks. Chromium is where Playwright looks for it. */
export function missingTools(env = process.env) {
  return TOOLS.filter((tool) =>
    tool.command === 'chromium'
      ? !executable(env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : !onPath(tool.command, env),
  );
}

/** One line per missing tool, then how to install them all; empty when nothing is missing. */
export function preflightReport(env = process.env) {
  const missing = missingTools(env);
  if (missing.length === 0) return [];
  const packages = [...new Set(missing.map((tool) => tool.package))];
  return [
    ...missing.map(
      (tool) =>
        `missing: ${tool.command} (${tool.why}): install the Debian package ${tool.package}`,
    ),
    `sudo apt-get install ${packages.join(' ')}`,
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const lines = preflightReport();
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.exitCode = lines.length > 0 ? 1 : 0;
}
