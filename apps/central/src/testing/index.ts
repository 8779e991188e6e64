export * from './central-env.js';
export * from './hall-fixtures.js';
