import type { QueueConfig } from '@antre/shared';
import type { EventSource } from '@antre/reporting';
import type { EventStore } from '../store/event-store.js';

/**
 * What a projection of `log` reads: the config before the log's first event (the store's seed; `fallback`
 * for a store that has none) and the events, with the config changes up to a seq for a resumed projection.
 */
export function projectionSource(
  log: EventStore,
  fallback: QueueConfig,
): { seed: QueueConfig; source: EventSource } {
  const saved = log.configSeed();
  return {
    seed: saved === undefined ? fallback : (JSON.parse(saved) as QueueConfig),
    source: {
      logId: log.logId,
      eventsAfter: (seq, limit) => log.storedEventsSince(seq, limit),
      configChangesUntil: (seq) =>
        log.configEvents().filter((e) => e.seq <= seq && e.event.type === 'ConfigChanged'),
    },
  };
}
