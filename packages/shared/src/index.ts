export * from './announcement.js';
export * from './commands.js';
export * from './contract.js';
export * from './domain-events.js';
export * from './domain-types.js';
export * from './error-codes.js';
export * from './hall-clock.js';
export * from './hall-config.js';
export * from './permissions.js';
export * from './queue-engine.js';
export * from './queue-reducer.js';
export * from './queue-state.js';
export * from './spoken-letters.js';
export * from './terbilang.js';
/** Test support (a small hall and an in-memory queue), shared with the hub's tests. */
export * from './test-hall.js';
export * from './ticket-number.js';
export * from './wait-estimate.js';
