// The one shape of `window.antre`, the object every Antre preload gives its renderer. Free of Electron, so
// that renderers (bundled by Vite) and sandboxed preloads (which may require nothing but `electron`) can
// import it: renderers at run time through `@antre/electron-shell/bridge`, preloads as types only.

/** The three Electron apps. */
export type AppKind = 'kiosk' | 'counter' | 'display';

/** What every shell says about itself, whatever the app. */
export interface ShellInfo<K extends AppKind = AppKind> {
  /** Which app's shell this is: a renderer that finds its own kind knows it runs in Electron. */
  readonly kind: K;
  /** The installed app's version (Electron's `app.getVersion()`), for support at the hall. */
  readonly version: string;
}

/**
 * `window.antre` in an Electron app: the shell's part (`kind`, `version`) and then the app's own calls to
 * its main process (the kiosk's agent, the counter's hub setting; the display has none). Absent in a
 * browser, where the same renderer talks to the hub alone.
 */
export type AntreBridge<K extends AppKind, Calls extends object = Record<never, never>> = ShellInfo<K> &
  Readonly<Calls>;

/**
 * How the main process hands the version to a sandboxed preload, which cannot ask Node: an extra
 * argument on the renderer's command line (`webPreferences.additionalArguments`), read from `process.argv`.
 * The preloads repeat this literal: they can import nothing at run time.
 */
export const VERSION_ARGUMENT = '--antre-version=';

/** The renderer's command-line arguments that carry the shell's version to its preload. */
export function shellArguments(version: string): string[] {
  return [`${VERSION_ARGUMENT}${version}`];
}

/** The version a preload finds on its command line; empty when the main process passed none. */
export function versionFromArguments(argv: readonly string[]): string {
  return argv.find((a) => a.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '';
}

/**
 * The bridge on `window.antre` when it is this app's shell, else undefined (a plain browser, or a page
 * loaded by another app's shell). Renderers ask this instead of trusting whatever sits on the global.
 */
export function findShellBridge<B extends ShellInfo>(
  kind: B['kind'],
  scope: { antre?: unknown } = globalThis as { antre?: unknown },
): B | undefined {
  const candidate = scope.antre;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  return (candidate as Partial<ShellInfo>).kind === kind ? (candidate as B) : undefined;
}
