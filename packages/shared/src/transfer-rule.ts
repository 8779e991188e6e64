import type { ReadonlyTicket } from './domain-types.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { CounterConfig, QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';

/** Where a transferred ticket waits next: a service's queue, or one counter's alone. */
export interface TransferDestination {
  serviceId: string;
  /** Set when sent to one counter: only it calls the ticket. */
  counterId?: string;
}

/** What a transfer names: a service, a counter, or both. */
interface TransferRequest {
  toServiceId?: string | undefined;
  toCounterId?: string | undefined;
}

/**
 * Where a ticket at counter `from` may be sent, or why not. A counter alone takes the ticket's own service
 * when it serves it, else the counter's first service; a service alone must differ from the ticket's own.
 * The engine decides transfers with it, and the counter app lists its targets with it.
 */
export function transferDestination(
  config: QueueConfig,
  from: CounterConfig,
  ticket: ReadonlyTicket,
  request: TransferRequest,
): { ok: true; destination: TransferDestination } | { ok: false; error: DomainError } {
  const fail = (error: DomainError) => ({ ok: false as const, error });
  let toServiceId = request.toServiceId;
  if (request.toCounterId !== undefined) {
    const target = config.counters.find((c) => c.id === request.toCounterId);
    if (!target) return fail(domainError('INVALID_TRANSFER', `no counter ${request.toCounterId}`));
    if (target.id === from.id) {
      return fail(domainError('INVALID_TRANSFER', 'a ticket cannot go to its own counter'));
    }
    toServiceId ??= target.serviceIds.includes(ticket.serviceId) ? ticket.serviceId : target.serviceIds[0];
    if (toServiceId === undefined || !target.serviceIds.includes(toServiceId)) {
      return fail(
        domainError('INVALID_TRANSFER', `counter ${target.name} does not serve ${toServiceId ?? '?'}`),
      );
    }
  }
  if (toServiceId === undefined) return fail(domainError('INVALID_TRANSFER', 'name a service or a counter'));
  if (!config.services.some((s) => s.id === toServiceId)) {
    return fail(domainError('UNKNOWN_SERVICE', `no service ${toServiceId}`));
  }
  if (toServiceId === ticket.serviceId && request.toCounterId === undefined) {
    return fail(domainError('INVALID_TRANSFER', 'the ticket is already in that service'));
  }
  return {
    ok: true,
    destination:
      request.toCounterId === undefined
        ? { serviceId: toServiceId }
        : { serviceId: toServiceId, counterId: request.toCounterId },
  };
}

/** The counters that could call a ticket at its destination: the one it was sent to, or the service's. */
function destinationCounters(config: QueueConfig, destination: TransferDestination): CounterConfig[] {
  return destination.counterId === undefined
    ? config.counters.filter((c) => c.serviceIds.includes(destination.serviceId))
    : config.counters.filter((c) => c.id === destination.counterId);
}

/**
 * Counters at the destination by status now. When none is open or on a break, nobody will call the visitor
 * soon: a transfer there needs a confirmation.
 */
export function destinationStatus(
  day: DayView,
  config: QueueConfig,
  destination: TransferDestination,
): { open: number; paused: number; closed: number } {
  const counts = { open: 0, paused: 0, closed: 0 };
  for (const c of destinationCounters(config, destination)) {
    counts[day.counters[c.id]?.status ?? 'closed'] += 1;
  }
  return counts;
}
