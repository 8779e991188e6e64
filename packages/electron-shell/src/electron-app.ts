import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain } from 'electron';
import type { BrowserWindow } from 'electron';
import { appUrl, registerAppScheme, serveAppProtocol } from './app-protocol.js';
import type { AppWindowOptions } from './app-window.js';
import { createAppWindow } from './app-window.js';
import type { AppKind } from './bridge.js';
import type { SettingsSchema } from './settings-store.js';
import { SettingsStore } from './settings-store.js';

/** The one thing an app needs of `ipcMain`, so that its handlers can be tested with a recorder. */
export interface IpcHandlers {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
}

/** What the shell hands an app's own start-up. */
export interface ElectronAppContext<S extends object> {
  /** This machine's settings, kept in `<userData>/<kind>-settings.json`. */
  settings: SettingsStore<S>;
  /** Electron's userData directory, for the app's own files (the kiosk's SQLite outbox). */
  userData: string;
  ipc: IpcHandlers;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Starts the app again (a new hub is a new origin for the window's guard: start over, do not patch). */
  relaunch(): void;
}

/** What an app's start-up returns: how its window is set up, and what must be closed before quitting. */
export interface ElectronAppStart {
  /** What the renderer is told in its URL (e.g. where the hub is); the app's own build is what loads. */
  query?: URLSearchParams;
  /** Origins the window may talk to and navigate within: the hub's, once it is known. */
  allowedOrigins: readonly string[];
  window?: Pick<
    AppWindowOptions,
    | 'kiosk'
    | 'fullscreen'
    | 'screenIndex'
    | 'hideCursor'
    | 'width'
    | 'height'
    | 'backgroundColor'
    | 'autoplay'
  >;
  /** Called once with the window, e.g. to push state to it. */
  attach?(win: BrowserWindow): void;
  /** Runs before the app quits, and the app waits for it (the kiosk's store holds tickets not yet sent). */
  close?(): Promise<void>;
}

export interface ElectronAppSpec<S extends object, R extends ElectronAppStart> {
  kind: AppKind;
  /** The window's title, also the start-up error's. */
  title: string;
  /** `import.meta.url` of the compiled main process (`dist-electron/main/`): the build and preload sit beside it. */
  mainUrl: string;
  settings: { schema: SettingsSchema<S>; defaults: S };
  /** Chromium switches, set before the app is ready (a hall display's autoplay). */
  switches?: Readonly<Record<string, string>>;
  /** The app's own part: settings from the command line, IPC handlers, the window's options. */
  start(context: ElectronAppContext<S>): R | Promise<R>;
}

/**
 * Starts an Antre Electron app the same way for the kiosk, the counter and the display: the `app://`
 * scheme, one instance per machine (a second start brings the first window forward), settings in
 * userData, the renderer served from the app's own build, one hardened window with its preload, and a
 * start-up that fails loudly (an error box, the log, exit code 1) rather than leaving a blank screen.
 * Resolves to what the app's `start` returned, or undefined when this process is not the one to run.
 */
export async function startElectronApp<S extends object, R extends ElectronAppStart>(
  spec: ElectronAppSpec<S, R>,
): Promise<R | undefined> {
  // Both must happen before Electron is ready.
  registerAppScheme();
  for (const [name, value] of Object.entries(spec.switches ?? {})) app.commandLine.appendSwitch(name, value);

  // One process per machine: a second kiosk would fight over the printer and the store, a second display
  // over the screen. Whoever starts it again (a desktop icon, autostart) gets the running window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let win: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  try {
    await app.whenReady();
    const here = dirname(fileURLToPath(spec.mainUrl));
    const userData = app.getPath('userData');
    const settings = new SettingsStore(
      join(userData, `${spec.kind}-settings.json`),
      spec.settings.schema,
      spec.settings.defaults,
    );
    const started = await spec.start({
      settings,
      userData,
      ipc: ipcMain,
      argv: process.argv,
      env: process.env,
      relaunch: () => {
        app.relaunch();
        app.exit(0);
      },
    });
    // dist-electron/main → the renderer's Vite build in dist/, served from disk so that the window opens
    // (and says the hub is away) even when the hub is down.
    serveAppProtocol(spec.kind, join(here, '..', '..', 'dist'));
    win = createAppWindow({
      ...started.window,
      url: rendererUrl(spec.kind, started.query),
      preload: join(here, '..', 'preload', 'preload.cjs'),
      allowedOrigins: started.allowedOrigins,
      title: spec.title,
      version: app.getVersion(),
    });
    started.attach?.(win);
    quitAfterClosing(started.close);
    return started;
  } catch (err) {
    failStartup(spec.kind, spec.title, err);
    return undefined;
  }
}

/** The renderer's address: the app's own build under `app://`, with the query its shell gives it. */
export function rendererUrl(kind: AppKind, query?: URLSearchParams): string {
  const search = query?.toString() ?? '';
  return search === '' ? appUrl(kind) : `${appUrl(kind)}?${search}`;
}

function quitAfterClosing(close: (() => Promise<void>) | undefined): void {
  app.on('window-all-closed', () => app.quit());
  if (!close) return;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    closing = true;
    void close()
      .catch((err: unknown) => console.error('antre: closing before quit failed', err))
      .finally(() => app.quit());
  });
}

/** Says why the app did not start, to whoever stands at the machine and to the log, and exits non-zero. */
function failStartup(kind: AppKind, title: string, err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  console.error(`antre-${kind}: could not start`, err);
  dialog.showErrorBox(
    `${title}: gagal dimulai / failed to start`,
    `Aplikasi tidak dapat dimulai. Hubungi petugas teknis.\nThe app could not start. Call technical staff.\n\n${reason}`,
  );
  app.exit(1);
}
