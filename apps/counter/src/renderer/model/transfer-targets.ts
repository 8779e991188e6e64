import type {
  AgencyConfig,
  CounterConfig,
  CounterStatus,
  DayView,
  ReadonlyTicket,
  ServiceConfig,
  TransferDestination,
} from '@antre/shared';
import { destinationStatus, transferDestination } from '@antre/shared';
import type { HallIndex } from './hall-index.js';
import { initials, normalize } from './search-text.js';

interface TargetBase {
  key: string;
  agency: AgencyConfig | undefined;
  /** Where the ticket would wait, as the engine decides it. */
  destination: TransferDestination;
  /** Every counter that could call it there is closed: the hub asks for a confirmation. */
  closed: boolean;
}

export type TransferTarget =
  | (TargetBase & {
      kind: 'service';
      service: ServiceConfig;
      waiting: number;
      openCounters: number;
    })
  | (TargetBase & {
      kind: 'counter';
      counter: CounterConfig;
      status: CounterStatus;
      /** The service the ticket would join there. */
      serviceId: string;
    });

/**
 * Where the current ticket may go: every service and every counter to which the domain's transfer rule
 * (`transferDestination`, the engine's own) sends it, with how many wait there and whether anyone is open to
 * call it (`destinationStatus`). The one-visit promise: the visitor's next errand may be another agency's.
 */
export function transferTargets(
  state: DayView,
  index: HallIndex,
  fromCounterId: string,
  ticket: ReadonlyTicket,
): TransferTarget[] {
  const config = index.config;
  const from = index.counters.get(fromCounterId);
  if (!from) return [];
  const closed = (destination: TransferDestination) => {
    const status = destinationStatus(state, config, destination);
    return { closed: status.open + status.paused === 0, open: status.open };
  };
  const waiting = state.waiting().byService;
  const services: TransferTarget[] = config.services.flatMap((service) => {
    const target = transferDestination(config, from, ticket, { toServiceId: service.id });
    if (!target.ok) return [];
    const { destination } = target;
    const { closed: isClosed, open } = closed(destination);
    return [
      {
        kind: 'service' as const,
        key: `service:${service.id}`,
        service,
        agency: index.agencies.get(service.agencyId),
        destination,
        closed: isClosed,
        waiting: waiting.get(service.id) ?? 0,
        openCounters: open,
      },
    ];
  });
  const counters: TransferTarget[] = config.counters.flatMap((counter) => {
    const target = transferDestination(config, from, ticket, { toCounterId: counter.id });
    if (!target.ok) return [];
    const { destination } = target;
    return [
      {
        kind: 'counter' as const,
        key: `counter:${counter.id}`,
        counter,
        agency: index.agencies.get(counter.agencyId),
        destination,
        closed: closed(destination).closed,
        status: state.counters[counter.id]?.status ?? 'closed',
        serviceId: destination.serviceId,
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
