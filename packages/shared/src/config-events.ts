import { applyConfigChange } from './config-change.js';
import type { EventEnvelope } from './domain-events.js';
import type { PublicHallConfig } from './hall-config.js';
import { applyStaffChange } from './staff-change.js';

/** A client's copy of the public hall config and the version it is at. */
export interface VersionedConfig {
  config: PublicHallConfig;
  version: number;
}

/** Whether the config events were applied, none concerned it, or one is missing (load the config afresh). */
export type ConfigFollow = { result: 'applied' | 'unchanged'; current: VersionedConfig } | { result: 'gap' };

/**
 * Follows the hub's config changes in a client's copy, as they come in the event stream: each
 * `ConfigChanged` and `StaffChanged` of the next version is applied with the same function the hub used;
 * one already in the copy (the config was loaded after it) is skipped; a version that skips one is a gap.
 */
export function followConfig(current: VersionedConfig, events: readonly EventEnvelope[]): ConfigFollow {
  let { config, version } = current;
  let applied = false;
  for (const { event } of events) {
    if (event.type !== 'ConfigChanged' && event.type !== 'StaffChanged') continue;
    if (event.version <= version) continue;
    if (event.version !== version + 1) return { result: 'gap' };
    config =
      event.type === 'ConfigChanged'
        ? applyConfigChange(config, event.change)
        : { ...config, staff: applyStaffChange(config.staff, event) };
    version = event.version;
    applied = true;
  }
  return applied ? { result: 'applied', current: { config, version } } : { result: 'unchanged', current };
}
