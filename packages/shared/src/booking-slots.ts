import { hallLocalTime } from './hall-clock.js';
import type { HallTimeZone, QueueConfig, ServiceBooking, ServiceConfig } from './hall-config.js';
import { WEEKDAYS } from './hall-config.js';

/** One bookable slot of a service on one hall day. */
export interface BookingSlot {
  /** When the slot begins (ms since the epoch): a booking names its slot by it. */
  start: number;
  end: number;
  /** `HH:MM`, hall time. */
  clock: string;
  seats: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The instant of `HH:MM` on hall day `day` (`YYYY-MM-DD`). */
export function hallInstant(day: string, clock: string, zone: HallTimeZone): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = clock.split(':').map(Number);
  // Indonesia has no daylight saving: the zone's offset is the local hour at the epoch.
  const offset = hallLocalTime(0, zone).minuteOfDay;
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + ((h ?? 0) * 60 + (min ?? 0) - offset) * MINUTE;
}

/** `HH:MM` hall time of an instant. */
export function slotClock(at: number, zone: HallTimeZone): string {
  const t = hallLocalTime(at, zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Why a service has no slots on a day. */
export type NoSlotsReason = 'noBooking' | 'holiday' | 'closed' | 'tooFar' | 'past';

/**
 * The slots of a service on a hall day: its opening periods cut into `slotMinutes`, a slot kept only when
 * it ends within its period. None on a holiday, a closed weekday, or for a service without bookings.
 */
export function slotsOfDay(
  config: Pick<QueueConfig, 'hall' | 'holidays'>,
  service: ServiceConfig,
  day: string,
): BookingSlot[] {
  if (noSlotsReason(config, service, day) !== undefined) return [];
  const booking = service.booking as ServiceBooking;
  const zone = config.hall.timeZone;
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 'sun';
  const hours = (service.hours ?? config.hall.hours)[weekday];
  const slots: BookingSlot[] = [];
  for (const [from, to] of hours) {
    const end = hallInstant(day, to, zone);
    for (let start = hallInstant(day, from, zone); start + booking.slotMinutes * MINUTE <= end;) {
      const next = start + booking.slotMinutes * MINUTE;
      slots.push({ start, end: next, clock: slotClock(start, zone), seats: booking.seatsPerSlot });
      start = next;
    }
  }
  return slots;
}

/** Why the day has no slots for the service (calendar only; `bookableDays` adds how far ahead). */
export function noSlotsReason(
  config: Pick<QueueConfig, 'hall' | 'holidays'>,
  service: ServiceConfig,
  day: string,
): NoSlotsReason | undefined {
  if (service.booking === undefined) return 'noBooking';
  if (config.holidays.some((h) => h.date === day)) return 'holiday';
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 'sun';
  if ((service.hours ?? config.hall.hours)[weekday].length === 0) return 'closed';
  return undefined;
}

/** Whether `day` lies in the booking horizon: from today up to `daysAhead` days on. */
export function bookingHorizon(
  config: Pick<QueueConfig, 'hall'>,
  service: ServiceConfig,
  day: string,
  now: number,
): 'past' | 'tooFar' | undefined {
  const today = hallLocalTime(now, config.hall.timeZone).day;
  if (day < today) return 'past';
  const ahead = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
  return ahead > (service.booking?.daysAhead ?? -1) ? 'tooFar' : undefined;
}

/** The days from today on that a citizen may book, each with its slots (holidays and closed days left out). */
export function bookableDays(
  config: Pick<QueueConfig, 'hall' | 'holidays'>,
  service: ServiceConfig,
  now: number,
): Array<{ day: string; slots: BookingSlot[] }> {
  const days: Array<{ day: string; slots: BookingSlot[] }> = [];
  const today = hallLocalTime(now, config.hall.timeZone).day;
  for (let i = 0; i <= (service.booking?.daysAhead ?? -1); i++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
    const slots = slotsOfDay(config, service, day).filter((s) => s.start > now);
    if (slots.length > 0) days.push({ day, slots });
  }
  return days;
}

/**
 * The most a day's bookings may reach for a service: its `bookedShare` of the daily quota (so walk-ins keep
 * the rest); without a quota, only the slots' seats limit it.
 */
export function dailyBookingCap(service: ServiceConfig): number {
  if (service.booking === undefined) return 0;
  if (service.dailyQuota === undefined) return Number.POSITIVE_INFINITY;
  return Math.floor(service.dailyQuota * service.booking.bookedShare);
}

/** Where `now` stands to the check-in window of a slot beginning at `slotStart`. */
export type CheckInTiming = 'early' | 'open' | 'late';

export function checkInTiming(
  config: Pick<QueueConfig, 'booking'>,
  slotStart: number,
  now: number,
): CheckInTiming {
  if (now < checkInOpensAt(config, slotStart)) return 'early';
  return now > checkInClosesAt(config, slotStart) ? 'late' : 'open';
}

export function checkInOpensAt(config: Pick<QueueConfig, 'booking'>, slotStart: number): number {
  return slotStart - config.booking.checkInOpensMinutes * MINUTE;
}

/** When check-in closes: a seat not checked in by then is a no-show, and goes back to walk-ins. */
export function checkInClosesAt(config: Pick<QueueConfig, 'booking'>, slotStart: number): number {
  return slotStart + config.booking.checkInClosesMinutes * MINUTE;
}
