/** What the Electron preload exposes to the counter's renderer as `window.antre`; absent in a browser. */
export interface CounterBridge {
  readonly shell: 'electron';
  /** Saves the hub's address on this machine and restarts the app against it. */
  setHubUrl(url: string): Promise<void>;
}
