import { startElectronApp } from '@antre/electron-shell';
import type { ElectronAppStart } from '@antre/electron-shell';
import type { DisplaySettings } from './display-settings.js';
import {
  DEFAULT_DISPLAY_SETTINGS,
  displayQuery,
  displaySettingsSchema,
  settingsFromArgs,
} from './display-settings.js';

/**
 * The display's Electron main process, kept thin: the shell's start-up and one fullscreen window on the
 * chosen screen, cursor hidden, sound allowed without a click, the renderer served from its own build and
 * reloaded if it crashes. `--hub=… --screen=… --zone=…` on the command line set the display up once.
 */
export function startDisplayShell(): Promise<ElectronAppStart | undefined> {
  return startElectronApp<DisplaySettings, ElectronAppStart>({
    kind: 'display',
    title: 'Antre · Layar Antrean',
    mainUrl: import.meta.url,
    settings: { schema: displaySettingsSchema, defaults: DEFAULT_DISPLAY_SETTINGS },
    // A hall display has nobody to click "aktifkan suara": announcements must play by themselves.
    switches: { 'autoplay-policy': 'no-user-gesture-required' },
    start({ settings: store, argv }) {
      const fromArgs = settingsFromArgs(argv);
      let settings = store.get();
      if (Object.keys(fromArgs).length > 0) {
        try {
          settings = store.update(fromArgs);
        } catch {
          console.error('antre-display: ignoring invalid command-line settings', fromArgs);
        }
      }
      return {
        query: displayQuery(settings),
        allowedOrigins: [settings.hubUrl],
        window: { kiosk: true, fullscreen: true, screenIndex: settings.screenIndex, hideCursor: true },
      };
    },
  });
}
