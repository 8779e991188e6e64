import { startElectronApp } from '@antre/electron-shell';
import type { ElectronAppStart } from '@antre/electron-shell';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import { KioskController } from './kiosk-controller.js';
import { pushSnapshots, registerKioskIpc } from './kiosk-ipc.js';
import { DEFAULT_KIOSK_SETTINGS, kioskSettingsSchema } from './kiosk-settings.js';

export interface KioskShell extends ElectronAppStart {
  controller: KioskController;
}

/**
 * The kiosk's Electron main process, kept thin: the shell's start-up (one instance, settings in
 * userData, one locked fullscreen window on the renderer built into the app, so that the kiosk starts and
 * issues even when the hub is down), and the agent (hub link, SQLite outbox, printer) behind IPC.
 */
export function startKioskShell(): Promise<KioskShell | undefined> {
  return startElectronApp({
    kind: 'kiosk',
    title: 'Antre · Kios',
    mainUrl: import.meta.url,
    settings: { schema: kioskSettingsSchema, defaults: DEFAULT_KIOSK_SETTINGS },
    start({ settings: store, userData, ipc, env }) {
      const controller = new KioskController({ settings: store, env, dataDir: userData });
      registerKioskIpc(ipc, controller);
      const settings = controller.settings();
      let stopPushing = () => {};
      return {
        controller,
        allowedOrigins: settings.hubUrl === null ? [] : [settings.hubUrl],
        window: { kiosk: settings.kioskMode, backgroundColor: '#0b2545' },
        attach(win) {
          stopPushing = pushSnapshots(controller, (snapshot) => {
            if (!win.isDestroyed()) win.webContents.send(KIOSK_CHANNELS.snapshotPushed, snapshot);
          });
        },
        // Close the store cleanly before leaving: the SQLite file holds tickets not yet sent.
        async close() {
          stopPushing();
          await controller.close();
        },
      };
    },
  });
}
