import type { EventEnvelope } from './domain-events.js';
import type { QueueSnapshot, ServiceDayState, Ticket } from './domain-types.js';
import { emptyServiceDay } from './queue-state.js';
import type { VisitLeg, VisitPlan } from './visit-plan.js';
import { copyVisitPlan } from './visit-plan.js';

/**
 * How an event changes a ticket's visit plan, run by `reduceDay` after its own change of the ticket: the
 * queue events move the active leg along (called, served, done, missed), the `Visit*` events move the ticket
 * on to its next leg or change the legs. Tickets without a plan are left alone, so old logs replay as before.
 */
export function reduceVisit(state: QueueSnapshot, envelope: EventEnvelope): void {
  const { event, at } = envelope;
  switch (event.type) {
    case 'TicketIssued': {
      const t = todays(state, event.ticket.id);
      if (!t?.visit) return;
      // The event's plan is the log's: the day gets a copy of its own.
      t.visit = copyVisitPlan(t.visit);
      // Every leg counts towards its service's quota; the reducer counted the numbered one already.
      t.visit.legs.forEach((leg, i) => {
        if (i !== t.visit?.current) service(state, leg.serviceId).issued += 1;
      });
      return;
    }
    case 'TicketCalled': {
      const leg = activeLeg(state, event.ticketId);
      if (!leg) return;
      leg.counterId = event.counterId;
      leg.calledAt ??= at;
      return;
    }
    case 'ServingStarted': {
      const leg = activeLeg(state, event.ticketId);
      if (leg) leg.servingAt = at;
      return;
    }
    case 'TicketFinished':
    case 'TicketNoShow': {
      const leg = activeLeg(state, event.ticketId);
      if (!leg) return;
      leg.status = event.type === 'TicketFinished' ? 'done' : 'missed';
      leg.counterId = event.counterId;
      leg.endedAt = at;
      return;
    }
    case 'TicketPutBack': {
      // A no-show put back: its leg is the active one again. (A held ticket released keeps its active leg.)
      const t = todays(state, event.ticketId);
      const leg = t?.visit?.legs[t.visit.current];
      if (leg?.status !== 'missed') return;
      leg.status = 'active';
      delete leg.endedAt;
      return;
    }
    case 'TicketCancelled':
      endLegs(todays(state, event.ticketId)?.visit, 'cancelled', at, true);
      return;
    case 'DayClosed':
      // Before midnight the expired tickets stay in the day; at midnight they went with it.
      for (const id of event.expiredTicketIds) endLegs(todays(state, id)?.visit, 'expired', at, true);
      return;
    case 'VisitRouted': {
      const t = todays(state, event.ticketId);
      const leg = t?.visit?.legs[event.leg];
      if (!t?.visit || !leg) return;
      t.visit.current = event.leg;
      leg.status = 'active';
      leg.queuedAt = at;
      delete leg.endedAt;
      t.serviceId = leg.serviceId;
      t.status = 'waiting';
      t.rank = event.rank;
      delete t.counterId;
      delete t.targetCounterId;
      delete t.calledAt;
      delete t.servingAt;
      delete t.endedAt;
      return;
    }
    case 'VisitEnded':
      endLegs(todays(state, event.ticketId)?.visit, 'cancelled', at, false);
      return;
    case 'VisitLegAdded': {
      const t = todays(state, event.ticketId);
      if (!t) return;
      t.visit ??= planOf(t);
      t.visit.legs.push({ serviceId: event.serviceId, status: 'pending', addedBy: event.by });
      t.visit.sequence?.push(t.visit.legs.length - 1);
      service(state, event.serviceId).issued += 1;
      return;
    }
    case 'VisitLegSkipped': {
      const plan = todays(state, event.ticketId)?.visit;
      const leg = plan?.legs[event.leg];
      if (!plan || !leg) return;
      leg.status = 'skipped';
      leg.endedAt = at;
      if (plan.sequence) plan.sequence = plan.sequence.filter((i) => i !== event.leg);
      return;
    }
    case 'VisitReordered': {
      const plan = todays(state, event.ticketId)?.visit;
      if (plan) plan.sequence = [...event.sequence];
      return;
    }
    default:
      return;
  }
}

/** A ticket for one service as the first leg of a visit, from what the ticket knows of it. */
function planOf(t: Ticket): VisitPlan {
  // Booked for the service it was issued for: every leg keeps its own service through transfers.
  const leg: VisitLeg = { serviceId: issuedFor(t), status: 'active', queuedAt: t.issuedAt };
  if (t.counterId !== undefined) leg.counterId = t.counterId;
  if (t.calledAt !== undefined) leg.calledAt = t.calledAt;
  if (t.servingAt !== undefined) leg.servingAt = t.servingAt;
  return { legs: [leg], order: [], current: 0 };
}

/** Ends the legs still to go (and the active one, with `withActive`) as `status`. */
function endLegs(
  plan: VisitPlan | undefined,
  status: 'cancelled' | 'expired',
  at: number,
  withActive: boolean,
): void {
  if (!plan) return;
  plan.legs.forEach((leg, i) => {
    const toGo = leg.status === 'pending' || (leg.status === 'missed' && i !== plan.current);
    if (toGo || (withActive && leg.status === 'active')) {
      leg.status = status;
      leg.endedAt = at;
    }
  });
}

/** The service a ticket was issued for (a transfer changes where it is, not what it was issued for). */
export function issuedFor(t: {
  serviceId: string;
  transfers: ReadonlyArray<{ fromServiceId: string }>;
}): string {
  return t.transfers[0]?.fromServiceId ?? t.serviceId;
}

function activeLeg(state: QueueSnapshot, ticketId: string): VisitLeg | undefined {
  const plan = todays(state, ticketId)?.visit;
  const leg = plan?.legs[plan.current];
  return leg?.status === 'active' ? leg : undefined;
}

function todays(state: QueueSnapshot, id: string): Ticket | undefined {
  return Object.hasOwn(state.tickets, id) ? state.tickets[id] : undefined;
}

function service(state: QueueSnapshot, id: string): ServiceDayState {
  let s = state.services[id];
  if (!s) {
    s = emptyServiceDay();
    state.services[id] = s;
  }
  return s;
}
