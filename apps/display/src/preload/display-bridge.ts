import type { AntreBridge } from '@antre/electron-shell/bridge';

/**
 * `window.antre` in the Electron display: the shell's part alone. The renderer needs nothing from the
 * machine but the screen; it only learns that it runs in its shell (fullscreen, sound allowed).
 */
export type DisplayBridge = AntreBridge<'display'>;
