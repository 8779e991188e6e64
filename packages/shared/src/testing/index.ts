/** Test support for this package's tests and every other workspace's: `@antre/shared/testing`. Never product code. */
export * from './test-hall.js';
export * from './day-with.js';
export * from './test-hall-admin.js';
export * from './test-bookings.js';
