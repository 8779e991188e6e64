// The display's Electron main process: thin. One fullscreen window on the chosen screen, cursor hidden,
// sound allowed without a click, the renderer served from its own build and reloaded if it crashes.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import {
  SettingsStore,
  appUrl,
  createAppWindow,
  registerAppScheme,
  serveAppProtocol,
} from '@antre/electron-shell';
import type { DisplaySettings } from './display-settings.js';
import {
  DEFAULT_DISPLAY_SETTINGS,
  displaySettingsSchema,
  displayUrl,
  settingsFromArgs,
} from './display-settings.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// A hall display has nobody to click "aktifkan suara": announcements must play by themselves.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
registerAppScheme();

export async function startDisplay(): Promise<void> {
  await app.whenReady();
  const store = new SettingsStore<DisplaySettings>(
    join(app.getPath('userData'), 'display-settings.json'),
    displaySettingsSchema,
    DEFAULT_DISPLAY_SETTINGS,
  );
  const fromArgs = settingsFromArgs(process.argv);
  let settings = store.get();
  if (Object.keys(fromArgs).length > 0) {
    try {
      settings = store.update(fromArgs);
    } catch {
      console.error('antre-display: ignoring invalid command-line settings', fromArgs);
    }
  }
  serveAppProtocol('display', join(here, '../../dist'));
  createAppWindow({
    url: displayUrl(appUrl('display'), settings),
    preload: join(here, '../preload/preload.cjs'),
    allowedOrigins: [settings.hubUrl],
    title: 'Antre · Layar Antrean',
    kiosk: true,
    fullscreen: true,
    screenIndex: settings.screenIndex,
    hideCursor: true,
  });
}

app.on('window-all-closed', () => app.quit());
void startDisplay();
