import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiChannels } from '../../../electron/common/api/channels';
import { createFakeElectron } from './fake-electron';
import type { FakeElectron } from './fake-electron';

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

  it('denies navigation away from the app and every new window; opens only https/mailto outside', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => void;
    };
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
    expect(f().opened).toEqual(['https://humanrightscity.com/', 'mailto:info@example.org']);
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
});
