import { startElectronApp } from '@antre/electron-shell';
import type { ElectronAppStart } from '@antre/electron-shell';
import { HUB_URL_PARAM, normalizeHubUrl } from '../common/hub-url.js';
import { SET_HUB_URL } from '../preload/counter-bridge.js';
import { DEFAULT_COUNTER_SETTINGS, counterSettingsSchema } from './counter-settings.js';

/** The hub named at launch (`--hub=http://…` or ANTRE_HUB_URL), for a first start set up by a script. */
export function hubUrlFromLaunch(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const arg = argv.find((a) => a.startsWith('--hub='))?.slice('--hub='.length);
  return normalizeHubUrl(arg ?? env['ANTRE_HUB_URL'] ?? '');
}

/** What the renderer is told in its URL: where the hub is, once it is known. */
export function rendererQuery(hubUrl: string | null): URLSearchParams {
  return new URLSearchParams(hubUrl === null ? {} : { [HUB_URL_PARAM]: hubUrl });
}

/**
 * The counter's Electron main process, kept thin: the shell's start-up (one instance, a normal window
 * on the renderer built into the app), the hub's address in the settings file, and one IPC call to
 * change it.
 */
export function startCounterShell(): Promise<ElectronAppStart | undefined> {
  return startElectronApp({
    kind: 'counter',
    title: 'Antre · Loket',
    mainUrl: import.meta.url,
    settings: { schema: counterSettingsSchema, defaults: DEFAULT_COUNTER_SETTINGS },
    start({ settings, ipc, argv, env, relaunch }) {
      const launched = hubUrlFromLaunch(argv, env);
      if (launched !== undefined && launched !== settings.get().hubUrl) settings.update({ hubUrl: launched });
      ipc.handle(SET_HUB_URL, (_event, url: unknown) => {
        const hubUrl = typeof url === 'string' ? normalizeHubUrl(url) : undefined;
        if (hubUrl === undefined) throw new Error('not an http(s) address');
        settings.update({ hubUrl });
        // A new hub is a new origin for the window's guard: start over rather than patch it.
        relaunch();
      });
      const { hubUrl } = settings.get();
      return {
        query: rendererQuery(hubUrl),
        allowedOrigins: hubUrl === null ? [] : [hubUrl],
        window: { width: 1366, height: 768 },
      };
    },
  });
}
