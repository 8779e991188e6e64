import type { CounterState, QueueSnapshot, ServiceDayState, Ticket } from './domain-types.js';
import type { EventEnvelope } from './domain-events.js';
import { reconcileDay } from './config-day.js';
import { emptyCounter, emptyServiceDay, isFinal, numberKey } from './queue-state.js';
import { reduceVisit } from './visit-reducer.js';

/** Service durations kept per service for the estimated wait (the engine averages the newest of them). */
export const RECENT_SERVICE_KEEP = 100;

/**
 * Applies one logged event to a day's data, in place. Only `QueueDay.apply` calls it, so that the day's
 * indexes follow every change.
 *
 * Deterministic and free of I/O: the hub, every client and the tests run this same function,
 * so a day rebuilt from the log equals the live one. It mutates rather than copies because a
 * busy day holds 15,000 tickets and a restart replays every event of it.
 */
export function reduceDay(state: QueueSnapshot, envelope: EventEnvelope): void {
  const { event, at, seq } = envelope;
  state.seq = seq;
  switch (event.type) {
    case 'DayClosed': {
      for (const id of event.expiredTicketIds) {
        const t = state.tickets[id];
        if (!t) continue;
        if (t.counterId !== undefined) releaseCounter(counter(state, t.counterId), t.id);
        t.status = 'expired';
        t.endedAt = at;
      }
      // A close by hand before midnight ends the day's service but keeps its numbers; midnight starts afresh.
      if (event.nextDay === event.day) break;
      state.day = event.nextDay;
      state.tickets = {};
      state.leases = [];
      state.numbersUsed = {};
      if (event.openBookings && Object.keys(event.openBookings).length > 0)
        state.openBookings = { ...event.openBookings };
      else delete state.openBookings;
      // Reset rather than drop the entries, so the state equals `initialQueueSnapshot` of the new day (the restart rule).
      for (const id of Object.keys(state.services)) state.services[id] = emptyServiceDay();
      for (const id of Object.keys(state.counters)) state.counters[id] = emptyCounter(id);
      break;
    }
    case 'TicketIssued': {
      const ticket: Ticket = structuredCloneTicket(event.ticket);
      state.tickets[ticket.id] = ticket;
      if (ticket.appointment) dropCheckedIn(state, ticket.appointment.bookingId);
      state.numbersUsed[numberKey(ticket.serviceId, ticket.number)] = ticket.id;
      const svc = service(state, ticket.serviceId);
      svc.issued += 1;
      if (ticket.origin.kind !== 'kiosk' || !ticket.origin.offline) {
        svc.lastNumber = Math.max(svc.lastNumber, ticket.number);
      }
      break;
    }
    case 'NumbersLeased': {
      state.leases.push({
        kioskId: event.kioskId,
        serviceId: event.serviceId,
        from: event.from,
        to: event.to,
      });
      service(state, event.serviceId).leaseCursor = event.to + 1;
      break;
    }
    case 'TicketCalled': {
      const t = ticket(state, event.ticketId);
      const c = counter(state, event.counterId);
      t.status = 'called';
      t.counterId = event.counterId;
      t.calledAt = at;
      delete t.servingAt;
      delete t.targetCounterId;
      // The engine numbers each call as the next one (`callIndex` = calls made so far), so this is its place.
      t.calls.push({ counterId: event.counterId, at, recall: false });
      c.currentTicketId = t.id;
      c.priorityStreak = event.priorityStreak;
      break;
    }
    case 'TicketRecalled': {
      ticket(state, event.ticketId).calls.push({ counterId: event.counterId, at, recall: true });
      break;
    }
    case 'ServingStarted': {
      const t = ticket(state, event.ticketId);
      t.status = 'serving';
      t.servingAt = at;
      break;
    }
    case 'TicketFinished': {
      const t = ticket(state, event.ticketId);
      const c = counter(state, event.counterId);
      t.status = 'done';
      t.endedAt = at;
      const serviceMs = Math.max(0, at - (t.servingAt ?? t.calledAt ?? at));
      c.servedToday += 1;
      c.serviceMsToday += serviceMs;
      const recent = service(state, t.serviceId).recentServiceMs;
      recent.push(serviceMs);
      if (recent.length > RECENT_SERVICE_KEEP) recent.shift();
      releaseCounter(c, t.id);
      break;
    }
    case 'TicketNoShow': {
      const t = ticket(state, event.ticketId);
      t.status = 'no_show';
      t.endedAt = at;
      releaseCounter(counter(state, event.counterId), t.id);
      break;
    }
    case 'TicketHeld': {
      const t = ticket(state, event.ticketId);
      t.status = 'held';
      releaseCounter(counter(state, event.counterId), t.id);
      break;
    }
    case 'TicketTransferred': {
      const t = ticket(state, event.ticketId);
      t.transfers.push({
        at,
        fromServiceId: t.serviceId,
        toServiceId: event.toServiceId,
        byCounterId: event.fromCounterId,
        ...(event.toCounterId === undefined ? {} : { toCounterId: event.toCounterId }),
        ...(event.note === undefined ? {} : { note: event.note }),
      });
      t.serviceId = event.toServiceId;
      t.status = 'waiting';
      t.rank = event.rank;
      if (event.toCounterId === undefined) delete t.targetCounterId;
      else t.targetCounterId = event.toCounterId;
      releaseCounter(counter(state, event.fromCounterId), t.id);
      delete t.counterId;
      break;
    }
    case 'TicketPutBack': {
      const t = ticket(state, event.ticketId);
      t.status = 'waiting';
      t.rank = event.rank;
      delete t.endedAt;
      delete t.counterId;
      break;
    }
    case 'TicketCancelled': {
      const t = ticket(state, event.ticketId);
      if (t.counterId !== undefined) releaseCounter(counter(state, t.counterId), t.id);
      t.status = 'cancelled';
      t.endedAt = at;
      break;
    }
    case 'LateTicketExpired':
      // History for reports: the ticket belongs to a closed day, so today's state is unchanged.
      break;
    case 'SurveyAnswered':
    case 'SurveyFollowUpRecorded':
      // The survey's own projection reads these; the queue is unchanged (only `seq` moves, above).
      break;
    case 'PrintFailed': {
      // An alert for staff while the visit is open; for an ended or unknown ticket it is history only.
      const t = todaysTicket(state, event.ticketId);
      if (t && !isFinal(t)) t.printFault = { kioskId: event.kioskId, reason: event.reason, at };
      break;
    }
    case 'TicketReprinted': {
      const t = todaysTicket(state, event.ticketId);
      if (t) delete t.printFault;
      break;
    }
    case 'CounterStatusChanged': {
      const c = counter(state, event.counterId);
      c.status = event.status;
      if (event.reason === undefined) delete c.pauseReason;
      else c.pauseReason = event.reason;
      if (event.status === 'closed') delete c.staff;
      else if (event.staff !== undefined) c.staff = event.staff;
      break;
    }
    case 'ConfigChanged':
      // A new counter or service can be used at once; the config itself is each side's to apply.
      reconcileDay(state, event.change);
      break;
    // Accounts and devices are the hub's: no ticket or counter changes.
    case 'StaffChanged':
    case 'DeviceRevoked':
    case 'PairingCodeRotated':
      break;
    // `BookingBook` keeps every booking; the day keeps its own open seats, for the estimates (`openBookings`).
    case 'AppointmentBooked':
      if (event.day === state.day) {
        state.openBookings ??= {};
        const lead = event.package?.leadBookingId;
        state.openBookings[event.bookingId] = {
          serviceId: event.serviceId,
          slotStart: event.slotStart,
          ...(lead !== undefined && lead !== event.bookingId ? { lead } : {}),
        };
      }
      break;
    case 'AppointmentCancelled':
      dropOpenBooking(state, event.bookingId);
      break;
    // A visit's own events: `reduceVisit` below.
    case 'VisitRouted':
    case 'VisitEnded':
    case 'VisitLegAdded':
    case 'VisitLegSkipped':
    case 'VisitReordered':
      break;
  }
  // A ticket's visit of several services follows the same events (and its own): `visit-reducer.ts`.
  reduceVisit(state, envelope);
}

function structuredCloneTicket(t: Ticket): Ticket {
  // `...{}` first: the same copy, but V8 (Node 20) gives a plain `{ ...t }` a hidden class that cannot
  // share transitions, so once calledAt/counterId/endedAt are added every ticket had a class of its own
  // (~0.5 KB more per ticket, and megamorphic scans over a day's tickets). This way they share a few.
  return {
    ...{},
    ...t,
    origin: { ...t.origin },
    calls: [...t.calls],
    transfers: [...t.transfers],
    estimate: { ...t.estimate },
  };
}

function releaseCounter(c: CounterState, ticketId: string): void {
  if (c.currentTicketId === ticketId) delete c.currentTicketId;
}

/** The ticket if it is one of today's, else undefined: for events that are history when the ticket is gone. */
function todaysTicket(state: QueueSnapshot, id: string): Ticket | undefined {
  return Object.hasOwn(state.tickets, id) ? state.tickets[id] : undefined;
}

function ticket(state: QueueSnapshot, id: string): Ticket {
  const t = state.tickets[id];
  if (!t) throw new Error(`event names unknown ticket ${id}`);
  return t;
}

function counter(state: QueueSnapshot, id: string): CounterState {
  let c = state.counters[id];
  if (!c) {
    c = emptyCounter(id);
    state.counters[id] = c;
  }
  return c;
}

function service(state: QueueSnapshot, id: string): ServiceDayState {
  let s = state.services[id];
  if (!s) {
    s = emptyServiceDay();
    state.services[id] = s;
  }
  return s;
}

/** A booking checked in or cancelled holds no seat ahead any more; the record goes when the last one does. */
function dropOpenBooking(state: QueueSnapshot, bookingId: string): void {
  const open = state.openBookings;
  if (!open || !Object.hasOwn(open, bookingId)) return;
  delete open[bookingId];
  if (Object.keys(open).length === 0) delete state.openBookings;
}

/** A check-in takes its booking's seat, and a package's every leg. */
function dropCheckedIn(state: QueueSnapshot, bookingId: string): void {
  for (const [id, seat] of Object.entries(state.openBookings ?? {})) {
    if (seat.lead === bookingId) dropOpenBooking(state, id);
  }
  dropOpenBooking(state, bookingId);
}
