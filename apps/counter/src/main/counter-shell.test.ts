import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '@antre/electron-shell/testing';
import { SET_HUB_URL } from '../preload/counter-bridge.js';

// Electron's binary is not here: the main process and the shell run against a fake that records what they ask.
vi.mock('electron', async () => (await import('@antre/electron-shell/testing')).fakeElectron.module);

const { hubUrlFromLaunch, rendererQuery, startCounterShell } = await import('./counter-shell.js');

beforeEach(() => {
  fakeElectron.reset(mkdtempSync(join(tmpdir(), 'antre-counter-shell-')));
});

afterEach(() => {
  rmSync(fakeElectron.userData, { recursive: true, force: true });
});

const saved = () => JSON.parse(readFileSync(join(fakeElectron.userData, 'counter-settings.json'), 'utf8'));

describe('the counter main process', () => {
  it('opens a normal window on the built renderer, told where the hub is', async () => {
    process.argv.push('--hub=http://192.168.1.10:3000/');
    try {
      await startCounterShell();
    } finally {
      process.argv.pop();
    }
    const win = fakeElectron.windows[0];
    expect(win?.loaded).toEqual(['app://antre/counter/?hub=http%3A%2F%2F192.168.1.10%3A3000']);
    expect(win?.options).toMatchObject({ kiosk: false, width: 1366, height: 768, title: 'Antre · Loket' });
    expect(String(win?.options.webPreferences?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    // The hub is the one origin the window may reach.
    const away = { preventDefault: vi.fn() };
    win?.webContents.emit('will-navigate', away, 'http://192.168.1.11:3000/');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(saved()).toEqual({ hubUrl: 'http://192.168.1.10:3000' });
  });

  it('without a hub yet, opens the renderer to ask for one, and saves the answer before restarting', async () => {
    await startCounterShell();
    expect(fakeElectron.windows[0]?.loaded).toEqual(['app://antre/counter/']);
    expect(() => fakeElectron.invoke(SET_HUB_URL, 'javascript:alert(1)')).toThrow();
    expect(() => fakeElectron.invoke(SET_HUB_URL, 42)).toThrow();
    expect(fakeElectron.relaunches).toBe(0);
    fakeElectron.invoke(SET_HUB_URL, 'http://10.0.0.5:3000/counter/');
    expect(saved()).toEqual({ hubUrl: 'http://10.0.0.5:3000' });
    expect([fakeElectron.relaunches, fakeElectron.exits]).toEqual([1, [0]]);
  });
});

describe('launch helpers', () => {
  it('reads the hub from the command line first, then the environment, and refuses non-http', () => {
    expect(hubUrlFromLaunch(['electron', '.', '--hub=http://a:1'], { ANTRE_HUB_URL: 'http://b:2' })).toBe(
      'http://a:1',
    );
    expect(hubUrlFromLaunch(['electron', '.'], { ANTRE_HUB_URL: 'https://b' })).toBe('https://b');
    expect(hubUrlFromLaunch(['--hub=file:///x'], {})).toBeUndefined();
    expect(rendererQuery(null).toString()).toBe('');
  });
});
