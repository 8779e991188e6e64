export * from './app-protocol.js';
export * from './app-window.js';
export * from './bridge.js';
export * from './electron-app.js';
export * from './navigation-guard.js';
export * from './settings-store.js';
