import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriorityGroup } from './domain-types.js';
import type { WeeklyHours } from './hall-config.js';
import { issueEstimate } from './service-refusal.js';
import { ALL_DAY, TestQueue, testHall } from './testing/test-hall.js';
import { estimateWait, ticketPosition, waitingPositions } from './wait-estimate.js';

const MINUTE = 60_000;
/** Monday 2 March 2026, 08:00 WIB. */
const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');
const at = (local: string) => Date.parse(`${local}:00+07:00`);

// Counters: c1 [ktp, kk], c2 [kk, ktp, akta], c3 [akta], c4 [paspor]; ktp 10, kk 12, akta 15, paspor 15 minutes.
function queue(overrides: Parameters<typeof testHall>[0] = {}, now = MON_0800): TestQueue {
  return new TestQueue(testHall(overrides), now);
}

/** Call next at a desk, its current visitor (if any) started first, as staff do before finishing a visit. */
function callNext(q: TestQueue, counterId: string): void {
  const current = q.state.counters[counterId]?.currentTicketId;
  if (current !== undefined && q.ticket(current).status === 'called')
    q.must({ type: 'startServing', counterId });
  q.must({ type: 'callNext', counterId });
}

const wait = (q: TestQueue, serviceId: string, priority: PriorityGroup = 'none') =>
  estimateWait(q.state, q.config, serviceId, q.now, { priority });

describe('the wait estimate (queueing theory for c desks)', () => {
  it('says "now" while a desk is free for the ticket', () => {
    const q = queue().open('c4');
    expect(wait(q, 'paspor')).toEqual({
      ahead: 0,
      minutes: 0,
      low: 0,
      high: 0,
      openCounters: 1,
      minutesPerVisitor: 15,
    });
    // Two desks for ktp, one ticket waiting: the other desk is still free for the next one.
    q.open('c1', 'c2');
    q.issue('ktp');
    expect(wait(q, 'ktp')).toMatchObject({ ahead: 1, minutes: 0, low: 0, high: 0 });
  });

  it('is the Erlang C conditional mean (n − c + 1)/(c·μ) with exponential visits, whatever the visit has lasted', () => {
    const q = queue().open('c4');
    for (let i = 0; i < 3; i++) q.issue('paspor');
    callNext(q, 'c4');
    // 1 desk busy, 2 waiting: 3 in the system ahead, c = 1, 15 minutes a visit: (3 − 1 + 1) × 15.
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 2, minutes: 45 });
    // Memoryless: the visit at the desk lasting on changes nothing (no visit has ended to learn from).
    q.advance(10 * MINUTE);
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 2, minutes: 45 });

    const two = queue().open('c1', 'c2');
    for (let i = 0; i < 4; i++) two.issue('ktp');
    callNext(two, 'c1');
    callNext(two, 'c2');
    // 4 in the system, c = 2, 10 minutes: (4 − 2 + 1) × 10 / 2.
    expect(wait(two, 'ktp')).toMatchObject({ ahead: 2, minutes: 15 });
  });

  it('gives a range around the mean that widens with the queue', () => {
    const q = queue().open('c4');
    q.issue('paspor');
    callNext(q, 'c4');
    const short = wait(q, 'paspor');
    for (let i = 0; i < 6; i++) q.issue('paspor');
    const long = wait(q, 'paspor');
    for (const w of [short, long]) {
      expect(w.low).toBeLessThan(w.minutes);
      expect(w.high).toBeGreaterThan(w.minutes);
    }
    expect((long.high ?? 0) - (long.low ?? 0)).toBeGreaterThan((short.high ?? 0) - (short.low ?? 0));
    // One exponential visit of 15: its 20th and 80th percentiles are 15·ln(1/0.8) = 3.3 and 15·ln 5 = 24.1
    // (the range is a gamma fit by Wilson–Hilferty: a few percent off in the tail).
    expect(short.minutes).toBe(15);
    expect(short.low).toBe(3);
    expect(short.high).toBeGreaterThanOrEqual(24);
    expect(short.high).toBeLessThanOrEqual(25);
  });

  it('counts the other services the same desks call, at their own minutes per visitor', () => {
    const q = queue().open('c1', 'c2', 'c3');
    q.issue('ktp');
    q.issue('kk');
    q.issue('kk');
    q.issue('akta');
    q.issue('akta');
    // ktp's desks c1, c2 also call kk, and c2 akta (with c3: half of it is theirs): 1 + 2 + 1 calls, 49
    // minutes of work, 12.25 a call. Both desks take one now; this ticket is the 5th call: three
    // completions at 2 desks, 3 × 12.25 / 2 = 18.4. Ahead: the ktp ticket.
    expect(wait(q, 'ktp')).toMatchObject({ ahead: 1, minutes: 18, openCounters: 2 });
    // Paspor's desk serves nothing else: it takes the one waiting now, a new ticket waits that visit.
    q.open('c4');
    q.issue('paspor');
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 1, minutes: 15 });
  });

  it('does not hold a desk that calls one service up with the queue of services only another desk calls', () => {
    // c2 calls kk, ktp and akta; c3 calls akta alone (c1 closed). Four kk tickets are c2's work alone.
    const q = queue().open('c2', 'c3');
    for (let i = 0; i < 4; i++) q.issue('kk');
    q.issue('akta');
    callNext(q, 'c2');
    callNext(q, 'c3');
    // c3 took the akta ticket: a new one waits that visit (15), not a share of c2's 36 minutes of kk.
    expect(wait(q, 'akta')).toMatchObject({ ahead: 0, minutes: 15 });
    // The kk tickets wait on c2 alone: the first two visits of kk there and the one at c2's desk.
    expect(wait(q, 'kk')).toMatchObject({ ahead: 3, minutes: 48 });
    // With much akta waiting too, c2 helps with it once its kk is done. Five akta ahead: at the mean visit
    // times c3 calls them at 15, 30, 45, 60; c2 ends its kk at 48 and takes the fifth; the ticket is called
    // at 63 (c2 free again), where the estimate's queueing formula lands within a few minutes.
    for (let i = 0; i < 5; i++) q.issue('akta');
    const shared = wait(q, 'akta');
    expect(shared.ahead).toBe(5);
    expect(shared.minutes).toBeGreaterThanOrEqual(58);
    expect(shared.minutes).toBeLessThanOrEqual(66);
  });

  it('counts a ticket transferred to one counter only for that counter', () => {
    const q = queue().open('c1', 'c4');
    q.issue('ktp');
    callNext(q, 'c1');
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor', toCounterId: 'c4' });
    // c4 calls the transferred visitor now; a new paspor ticket waits one visit.
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 1, minutes: 15 });
    expect(wait(q, 'ktp')).toMatchObject({ ahead: 0, minutes: 0 });
  });

  it("learns the desk time (call → desk free) from the last hour's visits, at least the window, pulled towards the target", () => {
    const q = queue({ settings: { estimateWindow: 2 } }).open('c1');
    for (let i = 0; i < 6; i++) q.issue('ktp');
    for (const minutes of [20, 4, 8]) {
      callNext(q, 'c1');
      q.advance(minutes * MINUTE);
      q.must({ type: 'finish', counterId: 'c1' });
    }
    // All three ended within the hour, so all count beyond the window of 2; three pseudo-visits of the
    // target 10: (32 + 30) / 6.
    expect(wait(q, 'ktp').minutesPerVisitor).toBeCloseTo(62 / 6, 9);
    // 49 minutes on, the 20-minute visit ended 61 minutes ago: the window holds 4 and 8, (12 + 30) / 5.
    q.advance(49 * MINUTE);
    expect(wait(q, 'ktp')).toMatchObject({ ahead: 3, openCounters: 1, minutesPerVisitor: 8.4 });
  });

  it('adds the midday break when the wait runs into it', () => {
    const hours: WeeklyHours = {
      ...ALL_DAY,
      mon: [
        ['08:00', '12:00'],
        ['13:00', '15:00'],
      ],
    };
    const q = queue({ hall: { hours } }, at('2026-03-02T11:40')).open('c1');
    for (let i = 0; i < 3; i++) q.issue('ktp');
    // The free desk takes one now; three visits of 10 to go: 20 before the break, the hour of it, 10 after.
    expect(wait(q, 'ktp').minutes).toBe(90);
    q.now = at('2026-03-02T10:00');
    expect(wait(q, 'ktp').minutes).toBe(30);
    // After the last period the counters serve on: nothing added.
    q.now = at('2026-03-02T14:50');
    expect(wait(q, 'ktp').minutes).toBe(30);
  });

  it('says when a closed service opens, and counts from then with its desks free', () => {
    const hours: WeeklyHours = { ...ALL_DAY, mon: [['08:00', '15:00']] };
    const q = queue({ hall: { hours } }, at('2026-03-02T07:00'));
    expect(wait(q, 'paspor')).toMatchObject({
      closed: true,
      opens: { weekday: 'mon', at: '08:00', inDays: 0 },
      minutes: 0,
    });
  });
});

describe('hours just begun, no desk open yet', () => {
  const hours: WeeklyHours = { ...ALL_DAY, mon: [['08:00', '15:00']] };

  it('in the first ten minutes: staff are on their way, the desks count as free (as before the opening)', () => {
    const q = queue({ hall: { hours } }, at('2026-03-02T08:02'));
    q.issue('paspor');
    // One ticket ahead at a desk that opens any minute: one visit of 15, not a visit under way plus one.
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 1, minutes: 15 });
    q.now = at('2026-03-02T08:09');
    expect(wait(q, 'paspor').minutes).toBe(15);
  });

  it('later, a desk not open counts as busy with a visit just begun (when it opens is unknown)', () => {
    const q = queue({ hall: { hours } }, at('2026-03-02T08:10'));
    q.issue('paspor');
    expect(wait(q, 'paspor')).toMatchObject({ ahead: 1, minutes: 30 });
  });
});

describe('a priority ticket is placed by the calling rule (issue 10, item 5)', () => {
  it('D-001, D-002 regular, then D-003 elderly: D-003 is next, on its ticket and its status page', () => {
    const q = queue().open('c4');
    const first = q.issue('paspor');
    const second = q.issue('paspor');
    const elderly = q.issue('paspor', 'elderly');
    // The estimate it was issued with, and its position now: nobody ahead, the free desk takes it.
    expect(elderly.estimate).toEqual({ ahead: 0, minutes: 0, low: 0, high: 0 });
    expect(ticketPosition(q.state, q.config, elderly.id, q.now)).toMatchObject({ ahead: 0, minutes: 0 });
    // The regular ones wait for it: D-002 has D-001 and D-003 ahead, two visits of 15.
    expect(ticketPosition(q.state, q.config, second.id, q.now)).toMatchObject({ ahead: 2, minutes: 30 });
    expect(ticketPosition(q.state, q.config, first.id, q.now)).toMatchObject({ ahead: 1 });
    // And call next takes it first.
    callNext(q, 'c4');
    expect(q.currentAt('c4')).toBe(elderly.displayNumber);
  });

  it('a kiosk offline gives a priority ticket the same estimate as the hub', () => {
    const q = queue().open('c4');
    q.issue('paspor');
    q.issue('paspor');
    expect(issueEstimate(q.state, q.config, 'paspor', 'pregnant', q.now)).toEqual({
      ahead: 0,
      minutes: 0,
      low: 0,
      high: 0,
    });
    // Two more of the kiosk's own regular tickets, unsynced, go behind it too.
    expect(issueEstimate(q.state, q.config, 'paspor', 'none', q.now, { paspor: 2 })).toMatchObject({
      ahead: 4,
    });
  });

  it('the interleave lets a regular visitor through after a streak of priority calls', () => {
    const q = queue({ settings: { priorityStreak: 2 } }).open('c4');
    const regular = q.issue('paspor');
    for (let i = 0; i < 3; i++) q.issue('paspor', 'disability');
    callNext(q, 'c4');
    callNext(q, 'c4');
    // Two priority calls in a row while a regular waited: the regular one is next.
    expect(ticketPosition(q.state, q.config, regular.id, q.now)).toMatchObject({ ahead: 0 });
    expect(wait(q, 'paspor', 'elderly').ahead).toBe(2);
  });

  it('"ahead" is exactly how many tickets call next takes first, for any mix at one desk', () => {
    const mix = fc.record({
      tickets: fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }),
      calledFirst: fc.nat({ max: 4 }),
      maxStreak: fc.nat({ max: 3 }),
      newPriority: fc.boolean(),
    });
    fc.assert(
      fc.property(mix, ({ tickets, calledFirst, maxStreak, newPriority }) => {
        const q = queue({ settings: { priorityStreak: maxStreak } }).open('c4');
        for (const priority of tickets) {
          q.issue('paspor', priority ? 'elderly' : 'none');
          q.advance(MINUTE);
        }
        for (let i = 0; i < Math.min(calledFirst, tickets.length - 1); i++) {
          callNext(q, 'c4');
        }
        // A new ticket's estimate counts what its own position then counts.
        const promised = wait(q, 'paspor', newPriority ? 'pregnant' : 'none').ahead;
        const issued = q.issue('paspor', newPriority ? 'pregnant' : 'none');
        expect(issued.estimate.ahead).toBe(promised);
        const waiting = q.state.allTickets().filter((t) => t.status === 'waiting');
        const ahead = new Map(
          waiting.map((t) => [t.displayNumber, ticketPosition(q.state, q.config, t.id, q.now)?.ahead]),
        );
        const order: string[] = [];
        for (let i = 0; i < waiting.length; i++) {
          callNext(q, 'c4');
          order.push(q.currentAt('c4') ?? '?');
        }
        for (const [id, n] of ahead) expect(n, id).toBe(order.indexOf(id));
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});

describe('every waiting ticket’s position at once (the status pages)', () => {
  const STEPS = fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('issue' as const),
        service: fc.constantFrom('ktp', 'kk', 'akta', 'paspor'),
        priority: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('call' as const), counter: fc.constantFrom('c1', 'c2', 'c3', 'c4') }),
      fc.record({ kind: fc.constant('send' as const), counter: fc.constantFrom('c1', 'c2', 'c3', 'c4') }),
      fc.record({ kind: fc.constant('open' as const), counter: fc.constantFrom('c1', 'c2', 'c3', 'c4') }),
      fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 20 }) }),
    ),
    { minLength: 1, maxLength: 60 },
  );

  it('equals asking for each ticket, on random days', () => {
    fc.assert(
      fc.property(STEPS, (steps) => {
        const q = queue().open('c1');
        for (const step of steps) {
          if (step.kind === 'issue') q.issue(step.service, step.priority ? 'elderly' : 'none');
          else if (step.kind === 'wait') q.advance(step.minutes * MINUTE);
          else if (step.kind === 'open')
            q.run({ type: 'setCounterStatus', counterId: step.counter, status: 'open' });
          else if (step.kind === 'call') {
            const current = q.state.counters[step.counter]?.currentTicketId;
            if (current !== undefined && q.ticket(current).status === 'called')
              q.run({ type: 'startServing', counterId: step.counter });
            q.run({ type: 'callNext', counterId: step.counter });
          } else {
            // A visitor sent on to one desk: a ticket waiting there alone.
            const others = ['c1', 'c2', 'c3', 'c4'].filter((c) => c !== step.counter);
            q.run({
              type: 'transfer',
              counterId: step.counter,
              toCounterId: others[0] ?? 'c1',
              confirm: true,
            });
          }
        }
        const all = waitingPositions(q.state, q.config, q.now);
        const waiting = q.state.waitingTickets();
        for (const t of waiting)
          expect(all.get(t.id)).toEqual(ticketPosition(q.state, q.config, t.id, q.now));
        for (const t of q.state.allTickets())
          if (t.status !== 'waiting') expect(all.get(t.id)).toBeUndefined();
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
