import { checkInClosesAt } from './booking-slots.js';
import type { BookingChannel, EventEnvelope } from './domain-events.js';
import type { OpenBooking } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';

/** A booking as the log knows it: no name, NIK or phone (those are the hub's booking table's). */
export interface BookingFact {
  id: string;
  serviceId: string;
  day: string;
  slotStart: number;
  channel: BookingChannel;
  bookedAt: number;
  cancelled: boolean;
  /** The ticket its check-in issued. */
  ticketId?: string;
  /** A leg of a package booked in one go: the package and its first leg's booking. */
  package?: { packageId: string; leadBookingId: string };
}

/** What became of a booking: still booked, cancelled, checked in, or missed (check-in closed without it). */
export type BookingStatus = 'booked' | 'cancelled' | 'checkedIn' | 'missed';

export function bookingStatus(
  fact: BookingFact,
  config: Pick<QueueConfig, 'booking'>,
  now: number,
): BookingStatus {
  if (fact.cancelled) return 'cancelled';
  if (fact.ticketId !== undefined) return 'checkedIn';
  return now > checkInClosesAt(config, fact.slotStart) ? 'missed' : 'booked';
}

/**
 * Every booking of the log, across days: the seats each slot has given, for the booking page, the intake API
 * and check-in. Built by applying events in log order, like the queue day; only `apply` changes it.
 */
export class BookingBook {
  private readonly bookings = new Map<string, BookingFact>();
  /** Seats given per `serviceId|slotStart` (cancelled ones returned). */
  private readonly seats = new Map<string, number>();
  /** Seats given per `serviceId|day`. */
  private readonly daySeats = new Map<string, number>();
  /** A package's legs by its first leg's booking id, in booking order (the first leg first). */
  private readonly legs = new Map<string, string[]>();

  apply(envelope: EventEnvelope): void {
    const { event } = envelope;
    switch (event.type) {
      case 'AppointmentBooked': {
        if (this.bookings.has(event.bookingId)) return;
        this.bookings.set(event.bookingId, {
          id: event.bookingId,
          serviceId: event.serviceId,
          day: event.day,
          slotStart: event.slotStart,
          channel: event.channel,
          bookedAt: envelope.at,
          cancelled: false,
          ...(event.package ? { package: { ...event.package } } : {}),
        });
        if (event.package) {
          const legs = this.legs.get(event.package.leadBookingId) ?? [];
          legs.push(event.bookingId);
          this.legs.set(event.package.leadBookingId, legs);
        }
        this.add(event.serviceId, event.slotStart, event.day, 1);
        return;
      }
      case 'AppointmentCancelled': {
        const fact = this.bookings.get(event.bookingId);
        if (!fact || fact.cancelled) return;
        fact.cancelled = true;
        this.add(fact.serviceId, fact.slotStart, fact.day, -1);
        return;
      }
      case 'TicketIssued': {
        const appointment = event.ticket.appointment;
        if (!appointment) return;
        for (const id of this.legs.get(appointment.bookingId) ?? [appointment.bookingId]) {
          const fact = this.bookings.get(id);
          if (fact) fact.ticketId = event.ticket.id;
        }
        return;
      }
      default:
        return;
    }
  }

  get(bookingId: string): Readonly<BookingFact> | undefined {
    return this.bookings.get(bookingId);
  }

  /** A package's legs by its first leg's booking (that one alone for a booking of one service). */
  legsOf(leadBookingId: string): Array<Readonly<BookingFact>> {
    const ids = this.legs.get(leadBookingId) ?? [leadBookingId];
    return ids.flatMap((id) => {
      const fact = this.bookings.get(id);
      return fact ? [fact] : [];
    });
  }

  /** Seats of a slot given to bookings not cancelled (checked in or not, missed or not). */
  seatsTaken(serviceId: string, slotStart: number): number {
    return this.seats.get(`${serviceId}|${slotStart}`) ?? 0;
  }

  /** Bookings of a service on a day, not cancelled: what `dailyBookingCap` limits. */
  bookedOnDay(serviceId: string, day: string): number {
    return this.daySeats.get(`${serviceId}|${day}`) ?? 0;
  }

  /** The bookings of a hall day, in slot order. */
  ofDay(day: string): Array<Readonly<BookingFact>> {
    return [...this.bookings.values()].filter((b) => b.day === day).sort((a, b) => a.slotStart - b.slotStart);
  }

  /**
   * Seats of a day still held for citizens not yet checked in: walk-ins cannot have them from the quota. A
   * slot whose check-in has closed holds nothing any more: its no-shows go back to walk-ins.
   */
  heldSeats(serviceId: string, day: string, config: Pick<QueueConfig, 'booking'>, now: number): number {
    let held = 0;
    for (const b of this.bookings.values()) {
      if (b.serviceId === serviceId && b.day === day && bookingStatus(b, config, now) === 'booked') held += 1;
    }
    return held;
  }

  /** A day's bookings not cancelled nor checked in, by id: what the day starts with (`DayView.openBookings`). */
  openOn(day: string): Record<string, OpenBooking> {
    const open: Record<string, OpenBooking> = {};
    for (const b of this.bookings.values()) {
      if (b.day === day && !b.cancelled && b.ticketId === undefined)
        open[b.id] = {
          serviceId: b.serviceId,
          slotStart: b.slotStart,
          ...(b.package && b.package.leadBookingId !== b.id ? { lead: b.package.leadBookingId } : {}),
        };
    }
    return open;
  }

  /** The bookings of the hall days `from`…`to` (`YYYY-MM-DD`, inclusive), in day and slot order: reports. */
  between(from: string, to: string): Array<Readonly<BookingFact>> {
    return [...this.bookings.values()]
      .filter((b) => b.day >= from && b.day <= to)
      .sort((a, b) => a.slotStart - b.slotStart);
  }

  private add(serviceId: string, slotStart: number, day: string, n: number): void {
    const slot = `${serviceId}|${slotStart}`;
    this.seats.set(slot, (this.seats.get(slot) ?? 0) + n);
    const d = `${serviceId}|${day}`;
    this.daySeats.set(d, (this.daySeats.get(d) ?? 0) + n);
  }
}
