import { BrowserWindow, Menu, screen } from 'electron';
import { shellArguments } from './bridge.js';
import { isNavigationAllowed } from './navigation-guard.js';

export interface AppWindowOptions {
  /** What to load: `app://antre/<app>/` (see app-protocol) or the hub's `/<app>/`. */
  url: string;
  /** Absolute path of the compiled preload script (CommonJS: sandboxed preloads cannot be modules). */
  preload: string;
  /** Origins the window may talk to and navigate within, e.g. the hub's. */
  allowedOrigins: readonly string[];
  title: string;
  /** The app's version, handed to the preload for `window.antre.version`. */
  version: string;
  /** Kiosk mode: fullscreen, no menu, no devtools, no way out. */
  kiosk?: boolean;
  fullscreen?: boolean;
  /** Index into the screens, for a display wall on the second output. */
  screenIndex?: number;
  hideCursor?: boolean;
  width?: number;
  height?: number;
  /** Shown before the renderer paints: a dark display should not flash white at start. */
  backgroundColor?: string;
  /** Let audio play without a click (a hall display has nobody to click). */
  autoplay?: boolean;
}

/**
 * A window hardened the same way for every Antre app: isolated and sandboxed renderer, no node, no
 * navigation, redirect or pop-up away from the app, no <webview>, every permission request refused
 * (none of the apps needs one), and a crashed renderer brought back by itself.
 */
export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const locked = options.kiosk ?? false;
  const target = screen.getAllDisplays()[options.screenIndex ?? -1] ?? screen.getPrimaryDisplay();
  const win = new BrowserWindow({
    title: options.title,
    x: target.bounds.x,
    y: target.bounds.y,
    width: options.width ?? target.workAreaSize.width,
    height: options.height ?? target.workAreaSize.height,
    kiosk: locked,
    fullscreen: locked || (options.fullscreen ?? false),
    autoHideMenuBar: true,
    backgroundColor: options.backgroundColor ?? '#eef2f7',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !locked,
      spellcheck: false,
      additionalArguments: shellArguments(options.version),
      ...(options.autoplay ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
    },
  });
  if (locked) Menu.setApplicationMenu(null);

  const contents = win.webContents;
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, options.allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.on('render-process-gone', (_event, details) => {
    // A crashed or killed renderer comes back by itself: a hall screen must never stay blank.
    if (details.reason !== 'clean-exit') setTimeout(() => void win.loadURL(options.url), 1000);
  });
  if (options.hideCursor) {
    contents.on('dom-ready', () => void contents.insertCSS('* { cursor: none !important; }'));
  }
  void win.loadURL(options.url);
  return win;
}
