export * from './bearer-token.js';
export * from './secret-hash.js';
