export * from './app-protocol.js';
export * from './app-window.js';
export * from './navigation-guard.js';
export * from './settings-store.js';
