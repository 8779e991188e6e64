/** The hub as other packages start it (the hall-day simulator, the benchmark). */
export { HUB_VERSION, startHub } from './hub.js';
export type { Hub, HubOptions } from './hub.js';
export { loadHallConfig, prepareHallConfig } from './config-loader.js';
export type { LoadedConfig } from './config-loader.js';
