// Test support for the Electron apps: a recording `electron` module and a sandboxed-preload runner.
export * from './fake-electron.js';
export * from './run-preload.js';
