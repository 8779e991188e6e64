import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not here: the main process runs against stand-ins that record what it asks for.
const electron = vi.hoisted(() => ({
  userData: '',
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as Array<Record<string, unknown>>,
  relaunched: 0,
  exited: [] as number[],
}));

vi.mock('electron', () => ({
  app: {
    whenReady: () => Promise.resolve(),
    getPath: () => electron.userData,
    on: vi.fn(),
    quit: vi.fn(),
    relaunch: () => void (electron.relaunched += 1),
    exit: (code: number) => void electron.exited.push(code),
  },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
      electron.handlers.set(channel, fn),
  },
}));

vi.mock('@antre/electron-shell', async () => {
  const { SettingsStore } = await import('../../../../packages/electron-shell/src/settings-store.js');
  return {
    SettingsStore,
    appUrl: (app: string) => `app://antre/${app}/`,
    serveAppProtocol: vi.fn(),
    createAppWindow: (options: Record<string, unknown>) => void electron.windows.push(options),
  };
});

const { SET_HUB_URL, hubUrlFromLaunch, rendererUrl, startCounterShell } = await import('./counter-shell.js');

beforeEach(() => {
  electron.userData = mkdtempSync(join(tmpdir(), 'antre-counter-shell-'));
  electron.handlers.clear();
  electron.windows.length = 0;
  electron.relaunched = 0;
  electron.exited.length = 0;
});

afterEach(() => {
  rmSync(electron.userData, { recursive: true, force: true });
});

describe('the counter main process', () => {
  it('opens a normal window on the built renderer, told where the hub is', async () => {
    process.argv.push('--hub=http://192.168.1.10:3000/');
    try {
      await startCounterShell();
    } finally {
      process.argv.pop();
    }
    const win = electron.windows[0];
    expect(win?.['url']).toBe('app://antre/counter/?hub=http%3A%2F%2F192.168.1.10%3A3000');
    expect(win?.['kiosk']).toBeUndefined();
    expect(win?.['allowedOrigins']).toEqual(['http://192.168.1.10:3000']);
    expect(String(win?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    const saved = JSON.parse(readFileSync(join(electron.userData, 'counter-settings.json'), 'utf8'));
    expect(saved).toEqual({ hubUrl: 'http://192.168.1.10:3000' });
  });

  it('without a hub yet, opens the renderer to ask for one, and saves the answer before restarting', async () => {
    await startCounterShell();
    expect(electron.windows[0]?.['url']).toBe('app://antre/counter/');
    const setHubUrl = electron.handlers.get(SET_HUB_URL);
    expect(() => setHubUrl?.({}, 'javascript:alert(1)')).toThrow();
    expect(() => setHubUrl?.({}, 42)).toThrow();
    expect(electron.relaunched).toBe(0);
    setHubUrl?.({}, 'http://10.0.0.5:3000/counter/');
    expect(JSON.parse(readFileSync(join(electron.userData, 'counter-settings.json'), 'utf8'))).toEqual({
      hubUrl: 'http://10.0.0.5:3000',
    });
    expect([electron.relaunched, electron.exited]).toEqual([1, [0]]);
  });
});

describe('launch helpers', () => {
  it('reads the hub from the command line first, then the environment, and refuses non-http', () => {
    expect(hubUrlFromLaunch(['electron', '.', '--hub=http://a:1'], { ANTRE_HUB_URL: 'http://b:2' })).toBe(
      'http://a:1',
    );
    expect(hubUrlFromLaunch(['electron', '.'], { ANTRE_HUB_URL: 'https://b' })).toBe('https://b');
    expect(hubUrlFromLaunch(['--hub=file:///x'], {})).toBeUndefined();
    expect(rendererUrl(null)).toBe('app://antre/counter/');
  });
});
