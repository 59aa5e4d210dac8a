import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliIo } from '../../../electron/node/cli/cli';

export interface Captured {
  io: CliIo;
  out: string[];
  err: string[];
  stop: () => void;
}

/** A CLI run's input and output, captured in memory. */
export function fakeIo(
  env: NodeJS.ProcessEnv,
  rendererDir = '/nonexistent',
  launch: CliIo['launchDesktop'] = () => null,
  /** What a person types at each prompt, in order; none left is a script with no terminal. */
  typed: string[] = [],
): Captured {
  const out: string[] = [];
  const err: string[] = [];
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  return {
    out,
    err,
    stop: () => stop(),
    io: {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env,
      rendererDir,
      launchDesktop: launch,
      readSecret: async () => typed.shift() ?? null,
      untilStopped: () => stopped,
    },
  };
}

/** A renderer folder with just an index page, enough for `serve` to start. */
export async function fakeRenderer(dir: string): Promise<string> {
  const renderer = join(dir, 'renderer');
  await mkdir(renderer, { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html>');
  return renderer;
}
