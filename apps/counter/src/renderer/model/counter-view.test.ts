import { describe, expect, it } from 'vitest';
import type { ReadonlyTicket } from '@antre/shared';
import { publicHallConfig } from '@antre/shared';
import { TestBookings, TestQueue, dayWith, testHall } from '@antre/shared/testing';
import { deriveCounterView } from './counter-view.js';
import { countersFor, indexHall } from './hall-index.js';

const NINE = Date.UTC(2026, 10, 30, 2, 0);
const MINUTE = 60_000;

function scene() {
  const config = testHall();
  const q = new TestQueue(config, NINE);
  return { q, index: indexHall(publicHallConfig(config)) };
}

describe('deriveCounterView', () => {
  it('counts waiting tickets per service in the counter order, with the longest wait and priority', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.advance(5 * MINUTE).issue('kk', 'elderly');
    q.advance(MINUTE).issue('ktp');
    q.issue('paspor'); // another agency: not this counter's
    const view = deriveCounterView(q.state, index, 'c1', q.now);
    expect(view?.queues.map((x) => [x.service.id, x.waiting, x.priority])).toEqual([
      ['ktp', 2, 0],
      ['kk', 1, 1],
    ]);
    expect(view?.queues[0]?.oldestIssuedAt).toBe(NINE);
    expect(view?.waitingTotal).toBe(3);
  });

  it('lists the next tickets as call next takes them: priority first, then the longest wait', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.advance(MINUTE).issue('ktp');
    q.advance(MINUTE).issue('kk', 'pregnant'); // B-001
    const view = deriveCounterView(q.state, index, 'c1', q.now);
    expect(view?.upcoming.map((t) => t.displayNumber)).toEqual(['B-001', 'A-001', 'A-002']);
    q.open('c1').must({ type: 'callNext', counterId: 'c1' });
    expect(q.currentAt('c1')).toBe('B-001');
  });

  it('shows the current ticket, held tickets, tickets sent here and no-shows it may put back', () => {
    const { q, index } = scene();
    q.open('c1', 'c2');
    q.issue('ktp');
    q.issue('ktp');
    q.issue('akta');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'hold', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    q.must({ type: 'callTicket', counterId: 'c2', ticket: 'AK-001' });
    q.must({ type: 'transfer', counterId: 'c2', toCounterId: 'c1' });
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });

    const view = deriveCounterView(q.state, index, 'c1', q.now);
    expect(view?.held.map((t) => t.displayNumber)).toEqual(['A-001']);
    expect(view?.noShows.map((t) => t.displayNumber)).toEqual(['A-002']);
    // AK-001 was sent to counter 1 alone and went ahead of A-003 (front of its queue, issued earlier).
    expect(view?.current?.displayNumber).toBe('AK-001');
    expect(view?.sentHere).toBe(0);
    expect(deriveCounterView(q.state, index, 'c2', q.now)?.current).toBeUndefined();
  });

  it('counts a ticket sent to another counter for that counter only', () => {
    const { q, index } = scene();
    q.open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c2', confirm: true });
    expect(deriveCounterView(q.state, index, 'c1', q.now)?.waitingTotal).toBe(0);
    const c2 = deriveCounterView(q.state, index, 'c2', q.now);
    expect(c2?.sentHere).toBe(1);
    expect(c2?.waitingTotal).toBe(1);
    expect(c2?.upcoming[0]?.displayNumber).toBe('A-001');
  });

  it("totals the agency's tickets and counters across the hall, and leaves other agencies out", () => {
    const { q, index } = scene();
    q.open('c1', 'c2', 'c4');
    q.issue('ktp');
    q.issue('kk');
    q.issue('akta');
    q.issue('paspor');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c2' });
    q.must({ type: 'callNext', counterId: 'c4' });
    const totals = deriveCounterView(q.state, index, 'c1', q.now)?.agencyTotals;
    expect(totals).toEqual({ waiting: 1, atCounter: 1, done: 1, noShow: 0, countersOpen: 2, countersAll: 3 });
  });

  it('is undefined for a counter the hall does not have', () => {
    const { q, index } = scene();
    expect(deriveCounterView(q.state, index, 'nope', q.now)).toBeUndefined();
  });

  it('keeps a busy day cheap: 15,000 tickets in one pass', () => {
    /** A day of `size` waiting tickets whose `status` counts its reads: the view's work per ticket. */
    const busyDay = (size: number) => {
      const { q, index } = scene();
      const model = q.issue('ktp');
      let statusReads = 0;
      const extra: ReadonlyTicket[] = [];
      // Copies of one ticket fill the day at once (issuing each through the engine would dominate the test).
      for (let i = 1; i < size; i++) {
        const ticket = {
          ...model,
          id: `t${i}`,
          number: i + 1,
          serviceId: i % 2 ? 'ktp' : 'kk',
          rank: model.rank + i,
        };
        Object.defineProperty(ticket, 'status', {
          enumerable: true,
          get: () => {
            statusReads += 1;
            return 'waiting';
          },
        });
        extra.push(ticket);
      }
      const view = deriveCounterView(dayWith(q.state, extra), index, 'c1', q.now);
      return { view, readsPerTicket: statusReads / (size - 1) };
    };
    const busy = busyDay(15_000);
    expect(busy.view?.waitingTotal).toBe(15_000);
    expect(busy.view?.upcoming.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // One pass: each ticket is looked at a few times, the same few on a day ten times quieter. A scan per
    // ticket, or per service, would make the busy day's figure grow with its size.
    const quiet = busyDay(1_500);
    expect(busy.readsPerTicket).toBeGreaterThan(0);
    expect(busy.readsPerTicket).toBeLessThanOrEqual(quiet.readsPerTicket);
    expect(busy.readsPerTicket).toBeLessThanOrEqual(4);
  });
});

describe('the next pick while appointments wait', () => {
  const at = (clock: string): number => Date.parse(`2026-12-07T${clock}:00+07:00`);

  /** KTP takes bookings (half the day's seats: one appointment, then a walk-in who waited past 30 min). */
  function hall() {
    const config = testHall({
      serviceChanges: {
        ktp: { booking: { slotMinutes: 30, seatsPerSlot: 4, bookedShare: 0.5 }, waitTargetMinutes: 30 },
      },
    });
    const q = new TestQueue(config, at('07:00'));
    return { q, b: new TestBookings(q), index: indexHall(publicHallConfig(config)) };
  }

  let nik = 1;
  function appointment(q: TestQueue, b: TestBookings, slot: string, checkIn: string): string {
    const back = q.now;
    q.now = at('07:00');
    const id = b.mustBook({
      serviceId: 'ktp',
      day: '2026-12-07',
      slotStart: at(slot),
      name: 'Budi',
      nik: `317101170845${String(nik++).padStart(4, '0')}`,
      phone: '081234567890',
    });
    q.now = at(checkIn);
    const ticketId = b.mustCheckIn(id);
    q.now = Math.max(back, q.now);
    return q.ticket(ticketId).displayNumber;
  }

  it("shows as next exactly the ticket the hub's call next takes, the merge rule included", () => {
    const { q, b, index } = hall();
    q.now = at('09:00');
    q.open('c1');
    const a1 = appointment(q, b, '09:30', '09:10');
    const a2 = appointment(q, b, '09:30', '09:12');
    q.now = at('09:40');
    const w1 = q.issue('ktp').displayNumber;
    const a3 = appointment(q, b, '10:00', '09:45');
    q.now = at('09:50');
    const w2 = q.issue('ktp').displayNumber;
    q.now = at('10:15');
    const called: string[] = [];
    const previewed: string[] = [];
    for (;;) {
      const next = deriveCounterView(q.state, index, 'c1', q.now)?.upcoming[0];
      if (!next) break;
      previewed.push(next.displayNumber);
      q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
      called.push(q.currentAt('c1') ?? '-');
      q.advance(MINUTE);
    }
    expect(previewed).toEqual(called);
    // The appointments of 09:30 go before the walk-ins who came after, but the walk-in past its 30 minutes
    // goes after one appointment (half the seats are booked): the preview without the merge would say A-002.
    expect(called).toEqual([a1, w1, a2, w2, a3]);
  });

  it('changes its mind when a walk-in passes the target, as the hub does', () => {
    const { q, b, index } = hall();
    q.now = at('09:00');
    q.open('c1');
    const a1 = appointment(q, b, '09:30', '09:10');
    const a2 = appointment(q, b, '09:30', '09:12');
    q.now = at('09:40');
    const w1 = q.issue('ktp').displayNumber;
    q.now = at('09:45');
    q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    expect(q.currentAt('c1')).toBe(a1);
    // 09:45: the walk-in has waited 5 minutes, the appointment of 09:30 goes first.
    expect(deriveCounterView(q.state, index, 'c1', q.now)?.upcoming[0]?.displayNumber).toBe(a2);
    // 10:11: 31 minutes, past the target; one appointment was just called: the walk-in goes.
    q.now = at('10:11');
    expect(deriveCounterView(q.state, index, 'c1', q.now)?.upcoming[0]?.displayNumber).toBe(w1);
    q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    expect(q.currentAt('c1')).toBe(w1);
  });
});

describe('countersFor', () => {
  it("offers staff their agency's counters and a supervisor every counter", () => {
    const { index } = scene();
    expect(countersFor(index, { role: 'staff', agencyId: 'disdukcapil' }).map((c) => c.id)).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
    expect(countersFor(index, { role: 'supervisor' })).toHaveLength(5);
    expect(countersFor(index, { role: 'staff', agencyId: 'unknown' })).toEqual([]);
  });
});
