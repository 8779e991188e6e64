import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain } from 'electron';
import { SettingsStore, appUrl, createAppWindow, serveAppProtocol } from '@antre/electron-shell';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import { KioskController } from './kiosk-controller.js';
import { registerKioskIpc, pushSnapshots } from './kiosk-ipc.js';
import { DEFAULT_KIOSK_SETTINGS, kioskSettingsSchema } from './kiosk-settings.js';

/**
 * The kiosk's Electron main process, kept thin: settings in userData, the agent (hub link, SQLite
 * outbox, printer) behind IPC, and one locked fullscreen window on the renderer built into the app,
 * so that the kiosk starts and issues even when the hub is down.
 */
export async function startKioskShell(): Promise<KioskController> {
  await app.whenReady();
  const here = dirname(fileURLToPath(import.meta.url));
  const userData = app.getPath('userData');
  const store = new SettingsStore(
    join(userData, 'kiosk-settings.json'),
    kioskSettingsSchema,
    DEFAULT_KIOSK_SETTINGS,
  );
  const controller = new KioskController({ settings: store, env: process.env, dataDir: userData });
  registerKioskIpc(ipcMain, controller);
  // dist-electron/main → the renderer's Vite build in dist/.
  serveAppProtocol('kiosk', join(here, '..', '..', 'dist'));

  const settings = controller.settings();
  const win = createAppWindow({
    url: appUrl('kiosk'),
    preload: join(here, '..', 'preload', 'preload.cjs'),
    allowedOrigins: settings.hubUrl === null ? [] : [settings.hubUrl],
    title: 'Antre · Kios',
    kiosk: settings.kioskMode,
    backgroundColor: '#0b2545',
  });
  const stopPushing = pushSnapshots(controller, (snapshot) => {
    if (!win.isDestroyed()) win.webContents.send(KIOSK_CHANNELS.snapshotPushed, snapshot);
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Close the store cleanly before leaving: the SQLite file holds tickets not yet sent.
    event.preventDefault();
    quitting = true;
    stopPushing();
    void controller.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  return controller;
}
