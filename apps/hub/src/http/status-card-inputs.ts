import type { DayView, HallConfig, WaitEstimate } from '@antre/shared';
import { openCountersOf } from '@antre/shared';

/** The card's clock reads minutes (a service opening at 08.00, the wait's minutes). */
const MINUTE_MS = 60_000;

/**
 * What a ticket's status card is made from beyond the ticket's own events, as one string: while it stays the
 * same and no event names the ticket, the card is the one already sent and is not made again (`TicketStreams`),
 * so that a call costs the 2,000 phones of a busy hall only the cards it changed. It holds the config, the
 * ticket's status, counter and calls (a second guard beside the events that name it), its place and wait,
 * the counters open for its service and the minute. Undefined for a card that reads more than that: a visit
 * of several services shows its other legs' queues, so its card is made every time.
 */
export class StatusCardInputs {
  private config: HallConfig | undefined;
  private generation = 0;

  of(config: HallConfig, state: DayView, ticketId: string, now: number, place: WaitEstimate | undefined) {
    if (config !== this.config) {
      this.config = config;
      this.generation += 1;
    }
    const ticket = state.ticket(ticketId);
    if (!ticket) return `${this.generation}|unknown`;
    if (ticket.visit) return undefined;
    return [
      this.generation,
      Math.floor(now / MINUTE_MS),
      ticket.status,
      ticket.serviceId,
      ticket.counterId ?? '',
      ticket.targetCounterId ?? '',
      ticket.calls.length,
      ticket.transfers.length,
      openCountersOf(state, config, ticket.serviceId),
      place ? `${place.ahead}|${place.minutes}|${place.low ?? ''}|${place.high ?? ''}` : '',
      place?.opens ? JSON.stringify(place.opens) : '',
    ].join('|');
  }
}
