import { BookingBook } from '../booking-book.js';
import type { BookingDecision, BookingRequest, CheckInDecision } from '../booking-commands.js';
import { decideBooking, decideCancel, decideCheckIn } from '../booking-commands.js';
import type { BookingChannel } from '../domain-events.js';
import type { PriorityGroup } from '../domain-types.js';
import type { TestQueue } from './test-hall.js';

/**
 * Bookings over a `TestQueue`, as the hub keeps them: the book follows the queue's log, and the NIKs of live
 * bookings sit beside it (the hub's booking table). Refusals change nothing.
 */
export class TestBookings {
  readonly book = new BookingBook();
  /** bookingId → NIK, the hub table's part the double-booking rule reads. */
  readonly niks = new Map<string, string>();
  private seen = 0;

  constructor(readonly q: TestQueue) {}

  /** Brings the book up to the queue's log. */
  sync(): this {
    for (const e of this.q.log.slice(this.seen)) this.book.apply(e);
    this.seen = this.q.log.length;
    return this;
  }

  bookSlot(request: BookingRequest, channel: BookingChannel = 'web'): BookingDecision {
    this.sync();
    const decision = decideBooking(request, {
      config: this.q.config,
      book: this.book,
      now: this.q.now,
      newId: this.q.newId,
      channel,
      nikHasBooking: (nik, serviceId, day) =>
        [...this.niks].some(([id, n]) => {
          const fact = this.book.get(id);
          return n === nik && fact?.serviceId === serviceId && fact.day === day && !fact.cancelled;
        }),
    });
    if (decision.ok) {
      this.niks.set(decision.event.bookingId, decision.person.nik);
      this.q.apply([decision.event]);
      this.sync();
    }
    return decision;
  }

  /** Books and returns the booking id; a refusal throws. */
  mustBook(request: BookingRequest): string {
    const d = this.bookSlot(request);
    if (!d.ok) throw new Error(`booking refused: ${d.code}`);
    return d.event.bookingId;
  }

  cancel(bookingId: string, by = 'citizen'): ReturnType<typeof decideCancel> {
    this.sync();
    const d = decideCancel(this.book, this.q.config, bookingId, this.q.now, by);
    if (d.ok) this.q.apply([d.event]);
    this.sync();
    return d;
  }

  checkIn(bookingId: string, priority: PriorityGroup = 'none'): CheckInDecision {
    this.q.rollover();
    this.sync();
    const d = decideCheckIn(this.book, this.q.state, bookingId, priority, {
      config: this.q.config,
      now: this.q.now,
      actor: { kind: 'kiosk', kioskId: 'k1' },
      newId: this.q.newId,
    });
    if (d.ok) this.q.apply(d.events);
    this.sync();
    return d;
  }

  /** Checks in and returns the ticket's id; a refusal throws. */
  mustCheckIn(bookingId: string, priority: PriorityGroup = 'none'): string {
    const d = this.checkIn(bookingId, priority);
    if (!d.ok) throw new Error(`check-in refused: ${d.code}`);
    const issued = d.events.find((e) => e.type === 'TicketIssued');
    if (issued?.type !== 'TicketIssued') throw new Error('no ticket');
    return issued.ticket.id;
  }
}
