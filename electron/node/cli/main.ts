import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read } from 'read';
import { runCli } from './cli';
import { findElectronBinary } from './electron-binary';

// Bundled to out/main/cli.js, beside the built renderer in out/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const appRoot = join(here, '..', '..');

const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  rendererDir,
  launchDesktop(workspace) {
    const electron = findElectronBinary(import.meta.url);
    if (!electron) return null;
    const child = spawn(electron, [appRoot], {
      stdio: 'inherit',
      env: { ...process.env, RISALAH_WORKSPACE: workspace },
    });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  },
  async readSecret(prompt) {
    if (!process.stdin.isTTY) return null;
    // The prompt goes to stderr, so that stdout stays clean for what commands print.
    return read({ prompt, silent: true, replace: '•', output: process.stderr }).catch(() => null);
  },
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
process.exitCode = exitCode;
