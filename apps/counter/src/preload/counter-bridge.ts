import type { AntreBridge } from '@antre/electron-shell/bridge';

/** What the counter's renderer may ask of its main process; everything else goes to the hub itself. */
export interface CounterCalls {
  /** Saves the hub's address on this machine and restarts the app against it. */
  setHubUrl(url: string): Promise<void>;
}

/** `window.antre` in the Electron counter: the shell's part and the counter's one call. Absent in a browser. */
export type CounterBridge = AntreBridge<'counter', CounterCalls>;

/** The IPC channel of `setHubUrl` (the preload, sandboxed, repeats it literally). */
export const SET_HUB_URL = 'antre-counter:set-hub-url';
