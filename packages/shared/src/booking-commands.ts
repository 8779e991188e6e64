import type { BookingBook } from './booking-book.js';
import { withPlan } from './visit-issue.js';
import { newVisitPlan, orderAmong } from './visit-plan.js';
import { bookingStatus } from './booking-book.js';
import {
  bookingHorizon,
  checkInOpensAt,
  checkInTiming,
  dailyBookingCap,
  slotClock,
  noSlotsReason,
  slotsOfDay,
} from './booking-slots.js';
import type { DomainEvent, BookingChannel } from './domain-events.js';
import type { PriorityGroup } from './domain-types.js';
import { ERROR_TEXT } from './error-codes.js';
import type { LocalizedText, QueueConfig } from './hall-config.js';
import { NIK_PROBLEM_TEXT, nikProblem, normalizeNik } from './nik.js';
import type { DayView } from './queue-day.js';
import type { EngineContext } from './queue-engine.js';
import { issueAppointmentTicket } from './queue-engine.js';

/** Why a booking, a cancel or a check-in is refused. Each has a text in both languages; nothing changes. */
export type BookingRefusalCode =
  | 'INVALID_NAME'
  | 'INVALID_NIK'
  | 'INVALID_PHONE'
  | 'UNKNOWN_SERVICE'
  | 'NO_BOOKING'
  | 'HOLIDAY'
  | 'CLOSED_DAY'
  | 'PAST_DAY'
  | 'TOO_FAR'
  | 'UNKNOWN_SLOT'
  | 'SLOT_FULL'
  | 'DAY_FULL'
  | 'ALREADY_BOOKED'
  | 'INVALID_CODE'
  | 'WRONG_HALL'
  | 'UNKNOWN_BOOKING'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'MISSED'
  | 'NOT_TODAY'
  | 'CHECK_IN_EARLY'
  | 'CHECK_IN_LATE'
  | 'SERVICE_REFUSED';

export interface BookingRefusal {
  ok: false;
  code: BookingRefusalCode;
  text: LocalizedText;
}

export const BOOKING_REFUSAL_TEXT: Record<BookingRefusalCode, LocalizedText> = {
  INVALID_NAME: { id: 'Tulis nama Anda (2–80 huruf).', en: 'Write your name (2–80 characters).' },
  INVALID_NIK: NIK_PROBLEM_TEXT.length,
  INVALID_PHONE: {
    id: 'Nomor HP tidak valid. Contoh: 0812 3456 7890.',
    en: 'The phone number is not valid. Example: 0812 3456 7890.',
  },
  UNKNOWN_SERVICE: { id: 'Layanan tidak ditemukan.', en: 'Service not found.' },
  NO_BOOKING: {
    id: 'Layanan ini tidak menerima janji temu. Silakan datang langsung.',
    en: 'This service takes no appointments. Please come in person.',
  },
  HOLIDAY: {
    id: 'Hari itu hari libur: mal pelayanan tutup.',
    en: 'That day is a holiday: the hall is closed.',
  },
  CLOSED_DAY: { id: 'Layanan ini tutup pada hari itu.', en: 'This service is closed on that day.' },
  PAST_DAY: { id: 'Tanggal itu sudah lewat.', en: 'That date has passed.' },
  TOO_FAR: { id: 'Tanggal itu belum dapat dipesan.', en: 'That date cannot be booked yet.' },
  UNKNOWN_SLOT: { id: 'Jam itu tidak tersedia.', en: 'That time is not available.' },
  SLOT_FULL: {
    id: 'Maaf, jam itu baru saja penuh. Silakan pilih jam lain.',
    en: 'Sorry, that time has just filled up. Please choose another.',
  },
  DAY_FULL: {
    id: 'Kuota janji temu hari itu sudah habis. Silakan pilih hari lain.',
    en: 'The appointments of that day are taken. Please choose another day.',
  },
  ALREADY_BOOKED: {
    id: 'NIK ini sudah punya janji temu untuk layanan ini pada hari itu.',
    en: 'This NIK already has an appointment for this service on that day.',
  },
  INVALID_CODE: {
    id: 'Kode janji temu tidak dikenal. Periksa kembali kodenya.',
    en: 'Unknown booking code. Please check the code.',
  },
  WRONG_HALL: {
    id: 'Kode ini untuk mal pelayanan lain.',
    en: 'This code is for another service hall.',
  },
  UNKNOWN_BOOKING: { id: 'Janji temu tidak ditemukan.', en: 'Appointment not found.' },
  CANCELLED: { id: 'Janji temu ini sudah dibatalkan.', en: 'This appointment was cancelled.' },
  CHECKED_IN: { id: 'Anda sudah check-in untuk janji temu ini.', en: 'You have already checked in.' },
  MISSED: { id: 'Waktu janji temu ini sudah lewat.', en: 'The time of this appointment has passed.' },
  NOT_TODAY: { id: 'Janji temu ini bukan untuk hari ini.', en: 'This appointment is not for today.' },
  CHECK_IN_EARLY: {
    id: 'Check-in belum dibuka. Silakan kembali sebentar lagi.',
    en: 'Check-in is not open yet. Please come back a little later.',
  },
  CHECK_IN_LATE: {
    id: 'Maaf, waktu check-in sudah lewat. Anda tetap dapat mengambil nomor antrean biasa.',
    en: 'Sorry, check-in has closed. You can still take a regular queue ticket.',
  },
  SERVICE_REFUSED: {
    id: 'Layanan tidak dapat menerima Anda sekarang.',
    en: 'The service cannot take you now.',
  },
};

function refuse(code: BookingRefusalCode, text: LocalizedText = BOOKING_REFUSAL_TEXT[code]): BookingRefusal {
  return { ok: false, code, text };
}

// ---- Booking codes -------------------------------------------------------------------------------------

/** No 0/O, 1/I/L: a code read aloud or typed from paper is read right. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Two letters naming the hall in its codes, so a code brought to another hall is told apart. */
export function hallTag(hallId: string): string {
  let h = 2166136261;
  for (const ch of hallId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `${CODE_ALPHABET[h % 31] ?? 'X'}${CODE_ALPHABET[Math.floor(h / 31) % 31] ?? 'X'}`;
}

/** A booking code `TT-XXXXXX`: the hall's tag and six random characters (31⁶ ≈ 887 million). */
export function makeBookingCode(hallId: string, random: Uint8Array): string {
  let body = '';
  for (let i = 0; i < 6; i++) body += CODE_ALPHABET[(random[i] ?? 0) % 31] ?? 'X';
  return `${hallTag(hallId)}-${body}`;
}

/** The code as typed or scanned: upper case, the dash and spaces put right. Undefined when it is no code. */
export function normalizeBookingCode(text: string): string | undefined {
  const plain = text.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[2-9A-HJKMNP-Z]{8}$/.test(plain)) return undefined;
  return `${plain.slice(0, 2)}-${plain.slice(2)}`;
}

/** Whether a typed code can be this hall's: malformed, or another hall's, is refused before any look-up. */
export function codeRefusal(text: string, hallId: string): BookingRefusal | undefined {
  const code = normalizeBookingCode(text);
  if (code === undefined) return refuse('INVALID_CODE');
  return code.startsWith(`${hallTag(hallId)}-`) ? undefined : refuse('WRONG_HALL');
}

/**
 * What was typed at check-in (on the keypad, or by a USB scanner reading the booking's QR): a NIK when it is
 * only digits and longer than a code (a code has 8 characters, which may all be digits), else a booking code.
 * Undefined when nothing was typed. Whether the code or NIK is valid is the hub's question.
 */
export function checkInEntry(text: string): { code: string } | { nik: string } | undefined {
  const plain = text.trim();
  if (plain === '') return undefined;
  const nik = normalizeNik(plain);
  if (/^\d{9,}$/.test(nik)) return { nik };
  return { code: normalizeBookingCode(plain) ?? plain.toUpperCase().slice(0, 20) };
}

/**
 * Whether a refused check-in is offered a regular (walk-in) ticket for the booking's service instead: a citizen
 * who came after check-in closed (`CHECK_IN_LATE`) is still served, in the walk-in queue.
 */
export function offersWalkIn(refusal: BookingRefusalCode | undefined): boolean {
  return refusal === 'CHECK_IN_LATE';
}

// ---- Booking -------------------------------------------------------------------------------------------

export interface BookingRequest {
  serviceId: string;
  day: string;
  slotStart: number;
  name: string;
  nik: string;
  phone: string;
}

/** What the hub keeps of the person, in its booking table only, until `retentionDays` after the slot. */
export interface BookingPerson {
  name: string;
  nik: string;
  /** `08…`, digits only. */
  phone: string;
}

export interface BookingContext {
  config: QueueConfig;
  book: BookingBook;
  now: number;
  newId: () => string;
  channel: BookingChannel;
  /** Whether this NIK already holds a live booking for the service on the day (the hub's booking table). */
  nikHasBooking: (nik: string, serviceId: string, day: string) => boolean;
}

export type BookingDecision =
  | { ok: true; event: Extract<DomainEvent, { type: 'AppointmentBooked' }>; person: BookingPerson }
  | BookingRefusal;

/** The phone as digits from `08`, or undefined when it is no Indonesian mobile number. */
export function normalizePhone(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '').replace(/^\+?62/, '0');
  return /^08\d{7,11}$/.test(digits) ? digits : undefined;
}

/** Decides a booking: who, which slot, whether a seat is free. Pure: the caller logs the event. */
export function decideBooking(request: BookingRequest, ctx: BookingContext): BookingDecision {
  const name = request.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80) return refuse('INVALID_NAME');
  const nik = normalizeNik(request.nik);
  const problem = nikProblem(nik);
  if (problem) return refuse('INVALID_NIK', NIK_PROBLEM_TEXT[problem]);
  const phone = normalizePhone(request.phone);
  if (phone === undefined) return refuse('INVALID_PHONE');
  const { config } = ctx;
  const service = config.services.find((s) => s.id === request.serviceId);
  if (!service) return refuse('UNKNOWN_SERVICE');
  const horizon = bookingHorizon(config, service, request.day, ctx.now);
  const calendar = noSlotsReason(config, service, request.day);
  if (calendar === 'noBooking') return refuse('NO_BOOKING');
  if (horizon === 'past') return refuse('PAST_DAY');
  if (horizon === 'tooFar') return refuse('TOO_FAR');
  if (calendar === 'holiday') return refuse('HOLIDAY');
  if (calendar === 'closed') return refuse('CLOSED_DAY');
  const slot = slotsOfDay(config, service, request.day).find((s) => s.start === request.slotStart);
  if (!slot || slot.start <= ctx.now) return refuse('UNKNOWN_SLOT');
  if (ctx.nikHasBooking(nik, service.id, request.day)) return refuse('ALREADY_BOOKED');
  if (ctx.book.seatsTaken(service.id, slot.start) >= slot.seats) return refuse('SLOT_FULL');
  if (ctx.book.bookedOnDay(service.id, request.day) >= dailyBookingCap(service)) return refuse('DAY_FULL');
  return {
    ok: true,
    event: {
      type: 'AppointmentBooked',
      bookingId: ctx.newId(),
      serviceId: service.id,
      day: request.day,
      slotStart: slot.start,
      channel: ctx.channel,
    },
    person: { name, nik, phone },
  };
}

/** Free seats of each slot of a day (what the booking page lists; a full slot shows 0). */
export function freeSeats(
  config: QueueConfig,
  book: BookingBook,
  serviceId: string,
  day: string,
  now: number,
): Array<{ start: number; clock: string; free: number }> {
  const service = config.services.find((s) => s.id === serviceId);
  if (!service) return [];
  const dayLeft = Math.max(0, dailyBookingCap(service) - book.bookedOnDay(serviceId, day));
  return slotsOfDay(config, service, day)
    .filter((s) => s.start > now)
    .map((s) => ({
      start: s.start,
      clock: s.clock,
      free: Math.min(dayLeft, Math.max(0, s.seats - book.seatsTaken(serviceId, s.start))),
    }));
}

// ---- Cancel and check-in ---------------------------------------------------------------------------------

export type CancelDecision =
  { ok: true; event: Extract<DomainEvent, { type: 'AppointmentCancelled' }> } | BookingRefusal;

/** A booking may be cancelled until it is checked in or its check-in has closed. */
export function decideCancel(
  book: BookingBook,
  config: QueueConfig,
  bookingId: string,
  now: number,
  by: string,
): CancelDecision {
  const fact = book.get(bookingId);
  if (!fact) return refuse('UNKNOWN_BOOKING');
  const status = bookingStatus(fact, config, now);
  if (status === 'cancelled') return refuse('CANCELLED');
  if (status === 'checkedIn') return refuse('CHECKED_IN');
  if (status === 'missed') return refuse('MISSED');
  return { ok: true, event: { type: 'AppointmentCancelled', bookingId, by } };
}

export type CheckInDecision = { ok: true; events: DomainEvent[] } | BookingRefusal;

/**
 * Checks a citizen in: inside the window (`checkInTiming`) the ticket is issued, ranked at the slot's start.
 * Too late, the kiosk offers a walk-in ticket instead (`CHECK_IN_LATE`); too early, it says when to come back.
 */
export function decideCheckIn(
  book: BookingBook,
  day: DayView,
  bookingId: string,
  priority: PriorityGroup,
  ctx: EngineContext,
): CheckInDecision {
  const fact = book.get(bookingId);
  if (!fact) return refuse('UNKNOWN_BOOKING');
  if (fact.cancelled) return refuse('CANCELLED');
  if (fact.ticketId !== undefined) return refuse('CHECKED_IN');
  if (fact.day !== day.day) return refuse(fact.day < day.day ? 'MISSED' : 'NOT_TODAY');
  const timing = checkInTiming(ctx.config, fact.slotStart, ctx.now);
  if (timing === 'late') return refuse('CHECK_IN_LATE');
  if (timing === 'early') {
    const opens = slotClock(checkInOpensAt(ctx.config, fact.slotStart), ctx.config.hall.timeZone);
    return refuse('CHECK_IN_EARLY', {
      id: `Check-in dibuka pukul ${opens.replace(':', '.')}. Silakan kembali nanti.`,
      en: `Check-in opens at ${opens}. Please come back then.`,
    });
  }
  const decision = issueAppointmentTicket(
    day,
    fact.serviceId,
    priority,
    { bookingId: fact.id, slotStart: fact.slotStart },
    ctx,
  );
  if (!decision.ok) return refuse('SERVICE_REFUSED', ERROR_TEXT[decision.error.code]);
  // A package booked in one go: the ticket carries the visit, its legs in the booked order.
  const legs = book.legsOf(fact.id);
  if (fact.package?.leadBookingId !== fact.id || legs.length < 2)
    return { ok: true, events: decision.events };
  const services = legs.map((l) => l.serviceId);
  const pkg = ctx.config.packages.find((p) => p.id === fact.package?.packageId);
  const plan = newVisitPlan(services, pkg ? orderAmong(services, pkg.order) : [], 0, ctx.now, pkg?.id);
  return { ok: true, events: decision.events.map((e) => withPlan(e, plan)) };
}
