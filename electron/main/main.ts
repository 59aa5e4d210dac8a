import { BrowserWindow, app, clipboard, dialog, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../common/errors';
import { isAllowedExternalUrl } from '../common/external-url';
import { languageFromLocale } from '../common/language';
import type { UiLanguage } from '../common/language';
import { createNodeTranslator } from '../node/i18n';
import { defaultWorkspaceDir } from '../node/paths';
import { openRuntime } from '../node/runtime';
import { createKeychain } from './keychain';
import type { Runtime } from '../node/runtime';
import {
  askBeforeDroppingInput,
  askPageToFlush,
  flushBeforeClose,
  registerIpc,
  reloadAfterFlush,
  sendEvent,
} from './ipc';
import { rememberRoute, startUrl } from './last-route';
import { buildMenu } from './menu';
import { APP_ORIGIN, handleAppScheme, isAppUrl, registerAppScheme } from './protocol';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'preload.cjs');

let runtime: Runtime | undefined;
let mainWindow: BrowserWindow | undefined;

function systemLanguage(): UiLanguage {
  return languageFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: the renderer talks to nothing but its own protocol.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link in a note (which may have come from an import) never starts another program:
  // handing its address to the system's URL handler would let a crafted link reach any
  // registered scheme. An https or mailto address is copied for the user to paste into
  // their browser or mail program, and the page says so.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      clipboard.writeText(url);
      sendEvent(contents, { name: 'link-copied', payload: { url } });
    }
    return { action: 'deny' };
  });
});

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Risalah',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click on a link would otherwise open it in a new window of this app.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Typing the page still holds is sent to the host before the window goes.
  flushBeforeClose(window);
  askBeforeDroppingInput(window, () => {
    const t = createNodeTranslator(runtime?.workspace?.settings.language ?? systemLanguage());
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Risalah',
      message: t('menu:unsaved.title'),
      detail: t('menu:unsaved.body'),
      buttons: [t('menu:unsaved.keep'), t('menu:unsaved.discard')],
      defaultId: 0,
      cancelId: 0,
    });
    return choice === 1;
  });
  // The forum, tab and note shown when the app was last closed open again.
  rememberRoute(window, () => runtime?.workspace ?? null);
  void window.loadURL(startUrl(APP_ORIGIN, runtime?.workspace ?? null));
  return window;
}

async function start(): Promise<void> {
  hardenSessions();
  handleAppScheme(rendererDir);
  try {
    runtime = await openRuntime({
      workspaceDir: process.env.RISALAH_WORKSPACE || defaultWorkspaceDir(),
      transport: 'electron',
      locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
      keyKeeper: createKeychain(),
    });
  } catch (error) {
    const t = createNodeTranslator(systemLanguage());
    const message =
      error instanceof AppError ? t(`errors:${error.code}`, error.params) : String(error);
    dialog.showErrorBox('Risalah', message);
    app.exit(1);
    return;
  }
  const live = runtime;
  registerIpc(live);
  const setLanguage = (language: UiLanguage) => void live.call('settings.update', { language });
  const refreshMenu = () =>
    buildMenu(
      live.workspace?.settings.language ?? systemLanguage(),
      setLanguage,
      (window) => void reloadAfterFlush(window),
    );
  refreshMenu();
  live.events.subscribe((event) => {
    if (event.name === 'settings-changed') refreshMenu();
    for (const window of BrowserWindow.getAllWindows()) sendEvent(window.webContents, event);
  });
  mainWindow = createWindow();
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // The first instance owns the workspace; it shows itself (below) instead of a second window.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && runtime) mainWindow = createWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !runtime) return;
    event.preventDefault();
    closing = true;
    // Nothing typed may be lost: the pages send what they hold, then every pending save is
    // written before the process ends.
    const live = runtime;
    void Promise.all(BrowserWindow.getAllWindows().map((w) => askPageToFlush(w.webContents)))
      .then(() => live.close())
      .catch((error: unknown) => {
        // The disk refused the last save: say so before the window goes, in the UI language.
        const t = createNodeTranslator(systemLanguage());
        dialog.showErrorBox(
          'Risalah',
          error instanceof AppError ? t(`errors:${error.code}`, error.params) : String(error),
        );
      })
      .finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
