import type { ReadonlyTicket } from '../domain-types.js';
import type { DayView } from '../queue-day.js';

/**
 * A read-only view of `day` with `extra` tickets added as given (not copied), for tests that fill a day at
 * once or watch how often its readers look at a ticket. A real day changes only by events.
 */
export function dayWith(day: DayView, extra: readonly ReadonlyTicket[]): DayView {
  const tickets: Record<string, ReadonlyTicket> = { ...day.tickets };
  for (const t of extra) tickets[t.id] = t;
  const list = [...day.allTickets(), ...extra];
  return {
    day: day.day,
    seq: day.seq,
    tickets,
    counters: day.counters,
    services: day.services,
    leases: day.leases,
    numbersUsed: day.numbersUsed,
    openBookings: day.openBookings,
    allTickets: () => list,
    waitingTickets: () => list.filter((t) => t.status === 'waiting'),
    ticket: (id) => (Object.hasOwn(tickets, id) ? tickets[id] : undefined),
    waiting: () => day.waiting(),
    deskTimes: (serviceId) => day.deskTimes(serviceId),
    snapshot: () => day.snapshot(),
  };
}
