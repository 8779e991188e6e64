/** The central service as tests, the bench and the simulator start it. */
export { startCentral } from './central-node.js';
export { createLogger } from './logger.js';
export type { CentralNode, CentralOptions } from './central-node.js';
export { createPool, databaseUrl } from './db/pool.js';
export { migrate } from './db/migrate.js';
export { registerHall, rotateHallToken } from './auth/hall-credentials.js';
export { putCentralStaff } from './auth/central-sessions.js';
export { currentLogs, eventsAfter } from './ingest/log-ingest.js';
export { PgReportStore } from './projection/pg-report-store.js';
