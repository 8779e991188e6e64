import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from '@antre/electron-shell/testing';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import type { KioskSnapshot } from '../core/kiosk-backend.js';

// Electron's binary is not here: the main process and the shell run against a fake that records what they ask.
vi.mock('electron', async () => (await import('@antre/electron-shell/testing')).fakeElectron.module);

const { startKioskShell } = await import('./kiosk-shell.js');

const saved = { ...process.env };
beforeEach(() => {
  fakeElectron.reset(mkdtempSync(join(tmpdir(), 'antre-kiosk-shell-')));
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(fakeElectron.userData, { recursive: true, force: true });
});

async function start() {
  const shell = await startKioskShell();
  if (!shell) throw new Error('the kiosk did not start');
  return shell;
}

describe('the kiosk main process', () => {
  it('opens one locked, sandboxed window on the built renderer, with its preload', async () => {
    const { controller } = await start();
    expect(fakeElectron.windows).toHaveLength(1);
    const win = fakeElectron.windows[0];
    expect(win?.loaded).toEqual(['app://antre/kiosk/']);
    expect(win?.options).toMatchObject({
      kiosk: true,
      title: 'Antre · Kios',
      backgroundColor: '#0b2545',
      webPreferences: { sandbox: true, additionalArguments: ['--antre-version=1.2.3'] },
    });
    expect(String(win?.options.webPreferences?.['preload'])).toMatch(/preload[/\\]preload\.cjs$/);
    expect(fakeElectron.protocolHandlers.has('app')).toBe(true);
    await controller.close();
  });

  it('answers the bridge: not set up yet, it asks for enrolment and refuses to issue', async () => {
    const { controller } = await start();
    expect(await fakeElectron.invoke(KIOSK_CHANNELS.behaviour)).toEqual({
      idleSeconds: 30,
      ticketSeconds: 15,
    });
    const snapshot = (await fakeElectron.invoke(KIOSK_CHANNELS.snapshot)) as KioskSnapshot;
    expect(snapshot).toMatchObject({ connection: 'offline', issuesOffline: true });
    expect(snapshot.kioskId).toBeUndefined();
    expect(
      await fakeElectron.invoke(KIOSK_CHANNELS.issueTicket, {
        serviceId: 'skck',
        priority: 'none',
        lang: 'id',
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await controller.close();
  });

  it('refuses malformed requests from the renderer', async () => {
    const { controller } = await start();
    const call =
      (channel: string, ...args: unknown[]) =>
      () =>
        fakeElectron.invoke(channel, ...args);
    expect(call(KIOSK_CHANNELS.issueTicket, { serviceId: 'skck', priority: 'vip' })).toThrow(/priority/);
    expect(call(KIOSK_CHANNELS.issueTicket, { serviceId: '../etc', priority: 'none' })).toThrow(/service/);
    expect(call(KIOSK_CHANNELS.printOutcome, { id: 1 })).toThrow(/ticket id/);
    expect(call(KIOSK_CHANNELS.enrol, { kioskId: 'kiosk 1', pairingCode: '1' })).toThrow(/kiosk id/);
    await controller.close();
  });

  it('pushes each new snapshot to the window', async () => {
    const { controller } = await start();
    expect(fakeElectron.windows[0]?.webContents.sent).toEqual([]);
    await controller.restart();
    await vi.waitFor(() =>
      expect(fakeElectron.windows[0]?.webContents.sent.map(([channel]) => channel)).toContain(
        KIOSK_CHANNELS.snapshotPushed,
      ),
    );
    await controller.close();
  });

  it('takes the hub and the window mode from the environment, and closes the store before quitting', async () => {
    process.env['ANTRE_HUB_URL'] = 'http://127.0.0.1:9';
    process.env['ANTRE_KIOSK_ID'] = 'kiosk-1';
    process.env['ANTRE_KIOSK_WINDOWED'] = '1';
    const { controller } = await start();
    expect(fakeElectron.windows[0]?.options).toMatchObject({ kiosk: false });
    const navigate = { preventDefault: vi.fn() };
    fakeElectron.windows[0]?.webContents.emit('will-navigate', navigate, 'http://127.0.0.1:9/t/x');
    expect(navigate.preventDefault).not.toHaveBeenCalled();
    expect(controller.currentAgent?.kioskId).toBe('kiosk-1');
    expect(fakeElectron.quit()).toBe(true);
    await vi.waitFor(() => expect(fakeElectron.quits).toBe(1));
    expect(controller.currentAgent).toBeUndefined();
  });
});
