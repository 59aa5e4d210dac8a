import { EventEmitter } from 'node:events';

/**
 * A stand-in for the parts of Electron the main process touches, recording what it was
 * asked to do, so the security settings can be checked where the binary cannot run.
 */
export function createFakeElectron(
  options: {
    singleInstance?: boolean;
    locale?: string;
    userData?: string;
    /** What Chromium picked on Linux; `basic_text` is its no-keyring fallback. */
    keychainBackend?: string;
  } = {},
) {
  const appEvents = new EventEmitter();
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  /** `ipcMain.on` listeners: what the page sends without waiting for an answer. */
  const ipcListeners = new EventEmitter();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const opened: string[] = [];
  /** What was put on the clipboard. */
  const copied: string[] = [];
  const menus: unknown[] = [];
  const errors: string[] = [];
  /** The message boxes shown, and the button the user presses in the next one. */
  const questions: { message: string; buttons: string[] }[] = [];
  const answers = { next: 0 };
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const sessionHandlers: {
    permissionRequest?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
    permissionCheck?: () => boolean;
    beforeRequest?: {
      filter: { urls: string[] };
      listener: (d: unknown, cb: (r: { cancel: boolean }) => void) => void;
    };
  } = {};

  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.closed);
    readonly options: { webPreferences: Record<string, unknown> };
    loadedUrl = '';
    closed = false;
    reloads = 0;
    /** What the main process sent the page: [channel, ...args]. */
    readonly sent: unknown[][] = [];
    /** The page's events (`did-navigate-in-page`…), emitted by a test as Chromium would. */
    readonly pageEvents = new EventEmitter();
    /** The page has unsaved form input: its `beforeunload` refuses to let it go. */
    refusesUnload = false;
    readonly webContents = {
      on: (event: string, listener: (...args: unknown[]) => void) =>
        this.pageEvents.on(event, listener),
      send: (...args: unknown[]) => void this.sent.push(args),
      isDestroyed: () => this.closed,
      reload: () => void this.reloads++,
    };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      this.options = options;
      windows.push(this);
    }
    /** As Electron: 'close' is emitted first, and a listener may prevent it. */
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      if (this.refusesUnload) {
        // As Electron: the unload goes ahead only if a listener prevents the refusal.
        let overruled = false;
        this.pageEvents.emit('will-prevent-unload', {
          preventDefault: () => (overruled = true),
        });
        if (!overruled) return;
      }
      this.closed = true;
    }
    /** The page answering the main process on `channel`, as the preload would. */
    answer(channel: string, ...args: unknown[]) {
      ipcListeners.emit(channel, { sender: this.webContents }, ...args);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    focus() {}
  }

  const electron = {
    app: {
      name: 'Risalah',
      on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      whenReady: () => whenReady,
      getPreferredSystemLanguages: () => [options.locale ?? 'id-ID'],
      getLocale: () => options.locale ?? 'id-ID',
      getPath: (name: string) => `${options.userData ?? '/nonexistent'}/${name}`,
      quit: () => appEvents.emit('quit-called'),
      exit: () => appEvents.emit('exit-called'),
    },
    BrowserWindow: FakeWindow,
    safeStorage: {
      getSelectedStorageBackend: () => options.keychainBackend ?? 'basic_text',
      isEncryptionAvailable: () => true,
      // Reversible on purpose: this fake only has to round-trip.
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => errors.push(message),
      showMessageBoxSync: (_window: unknown, box: { message: string; buttons: string[] }) => {
        questions.push(box);
        return answers.next;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof sessionHandlers.permissionRequest) =>
          (sessionHandlers.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof sessionHandlers.permissionCheck) =>
          (sessionHandlers.permissionCheck = h),
        webRequest: {
          onBeforeRequest: (
            filter: { urls: string[] },
            listener: NonNullable<typeof sessionHandlers.beforeRequest>['listener'],
          ) => (sessionHandlers.beforeRequest = { filter, listener }),
        },
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    clipboard: { writeText: (text: string) => void copied.push(text) },
    protocol: {
      registerSchemesAsPrivileged: () => {},
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
        ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        ipcListeners.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        ipcListeners.removeListener(channel, listener),
    },
  };

  return {
    electron,
    appEvents,
    windows,
    ipcHandlers,
    protocolHandlers,
    opened,
    copied,
    menus,
    errors,
    questions,
    answers,
    sessionHandlers,
    ready,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
