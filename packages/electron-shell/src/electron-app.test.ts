import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsSchema } from './settings-store.js';
import { fakeElectron } from './testing/fake-electron.js';

vi.mock('electron', async () => (await import('./testing/fake-electron.js')).fakeElectron.module);

const { rendererUrl, startElectronApp } = await import('./electron-app.js');

interface Settings {
  hubUrl: string | null;
}
const schema: SettingsSchema<Settings> = {
  safeParse: (input) => {
    const hubUrl = (input as Partial<Settings> | null)?.hubUrl;
    return hubUrl === null || typeof hubUrl === 'string'
      ? { success: true, data: { hubUrl } }
      : { success: false };
  },
};
// Where the compiled main process of an app sits, as `import.meta.url`.
const MAIN_URL = 'file:///opt/antre/resources/app/dist-electron/main/main.js';

function spec(
  start: Parameters<typeof startElectronApp<Settings, { allowedOrigins: string[] }>>[0]['start'],
) {
  return {
    kind: 'counter' as const,
    title: 'Antre · Loket',
    mainUrl: MAIN_URL,
    settings: { schema, defaults: { hubUrl: null } },
    start,
  };
}

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'antre-electron-app-'));
  fakeElectron.reset(userData);
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('startElectronApp', () => {
  it('opens one hardened window on the app build, with its preload, settings and version', async () => {
    const started = await startElectronApp({
      ...spec(({ settings }) => {
        settings.update({ hubUrl: 'http://10.0.0.5:3000' });
        return { allowedOrigins: ['http://10.0.0.5:3000'] };
      }),
      switches: { 'autoplay-policy': 'no-user-gesture-required' },
    });
    expect(started).toEqual({ allowedOrigins: ['http://10.0.0.5:3000'] });
    expect(fakeElectron.privilegedSchemes).toMatchObject([{ scheme: 'app' }]);
    expect(fakeElectron.switches).toEqual([['autoplay-policy', 'no-user-gesture-required']]);
    expect(fakeElectron.windows).toHaveLength(1);
    const win = fakeElectron.windows[0];
    expect(win?.loaded).toEqual(['app://antre/counter/']);
    expect(win?.options).toMatchObject({
      title: 'Antre · Loket',
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        preload: '/opt/antre/resources/app/dist-electron/preload/preload.cjs',
        additionalArguments: ['--antre-version=1.2.3'],
      },
    });
    // The renderer's build is served from dist/, next to dist-electron/.
    expect(fakeElectron.protocolHandlers.has('app')).toBe(true);
    expect(JSON.parse(readFileSync(join(userData, 'counter-settings.json'), 'utf8'))).toEqual({
      hubUrl: 'http://10.0.0.5:3000',
    });
    fakeElectron.emitApp('window-all-closed');
    expect(fakeElectron.quits).toBe(1);
  });

  it('lets a second start bring the running window forward, and quits the second', async () => {
    await startElectronApp(spec(() => ({ allowedOrigins: [] })));
    const win = fakeElectron.windows[0];
    if (win) win.minimized = true;
    fakeElectron.emitApp('second-instance');
    expect(win?.calls).toEqual(['restore', 'show', 'focus']);

    const apps = fakeElectron.windows.length;
    fakeElectron.singleInstance = false;
    const start = vi.fn(() => ({ allowedOrigins: [] }));
    expect(await startElectronApp(spec(start))).toBeUndefined();
    expect(start).not.toHaveBeenCalled();
    expect(fakeElectron.windows).toHaveLength(apps);
    expect(fakeElectron.quits).toBe(1);
  });

  it('says why it could not start, in both languages, logs it and exits with 1', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const started = await startElectronApp(
      spec(() => {
        throw new Error('the kiosk store is locked by another process');
      }),
    );
    expect(started).toBeUndefined();
    expect(fakeElectron.windows).toHaveLength(0);
    expect(fakeElectron.exits).toEqual([1]);
    const [title, content] = fakeElectron.errorBoxes[0] ?? ['', ''];
    expect(title).toBe('Antre · Loket: gagal dimulai / failed to start');
    expect(content).toMatch(/tidak dapat dimulai[\s\S]*could not start[\s\S]*locked by another process/);
    expect(logged).toHaveBeenCalledWith('antre-counter: could not start', expect.any(Error));
  });

  it('waits for the app to close what it must before quitting, once', async () => {
    let closed = 0;
    let finish = () => {};
    await startElectronApp(
      spec(() => ({
        allowedOrigins: [],
        close: () => new Promise<void>((resolve) => (finish = () => resolve(void (closed += 1)))),
      })),
    );
    expect(fakeElectron.quit()).toBe(true);
    expect(fakeElectron.quits).toBe(0);
    finish();
    await vi.waitFor(() => expect(fakeElectron.quits).toBe(1));
    // The quit it then asks for goes through.
    expect(fakeElectron.quit()).toBe(false);
    expect(closed).toBe(1);
  });

  it('hands the app a relaunch that restarts the process', async () => {
    await startElectronApp(
      spec(({ relaunch }) => {
        relaunch();
        return { allowedOrigins: [] };
      }),
    );
    expect([fakeElectron.relaunches, fakeElectron.exits]).toEqual([1, [0]]);
  });
});

describe('rendererUrl', () => {
  it("is the app's own build, with the query its shell gives it", () => {
    expect(rendererUrl('display')).toBe('app://antre/display/');
    expect(rendererUrl('display', new URLSearchParams())).toBe('app://antre/display/');
    expect(rendererUrl('counter', new URLSearchParams({ hub: 'http://10.0.0.5:3000' }))).toBe(
      'app://antre/counter/?hub=http%3A%2F%2F10.0.0.5%3A3000',
    );
  });
});
