import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect } from '@playwright/test';

/** The built command line, as the package ships it. */
export const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

/** Runs the built `risalah` with `args`; rejects with its output when it fails. */
export const risalah = (...args: string[]) =>
  promisify(execFile)(process.execPath, [cli, ...args], { encoding: 'utf8' });

/** `test.use({ seed: demoSeed })`: the workspace holds the example forums `risalah demo` adds. */
export const demoSeed = {
  run: async (workspace: string) => {
    await risalah('demo', '--workspace', workspace);
  },
};

/** A browser-mode Risalah on a fresh temporary workspace. */
export class RisalahServer {
  url = '';
  readonly workspace: string;
  #child: ChildProcess | undefined;
  readonly #lang: string;
  readonly #args: string[];

  /** `args` are more options for `risalah serve` (e.g. `--lan-bind 127.0.0.1`). */
  constructor(workspace: string, lang: string, args: string[] = []) {
    this.workspace = workspace;
    this.#lang = lang;
    this.#args = args;
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  get token(): string {
    return new URL(this.url).searchParams.get('token') ?? '';
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [cli, 'serve', '--workspace', this.workspace, ...this.#args],
      {
        env: { ...process.env, LANG: this.#lang, LC_ALL: '', LC_MESSAGES: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.#child = child;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  }

  /** Stops as a user would (Ctrl+C), which flushes pending saves. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  }

  /** Crashes it (SIGKILL): nothing is flushed, as after a power cut. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

interface Fixtures {
  systemLang: string;
  /** Prepares the workspace folder before the server opens it (wrapped: Playwright reads a bare function as a fixture). */
  seed: { run: (workspace: string) => Promise<void> } | null;
  server: RisalahServer;
}

export const test = base.extend<Fixtures>({
  systemLang: ['id_ID.UTF-8', { option: true }],
  // Browser mode follows the browser's language: the browser speaks the system's unless a test
  // says otherwise (`test.use({ locale })`).
  locale: async ({ systemLang }, use) => {
    await use(systemLang.toLowerCase().startsWith('id') ? 'id-ID' : 'en-GB');
  },
  seed: [null, { option: true }],
  server: async ({ systemLang, seed }, use) => {
    const workspace = await mkdtemp(join(tmpdir(), 'risalah-e2e-'));
    await seed?.run(workspace);
    const server = new RisalahServer(workspace, systemLang);
    await server.start();
    await use(server);
    await server.stop();
    await rm(workspace, { recursive: true, force: true });
  },
  // Depends on `server` so the page closes before the server stops: otherwise the live
  // event stream's reconnect attempts would show up as console errors.
  page: async ({ page, server }, use) => {
    void server;
    // A CSP violation or a script error is a failed test, not a warning.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(page);
    expect(problems, 'console errors').toEqual([]);
  },
});

export { expect };
