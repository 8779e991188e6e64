import type { DomainEvent } from './domain-events.js';
import type { QueueState, Ticket } from './domain-types.js';
import { allTickets } from './queue-state.js';

/**
 * How many tickets wait, per service (for any counter of it) and per counter they were sent to.
 * The estimated wait reads it at every issue; counting a day's 15,000 tickets each time made issuing
 * slow down as the day filled, so the reducer keeps it up to date instead (`noteWaitingChanges`).
 */
export interface WaitingIndex {
  /** Waiting tickets per service that any counter of the service may call. */
  byService: Map<string, number>;
  /** Waiting tickets per counter they were transferred to, per service. */
  byCounter: Map<string, Map<string, number>>;
}

/** One index per `state.tickets` record, like `allTickets`: a new day or a snapshot starts a new one. */
const indexes = new WeakMap<Record<string, Ticket>, WaitingIndex>();

export function waitingIndex(state: QueueState): WaitingIndex {
  let index = indexes.get(state.tickets);
  if (!index) {
    index = { byService: new Map(), byCounter: new Map() };
    for (const t of allTickets(state)) add(index, waitingPlace(t), 1);
    indexes.set(state.tickets, index);
  }
  return index;
}

/** Where a ticket counts in the index: nowhere unless it waits. */
export interface WaitingPlace {
  serviceId: string;
  counterId: string | undefined;
}

export function waitingPlace(t: Ticket | undefined): WaitingPlace | undefined {
  return t?.status === 'waiting' ? { serviceId: t.serviceId, counterId: t.targetCounterId } : undefined;
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
      return [event.ticketId];
    default:
      return [];
  }
}

/**
 * Records in the index of `tickets` (the record the event was applied to) how the tickets moved:
 * `before` is where each counted before the event, read again from the record now.
 */
export function noteWaitingChanges(
  tickets: Record<string, Ticket>,
  ids: readonly string[],
  before: ReadonlyArray<WaitingPlace | undefined>,
): void {
  const index = indexes.get(tickets);
  if (!index) return;
  ids.forEach((id, i) => {
    add(index, before[i], -1);
    add(index, waitingPlace(Object.hasOwn(tickets, id) ? tickets[id] : undefined), 1);
  });
}

function add(index: WaitingIndex, place: WaitingPlace | undefined, delta: number): void {
  if (!place) return;
  if (place.counterId === undefined) {
    bump(index.byService, place.serviceId, delta);
  } else {
    const atCounter = index.byCounter.get(place.counterId) ?? new Map<string, number>();
    bump(atCounter, place.serviceId, delta);
    if (atCounter.size === 0) index.byCounter.delete(place.counterId);
    else index.byCounter.set(place.counterId, atCounter);
  }
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}
