import { describe, expect, it } from 'vitest';
import { bookingStatus } from './booking-book.js';
import {
  BOOKING_REFUSAL_TEXT,
  checkInEntry,
  codeRefusal,
  freeSeats,
  hallTag,
  makeBookingCode,
  normalizeBookingCode,
  normalizePhone,
  offersWalkIn,
} from './booking-commands.js';
import type { BookingRequest } from './booking-commands.js';
import { commandSchema } from './commands.js';
import type { HallConfig } from './hall-config.js';
import { decide } from './queue-engine.js';
import { TestBookings, TestQueue, testHall } from './testing/index.js';

/** Monday 7 December 2026, 08:00 WIB. */
const MONDAY_8 = Date.parse('2026-12-07T01:00:00Z');
const at = (clock: string, day = '2026-12-07'): number => Date.parse(`${day}T${clock}:00+07:00`);

function hall(): HallConfig {
  const base = testHall({
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 2, daysAhead: 7, bookedShare: 0.5 }, dailyQuota: 8 },
    },
  });
  return { ...base, holidays: [{ date: '2026-12-09', name: { id: 'Libur', en: 'Holiday' } }] };
}

function setup(): { q: TestQueue; b: TestBookings } {
  const q = new TestQueue(hall(), MONDAY_8);
  return { q, b: new TestBookings(q) };
}

const request = (over: Partial<BookingRequest> = {}): BookingRequest => ({
  serviceId: 'ktp',
  day: '2026-12-07',
  slotStart: at('10:30'),
  name: 'Siti Aminah',
  nik: '3171015708450002',
  phone: '0812-3456-7890',
  ...over,
});

describe('booking a slot', () => {
  it('logs the booking without the person, and counts its seat', () => {
    const { q, b } = setup();
    const d = b.bookSlot(request());
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.person).toEqual({ name: 'Siti Aminah', nik: '3171015708450002', phone: '081234567890' });
    const logged = JSON.stringify(q.log);
    expect(logged).not.toContain('3171015708450002');
    expect(logged).not.toContain('Siti');
    expect(logged).not.toContain('81234567890');
    expect(b.book.seatsTaken('ktp', at('10:30'))).toBe(1);
    const slot = freeSeats(q.config, b.book, 'ktp', '2026-12-07', q.now).find((s) => s.clock === '10:30');
    expect(slot?.free).toBe(1);
  });

  it('refuses bad input with a bilingual reason, and changes nothing', () => {
    const { q, b } = setup();
    const cases: Array<[Partial<BookingRequest>, string]> = [
      [{ nik: '1234' }, 'INVALID_NIK'],
      [{ nik: '3171013208450001' }, 'INVALID_NIK'],
      [{ name: ' ' }, 'INVALID_NAME'],
      [{ phone: '12345' }, 'INVALID_PHONE'],
      [{ serviceId: 'nope' }, 'UNKNOWN_SERVICE'],
      [{ serviceId: 'kk' }, 'NO_BOOKING'],
      [{ day: '2026-12-09', slotStart: at('10:30', '2026-12-09') }, 'HOLIDAY'],
      [{ day: '2026-12-06', slotStart: at('10:30', '2026-12-06') }, 'PAST_DAY'],
      [{ day: '2026-12-15', slotStart: at('10:30', '2026-12-15') }, 'TOO_FAR'],
      [{ slotStart: at('10:31') }, 'UNKNOWN_SLOT'],
      [{ slotStart: at('07:30') }, 'UNKNOWN_SLOT'],
    ];
    for (const [over, code] of cases) {
      const d = b.bookSlot(request(over));
      expect(d.ok, code).toBe(false);
      if (d.ok) continue;
      expect(d.code).toBe(code);
      expect(d.text.id).not.toBe(d.text.en);
    }
    expect(q.log).toEqual([]);
  });

  it('says which part of the NIK is wrong', () => {
    const { b } = setup();
    const d = b.bookSlot(request({ nik: '3171013208450001' }));
    expect(d.ok || d.text.en).toContain('birth-date');
  });

  it('refuses a closed service day', () => {
    const q = new TestQueue(
      testHall({
        hall: { hours: { mon: [['08:00', '15:00']] } },
        serviceChanges: { ktp: { booking: {} } },
      }),
      MONDAY_8,
    );
    const d = new TestBookings(q).bookSlot(
      request({ day: '2026-12-08', slotStart: at('10:30', '2026-12-08') }),
    );
    expect(d.ok || d.code).toBe('CLOSED_DAY');
  });

  it('gives one booking per NIK per service per day, and another after a cancel', () => {
    const { b } = setup();
    const first = b.mustBook(request());
    const again = b.bookSlot(request({ slotStart: at('11:00') }));
    expect(again.ok || again.code).toBe('ALREADY_BOOKED');
    expect(b.bookSlot(request({ day: '2026-12-08', slotStart: at('11:00', '2026-12-08') })).ok).toBe(true);
    expect(b.cancel(first).ok).toBe(true);
    expect(b.bookSlot(request({ slotStart: at('11:00') })).ok).toBe(true);
  });

  it('tells the last citizen a full slot, and keeps the booked share of the day', () => {
    const { b } = setup();
    b.mustBook(request({ nik: '3171011708450001' }));
    b.mustBook(request({ nik: '3171011708450002' }));
    const full = b.bookSlot(request({ nik: '3171011708450003' }));
    expect(full.ok || full.code).toBe('SLOT_FULL');
    expect(full.ok || full.text.id).toContain('penuh');
    // Quota 8, share 0.5: four bookings a day.
    b.mustBook(request({ nik: '3171011708450004', slotStart: at('11:00') }));
    b.mustBook(request({ nik: '3171011708450005', slotStart: at('11:00') }));
    const day = b.bookSlot(request({ nik: '3171011708450006', slotStart: at('11:30') }));
    expect(day.ok || day.code).toBe('DAY_FULL');
  });
});

describe('cancelling', () => {
  it('frees the seat; a second cancel, a checked-in or missed booking is refused', () => {
    const { q, b } = setup();
    const id = b.mustBook(request());
    expect(b.cancel(id).ok).toBe(true);
    expect(b.book.seatsTaken('ktp', at('10:30'))).toBe(0);
    expect(b.cancel(id)).toMatchObject({ ok: false, code: 'CANCELLED' });
    expect(b.cancel('nope')).toMatchObject({ ok: false, code: 'UNKNOWN_BOOKING' });
    const other = b.mustBook(request({ slotStart: at('11:00') }));
    q.now = at('10:45');
    b.mustCheckIn(other);
    expect(b.cancel(other)).toMatchObject({ ok: false, code: 'CHECKED_IN' });
    const late = b.mustBook(request({ nik: '3171011708450009', slotStart: at('11:30') }));
    q.now = at('11:46');
    expect(b.cancel(late)).toMatchObject({ ok: false, code: 'MISSED' });
  });
});

describe('checking in', () => {
  it('issues a ticket naming the booking, ranked at the slot, inside the window only', () => {
    const { q, b } = setup();
    const id = b.mustBook(request());
    q.now = at('09:59');
    const early = b.checkIn(id);
    expect(early.ok || early.code).toBe('CHECK_IN_EARLY');
    expect(early.ok || early.text.id).toContain('10.00');
    q.now = at('10:00');
    const ticketId = b.mustCheckIn(id);
    const t = q.ticket(ticketId);
    expect(t.appointment).toEqual({ bookingId: id, slotStart: at('10:30') });
    expect(t.rank).toBe(at('10:30'));
    expect(t.displayNumber).toBe('A-001');
    expect(b.checkIn(id)).toMatchObject({ ok: false, code: 'CHECKED_IN' });
    expect(bookingStatus(b.book.get(id)!, q.config, q.now)).toBe('checkedIn');
  });

  it('offers a walk-in kindly after the window, and the seat is released', () => {
    const { q, b } = setup();
    const id = b.mustBook(request());
    q.now = at('10:45') + 1;
    const late = b.checkIn(id);
    expect(late).toMatchObject({ ok: false, code: 'CHECK_IN_LATE' });
    expect(BOOKING_REFUSAL_TEXT.CHECK_IN_LATE.id).toContain('nomor antrean biasa');
    expect(bookingStatus(b.book.get(id)!, q.config, q.now)).toBe('missed');
    expect(b.book.heldSeats('ktp', '2026-12-07', q.config, q.now)).toBe(0);
  });

  it('refuses a booking of another day, and a cancelled one', () => {
    const { q, b } = setup();
    const tomorrow = b.mustBook(request({ day: '2026-12-08', slotStart: at('10:30', '2026-12-08') }));
    q.now = at('10:10');
    expect(b.checkIn(tomorrow)).toMatchObject({ ok: false, code: 'NOT_TODAY' });
    const today = b.mustBook(request());
    b.cancel(today);
    expect(b.checkIn(today)).toMatchObject({ ok: false, code: 'CANCELLED' });
    q.now = at('10:10', '2026-12-10');
    expect(b.checkIn(tomorrow)).toMatchObject({ ok: false, code: 'MISSED' });
    expect(q.state.allTickets()).toEqual([]);
  });
});

describe('booking codes', () => {
  it('carries the hall tag, reads back typed loosely, and tells another hall apart', () => {
    const code = makeBookingCode('mpp-jakpus', new Uint8Array([0, 1, 2, 3, 4, 30]));
    expect(code).toBe(`${hallTag('mpp-jakpus')}-23456Z`);
    expect(normalizeBookingCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    expect(codeRefusal(code, 'mpp-jakpus')).toBeUndefined();
    expect(hallTag('mpp-bandung')).not.toBe(hallTag('mpp-jakpus'));
    expect(codeRefusal(code, 'mpp-bandung')?.code).toBe('WRONG_HALL');
    expect(codeRefusal('XYZ', 'mpp-jakpus')?.code).toBe('INVALID_CODE');
    expect(codeRefusal('AB-1234O0', 'mpp-jakpus')?.code).toBe('INVALID_CODE');
  });

  it('tells a typed or scanned code from a NIK', () => {
    expect(checkInEntry(' ab-23456z\r')).toEqual({ code: 'AB-23456Z' });
    expect(checkInEntry('ab23456z')).toEqual({ code: 'AB-23456Z' });
    // A code may be all digits: eight of them are a code, sixteen a NIK (spaces and dots as printed on a KTP).
    expect(checkInEntry('23456789')).toEqual({ code: '23-456789' });
    expect(checkInEntry('3174 0157.0890-0001')).toEqual({ nik: '3174015708900001' });
    // Too short for a NIK still goes to the hub as a NIK, which says what is wrong with it.
    expect(checkInEntry('317401570')).toEqual({ nik: '317401570' });
    expect(checkInEntry('XYZ')).toEqual({ code: 'XYZ' });
    expect(checkInEntry('   ')).toBeUndefined();
  });

  it('offers a walk-in ticket to a late citizen only', () => {
    expect(offersWalkIn('CHECK_IN_LATE')).toBe(true);
    for (const code of ['CHECK_IN_EARLY', 'UNKNOWN_BOOKING', 'MISSED', 'CANCELLED'] as const)
      expect(offersWalkIn(code)).toBe(false);
    expect(offersWalkIn(undefined)).toBe(false);
  });

  it('reads Indonesian mobile numbers in their usual forms', () => {
    expect(normalizePhone('+62 812-3456-7890')).toBe('081234567890');
    expect(normalizePhone('0812 3456 789')).toBe('08123456789');
    expect(normalizePhone('021 555 1234')).toBeUndefined();
  });
});

describe('held seats and the walk-in quota', () => {
  it('keeps booked seats from walk-ins until their check-in closes, then gives the no-show seat back', () => {
    const { q, b } = setup();
    b.mustBook(request({ slotStart: at('08:30') }));
    const kept = b.mustBook(request({ nik: '3171011708450001', slotStart: at('09:00') }));
    const held = (): number => b.book.heldSeats('ktp', '2026-12-07', q.config, q.now);
    // The hub tells the engine the seats still held (`EngineContext.heldSeats`).
    const walkIn = (): boolean => {
      const d = decide(q.state, commandSchema.parse({ type: 'issueTicket', serviceId: 'ktp' }), {
        config: q.config,
        now: q.now,
        actor: { kind: 'kiosk', kioskId: 'k1' },
        newId: q.newId,
        heldSeats: () => held(),
      });
      if (d.ok) q.apply(d.events);
      return d.ok;
    };
    expect(held()).toBe(2);
    // Quota 8, two seats held: six walk-ins.
    for (let i = 0; i < 6; i++) expect(walkIn()).toBe(true);
    expect(walkIn()).toBe(false);
    // 08:45 has passed: the 08:30 booking missed its check-in, and its seat goes to a walk-in.
    q.now = at('08:46');
    expect(held()).toBe(1);
    expect(walkIn()).toBe(true);
    expect(walkIn()).toBe(false);
    // The 09:00 booking still checks in, past the quota: its seat was its own.
    b.mustCheckIn(kept);
    expect(q.state.services.ktp?.issued).toBe(8);
  });
});
