import { app } from 'electron';
import { registerAppScheme } from '@antre/electron-shell';
import { startKioskShell } from './kiosk-shell.js';

// The app:// scheme must be registered before Electron is ready.
registerAppScheme();
// One kiosk process per machine: a second start would fight over the printer and the store.
if (!app.requestSingleInstanceLock()) app.quit();
else
  startKioskShell().catch((err: unknown) => {
    console.error(err);
    app.exit(1);
  });
