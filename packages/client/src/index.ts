export * from './hub-connection.js';
export * from './queue-mirror.js';
