export * from './browser.js';
export * from './hub-harness.js';
export * from './stable-port.js';
export * from './wire-client.js';
export * from './stubborn-client.js';
