export * from './hub-connection.js';
export * from './queue-mirror.js';
export * from './staff-session-store.js';
