import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_EVENT_CHANNEL,
  apiChannels,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
} from '../../../electron/common/api/channels';
import { createFakeElectron } from './fake-electron';
import type { FakeElectron } from './fake-electron';

type FakeWindow = FakeElectron['windows'][number];

/** The ids of the flush requests the main process sent this window's page. */
const flushRequests = (window: FakeWindow) =>
  window.sent.filter(([channel]) => channel === FLUSH_REQUEST_CHANNEL).map(([, id]) => id);

const fake = vi.hoisted(() => ({ current: undefined as FakeElectron | undefined }));
vi.mock('electron', () => fake.current?.electron ?? {});

let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'risalah-main-'));
  process.env.RISALAH_WORKSPACE = workspace;
  fake.current = createFakeElectron({ locale: 'id-ID', userData: workspace });
  await import('../../../electron/main/main');
  fake.current.ready();
  await vi.waitFor(() => expect(fake.current?.windows).toHaveLength(1));
});

afterAll(async () => {
  // Quitting flushes the workspace first; the folder is removed only once that is done.
  const quit = new Promise((resolve) => fake.current?.appEvents.once('quit-called', resolve));
  fake.current?.appEvents.emit('before-quit', { preventDefault: () => {} });
  // The pages are asked to send what they hold first; this one answers.
  for (const window of fake.current?.windows ?? []) {
    await vi.waitFor(() => expect(flushRequests(window).length).toBeGreaterThan(0));
    window.answer(FLUSH_DONE_CHANNEL, flushRequests(window).at(-1));
  }
  await quit;
  delete process.env.RISALAH_WORKSPACE;
  await rm(workspace, { recursive: true, force: true });
});

const f = () => fake.current as FakeElectron;

describe('Electron main process (against a fake Electron)', () => {
  it('opens the window with context isolation, sandbox and no Node', () => {
    const prefs = f().windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs.preload)).toMatch(/preload[/\\]preload\.cjs$/);
  });

  it('loads the renderer from its own protocol, not file://', () => {
    expect(f().windows[0]?.loadedUrl).toBe('app://risalah/index.html');
  });

  it('denies navigation away from the app and every new window; starts no other program: an https/mailto link is copied and the page told', () => {
    const sent: unknown[] = [];
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => void;
      isDestroyed: () => boolean;
      send: (channel: string, payload: unknown) => void;
    };
    contents.isDestroyed = () => false;
    contents.send = (channel, payload) => sent.push([channel, payload]);
    let openHandler: (d: { url: string }) => unknown = () => undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    f().appEvents.emit('web-contents-created', {}, contents);

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://risalah/index.html')).toBe(false);

    expect(openHandler({ url: 'https://humanrightscity.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'mailto:info@example.org' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'ms-officecmd:run' })).toEqual({ action: 'deny' });
    // Nothing is handed to the system's URL handlers; allowed addresses are copied instead.
    expect(f().opened).toEqual([]);
    expect(f().copied).toEqual(['https://humanrightscity.com/', 'mailto:info@example.org']);
    expect(sent).toEqual([
      [
        API_EVENT_CHANNEL,
        { name: 'link-copied', payload: { url: 'https://humanrightscity.com/' } },
      ],
      [API_EVENT_CHANNEL, { name: 'link-copied', payload: { url: 'mailto:info@example.org' } }],
    ]);
  });

  it('denies every permission request and cancels remote requests', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      f().sessionHandlers.permissionRequest?.({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(f().sessionHandlers.permissionCheck?.()).toBe(false);
    expect(f().sessionHandlers.beforeRequest?.filter.urls).toEqual(
      expect.arrayContaining(['https://*/*', 'http://*/*']),
    );
    let cancelled = false;
    f().sessionHandlers.beforeRequest?.listener({}, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });

  it('registers exactly the contract channels and refuses foreign senders', async () => {
    expect([...f().ipcHandlers.keys()].sort()).toEqual([...apiChannels].sort());
    const handler = f().ipcHandlers.get('settings.get');
    const own = { senderFrame: { url: 'app://risalah/index.html', parent: null } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const subframe = { senderFrame: { url: 'app://risalah/index.html', parent: {} } };
    expect(await handler?.(own, {})).toMatchObject({ ok: true });
    expect(await handler?.(foreign, {})).toMatchObject({ ok: false });
    expect(await handler?.(subframe, {})).toMatchObject({ ok: false });
    // Linux without a keyring: safeStorage would use a password written in Chromium's source.
    expect(await f().ipcHandlers.get('security.status')?.(own, {})).toMatchObject({
      ok: true,
      value: { encrypted: false, keychain: { available: false, backend: 'basic_text' } },
    });
    expect(
      await f().ipcHandlers.get('settings.update')?.(own, { language: 'klingon' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('serves the renderer over app:// with the CSP and refuses paths outside it', async () => {
    const handle = f().protocolHandlers.get('app');
    const outside = await handle?.(new Request('app://risalah/..%2f..%2fpackage.json'));
    expect(outside?.status).toBe(404);
    const other = await handle?.(new Request('app://elsewhere/index.html'));
    expect(other?.status).toBe(404);
  });

  it('builds the native menu in the UI language and rebuilds it when the language changes', async () => {
    const labels = (menu: unknown) => (menu as { label?: string }[]).map((item) => item.label);
    expect(labels(f().menus.at(-1))).toContain('Sunting');
    const own = { senderFrame: { url: 'app://risalah/index.html', parent: null } };
    await f().ipcHandlers.get('settings.update')?.(own, { language: 'en' });
    expect(labels(f().menus.at(-1))).toContain('Edit');
  });

  it('asks the page to send what it holds before the window closes, and closes once it has', async () => {
    const window = f().windows[0] as FakeWindow;
    const before = flushRequests(window).length;
    window.close();
    // Held open: the page was asked, and has not answered yet.
    expect(window.closed).toBe(false);
    expect(flushRequests(window)).toHaveLength(before + 1);
    // An answer from another page, or to another request, does not count.
    const other = new (f().electron.BrowserWindow)({ webPreferences: {} });
    other.answer(FLUSH_DONE_CHANNEL, flushRequests(window).at(-1));
    window.answer(FLUSH_DONE_CHANNEL, 'not-this-request');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.closed).toBe(false);
    window.answer(FLUSH_DONE_CHANNEL, flushRequests(window).at(-1));
    await vi.waitFor(() => expect(window.closed).toBe(true));
    other.closed = true;
    f().windows.splice(f().windows.indexOf(other), 1);
  });

  it('a page with unsaved form input: the user is asked, in the UI language, before the window closes', async () => {
    // The first window was closed above: the app opens another, as on macOS's dock click.
    f().appEvents.emit('activate');
    const window = f().windows.at(-1) as FakeWindow;
    expect(window.closed).toBe(false);
    window.refusesUnload = true;
    const asked = f().questions.length;
    f().answers.next = 0;
    window.close();
    await vi.waitFor(() => expect(flushRequests(window).length).toBeGreaterThan(0));
    window.answer(FLUSH_DONE_CHANNEL, flushRequests(window).at(-1));
    await vi.waitFor(() => expect(f().questions).toHaveLength(asked + 1));
    expect(f().questions.at(-1)?.message).toBe('Discard your changes?');
    expect(f().questions.at(-1)?.buttons).toEqual(['Keep editing', 'Discard changes']);
    // "Keep editing": the window stays, and the next close flushes again before asking.
    expect(window.closed).toBe(false);
    const requests = flushRequests(window).length;
    f().answers.next = 1;
    window.close();
    await vi.waitFor(() => expect(flushRequests(window)).toHaveLength(requests + 1));
    window.answer(FLUSH_DONE_CHANNEL, flushRequests(window).at(-1));
    await vi.waitFor(() => expect(window.closed).toBe(true));
    expect(f().questions).toHaveLength(asked + 2);
    f().windows.splice(f().windows.indexOf(window), 1);
  });

  it('closes anyway when the page does not answer within the timeout', async () => {
    const { flushBeforeClose } = await import('../../../electron/main/ipc');
    const window = new (f().electron.BrowserWindow)({ webPreferences: {} });
    flushBeforeClose(window as unknown as Electron.BrowserWindow, 50);
    window.close();
    expect(window.closed).toBe(false);
    await vi.waitFor(() => expect(window.closed).toBe(true));
    f().windows.splice(f().windows.indexOf(window), 1);
  });

  it('View → Reload asks the page to send what it holds, then reloads', async () => {
    const window = new (f().electron.BrowserWindow)({ webPreferences: {} });
    const items = (f().menus.at(-1) as { submenu?: unknown[] }[]).flatMap(
      (menu) =>
        (menu.submenu ?? []) as { accelerator?: string; click?: (...a: unknown[]) => void }[],
    );
    const reload = items.find((item) => item.accelerator === 'CmdOrCtrl+R');
    expect(reload).toBeDefined();
    reload?.click?.({}, window);
    await vi.waitFor(() => expect(flushRequests(window)).toHaveLength(1));
    expect(window.reloads).toBe(0);
    window.answer(FLUSH_DONE_CHANNEL, flushRequests(window)[0]);
    await vi.waitFor(() => expect(window.reloads).toBe(1));
    window.closed = true;
    f().windows.splice(f().windows.indexOf(window), 1);
  });

  it('opens the next window at the forum, tab and note the last one showed, kept in the workspace', async () => {
    const own = { senderFrame: { url: 'app://risalah/index.html', parent: null } };
    const count = f().windows.length;
    f().appEvents.emit('activate');
    await vi.waitFor(() => expect(f().windows).toHaveLength(count + 1));
    const first = f().windows.at(-1) as FakeWindow;
    const route = '#/forum/f-1/notes/n-2';
    first.pageEvents.emit('did-navigate-in-page', {}, `app://risalah/index.html${route}`);
    // Not a route: ignored rather than kept.
    first.pageEvents.emit('did-navigate-in-page', {}, 'app://risalah/index.html#<img src=x>');
    first.close();
    const settings = (await f().ipcHandlers.get('settings.get')?.(own, {})) as {
      value: { lastRoute?: string };
    };
    expect(settings.value.lastRoute).toBe(route);
    first.answer(FLUSH_DONE_CHANNEL, flushRequests(first).at(-1));
    await vi.waitFor(() => expect(first.closed).toBe(true));
    // On disk, in the workspace's own document, for the next run.
    await vi.waitFor(async () =>
      expect(await readFile(join(workspace, 'workspace.json'), 'utf8')).toContain(route),
    );
    f().appEvents.emit('activate');
    await vi.waitFor(() => expect(f().windows).toHaveLength(count + 2));
    expect(f().windows.at(-1)?.loadedUrl).toBe(`app://risalah/index.html${route}`);
  });

  it('writes the route a moment after the last move, without waiting for a close', async () => {
    const { rememberRoute } = await import('../../../electron/main/last-route');
    const pageEvents = new EventEmitter();
    const window = new EventEmitter();
    const updates: unknown[] = [];
    const workspace = {
      settings: { language: null, csvMappings: {} },
      updateSettings: (patch: unknown) => updates.push(patch),
    };
    rememberRoute(
      Object.assign(window, {
        webContents: { on: pageEvents.on.bind(pageEvents) },
      }) as never,
      () => workspace as never,
      20,
    );
    pageEvents.emit('did-navigate-in-page', {}, 'app://risalah/index.html#/forum/a/agenda');
    pageEvents.emit('did-navigate-in-page', {}, 'app://risalah/index.html#/forum/a/notes');
    expect(updates).toEqual([]);
    await vi.waitFor(() => expect(updates).toEqual([{ lastRoute: '#/forum/a/notes' }]));
  });
});
