import type {
  AgencyConfig,
  CounterConfig,
  CounterStatus,
  DayView,
  ServiceConfig,
  ReadonlyTicket,
} from '@antre/shared';
import type { HallIndex } from './hall-index.js';
import { initials, normalize } from './search-text.js';

export type TransferTarget =
  | {
      kind: 'service';
      key: string;
      service: ServiceConfig;
      agency: AgencyConfig | undefined;
      waiting: number;
      openCounters: number;
    }
  | {
      kind: 'counter';
      key: string;
      counter: CounterConfig;
      agency: AgencyConfig | undefined;
      status: CounterStatus;
      /** The service the ticket would join there (the hub's rule: the same one if served, else the counter's first). */
      serviceId: string;
    };

/**
 * Where the current ticket may go: every other service of the hall (the one-visit promise: the visitor's
 * next errand may be another agency's) and every other counter. The ticket's own service is left out
 * unless through a counter, as the hub refuses that.
 */
export function transferTargets(
  state: DayView,
  index: HallIndex,
  fromCounterId: string,
  ticket: ReadonlyTicket,
): TransferTarget[] {
  const waiting = new Map<string, number>();
  for (const t of Object.values(state.tickets)) {
    if (t.status === 'waiting') waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
  }
  const openFor = new Map<string, number>();
  for (const c of index.config.counters) {
    if (state.counters[c.id]?.status !== 'open') continue;
    for (const s of c.serviceIds) openFor.set(s, (openFor.get(s) ?? 0) + 1);
  }
  const services: TransferTarget[] = index.config.services
    .filter((s) => s.id !== ticket.serviceId)
    .map((service) => ({
      kind: 'service',
      key: `service:${service.id}`,
      service,
      agency: index.agencies.get(service.agencyId),
      waiting: waiting.get(service.id) ?? 0,
      openCounters: openFor.get(service.id) ?? 0,
    }));
  const counters: TransferTarget[] = index.config.counters
    .filter((c) => c.id !== fromCounterId)
    .flatMap((counter) => {
      const serviceId = counter.serviceIds.includes(ticket.serviceId)
        ? ticket.serviceId
        : counter.serviceIds[0];
      if (serviceId === undefined) return [];
      return [
        {
          kind: 'counter' as const,
          key: `counter:${counter.id}`,
          counter,
          agency: index.agencies.get(counter.agencyId),
          status: state.counters[counter.id]?.status ?? 'closed',
          serviceId,
        },
      ];
    });
  return [...services, ...counters];
}

function haystack(target: TransferTarget, index: HallIndex): string {
  const agency = target.agency ? `${target.agency.name} ${target.agency.shortName}` : '';
  if (target.kind === 'service') {
    const s = target.service;
    return normalize(`${s.prefix} ${s.name.id} ${s.name.en} ${initials(s.name.id)} ${agency}`);
  }
  const served = target.counter.serviceIds.map((id) => {
    const s = index.services.get(id);
    return s ? `${s.name.id} ${s.name.en}` : '';
  });
  return normalize(
    `loket ${target.counter.name} counter ${target.counter.name} ${agency} ${served.join(' ')}`,
  );
}

/**
 * Targets matching every word of the query, best first: an exact counter number or ticket prefix
 * ("5", "A", "KT") ahead of mere mentions. An empty query lists everything in config order.
 */
export function searchTargets(
  targets: readonly TransferTarget[],
  query: string,
  index: HallIndex,
): TransferTarget[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...targets];
  const exact = normalize(query.trim());
  const scored: Array<{ target: TransferTarget; score: number; order: number }> = [];
  targets.forEach((target, order) => {
    const text = haystack(target, index);
    if (!words.every((w) => text.includes(w))) return;
    const name = target.kind === 'service' ? target.service.prefix : target.counter.name;
    const score = normalize(name) === exact || `loket ${normalize(name)}` === exact ? 0 : 1;
    scored.push({ target, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.target);
}
