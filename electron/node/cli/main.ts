import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

// Bundled to out/main/cli.js, beside the built renderer in out/renderer.
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  rendererDir,
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
process.exitCode = exitCode;
