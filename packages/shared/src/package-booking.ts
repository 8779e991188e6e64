import type { BookingBook } from './booking-book.js';
import type { BookingContext, BookingPerson, BookingRefusal, BookingRequest } from './booking-commands.js';
import { BOOKING_REFUSAL_TEXT, decideBooking, decideCancel, freeSeats } from './booking-commands.js';
import { slotClock } from './booking-slots.js';
import type { DomainEvent } from './domain-events.js';
import type { QueueConfig, ServicePackageConfig } from './hall-config.js';
import { orderAmong } from './visit-plan.js';

const MINUTE = 60_000;

type Booked = Extract<DomainEvent, { type: 'AppointmentBooked' }>;
type Cancelled = Extract<DomainEvent, { type: 'AppointmentCancelled' }>;

/**
 * A package booked in one go (issue 14): one booking, one code, a slot for each leg. The legs go in the
 * package's order (the law's pairs first, the rest as the package lists them), and each leg's slot is chained
 * to the one before: the first free slot of the leg's service that begins once the slot before has ended and
 * its service's typical time (`targetMinutes`) has passed. The first leg is the booking the citizen holds (its
 * code, its check-in); every leg's seat is taken in the same decision, so it is all or nothing.
 */
export interface PackageBookingRequest extends Omit<BookingRequest, 'serviceId'> {
  packageId: string;
}

export interface ChainedLeg {
  serviceId: string;
  slotStart: number;
}

/** The package's services in the order their legs are booked: its order pairs kept, else as listed. */
export function packageLegOrder(pkg: Pick<ServicePackageConfig, 'serviceIds' | 'order'>): string[] {
  const services = [...pkg.serviceIds];
  const order = orderAmong(services, pkg.order);
  const done = new Set<number>();
  const legs: string[] = [];
  while (legs.length < services.length) {
    const next = services.findIndex(
      (_, i) => !done.has(i) && order.every((o) => o.after !== i || done.has(o.before)),
    );
    // A cycle cannot pass the config's check; should one slip through, the rest go as listed.
    const i = next >= 0 ? next : services.findIndex((_, k) => !done.has(k));
    done.add(i);
    legs.push(services[i] ?? '');
  }
  return legs;
}

/** The packages a citizen can book: every one of their services takes bookings. */
export function bookablePackages(config: QueueConfig): ServicePackageConfig[] {
  return config.packages.filter((p) =>
    p.serviceIds.every((id) => config.services.find((s) => s.id === id)?.booking !== undefined),
  );
}

/**
 * Each leg's slot when the first leg starts at `firstStart`: the chain, or undefined when a later leg finds
 * no free slot that day (the first leg's own seat is `decideBooking`'s question).
 */
export function chainSlots(
  config: QueueConfig,
  book: BookingBook,
  services: readonly string[],
  day: string,
  firstStart: number,
  now: number,
): ChainedLeg[] | undefined {
  const legs: ChainedLeg[] = [];
  let earliest = firstStart;
  for (const [i, serviceId] of services.entries()) {
    const service = config.services.find((s) => s.id === serviceId);
    if (!service?.booking) return undefined;
    const slot =
      i === 0
        ? { start: firstStart }
        : freeSeats(config, book, serviceId, day, now).find((s) => s.start >= earliest && s.free > 0);
    if (!slot) return undefined;
    legs.push({ serviceId, slotStart: slot.start });
    earliest = slot.start + (service.booking.slotMinutes + service.targetMinutes) * MINUTE;
  }
  return legs;
}

/** The first leg's slots of a day, each with its chain; `free` is 0 where the chain breaks. */
export function packageSlots(
  config: QueueConfig,
  book: BookingBook,
  pkg: ServicePackageConfig,
  day: string,
  now: number,
): Array<{ start: number; clock: string; free: number; legs: Array<ChainedLeg & { clock: string }> }> {
  const services = packageLegOrder(pkg);
  const first = services[0] ?? '';
  return freeSeats(config, book, first, day, now).map((slot) => {
    const legs = slot.free > 0 ? chainSlots(config, book, services, day, slot.start, now) : undefined;
    const clocked = (legs ?? []).map((l) => ({ ...l, clock: slotClock(l.slotStart, config.hall.timeZone) }));
    return { ...slot, free: legs ? slot.free : 0, legs: clocked };
  });
}

export type PackageBookingDecision = { ok: true; events: Booked[]; person: BookingPerson } | BookingRefusal;

/** Decides a package booking: each leg as `decideBooking` would, on its chained slot; one refusal refuses all. */
export function decidePackageBooking(
  request: PackageBookingRequest,
  ctx: BookingContext,
): PackageBookingDecision {
  const pkg = bookablePackages(ctx.config).find((p) => p.id === request.packageId);
  if (!pkg) return refusal('NO_BOOKING');
  const services = packageLegOrder(pkg);
  const first = decideBooking({ ...request, serviceId: services[0] ?? '' }, ctx);
  if (!first.ok) return first;
  const chain = chainSlots(ctx.config, ctx.book, services, request.day, first.event.slotStart, ctx.now);
  if (!chain) {
    return refusal('SLOT_FULL', {
      id: 'Jam untuk layanan berikutnya dalam paket ini sudah penuh. Pilih jam lebih pagi atau hari lain.',
      en: 'The times for the next services of this package are full. Choose an earlier time or another day.',
    });
  }
  const lead = first.event.bookingId;
  const events: Booked[] = [{ ...first.event, package: { packageId: pkg.id, leadBookingId: lead } }];
  for (const leg of chain.slice(1)) {
    const d = decideBooking({ ...request, serviceId: leg.serviceId, slotStart: leg.slotStart }, ctx);
    if (!d.ok) return d;
    events.push({ ...d.event, package: { packageId: pkg.id, leadBookingId: lead } });
  }
  return { ok: true, events, person: first.person };
}

/** Cancels a package: its first leg decides, as `decideCancel`; every leg not cancelled yet goes with it. */
export function decidePackageCancel(
  book: BookingBook,
  config: QueueConfig,
  leadBookingId: string,
  now: number,
  by: string,
): { ok: true; events: Cancelled[] } | BookingRefusal {
  const lead = decideCancel(book, config, leadBookingId, now, by);
  if (!lead.ok) return lead;
  const rest = book
    .legsOf(leadBookingId)
    .filter((f) => f.id !== leadBookingId && !f.cancelled && f.ticketId === undefined)
    .map((f): Cancelled => ({ type: 'AppointmentCancelled', bookingId: f.id, by }));
  return { ok: true, events: [lead.event, ...rest] };
}

function refusal(
  code: BookingRefusal['code'],
  text: BookingRefusal['text'] = BOOKING_REFUSAL_TEXT[code],
): BookingRefusal {
  return { ok: false, code, text };
}
