import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './testing/fake-electron.js';

// Electron's binary is not installed in CI: the module is replaced by a recording fake.
vi.mock('electron', async () => (await import('./testing/fake-electron.js')).fakeElectron.module);

const { createAppWindow } = await import('./app-window.js');

beforeEach(() => fakeElectron.reset());

describe('createAppWindow', () => {
  const base = {
    url: 'app://antre/kiosk/',
    preload: '/opt/antre/preload.cjs',
    allowedOrigins: ['http://127.0.0.1:3000'],
    title: 'Antre',
    version: '2.0.1',
  };

  it('isolates and sandboxes the renderer, and locks a kiosk', () => {
    createAppWindow({ ...base, kiosk: true });
    const win = fakeElectron.windows[0];
    expect(win?.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
        preload: '/opt/antre/preload.cjs',
      },
    });
    expect(fakeElectron.menuCleared).toBe(true);
    expect(win?.loaded).toEqual(['app://antre/kiosk/']);
  });

  it('hands the preload the version on its command line', () => {
    createAppWindow(base);
    expect(fakeElectron.windows[0]?.options.webPreferences?.['additionalArguments']).toEqual([
      '--antre-version=2.0.1',
    ]);
  });

  it('blocks navigation and redirects away, pop-ups and webviews', () => {
    createAppWindow(base);
    const contents = fakeElectron.windows[0]?.webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      contents?.emit(event, away, 'https://example.com');
      expect(away.preventDefault, event).toHaveBeenCalled();
      const home = { preventDefault: vi.fn() };
      contents?.emit(event, home, 'http://127.0.0.1:3000/t/x');
      expect(home.preventDefault, event).not.toHaveBeenCalled();
    }
    expect(contents?.openHandler?.()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents?.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('refuses every permission a page asks for', () => {
    createAppWindow(base);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      fakeElectron.windows[0]?.webContents.permissionHandler?.({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
  });

  it('reloads a crashed renderer, and not one that exited cleanly', () => {
    vi.useFakeTimers();
    createAppWindow(base);
    const win = fakeElectron.windows[0];
    win?.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    vi.advanceTimersByTime(2000);
    expect(win?.loaded).toHaveLength(1);
    win?.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
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
    const win = fakeElectron.windows[0];
    expect(win?.options).toMatchObject({
      backgroundColor: '#0b1628',
      webPreferences: { autoplayPolicy: 'no-user-gesture-required' },
      x: 1366,
      width: 1920,
      height: 1080,
      fullscreen: true,
      kiosk: false,
    });
    win?.webContents.emit('dom-ready');
    expect(win?.webContents.css.join('')).toContain('cursor: none');
  });
});
