/** The hub as other packages start it (the hall-day simulator, the benchmark, the test harness). */
export { startHub } from './hub.js';
export type { Hub, HubOptions } from './hub.js';
export { loadHallConfig, prepareHallConfig } from './config-loader.js';
export type { LoadedConfig } from './config-loader.js';
export { createLogger } from './logger.js';
export type { RateLimits } from './realtime/socket-server.js';
export type { Durability } from './store/event-store.js';
export { rebuildReports } from './reports/rebuild-reports.js';
export type { RebuildResult } from './reports/rebuild-reports.js';
export { SqliteReportStore } from './reports/sqlite-report-store.js';
export { EventStore } from './store/event-store.js';
export { restoreFromCentral } from './shipping/restore-from-central.js';
export type { CentralLink } from './shipping/hub-shipping.js';
export type { ShippingStatus } from './shipping/log-shipper.js';
export { LogShipper } from './shipping/log-shipper.js';
export { LogReader } from './shipping/log-reader.js';
