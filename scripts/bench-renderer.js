/* global window, document -- the page.evaluate callbacks below run in Chromium. */
// The renderer in Debian's Chromium against browser mode: first usable screen, opening the
// note list of a 2,000-note forum, and keystroke-to-paint latency in the note editor.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function startServer(cli, workspace) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--workspace', workspace], {
      env: { ...process.env, LANG: 'en_GB.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)?.[1];
      if (url)
        resolve({
          url,
          stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGINT'))),
        });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

/**
 * A PDF of the whole forum is saved from the Export tab (as a user clicks), and the delegate goes
 * straight back to a note and types while the host makes it: every long task (> 50 ms) of the
 * page from the click until the file is handed to the browser, and each keystroke's handling.
 */
async function typeWhileExporting(page) {
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'PDF (A4)' }).check();
  // The preview of the whole forum renders first; what is measured starts at the click.
  await page.locator('.export-preview .brief').first().waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.__exportLongTasks = [];
    window.__exportKeys = [];
    let start = 0;
    document.addEventListener('keydown', () => (start = performance.now()), true);
    window.addEventListener('input', () => window.__exportKeys.push(performance.now() - start));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__exportLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  const started = performance.now();
  let saved = false;
  const download = page.waitForEvent('download', { timeout: 300_000 }).then((d) => {
    saved = true;
    return d;
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Going back to the notes renders the 2,000-note list (its own row: "open the note list"):
  // its long task is told apart from those while the delegate types and the file arrives.
  const openedAt = await page.evaluate(() => performance.now());
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('list', { name: 'Notes' }).getByRole('button').first().click();
  await page.getByRole('textbox', { name: 'English', exact: true }).click();
  await page.keyboard.press('End');
  const typingAt = await page.evaluate(() => performance.now());
  const words = ' and the regent will be told of it'.split('');
  for (let i = 0; !saved; i++) await page.keyboard.type(words[i % words.length], { delay: 30 });
  const file = await download;
  const exportMs = performance.now() - started;
  const bytes = (await import('node:fs')).statSync(await file.path()).size;
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => window.__exportLongTasks);
  const keys = await page.evaluate(() => window.__exportKeys);
  const opening = (t) => t.start >= openedAt && t.start < typingAt;
  return {
    exportMs,
    bytes,
    longTasks: tasks.map((t) => t.duration),
    /** While the Notes tab and a note opened (the list of the whole forum rendered). */
    openingTasks: tasks.filter(opening).map((t) => t.duration),
    /** Before, and while the delegate typed and the file arrived and was saved. */
    otherTasks: tasks.filter((t) => !opening(t)).map((t) => t.duration),
    keys: keys.length,
    keyMax: Math.max(0, ...keys),
  };
}

export async function benchRenderer({ cli, workspace, percentile }) {
  // A copy: the bench types into notes, and the generated workspace is reused across runs.
  const copy = join(mkdtempSync(join(tmpdir(), 'risalah-bench-ui-')), 'ws');
  spawnSync('cp', ['-r', workspace, copy]);
  const server = await startServer(cli, copy);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const first = await context.newPage();
    await first.goto(server.url);
    await first.getByRole('heading', { level: 1 }).waitFor();

    const firstScreen = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      const start = performance.now();
      // With the token in the address, as a user's first open: the page keeps it in a header
      // (never a cookie), so a bare address of the server would not be let in.
      await page.goto(server.url);
      await page.getByRole('navigation').getByRole('button').nth(2).waitFor();
      firstScreen.push(performance.now() - start);
      await page.close();
    }

    const page = first;
    const forumButton = page.locator('.forum-item').first();
    const openList = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Home' }).click();
      await forumButton.click();
      await page.getByRole('tab', { name: 'Agenda' }).waitFor();
      const start = performance.now();
      await page.getByRole('tab', { name: 'Notes' }).click();
      await page.getByRole('list', { name: 'Notes' }).getByRole('button').first().waitFor();
      openList.push(performance.now() - start);
    }
    const noteCount = Number(
      await page
        .getByRole('list', { name: 'Notes' })
        .locator('li')
        .first()
        .getAttribute('aria-setsize'),
    );

    await page.getByRole('list', { name: 'Notes' }).getByRole('button').first().click();
    const editor = page.getByRole('textbox', { name: 'English', exact: true });
    await editor.click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      // How long each keystroke holds the page: from the key event to the end of the input
      // it causes, React's render included (React renders discrete input synchronously).
      // Long tasks at other moments (an autosave answer re-rendering the list) are counted too.
      const samples = [];
      const longTasks = [];
      window.__keystrokes = samples;
      window.__longTasks = longTasks;
      let start = 0;
      document.addEventListener('keydown', () => (start = performance.now()), true);
      window.addEventListener('input', () => samples.push(performance.now() - start));
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.keyboard.type(' The delegation will report back to the regent within a month.', {
      delay: 25,
    });
    await page.waitForTimeout(800);
    const keystrokes = await page.evaluate(() => window.__keystrokes);
    const longTasks = await page.evaluate(() => window.__longTasks);
    const exporting = await typeWhileExporting(page);
    return {
      firstScreen: { median: percentile(firstScreen, 50), p95: percentile(firstScreen, 95) },
      openList: {
        median: percentile(openList, 50),
        p95: percentile(openList, 95),
        notes: noteCount,
      },
      keystroke: {
        median: percentile(keystrokes, 50),
        p95: percentile(keystrokes, 95),
        max: Math.max(...keystrokes),
        samples: keystrokes.length,
        longTasks,
      },
      exporting,
    };
  } finally {
    await browser.close();
    await server.stop();
    spawnSync('rm', ['-rf', copy]);
  }
}
