import type { DomainEvent } from './domain-events.js';
import type { Ticket } from './domain-types.js';

/**
 * Which service a visit is on now, as a projection of the log follows it: the services of its legs by leg index
 * (`VisitRouted` names a leg by its index; `VisitLegAdded` appends one) and the service whose queue or counter
 * it is at. A ticket for one service has one leg. The survey ledger, the IKM report and the reports' projection
 * all read a visit's service through here, so they agree on it.
 */
export interface VisitPosition {
  /** The service it is on now: its first leg's at issue, then the leg it was routed to, or a transfer's target. */
  serviceId: string;
  /** Its legs' services by leg index. */
  legs: string[];
}

/** Where a ticket's visit starts, from the ticket as issued. */
export function visitPositionOf(ticket: Pick<Ticket, 'serviceId' | 'visit'>): VisitPosition {
  return {
    serviceId: ticket.serviceId,
    legs: ticket.visit?.legs.map((l) => l.serviceId) ?? [ticket.serviceId],
  };
}

/**
 * Moves `position` by one event of its ticket (the caller matches the ticket): a routing to a leg, a leg added,
 * a transfer. Any other event leaves it as it is. Returns whether it changed.
 */
export function followVisit(position: VisitPosition, event: DomainEvent): boolean {
  switch (event.type) {
    case 'VisitLegAdded':
      position.legs.push(event.serviceId);
      return true;
    case 'VisitRouted': {
      const serviceId = position.legs[event.leg];
      if (serviceId === undefined) return false;
      position.serviceId = serviceId;
      return true;
    }
    case 'TicketTransferred':
      position.serviceId = event.toServiceId;
      return true;
    default:
      return false;
  }
}

/** Whether the visit has several services: a leg's finish may route on rather than end it. */
export function hasSeveralLegs(position: VisitPosition): boolean {
  return position.legs.length > 1;
}
