export * from './browser.js';
export * from './hub-harness.js';
