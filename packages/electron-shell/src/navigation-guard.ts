/**
 * Whether a window may navigate to `url`: only to its own app (the `app:` scheme) or the hub's origin.
 * A kiosk must never wander off to the web, whatever a link or a script asks.
 */
export function isNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === `${APP_SCHEME}:`) return target.host === APP_HOST;
  return allowedOrigins.some((origin) => {
    try {
      return new URL(origin).origin === target.origin;
    } catch {
      return false;
    }
  });
}

/** The renderers are served from `app://antre/<app>/`, so that the same Vite build works offline. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'antre';
