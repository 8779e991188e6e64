/** What the Electron preload puts on `window.antre` for the display's renderer. */
export interface DisplayBridge {
  kind: 'display';
}

declare global {
  interface Window {
    antre?: DisplayBridge;
  }
}
