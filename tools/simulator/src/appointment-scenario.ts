import type { DomainEvent, EngineContext, EventEnvelope, HallConfig, HallConfigInput } from '@antre/shared';
import {
  BookingBook,
  QueueDay,
  commandSchema,
  decide,
  decideBooking,
  decideCheckIn,
  hallConfig,
  hallInstant,
  slotsOfDay,
} from '@antre/shared';
import { Rng } from './distributions.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

const MIN = 60_000;
const DAY = '2026-12-01';

export interface AppointmentScenarioOptions {
  seed: number;
  /** Share of visitors who booked (0.3: 30 %). */
  bookedShare: number;
  /** Visitors per hour, walk-ins and booked together. */
  visitorsPerHour: number;
  counters: number;
  serviceMinutes: number;
  /** Share of booked visitors who come too late for check-in and take a walk-in ticket. */
  lateShare: number;
}

export interface AppointmentFigures {
  walkInWaitMinutes: Summary;
  appointmentWaitMinutes: Summary;
  /** Share of checked-in appointments called no later than 10 minutes after their slot began. */
  calledWithin10MinOfSlot: number;
  bookings: number;
  checkedIn: number;
  lateToWalkIn: number;
  /** Walk-in tickets called (late booked visitors among them). */
  walkIns: number;
  invariants: string[];
}

/**
 * One hall day of one service with booked and walk-in visitors, run on the real domain (the engine's call
 * next with the merge rule, the booking and check-in decisions) minute by minute, without a hub: how long
 * walk-ins and appointments wait, and whether appointments are called near their time.
 */
export function runAppointmentScenario(o: AppointmentScenarioOptions): AppointmentFigures {
  const rng = new Rng(o.seed);
  const config = scenarioHall(o);
  const open = hallInstant(DAY, '08:00', 'Asia/Jakarta');
  const close = hallInstant(DAY, '15:00', 'Asia/Jakarta');
  const day = QueueDay.empty(config, DAY);
  const book = new BookingBook();
  const log: EventEnvelope[] = [];
  let now = open - 24 * 60 * MIN;
  let ids = 0;
  const newId = (): string => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`;
  const apply = (events: DomainEvent[]): void => {
    for (const event of events) {
      const e = { seq: day.seq + 1, at: now, event };
      log.push(e);
      day.apply(e);
      book.apply(e);
    }
  };
  const ctx = (kind: 'kiosk' | 'system'): EngineContext => ({
    config,
    now,
    actor: kind === 'kiosk' ? { kind: 'kiosk', kioskId: 'k1' } : { kind: 'system' },
    newId,
    heldSeats: (serviceId) => book.heldSeats(serviceId, DAY, config, now),
  });
  const run = (input: unknown, kind: 'kiosk' | 'system' = 'system'): DomainEvent[] | undefined => {
    const d = decide(day, commandSchema.parse(input), ctx(kind));
    if (!d.ok) return undefined;
    apply(d.events);
    return d.events;
  };

  // The day before: citizens book the seats, as many as the booked share of the day's visitors asks.
  const service = config.services[0];
  if (!service) throw new Error('no service');
  const slots = slotsOfDay(config, service, DAY);
  const wanted = Math.round(o.visitorsPerHour * 7 * o.bookedShare);
  const bookings: Array<{ id: string; slotStart: number; arrives: number; late: boolean }> = [];
  for (let i = 0; i < wanted; i++) {
    const free = slots.filter((s) => book.seatsTaken(service.id, s.start) < s.seats);
    const slot = free[Math.floor(rng.next() * free.length)];
    if (!slot) break;
    const d = decideBooking(
      {
        serviceId: service.id,
        day: DAY,
        slotStart: slot.start,
        name: 'Warga',
        nik: `3171011708${String(50 + (i % 40)).padStart(2, '0')}${String(i + 1).padStart(4, '0')}`,
        phone: '081200000000',
      },
      { config, book, now, newId, channel: 'web', nikHasBooking: () => false },
    );
    if (!d.ok) continue;
    apply([d.event]);
    const late = rng.chance(o.lateShare);
    // On time: 0–25 minutes before the slot; late: 16–40 minutes after it (check-in has closed).
    const arrives = late ? slot.start + rng.uniform(16, 40) * MIN : slot.start - rng.uniform(0, 25) * MIN;
    bookings.push({ id: d.event.bookingId, slotStart: slot.start, arrives: Math.max(open, arrives), late });
  }

  // Walk-in arrivals: Poisson at the rest of the rate.
  const walkInRate = (o.visitorsPerHour * (1 - o.bookedShare)) / 60;
  const arrivals: number[] = [];
  for (
    let t = open + rng.exponential(1 / walkInRate) * MIN;
    t < close;
    t += rng.exponential(1 / walkInRate) * MIN
  )
    arrivals.push(t);

  now = open;
  const counterIds = config.counters.map((c) => c.id);
  for (const counterId of counterIds) run({ type: 'setCounterStatus', counterId, status: 'open' });
  const busyUntil = new Map<string, number>();
  const waitsWalkIn: number[] = [];
  const waitsAppt: number[] = [];
  let within10 = 0;
  let checkedIn = 0;
  let lateToWalkIn = 0;
  const pendingBookings = [...bookings].sort((a, b) => a.arrives - b.arrives);
  const invariants: string[] = [];

  for (now = open; now < close + 4 * 60 * MIN; now += MIN) {
    while (arrivals[0] !== undefined && arrivals[0] <= now && now < close) {
      arrivals.shift();
      run({ type: 'issueTicket', serviceId: service.id }, 'kiosk');
    }
    while (pendingBookings[0] && pendingBookings[0].arrives <= now) {
      const b = pendingBookings.shift();
      if (!b) break;
      const d = decideCheckIn(book, day, b.id, 'none', ctx('kiosk'));
      if (d.ok) {
        apply(d.events);
        checkedIn += 1;
      } else if (d.code === 'CHECK_IN_LATE') {
        lateToWalkIn += 1;
        run({ type: 'issueTicket', serviceId: service.id }, 'kiosk');
      }
    }
    for (const counterId of counterIds) {
      if ((busyUntil.get(counterId) ?? 0) > now) continue;
      const events = run({ type: 'callNext', counterId, previous: 'served' });
      const called = events?.find((e) => e.type === 'TicketCalled');
      if (called?.type !== 'TicketCalled') {
        // Nobody waits: the visitor at the desk (if any) is finished.
        const current = day.counters[counterId]?.currentTicketId;
        if (current !== undefined) run({ type: 'finish', counterId });
        continue;
      }
      const t = day.ticket(called.ticketId);
      if (!t) continue;
      if (t.appointment) {
        const from = Math.max(t.appointment.slotStart, t.issuedAt);
        waitsAppt.push(Math.max(0, now - from) / MIN);
        if (now <= t.appointment.slotStart + 10 * MIN) within10 += 1;
      } else {
        waitsWalkIn.push((now - t.issuedAt) / MIN);
      }
      busyUntil.set(counterId, now + Math.max(1, Math.round(rng.exponential(o.serviceMinutes))) * MIN);
    }
  }

  // Invariants: every ticket was served once; every booking was checked in or missed; no seat over-booked.
  const tickets = day.allTickets();
  const open2 = tickets.filter((t) => t.status === 'waiting' || t.status === 'called');
  if (open2.length > 1 + counterIds.length) invariants.push(`${open2.length} tickets still open at the end`);
  if (tickets.some((t) => t.calls.filter((c) => !c.recall).length > 1))
    invariants.push('a ticket called twice');
  for (const s of slots)
    if (book.seatsTaken(service.id, s.start) > s.seats) invariants.push(`slot ${s.clock} over-booked`);
  if (checkedIn + lateToWalkIn !== bookings.length) invariants.push('a booking neither checked in nor late');
  if (JSON.stringify(log).includes('3171011708')) invariants.push('a NIK in the log');
  return {
    walkInWaitMinutes: summarize(waitsWalkIn),
    appointmentWaitMinutes: summarize(waitsAppt),
    calledWithin10MinOfSlot: waitsAppt.length === 0 ? 0 : within10 / waitsAppt.length,
    bookings: bookings.length,
    checkedIn,
    lateToWalkIn,
    walkIns: waitsWalkIn.length,
    invariants,
  };
}

function scenarioHall(o: AppointmentScenarioOptions): HallConfig {
  const hours: [string, string][] = [['08:00', '15:00']];
  const input: HallConfigInput = {
    hall: {
      id: 'sim-hall',
      name: 'MPP Simulasi',
      timeZone: 'Asia/Jakarta',
      hours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
    },
    agencies: [{ id: 'dukcapil', name: 'Disdukcapil', shortName: 'Dukcapil', color: '#0b5cad' }],
    services: [
      {
        id: 'ktp',
        agencyId: 'dukcapil',
        prefix: 'A',
        name: { id: 'KTP-el', en: 'e-ID' },
        requirements: { id: [], en: [] },
        targetMinutes: o.serviceMinutes,
        waitTargetMinutes: 30,
        booking: { slotMinutes: 15, seatsPerSlot: 2, daysAhead: 14, bookedShare: o.bookedShare },
      },
    ],
    counters: Array.from({ length: o.counters }, (_, i) => ({
      id: `c${i + 1}`,
      name: String(i + 1),
      agencyId: 'dukcapil',
      serviceIds: ['ktp'],
    })),
  };
  return hallConfig.parse(input);
}

const isMain = process.argv[1]?.endsWith('appointment-scenario.ts') === true;
if (isMain) {
  const figures = runAppointmentScenario({
    seed: Number(process.argv[2] ?? 1),
    bookedShare: 0.3,
    visitorsPerHour: 20,
    counters: 3,
    serviceMinutes: 8,
    lateShare: 0.1,
  });
  console.log(JSON.stringify(figures, null, 2));
}
