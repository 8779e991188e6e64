export * from './acted-queue.js';
export * from './fixture-day.js';
