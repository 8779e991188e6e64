// A recording stand-in for the `electron` module: Electron's binary is not installed where the tests run.
// A test replaces the module with it and then reads what the code under test asked Electron to do:
//   vi.mock('electron', async () => (await import('@antre/electron-shell/testing')).fakeElectron.module);

type Listener = (...args: never[]) => unknown;
interface PreventableEvent {
  preventDefault(): void;
}

export class FakeWebContents {
  readonly handlers = new Map<string, Listener>();
  readonly css: string[] = [];
  readonly sent: Array<[string, unknown]> = [];
  openHandler: (() => { action: string }) | undefined;
  permissionHandler:
    ((contents: unknown, permission: string, grant: (ok: boolean) => void) => void) | undefined;
  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionHandler']) => {
      this.permissionHandler = handler;
    },
  };

  on(event: string, listener: Listener): this {
    this.handlers.set(event, listener);
    return this;
  }
  /** Fires a recorded handler the way Electron would. */
  emit(event: string, ...args: unknown[]): unknown {
    return (this.handlers.get(event) as ((...a: unknown[]) => unknown) | undefined)?.(...args);
  }
  setWindowOpenHandler(handler: () => { action: string }): void {
    this.openHandler = handler;
  }
  insertCSS(css: string): Promise<string> {
    this.css.push(css);
    return Promise.resolve('');
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly calls: string[] = [];
  destroyed = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    fakeElectron.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

const SCREENS = [
  { bounds: { x: 0, y: 0 }, workAreaSize: { width: 1366, height: 768 } },
  { bounds: { x: 1366, y: 0 }, workAreaSize: { width: 1920, height: 1080 } },
];

/** What the code under test did to Electron, and the fake module itself. */
export const fakeElectron = {
  userData: '',
  version: '1.2.3',
  /** What `requestSingleInstanceLock()` answers: false plays a second start. */
  singleInstance: true,
  appEvents: new Map<string, Listener[]>(),
  switches: [] as Array<[string, string]>,
  quits: 0,
  exits: [] as number[],
  relaunches: 0,
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as FakeBrowserWindow[],
  errorBoxes: [] as Array<[string, string]>,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => unknown>(),
  menuCleared: false,

  /** Back to a fresh machine; `userData` is the directory the app gets for its files. */
  reset(userData = ''): void {
    this.userData = userData;
    this.singleInstance = true;
    this.appEvents.clear();
    this.switches.length = 0;
    this.quits = 0;
    this.exits.length = 0;
    this.relaunches = 0;
    this.ipcHandlers.clear();
    this.windows.length = 0;
    this.errorBoxes.length = 0;
    this.privilegedSchemes.length = 0;
    this.protocolHandlers.clear();
    this.menuCleared = false;
  },

  /** Fires an `app` event to every listener, e.g. `second-instance` or `before-quit`. */
  emitApp(event: string, ...args: unknown[]): void {
    for (const l of this.appEvents.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  },

  /** A `before-quit` event: whether a listener held the quit back. */
  quit(): boolean {
    let prevented = false;
    const event: PreventableEvent = { preventDefault: () => void (prevented = true) };
    this.emitApp('before-quit', event);
    return prevented;
  },

  /** Calls an `ipcMain.handle` handler as the preload would. */
  invoke(channel: string, ...args: unknown[]): unknown {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`nothing handles ${channel}`);
    return handler({}, ...args);
  },

  module: {} as Record<string, unknown>,
};

const app = {
  whenReady: () => Promise.resolve(),
  getPath: () => fakeElectron.userData,
  getVersion: () => fakeElectron.version,
  requestSingleInstanceLock: () => fakeElectron.singleInstance,
  on(event: string, listener: Listener) {
    fakeElectron.appEvents.set(event, [...(fakeElectron.appEvents.get(event) ?? []), listener]);
    return app;
  },
  quit: () => void (fakeElectron.quits += 1),
  exit: (code = 0) => void fakeElectron.exits.push(code),
  relaunch: () => void (fakeElectron.relaunches += 1),
  commandLine: {
    appendSwitch: (name: string, value = '') => void fakeElectron.switches.push([name, value]),
  },
};

fakeElectron.module = {
  app,
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      void fakeElectron.ipcHandlers.set(channel, handler),
  },
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: () => void (fakeElectron.menuCleared = true) },
  screen: { getAllDisplays: () => SCREENS, getPrimaryDisplay: () => SCREENS[0] },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void fakeElectron.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string }) => unknown) =>
      void fakeElectron.protocolHandlers.set(scheme, handler),
  },
  net: { fetch: (url: string) => Promise.resolve({ url }) },
  dialog: {
    showErrorBox: (title: string, content: string) => void fakeElectron.errorBoxes.push([title, content]),
  },
};
