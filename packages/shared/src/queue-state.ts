import type { CounterState, QueueState, ServiceDayState, Ticket } from './domain-types.js';
import { FINAL_STATUSES } from './domain-types.js';
import type { HallConfig } from './hall-config.js';

export function emptyCounter(id: string): CounterState {
  return { id, status: 'closed', priorityStreak: 0, servedToday: 0, serviceMsToday: 0 };
}

export function emptyServiceDay(): ServiceDayState {
  return { issued: 0, lastNumber: 0, leaseCursor: 0, recentServiceMs: [] };
}

/** The state of a hall day before anything happened in it. */
export function initialQueueState(config: HallConfig, day: string, seq = 0): QueueState {
  const counters: Record<string, CounterState> = {};
  for (const c of config.counters) counters[c.id] = emptyCounter(c.id);
  const services: Record<string, ServiceDayState> = {};
  for (const s of config.services) services[s.id] = emptyServiceDay();
  return { day, seq, tickets: {}, counters, services, leases: [], numbersUsed: {} };
}

export function isFinal(ticket: Ticket): boolean {
  return FINAL_STATUSES.has(ticket.status);
}

export function numberKey(serviceId: string, number: number): string {
  return `${serviceId}:${number}`;
}

/** `allTickets` lists, per `state.tickets` record: a new day (or a snapshot) is a new record and a new list. */
const ticketLists = new WeakMap<Record<string, Ticket>, Ticket[]>();

/**
 * Today's tickets in `Object.values(state.tickets)` order, without its cost: the record holds a whole day's
 * tickets in dictionary mode, where `Object.values` takes milliseconds at 20,000 tickets and the engine
 * scans the tickets on every issue and call. Built once per record, then kept up to date by `applyEvent`
 * (`noteTicketAdded`), which must stay the only writer of `state.tickets`: a ticket stored into the record
 * by hand after the list was built is missing from it (replace the record instead, e.g. structuredClone).
 * Changing a ticket's fields in place is fine. Read-only: never mutate the returned array.
 */
export function allTickets(state: QueueState): readonly Ticket[] {
  let list = ticketLists.get(state.tickets);
  if (!list) {
    list = Object.values(state.tickets);
    ticketLists.set(state.tickets, list);
  }
  return list;
}

/** Called by the reducer right after it stores `ticket` in `state.tickets`; `replaced` if its key was there. */
export function noteTicketAdded(state: QueueState, ticket: Ticket, replaced: boolean): void {
  const list = ticketLists.get(state.tickets);
  if (!list) return;
  // An array-index-like key would sort ahead of the others in Object.values, and a replaced key keeps its
  // place: both are rebuilt from the record on next use rather than appended.
  if (replaced || INDEX_LIKE.test(ticket.id)) ticketLists.delete(state.tickets);
  else list.push(ticket);
}

const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

export function waitingTickets(state: QueueState, serviceId?: string): Ticket[] {
  return allTickets(state).filter(
    (t) => t.status === 'waiting' && (serviceId === undefined || t.serviceId === serviceId),
  );
}
