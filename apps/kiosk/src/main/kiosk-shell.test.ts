import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import type { KioskSnapshot } from '../core/kiosk-backend.js';

// Electron's binary is not here: the main process runs against stand-ins that record what it asks for.
const electron = vi.hoisted(() => ({
  userData: '',
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  appEvents: new Map<string, (event: { preventDefault(): void }) => void>(),
  windows: [] as Array<Record<string, unknown>>,
  sent: [] as Array<[string, unknown]>,
  served: [] as string[][],
  quit: 0,
}));

vi.mock('electron', () => ({
  app: {
    whenReady: () => Promise.resolve(),
    getPath: () => electron.userData,
    on: (event: string, fn: (event: { preventDefault(): void }) => void) => electron.appEvents.set(event, fn),
    quit: () => void (electron.quit += 1),
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
    serveAppProtocol: (...args: string[]) => void electron.served.push(args),
    createAppWindow: (options: Record<string, unknown>) => {
      electron.windows.push(options);
      return {
        isDestroyed: () => false,
        webContents: {
          send: (channel: string, payload: unknown) => void electron.sent.push([channel, payload]),
        },
      };
    },
  };
});

const { startKioskShell } = await import('./kiosk-shell.js');

const saved = { ...process.env };
beforeEach(() => {
  electron.userData = mkdtempSync(join(tmpdir(), 'antre-kiosk-shell-'));
  electron.handlers.clear();
  electron.appEvents.clear();
  electron.windows.length = 0;
  electron.sent.length = 0;
  electron.served.length = 0;
  electron.quit = 0;
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(electron.userData, { recursive: true, force: true });
});

describe('the kiosk main process', () => {
  it('opens one locked, sandboxed window on the built renderer, with its preload', async () => {
    const controller = await startKioskShell();
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]).toMatchObject({
      url: 'app://antre/kiosk/',
      kiosk: true,
      allowedOrigins: [],
      title: 'Antre · Kios',
    });
    expect(String(electron.windows[0]?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    expect(electron.served[0]?.[0]).toBe('kiosk');
    expect(String(electron.served[0]?.[1])).toMatch(/kiosk[/\\]dist$/);
    await controller.close();
  });

  it('answers the bridge: not set up yet, it asks for enrolment and refuses to issue', async () => {
    const controller = await startKioskShell();
    const call = (channel: string, ...args: unknown[]) => electron.handlers.get(channel)?.({}, ...args);
    expect(await call(KIOSK_CHANNELS.behaviour)).toEqual({ idleSeconds: 30, ticketSeconds: 15 });
    const snapshot = (await call(KIOSK_CHANNELS.snapshot)) as KioskSnapshot;
    expect(snapshot).toMatchObject({ connection: 'offline', issuesOffline: true });
    expect(snapshot.kioskId).toBeUndefined();
    expect(
      await call(KIOSK_CHANNELS.issueTicket, { serviceId: 'skck', priority: 'none', lang: 'id' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await controller.close();
  });

  it('refuses malformed requests from the renderer', async () => {
    const controller = await startKioskShell();
    const call = (channel: string, ...args: unknown[]) => electron.handlers.get(channel)?.({}, ...args);
    expect(() => call(KIOSK_CHANNELS.issueTicket, { serviceId: 'skck', priority: 'vip' })).toThrow(
      /priority/,
    );
    expect(() => call(KIOSK_CHANNELS.issueTicket, { serviceId: '../etc', priority: 'none' })).toThrow(
      /service/,
    );
    expect(() => call(KIOSK_CHANNELS.printOutcome, { id: 1 })).toThrow(/ticket id/);
    expect(() => call(KIOSK_CHANNELS.enrol, { kioskId: 'kiosk 1', pairingCode: '1' })).toThrow(/kiosk id/);
    await controller.close();
  });

  it('takes the hub and the window mode from the environment, and closes the store before quitting', async () => {
    process.env['ANTRE_HUB_URL'] = 'http://127.0.0.1:9';
    process.env['ANTRE_KIOSK_ID'] = 'kiosk-1';
    process.env['ANTRE_KIOSK_WINDOWED'] = '1';
    const controller = await startKioskShell();
    expect(electron.windows[0]).toMatchObject({ kiosk: false, allowedOrigins: ['http://127.0.0.1:9'] });
    expect(controller.currentAgent?.kioskId).toBe('kiosk-1');
    let prevented = false;
    electron.appEvents.get('before-quit')?.({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(electron.quit).toBe(1));
    expect(controller.currentAgent).toBeUndefined();
  });
});
