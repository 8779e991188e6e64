export * from './central-env.js';
export * from './hall-fixtures.js';
export * from './dashboard-feed.js';
export * from './central-process.js';
