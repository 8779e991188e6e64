import { describe, expect, it } from 'vitest';
import { appointmentsInARow, pickReason } from './appointment-merge.js';
import type { BookingRequest } from './booking-commands.js';
import type { PriorityGroup } from './domain-types.js';
import { TestBookings, TestQueue, testHall } from './testing/index.js';

const at = (clock: string): number => Date.parse(`2026-12-07T${clock}:00+07:00`);

function setup(bookedShare = 0.5): { q: TestQueue; b: TestBookings } {
  const config = testHall({
    serviceChanges: {
      ktp: { booking: { slotMinutes: 30, seatsPerSlot: 4, bookedShare }, waitTargetMinutes: 30 },
    },
  });
  const q = new TestQueue(config, at('07:00'));
  return { q, b: new TestBookings(q) };
}

let nikSerial = 1;
const request = (slot: string): BookingRequest => ({
  serviceId: 'ktp',
  day: '2026-12-07',
  slotStart: at(slot),
  name: 'Budi',
  nik: `317101170845${String(nikSerial++).padStart(4, '0')}`,
  phone: '081234567890',
});

/** Books at 07:00 and checks in at `checkIn`; returns the ticket's display number. */
function appointment(
  q: TestQueue,
  b: TestBookings,
  slot: string,
  checkIn: string,
  priority?: PriorityGroup,
): string {
  const back = q.now;
  q.now = at('07:00');
  const id = b.mustBook(request(slot));
  q.now = at(checkIn);
  const ticketId = b.mustCheckIn(id, priority);
  q.now = Math.max(back, q.now);
  return q.ticket(ticketId).displayNumber;
}

function walkIn(q: TestQueue, clock: string, priority: PriorityGroup = 'none'): string {
  q.now = at(clock);
  return q.issue('ktp', priority).displayNumber;
}

function callOrder(q: TestQueue, clock: string, n: number): string[] {
  q.now = at(clock);
  const order: string[] = [];
  for (let i = 0; i < n; i++) {
    q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    order.push(q.currentAt('c1') ?? '-');
  }
  return order;
}

describe('rule 1: an appointment queues as if it arrived at its slot', () => {
  it('goes after walk-ins who came before the slot began and before those who came after', () => {
    const { q, b } = setup();
    q.open('c1');
    const early = walkIn(q, '10:20');
    const appt = appointment(q, b, '10:30', '10:25');
    const late = walkIn(q, '10:35');
    expect(callOrder(q, '10:40', 3)).toEqual([early, appt, late]);
  });

  it('keeps its place when checked in late within the window', () => {
    const { q, b } = setup();
    q.open('c1');
    const late = walkIn(q, '10:32');
    const appt = appointment(q, b, '10:30', '10:44');
    expect(callOrder(q, '10:45', 2)).toEqual([appt, late]);
  });

  it('never goes before a priority-group visitor', () => {
    const { q, b } = setup();
    q.open('c1');
    const appt = appointment(q, b, '10:30', '10:20');
    const elderly = walkIn(q, '10:35', 'elderly');
    expect(callOrder(q, '10:40', 2)).toEqual([elderly, appt]);
  });

  it('is called early when nobody else waits', () => {
    const { q, b } = setup();
    q.open('c1');
    const appt = appointment(q, b, '10:30', '10:05');
    expect(callOrder(q, '10:06', 1)).toEqual([appt]);
  });
});

describe('rule 2: appointments do not starve walk-ins', () => {
  it('calls a walk-in waiting past the target after the booked share of appointments in a row', () => {
    const { q, b } = setup(0.5);
    q.open('c1');
    const a1 = appointment(q, b, '10:00', '09:40');
    const a2 = appointment(q, b, '10:00', '09:41');
    const w = walkIn(q, '10:05');
    // 10:40: the walk-in has waited 35 minutes, past the 30-minute target.
    expect(callOrder(q, '10:40', 3)).toEqual([a1, w, a2]);
  });

  it('lets appointments go in their order while the walk-in is within the target', () => {
    const { q, b } = setup(0.5);
    q.open('c1');
    const a1 = appointment(q, b, '10:00', '09:40');
    const a2 = appointment(q, b, '10:00', '09:41');
    const w = walkIn(q, '10:05');
    expect(callOrder(q, '10:20', 3)).toEqual([a1, a2, w]);
  });

  it('allows more appointments in a row for a larger share', () => {
    const { q, b } = setup(0.75);
    q.open('c1');
    const a = ['09:40', '09:41', '09:42', '09:43'].map((c) => appointment(q, b, '10:00', c));
    const w = walkIn(q, '10:05');
    expect(callOrder(q, '10:40', 5)).toEqual([a[0], a[1], a[2], w, a[3]]);
  });

  it('derives the run from the booked share', () => {
    expect([0.05, 0.3, 0.5, 0.6, 0.75, 0.9].map(appointmentsInARow)).toEqual([1, 1, 1, 1, 3, 9]);
  });
});

describe('why a ticket was picked', () => {
  it('names the appointment time for the counter, in hall time', () => {
    const { q, b } = setup();
    const appt = appointment(q, b, '10:30', '10:10');
    const t = q.byNumber(appt);
    expect(pickReason(t, q.config)).toEqual({ id: 'Janji temu 10.30', en: 'Appointment 10:30' });
    expect(pickReason(q.byNumber(walkIn(q, '10:11')), q.config)).toBeUndefined();
  });
});
