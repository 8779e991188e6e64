import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '@antre/electron-shell/testing';

// Electron's binary is not here: the main process and the shell run against a fake that records what they ask.
vi.mock('electron', async () => (await import('@antre/electron-shell/testing')).fakeElectron.module);

const { startDisplayShell } = await import('./display-shell.js');

beforeEach(() => {
  fakeElectron.reset(mkdtempSync(join(tmpdir(), 'antre-display-')));
});

afterEach(() => {
  rmSync(fakeElectron.userData, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function startWith(args: string[]): Promise<void> {
  const argv = process.argv;
  process.argv = [...argv, ...args];
  try {
    await startDisplayShell();
  } finally {
    process.argv = argv;
  }
}

const saved = () => JSON.parse(readFileSync(join(fakeElectron.userData, 'display-settings.json'), 'utf8'));

describe('the display main process', () => {
  it('opens one fullscreen kiosk window on the chosen screen, cursor hidden, sound allowed', async () => {
    await startWith(['--hub=http://192.168.1.10:3000', '--screen=1', '--zone=Lantai 2']);
    expect(fakeElectron.switches).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    expect(fakeElectron.protocolHandlers.has('app')).toBe(true);
    const win = fakeElectron.windows.at(-1);
    expect(win?.loaded).toEqual(['app://antre/display/?hub=http%3A%2F%2F192.168.1.10%3A3000&zone=Lantai+2']);
    expect(win?.options).toMatchObject({ kiosk: true, fullscreen: true, x: 1366, width: 1920 });
    expect(String(win?.options.webPreferences?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    win?.webContents.emit('dom-ready');
    expect(win?.webContents.css.join('')).toContain('cursor: none');
    // The command line configured the display once: the settings are saved for the next start.
    expect(saved()).toEqual({ hubUrl: 'http://192.168.1.10:3000', screenIndex: 1, zone: 'Lantai 2' });
  });

  it('keeps its saved settings when the command line is invalid, and says so', async () => {
    await startWith(['--hub=http://192.168.1.10:3000']);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fakeElectron.reset(fakeElectron.userData);
    await startWith(['--hub=file:///etc/passwd']);
    expect(logged).toHaveBeenCalledWith('antre-display: ignoring invalid command-line settings', {
      hubUrl: 'file:///etc/passwd',
    });
    expect(fakeElectron.windows[0]?.loaded).toEqual([
      'app://antre/display/?hub=http%3A%2F%2F192.168.1.10%3A3000',
    ]);
  });
});
