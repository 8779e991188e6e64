import type { DeepReadonly } from './deep-readonly.js';
import type { DomainEvent } from './domain-events.js';
import type { PrintFault, ReadonlyTicket } from './domain-types.js';
import type { DayView } from './queue-day.js';
import { isFinal } from './queue-state.js';

/** A ticket whose print failed while its visit is open: what staff are alerted to. */
export type FaultedTicket = ReadonlyTicket & { readonly printFault: DeepReadonly<PrintFault> };

function hasOpenPrintFault(ticket: ReadonlyTicket): ticket is FaultedTicket {
  // An ended visit needs no paper: its fault, if any, is history, not an alert.
  return ticket.printFault !== undefined && !isFinal(ticket);
}

/** Today's open print alerts, oldest failure first: the visitor who has waited longest without a ticket. */
export function openPrintFaults(day: DayView): FaultedTicket[] {
  return day
    .allTickets()
    .filter(hasOpenPrintFault)
    .sort((a, b) => a.printFault.at - b.printFault.at);
}

/**
 * What the hub logs when a ticket has printed (`ticket:print` succeeded): a `TicketReprinted` that ends the
 * alert, or nothing when the ticket has no open alert (an ordinary print, or one already cleared). Pure, like
 * `decide`: the hub numbers, logs and applies the event. `by` is the staff member's user name or `kiosk:<id>`.
 */
export function reprintEvent(
  day: DayView,
  ticketId: string,
  kioskId: string,
  by: string,
): DomainEvent | undefined {
  const ticket = day.ticket(ticketId);
  if (!ticket || !hasOpenPrintFault(ticket)) return undefined;
  return { type: 'TicketReprinted', ticketId: ticket.id, kioskId, by };
}
