import type { DomainEvent } from './domain-events.js';
import type { ReadonlyTicket } from './domain-types.js';

/** How many tickets wait, per service (for any counter of it) and per counter they were sent to. */
export interface WaitingCounts {
  /** Waiting tickets per service that any counter of the service may call. */
  readonly byService: ReadonlyMap<string, number>;
  /** Waiting tickets per counter they were transferred to, per service. */
  readonly byCounter: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The priority-group tickets among `byService` (the calling rule calls them first). */
  readonly priorityByService: ReadonlyMap<string, number>;
  /** The priority-group tickets among `byCounter`. */
  readonly priorityByCounter: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Where a ticket counts in the index: nowhere unless it waits. */
export interface WaitingPlace {
  serviceId: string;
  counterId: string | undefined;
  priority: boolean;
}

export function waitingPlace(t: ReadonlyTicket | undefined): WaitingPlace | undefined {
  return t?.status === 'waiting'
    ? { serviceId: t.serviceId, counterId: t.targetCounterId, priority: t.priority !== 'none' }
    : undefined;
}

/** The tickets an event may move into or out of the waiting queue. */
export function ticketIdsOf(event: DomainEvent): readonly string[] {
  switch (event.type) {
    case 'DayClosed':
      return event.expiredTicketIds;
    case 'TicketIssued':
      return [event.ticket.id];
    case 'TicketCalled':
    case 'TicketTransferred':
    case 'TicketPutBack':
    case 'TicketCancelled':
    case 'VisitRouted':
      return [event.ticketId];
    default:
      return [];
  }
}

/**
 * The waiting counts, kept up to date as tickets move. The estimated wait reads them at every issue;
 * counting a day's 15,000 tickets each time made issuing slow down as the day filled. Owned by `QueueDay`.
 */
export class WaitingIndex implements WaitingCounts {
  readonly byService = new Map<string, number>();
  readonly byCounter = new Map<string, Map<string, number>>();
  readonly priorityByService = new Map<string, number>();
  readonly priorityByCounter = new Map<string, Map<string, number>>();

  static of(tickets: Iterable<ReadonlyTicket>, counts: (t: ReadonlyTicket) => boolean = () => true) {
    const index = new WaitingIndex();
    for (const t of tickets) if (counts(t)) index.add(waitingPlace(t), 1);
    return index;
  }

  add(place: WaitingPlace | undefined, delta: number): void {
    if (!place) return;
    count(this.byService, this.byCounter, place, delta);
    if (place.priority) count(this.priorityByService, this.priorityByCounter, place, delta);
  }
}

function count(
  byService: Map<string, number>,
  byCounter: Map<string, Map<string, number>>,
  place: WaitingPlace,
  delta: number,
): void {
  if (place.counterId === undefined) {
    bump(byService, place.serviceId, delta);
  } else {
    const atCounter = byCounter.get(place.counterId) ?? new Map<string, number>();
    bump(atCounter, place.serviceId, delta);
    if (atCounter.size === 0) byCounter.delete(place.counterId);
    else byCounter.set(place.counterId, atCounter);
  }
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}
