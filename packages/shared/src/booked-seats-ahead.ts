import { checkInClosesAt } from './booking-slots.js';
import type { OpenBooking, ReadonlyTicket } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';

export interface SeatsAheadInput {
  /**
   * Where the visitor estimated queues (`appointment-merge.ts`, rule 1): a walk-in taken now at `now`, an
   * appointment at its slot's start.
   */
  rank: number;
  now: number;
  /** The day's booked seats not checked in yet (`DayView.openBookings`). */
  openBookings: Readonly<Record<string, Readonly<OpenBooking>>>;
  /** The day's waiting tickets (`DayView.waitingTickets`). */
  waiting: readonly ReadonlyTicket[];
  config: Pick<QueueConfig, 'booking'>;
  /** The visitor's own booking, when it is one (it is not ahead of itself). */
  own?: string;
}

/**
 * The visitors ahead that the waiting tickets alone do not tell, per service: what `estimateWait` takes as
 * `extraWaiting`, so that the estimate at the kiosk and on the booking page counts booked seats as the merge
 * rule calls them (an appointment queues as if it had come when its slot began):
 * - **+1** for each booked seat not checked in yet whose slot begins no later than the visitor's place and
 *   whose check-in is still open now: its citizen may come at any moment and go before the visitor;
 * - **−1** for each regular appointment already checked in for a slot that begins after the visitor's place:
 *   it waits, so the estimate counts it, but it is called after the visitor.
 * A seat whose check-in has closed is a no-show and holds nothing; priority groups go first whatever their
 * ticket, so a checked-in appointment of a priority group stays counted.
 */
export function bookedSeatsAhead(input: SeatsAheadInput): Record<string, number> {
  const { rank, now, config } = input;
  const extra: Record<string, number> = {};
  const add = (serviceId: string, n: number) => {
    extra[serviceId] = (extra[serviceId] ?? 0) + n;
  };
  for (const [bookingId, seat] of Object.entries(input.openBookings)) {
    if (bookingId === input.own) continue;
    if (seat.slotStart <= rank && now <= checkInClosesAt(config, seat.slotStart)) add(seat.serviceId, 1);
  }
  for (const t of input.waiting) {
    if (t.appointment !== undefined && t.priority === 'none' && t.rank > rank) add(t.serviceId, -1);
  }
  for (const [serviceId, n] of Object.entries(extra)) if (n === 0) delete extra[serviceId];
  return extra;
}

/** Two per-service counts added up (a kiosk's offline tickets and the booked seats ahead). */
export function addCounts(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const sum: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) sum[k] = (sum[k] ?? 0) + n;
  return sum;
}
