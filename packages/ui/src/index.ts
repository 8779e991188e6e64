export * from './agency-style.js';
export * from './connection-banner.js';
export * from './language.js';
export * from './use-hub.js';
