import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not installed in CI: the module is replaced by a recording fake.
const created: FakeWindow[] = [];
let menuCleared = false;

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  openHandler: (() => { action: string }) | undefined;
  css: string[] = [];
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, fn);
  }
  setWindowOpenHandler(fn: () => { action: string }) {
    this.openHandler = fn;
  }
  insertCSS(css: string) {
    this.css.push(css);
    return Promise.resolve('');
  }
}

class FakeWindow {
  webContents = new FakeContents();
  loaded: string[] = [];
  constructor(public options: Record<string, unknown>) {
    created.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  Menu: { setApplicationMenu: () => (menuCleared = true) },
  screen: {
    getAllDisplays: () => [
      { bounds: { x: 0, y: 0 }, workAreaSize: { width: 1366, height: 768 } },
      { bounds: { x: 1366, y: 0 }, workAreaSize: { width: 1920, height: 1080 } },
    ],
    getPrimaryDisplay: () => ({ bounds: { x: 0, y: 0 }, workAreaSize: { width: 1366, height: 768 } }),
  },
}));

const { createAppWindow } = await import('./app-window.js');

beforeEach(() => {
  created.length = 0;
  menuCleared = false;
});

describe('createAppWindow', () => {
  const base = {
    url: 'app://antre/kiosk/',
    preload: '/opt/antre/preload.cjs',
    allowedOrigins: ['http://127.0.0.1:3000'],
    title: 'Antre',
  };

  it('isolates and sandboxes the renderer, and locks a kiosk', () => {
    createAppWindow({ ...base, kiosk: true });
    const win = created[0];
    expect(win?.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    });
    expect(menuCleared).toBe(true);
    expect(win?.loaded).toEqual(['app://antre/kiosk/']);
  });

  it('blocks navigation away and pop-ups', () => {
    createAppWindow(base);
    const contents = created[0]?.webContents;
    const navigate = contents?.handlers.get('will-navigate');
    const away = { preventDefault: vi.fn() };
    navigate?.(away, 'https://example.com');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    navigate?.(home, 'http://127.0.0.1:3000/t/x');
    expect(home.preventDefault).not.toHaveBeenCalled();
    expect(contents?.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('reloads a crashed renderer, and not one that exited cleanly', () => {
    vi.useFakeTimers();
    createAppWindow(base);
    const win = created[0];
    const gone = win?.webContents.handlers.get('render-process-gone');
    gone?.({}, { reason: 'clean-exit' });
    vi.advanceTimersByTime(2000);
    expect(win?.loaded).toHaveLength(1);
    gone?.({}, { reason: 'crashed' });
    vi.advanceTimersByTime(2000);
    expect(win?.loaded).toHaveLength(2);
    vi.useRealTimers();
  });

  it('opens on the chosen screen and hides the cursor on a display', () => {
    createAppWindow({
      ...base,
      screenIndex: 1,
      fullscreen: true,
      hideCursor: true,
      backgroundColor: '#0b1628',
      autoplay: true,
    });
    const win = created[0];
    expect(win?.options).toMatchObject({
      backgroundColor: '#0b1628',
      webPreferences: { autoplayPolicy: 'no-user-gesture-required' },
      x: 1366,
      width: 1920,
      height: 1080,
      fullscreen: true,
      kiosk: false,
    });
    win?.webContents.handlers.get('dom-ready')?.();
    expect(win?.webContents.css.join('')).toContain('cursor: none');
  });
});
