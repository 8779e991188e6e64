import type { DomainEvent } from './domain-events.js';
import type { PrintFault, QueueState, Ticket } from './domain-types.js';
import { allTickets, isFinal } from './queue-state.js';

/** A ticket whose print failed while its visit is open: what staff are alerted to. */
export type FaultedTicket = Ticket & { printFault: PrintFault };

function hasOpenPrintFault(ticket: Ticket): ticket is FaultedTicket {
  // An ended visit needs no paper: its fault, if any, is history, not an alert.
  return ticket.printFault !== undefined && !isFinal(ticket);
}

/** Today's open print alerts, oldest failure first: the visitor who has waited longest without a ticket. */
export function openPrintFaults(state: QueueState): FaultedTicket[] {
  return allTickets(state)
    .filter(hasOpenPrintFault)
    .sort((a, b) => a.printFault.at - b.printFault.at);
}

/**
 * What the hub logs when a ticket has printed (`ticket:print` succeeded): a `TicketReprinted` that ends the
 * alert, or nothing when the ticket has no open alert (an ordinary print, or one already cleared). Pure, like
 * `decide`: the hub numbers, logs and applies the event. `by` is the staff member's user name or `kiosk:<id>`.
 */
export function reprintEvent(
  state: QueueState,
  ticketId: string,
  kioskId: string,
  by: string,
): DomainEvent | undefined {
  const ticket = Object.hasOwn(state.tickets, ticketId) ? state.tickets[ticketId] : undefined;
  if (!ticket || !hasOpenPrintFault(ticket)) return undefined;
  return { type: 'TicketReprinted', ticketId: ticket.id, kioskId, by };
}
