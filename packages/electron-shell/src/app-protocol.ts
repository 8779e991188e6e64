import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { net, protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './navigation-guard.js';

/** Must run before the app is ready: lets `app://` pages use fetch, storage and modules like https pages. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Maps `app://antre/<app>/<path>` to a file of the app's Vite build; unknown paths get index.html. */
export function resolveAppFile(url: string, app: string, distDir: string): string | undefined {
  const u = new URL(url);
  if (u.host !== APP_HOST || !u.pathname.startsWith(`/${app}/`)) return undefined;
  const relative = decodeURIComponent(u.pathname.slice(app.length + 2));
  const file = normalize(join(distDir, relative));
  if (!file.startsWith(distDir + sep) && file !== distDir) return undefined;
  if (extname(file) !== '' && existsSync(file)) return file;
  return join(distDir, 'index.html');
}

/** Serves the app's built renderer from disk, so it starts even when the hub is down. */
export function serveAppProtocol(app: string, distDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(request.url, app, distDir);
    if (!file) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

export function appUrl(app: string): string {
  return `${APP_SCHEME}://${APP_HOST}/${app}/`;
}
