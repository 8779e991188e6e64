import type { ConfigChange } from './config-change.js';
import type { QueueSnapshot } from './domain-types.js';
import { emptyCounter, emptyServiceDay } from './queue-state.js';

/**
 * Brings a day's counters and services in line with a config change, as the reducer applies its
 * `ConfigChanged` event: a new counter or service gets its (empty) day entry, so that it can be opened and
 * issue at once; a removed counter loses its entry. A removed service keeps its entry: today's tickets and
 * quota still count on it. The hub and every client run this same step, so their days stay equal.
 */
export function reconcileDay(state: QueueSnapshot, change: ConfigChange): void {
  switch (change.type) {
    case 'add':
    case 'update':
      if (change.item.kind === 'counter')
        state.counters[change.item.value.id] ??= emptyCounter(change.item.value.id);
      if (change.item.kind === 'service') state.services[change.item.value.id] ??= emptyServiceDay();
      return;
    case 'remove':
      if (change.kind === 'counter') delete state.counters[change.id];
      return;
    case 'import': {
      const counters = new Set(change.config.counters.map((c) => c.id));
      for (const id of Object.keys(state.counters)) if (!counters.has(id)) delete state.counters[id];
      for (const id of counters) state.counters[id] ??= emptyCounter(id);
      for (const s of change.config.services) state.services[s.id] ??= emptyServiceDay();
      return;
    }
    case 'setHall':
    case 'setSettings':
      return;
  }
}
