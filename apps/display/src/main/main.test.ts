import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Electron's binary is not installed here: the module and the shell are replaced by recording fakes.
const userData = mkdtempSync(join(tmpdir(), 'antre-display-'));
const switches: Array<[string, string]> = [];
const windows: Array<Record<string, unknown>> = [];
const served: Array<[string, string]> = [];
let schemeRegistered = false;

vi.mock('electron', () => ({
  app: {
    commandLine: { appendSwitch: (name: string, value: string) => switches.push([name, value]) },
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    on: () => undefined,
    quit: () => undefined,
  },
}));

vi.mock('@antre/electron-shell', async () => {
  // The real settings store (plain Node), the window and protocol parts recorded.
  const { SettingsStore } =
    await vi.importActual<typeof import('@antre/electron-shell')>('@antre/electron-shell');
  return {
    SettingsStore,
    appUrl: (name: string) => `app://antre/${name}/`,
    registerAppScheme: () => {
      schemeRegistered = true;
    },
    serveAppProtocol: (name: string, dir: string) => served.push([name, dir]),
    createAppWindow: (options: Record<string, unknown>) => windows.push(options),
  };
});

describe('the display main process', () => {
  it('opens one fullscreen kiosk window on the chosen screen, cursor hidden, sound allowed', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--hub=http://192.168.1.10:3000', '--screen=1', '--zone=Lantai 2'];
    try {
      const { startDisplay } = await import('./main.js');
      await startDisplay();
    } finally {
      process.argv = argv;
    }
    expect(switches).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    expect(schemeRegistered).toBe(true);
    expect(served[0]?.[0]).toBe('display');
    expect(served[0]?.[1]).toMatch(/apps\/display\/dist$/);
    const win = windows.at(-1);
    expect(win).toMatchObject({
      kiosk: true,
      fullscreen: true,
      screenIndex: 1,
      hideCursor: true,
      allowedOrigins: ['http://192.168.1.10:3000'],
      url: 'app://antre/display/?hub=http%3A%2F%2F192.168.1.10%3A3000&zone=Lantai+2',
    });
    expect(String(win?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    // The command line configured the display once: the settings are saved for the next start.
    const saved: unknown = JSON.parse(readFileSync(join(userData, 'display-settings.json'), 'utf8'));
    expect(saved).toEqual({ hubUrl: 'http://192.168.1.10:3000', screenIndex: 1, zone: 'Lantai 2' });
  });
});
