import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain } from 'electron';
import { SettingsStore, appUrl, createAppWindow, serveAppProtocol } from '@antre/electron-shell';
import { HUB_URL_PARAM, normalizeHubUrl } from '../common/hub-url.js';
import { DEFAULT_COUNTER_SETTINGS, counterSettingsSchema } from './counter-settings.js';

export const SET_HUB_URL = 'counter:set-hub-url';

/** The hub named at launch (`--hub=http://…` or ANTRE_HUB_URL), for a first start set up by a script. */
export function hubUrlFromLaunch(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): string | undefined {
  const arg = argv.find((a) => a.startsWith('--hub='))?.slice('--hub='.length);
  return normalizeHubUrl(arg ?? env['ANTRE_HUB_URL'] ?? '');
}

/** The renderer's address: its own build under `app://`, told where the hub is. */
export function rendererUrl(hubUrl: string | null): string {
  const url = new URL(appUrl('counter'));
  if (hubUrl !== null) url.searchParams.set(HUB_URL_PARAM, hubUrl);
  return url.toString();
}

/**
 * The counter's Electron main process, kept thin: a normal (not kiosk) window on the renderer built
 * into the app, the hub's address in a settings file, and one IPC call to change it.
 */
export async function startCounterShell(): Promise<void> {
  await app.whenReady();
  const here = dirname(fileURLToPath(import.meta.url));
  const settings = new SettingsStore(
    join(app.getPath('userData'), 'counter-settings.json'),
    counterSettingsSchema,
    DEFAULT_COUNTER_SETTINGS,
  );
  const launched = hubUrlFromLaunch(process.argv, process.env);
  if (launched !== undefined && launched !== settings.get().hubUrl) settings.update({ hubUrl: launched });

  // Served from disk so the window opens (and says it is offline) even when the hub is down.
  serveAppProtocol('counter', join(here, '../../dist'));
  ipcMain.handle(SET_HUB_URL, (_event, url: unknown) => {
    const hubUrl = typeof url === 'string' ? normalizeHubUrl(url) : undefined;
    if (hubUrl === undefined) throw new Error('not an http(s) address');
    settings.update({ hubUrl });
    // A new hub is a new origin for the window's guard: start over rather than patch it.
    app.relaunch();
    app.exit(0);
  });

  const { hubUrl } = settings.get();
  createAppWindow({
    url: rendererUrl(hubUrl),
    preload: join(here, '../preload/preload.cjs'),
    allowedOrigins: hubUrl === null ? [] : [hubUrl],
    title: 'Antre · Loket',
    width: 1366,
    height: 768,
  });
  app.on('window-all-closed', () => app.quit());
}
