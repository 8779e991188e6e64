import type { DomainEvent } from './domain-events.js';
import type { ReadonlyTicket } from './domain-types.js';

/** Desk times kept per service: the estimate reads at most `settings.estimateWindow` (≤ 100) of them. */
export const DESK_TIMES_KEPT = 100;

/** A visit's time at a desk as it ended: the service, when it ended, how long the desk was taken (ms). */
interface DeskTime extends EndedDeskTime {
  serviceId: string;
}

/** One visit's desk time (ms) and when it ended. */
export interface EndedDeskTime {
  endedAt: number;
  ms: number;
}

/**
 * How long each service's recent visits kept a desk: from the call to the moment the desk was free again
 * (finish, no-show, or a transfer on), so the walk to the desk, recalls and no-shows count. This is the time
 * the wait estimate needs — a desk calls its next visitor then — not the service time (`recentServiceMs`,
 * from `startServing`), which is what reports hold against the target. Owned by `QueueDay`, kept up to date
 * from the events, and rebuilt from the tickets when a day is loaded from a snapshot.
 */
export class DeskTimes {
  private readonly byService = new Map<string, EndedDeskTime[]>();

  /** Newest last, at most `DESK_TIMES_KEPT`. */
  of(serviceId: string): readonly EndedDeskTime[] {
    return this.byService.get(serviceId) ?? [];
  }

  /** The desk time an event ends, read from the ticket before the event is applied. */
  static ended(event: DomainEvent, at: number, ticket: ReadonlyTicket | undefined): DeskTime | undefined {
    if (
      event.type !== 'TicketFinished' &&
      event.type !== 'TicketNoShow' &&
      event.type !== 'TicketTransferred'
    ) {
      return undefined;
    }
    if (!ticket || ticket.calledAt === undefined) return undefined;
    if (ticket.status !== 'called' && ticket.status !== 'serving') return undefined;
    return { serviceId: ticket.serviceId, endedAt: at, ms: Math.max(0, at - ticket.calledAt) };
  }

  /** The same desk times, read back from a day's tickets (their calls, transfers and end). */
  static fromTickets(tickets: Iterable<ReadonlyTicket>): DeskTimes {
    const found: DeskTime[] = [];
    for (const t of tickets) {
      const calls = t.calls.filter((c) => !c.recall);
      for (const transfer of t.transfers) {
        const call = calls.filter((c) => c.at <= transfer.at).at(-1);
        if (call) {
          found.push({
            serviceId: transfer.fromServiceId,
            endedAt: transfer.at,
            ms: Math.max(0, transfer.at - call.at),
          });
        }
      }
      if (
        (t.status === 'done' || t.status === 'no_show') &&
        t.calledAt !== undefined &&
        t.endedAt !== undefined
      )
        found.push({ serviceId: t.serviceId, endedAt: t.endedAt, ms: Math.max(0, t.endedAt - t.calledAt) });
    }
    found.sort((a, b) => a.endedAt - b.endedAt);
    const times = new DeskTimes();
    for (const d of found) times.add(d);
    return times;
  }

  add(d: DeskTime | undefined): void {
    if (!d) return;
    let list = this.byService.get(d.serviceId);
    if (!list) {
      list = [];
      this.byService.set(d.serviceId, list);
    }
    list.push({ endedAt: d.endedAt, ms: d.ms });
    if (list.length > DESK_TIMES_KEPT) list.shift();
  }
}
