import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from './domain-events.js';
import type { ReadonlyTicket } from './domain-types.js';
import type { HallConfig } from './hall-config.js';
import { QueueDay } from './queue-day.js';
import { TestQueue, testHall, testUuid } from './testing/test-hall.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');
const MINUTE = 60_000;
const DUKCAPIL = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' } as const;
const KIOSK = { kind: 'kiosk', kioskId: 'k1' } as const;

/**
 * The test hall with two packages: `pindah` (kk → ktp, and jkn in any order) and `lahir` (akta → kk → jkn).
 * Counters: c1 [ktp, kk], c2 [kk, ktp, akta], c3 [akta], c4 [paspor], c5 [jkn].
 */
function hall(changes: Parameters<typeof testHall>[0] = {}): HallConfig {
  return testHall({
    packages: [
      {
        id: 'pindah',
        name: { id: 'Pindah datang', en: 'Moving in' },
        serviceIds: ['kk', 'ktp', 'jkn'],
        order: [['kk', 'ktp']],
      },
      {
        id: 'lahir',
        name: { id: 'Kelahiran', en: 'Birth' },
        serviceIds: ['akta', 'kk', 'jkn'],
        order: [
          ['akta', 'kk'],
          ['kk', 'jkn'],
        ],
      },
    ],
    ...changes,
  });
}

function queue(changes: Parameters<typeof testHall>[0] = {}): TestQueue {
  return new TestQueue(hall(changes), MON_0800);
}

const legStates = (t: ReadonlyTicket): string[] =>
  (t.visit?.legs ?? []).map((l) => `${l.serviceId}:${l.status}`);

/** Calls the ticket at the counter, serves it and finishes it; returns the events of the finish. */
function serve(q: TestQueue, counterId: string, number: string, minutes = 5): EventEnvelope[] {
  q.must({ type: 'callTicket', counterId, ticket: number });
  q.must({ type: 'startServing', counterId });
  q.advance(minutes * MINUTE);
  const before = q.log.length;
  q.must({ type: 'finish', counterId });
  return q.log.slice(before);
}

describe('issuing a visit', () => {
  it('plans a package’s legs in its order, numbers the ticket for its first leg and counts every leg', () => {
    const q = queue();
    const t = q.issueVisit({ packageId: 'lahir' });
    expect(t.displayNumber).toBe('AK-001');
    expect(t.serviceId).toBe('akta');
    expect(t.visit).toEqual({
      packageId: 'lahir',
      legs: [
        { serviceId: 'akta', status: 'active', queuedAt: MON_0800 },
        { serviceId: 'kk', status: 'pending' },
        { serviceId: 'jkn', status: 'pending' },
      ],
      // akta → kk → jkn, and akta → jkn through the KK.
      order: [
        { before: 0, after: 1 },
        { before: 0, after: 2 },
        { before: 1, after: 2 },
      ],
      current: 0,
    });
    for (const id of ['akta', 'kk', 'jkn']) expect(q.state.services[id]?.issued).toBe(1);
    expect(q.state.services['ktp']?.issued).toBe(0);
    // One number for the whole visit: no number was taken in the later legs' services.
    expect(q.state.services['kk']?.lastNumber).toBe(0);
  });

  it('keeps the package’s order among the services chosen from it', () => {
    const q = queue();
    const t = q.issueVisit({ packageId: 'lahir', serviceIds: ['jkn', 'akta'] });
    expect(t.visit?.order).toEqual([{ before: 1, after: 0 }]);
    expect(t.serviceId).toBe('akta');
  });

  it('starts a free order with the leg whose queue is quickest now', () => {
    const q = queue();
    for (let i = 0; i < 3; i++) q.issue('kk');
    const t = q.issueVisit({ packageId: 'pindah' });
    // kk has three ahead, jkn nobody; ktp must wait for the KK.
    expect(t.serviceId).toBe('jkn');
    expect(t.displayNumber).toBe('BP-001');
    expect(legStates(t)).toEqual(['kk:pending', 'ktp:pending', 'jkn:active']);
  });

  it('takes a basket of services in any order', () => {
    const q = queue();
    const t = q.issueVisit({ serviceIds: ['paspor', 'ktp'] });
    expect(t.visit?.order).toEqual([]);
    expect(t.visit?.packageId).toBeUndefined();
    expect(t.serviceId).toBe('paspor');
  });

  it('issues a plain ticket for a basket of one service', () => {
    const q = queue();
    const t = q.issueVisit({ serviceIds: ['ktp'] });
    expect(t.visit).toBeUndefined();
    expect(t.displayNumber).toBe('A-001');
  });

  it('refuses a closed leg or one past its quota before the ticket is taken, naming the service', () => {
    const q = queue({
      serviceChanges: {
        jkn: { hours: { mon: [['13:00', '15:00']] } },
        akta: { dailyQuota: 1 },
      },
    });
    const frozen = JSON.stringify(q.state.snapshot());
    const closed = q.run({ type: 'issueTicket', packageId: 'pindah' });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CLOSED', details: { serviceId: 'jkn', opensAt: '13:00' } },
    });
    expect(JSON.stringify(q.state.snapshot())).toBe(frozen);
    q.issue('akta');
    const full = q.run({ type: 'issueTicket', serviceIds: ['kk', 'akta'] });
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_REACHED', details: { serviceId: 'akta', quota: 1 } },
    });
    expect(q.state.services['kk']?.issued).toBe(0);
  });

  it('refuses an unknown package or service, a service asked twice or one outside the package', () => {
    const q = queue();
    const frozen = JSON.stringify(q.state.snapshot());
    const code = (input: object) => {
      const d = q.run({ type: 'issueTicket', ...input });
      return d.ok
        ? 'ok'
        : `${d.error.code}${d.error.details?.['serviceId'] ? ` ${String(d.error.details['serviceId'])}` : ''}`;
    };
    expect(code({ packageId: 'nikah' })).toBe('UNKNOWN_PACKAGE');
    expect(code({ serviceIds: ['ktp', 'sim'] })).toBe('UNKNOWN_SERVICE sim');
    expect(code({ serviceIds: ['ktp', 'kk', 'ktp'] })).toBe('INVALID_VISIT ktp');
    expect(code({ packageId: 'pindah', serviceIds: ['kk', 'paspor'] })).toBe('INVALID_VISIT paspor');
    expect(JSON.stringify(q.state.snapshot())).toBe(frozen);
    expect(() => q.run({ type: 'issueTicket' })).toThrow(/name a serviceId/);
    expect(() => q.run({ type: 'issueTicket', serviceId: 'ktp', serviceIds: ['kk', 'ktp'] })).toThrow(
      /name a serviceId/,
    );
  });
});

describe('routing from leg to leg', () => {
  it('sends a finished leg’s ticket to its next leg by itself, ranked by its arrival in the hall', () => {
    const q = queue().open('c1', 'c5');
    const early = q.issue('ktp');
    q.advance(MINUTE);
    const visit = q.issueVisit({ packageId: 'pindah', serviceIds: ['kk', 'ktp'] });
    expect(visit.serviceId).toBe('kk');
    q.advance(MINUTE);
    const later = q.issue('ktp');
    q.advance(MINUTE);
    const events = serve(q, 'c1', visit.displayNumber);
    expect(events.map((e) => e.event.type)).toEqual(['TicketFinished', 'VisitRouted']);
    const t = q.ticket(visit.id);
    expect(t).toMatchObject({
      status: 'waiting',
      serviceId: 'ktp',
      rank: visit.issuedAt,
      displayNumber: 'B-001',
    });
    expect(t.counterId).toBeUndefined();
    expect(legStates(t)).toEqual(['kk:done', 'ktp:active']);
    expect(t.visit?.legs[0]).toMatchObject({ counterId: 'c1', endedAt: q.now });
    // Behind the one who came earlier, ahead of the one who came later.
    expect(q.run({ type: 'callNext', counterId: 'c1' })).toMatchObject({ ok: true });
    expect(q.currentAt('c1')).toBe(early.displayNumber);
    q.must({ type: 'finish', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(q.currentAt('c1')).toBe(visit.displayNumber);
    expect(q.ticket(later.id).status).toBe('waiting');
  });

  it('takes the free legs in the order of the shortest wait at that moment', () => {
    const q = queue().open('c1', 'c2', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah' });
    // Now the jkn queue is long and ktp's short.
    for (let i = 0; i < 4; i++) q.issue('jkn');
    serve(q, 'c1', visit.displayNumber);
    expect(q.ticket(visit.id).serviceId).toBe('ktp');
    serve(q, 'c2', visit.displayNumber);
    expect(q.ticket(visit.id)).toMatchObject({ serviceId: 'jkn', status: 'waiting' });
    serve(q, 'c5', 'B-001');
    const done = q.ticket(visit.id);
    expect(done.status).toBe('done');
    expect(legStates(done)).toEqual(['kk:done', 'ktp:done', 'jkn:done']);
  });

  it('never sends a leg to its queue before the legs the package puts first', () => {
    const q = queue().open('c2', 'c3', 'c5');
    // The jkn queue is empty and kk's long: still akta, then kk, then jkn.
    for (let i = 0; i < 5; i++) q.issue('kk');
    const visit = q.issueVisit({ packageId: 'lahir' });
    expect(visit.serviceId).toBe('akta');
    serve(q, 'c3', visit.displayNumber);
    expect(q.ticket(visit.id).serviceId).toBe('kk');
  });

  it('moves a ticket on when call-next ends its leg, and calls someone else', () => {
    const q = queue().open('c1', 'c2');
    const visit = q.issueVisit({ serviceIds: ['kk', 'ktp'] });
    const other = q.issue('kk');
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(q.currentAt('c1')).toBe(visit.displayNumber);
    const before = q.log.length;
    q.must({ type: 'callNext', counterId: 'c1', previous: 'served' });
    expect(q.log.slice(before).map((e) => e.event.type)).toEqual([
      'TicketFinished',
      'VisitRouted',
      'TicketCalled',
    ]);
    expect(q.currentAt('c1')).toBe(other.displayNumber);
    expect(q.ticket(visit.id)).toMatchObject({ status: 'waiting', serviceId: 'ktp' });
  });

  it('goes on with a transferred leg as with any other', () => {
    const q = queue().open('c1', 'c3', 'c5');
    const visit = q.issueVisit({ serviceIds: ['ktp', 'jkn'] });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'akta' });
    serve(q, 'c3', visit.displayNumber);
    const t = q.ticket(visit.id);
    expect(t.serviceId).toBe('jkn');
    expect(t.visit?.legs[0]).toMatchObject({ serviceId: 'ktp', status: 'done', counterId: 'c3' });
  });
});

describe('a no-show during a visit', () => {
  it('keeps the other legs unless staff say so, and comes back to the missed one at the end', () => {
    const q = queue().open('c1', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah' });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    // The KK was missed: the KTP-el waits for it, the JKN does not.
    let t = q.ticket(visit.id);
    expect(t).toMatchObject({ status: 'waiting', serviceId: 'jkn' });
    expect(legStates(t)).toEqual(['kk:missed', 'ktp:pending', 'jkn:active']);
    serve(q, 'c5', visit.displayNumber);
    // The citizen was served since: the KK is tried again, then the KTP-el.
    t = q.ticket(visit.id);
    expect(t).toMatchObject({ status: 'waiting', serviceId: 'kk', rank: visit.issuedAt });
    expect(legStates(t)).toEqual(['kk:active', 'ktp:pending', 'jkn:done']);
    serve(q, 'c1', visit.displayNumber);
    serve(q, 'c1', visit.displayNumber);
    expect(legStates(q.ticket(visit.id))).toEqual(['kk:done', 'ktp:done', 'jkn:done']);
  });

  it('waits to be put back when nothing else is ready, then goes on', () => {
    const q = queue().open('c3', 'c2');
    const visit = q.issueVisit({ packageId: 'lahir' });
    q.must({ type: 'callTicket', counterId: 'c3', ticket: visit.displayNumber });
    q.must({ type: 'noShow', counterId: 'c3', confirm: true });
    let t = q.ticket(visit.id);
    expect(t.status).toBe('no_show');
    expect(legStates(t)).toEqual(['akta:missed', 'kk:pending', 'jkn:pending']);
    q.must({ type: 'putBack', counterId: 'c3', ticket: visit.displayNumber });
    t = q.ticket(visit.id);
    expect(legStates(t)).toEqual(['akta:active', 'kk:pending', 'jkn:pending']);
    serve(q, 'c3', visit.displayNumber);
    expect(q.ticket(visit.id).serviceId).toBe('kk');
  });

  it('ends the legs still to go when staff end the visit, and a put back brings only the missed leg', () => {
    const q = queue().open('c1', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah' });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    const before = q.log.length;
    q.must({ type: 'noShow', counterId: 'c1', endVisit: true, confirm: true }, DUKCAPIL);
    expect(q.log.slice(before).map((e) => e.event)).toEqual([
      { type: 'TicketNoShow', ticketId: visit.id, counterId: 'c1' },
      { type: 'VisitEnded', ticketId: visit.id, counterId: 'c1', by: 'dukcapil1' },
    ]);
    expect(legStates(q.ticket(visit.id))).toEqual(['kk:missed', 'ktp:cancelled', 'jkn:cancelled']);
    q.must({ type: 'putBack', counterId: 'c1', ticket: visit.displayNumber });
    serve(q, 'c1', visit.displayNumber);
    const t = q.ticket(visit.id);
    expect(t.status).toBe('done');
    expect(legStates(t)).toEqual(['kk:done', 'ktp:cancelled', 'jkn:cancelled']);
  });
});

describe('staff changing the legs', () => {
  it('adds a leg to the ticket at the counter, which then joins that queue next', () => {
    const q = queue().open('c1', 'c4');
    const plain = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'addVisitLeg', counterId: 'c1', serviceId: 'paspor', ticketId: plain.id }, DUKCAPIL);
    let t = q.ticket(plain.id);
    expect(t.visit).toMatchObject({
      legs: [
        { serviceId: 'ktp', status: 'active', queuedAt: plain.issuedAt, calledAt: q.now, counterId: 'c1' },
        { serviceId: 'paspor', status: 'pending', addedBy: 'dukcapil1' },
      ],
      current: 0,
    });
    expect(q.state.services['paspor']?.issued).toBe(1);
    q.must({ type: 'finish', counterId: 'c1' });
    t = q.ticket(plain.id);
    expect(t).toMatchObject({ serviceId: 'paspor', status: 'waiting' });
    q.must({ type: 'callNext', counterId: 'c4' });
    expect(q.currentAt('c4')).toBe('A-001');
  });

  it('refuses a leg for a closed service, past its quota, already planned, or with nobody at the counter', () => {
    const q = queue({
      serviceChanges: { paspor: { dailyQuota: 1 }, akta: { hours: { mon: [['13:00', '14:00']] } } },
    });
    q.open('c1');
    const code = (serviceId: string) => {
      const d = q.run({ type: 'addVisitLeg', counterId: 'c1', serviceId });
      return d.ok ? 'ok' : `${d.error.code} ${String(d.error.details?.['serviceId'] ?? '')}`.trim();
    };
    expect(code('jkn')).toBe('NO_CURRENT_TICKET');
    q.issueVisit({ serviceIds: ['ktp', 'jkn'] });
    q.issue('paspor');
    q.must({ type: 'callNext', counterId: 'c1' });
    const frozen = JSON.stringify(q.state.snapshot());
    expect(code('akta')).toBe('SERVICE_CLOSED akta');
    expect(code('paspor')).toBe('QUOTA_REACHED paspor');
    expect(code('jkn')).toBe('INVALID_VISIT jkn');
    expect(code('ktp')).toBe('INVALID_VISIT ktp');
    expect(code('sim')).toBe('UNKNOWN_SERVICE sim');
    expect(JSON.stringify(q.state.snapshot())).toBe(frozen);
    expect(code('kk')).toBe('ok');
  });

  it('skips a leg still to go, which unblocks the legs after it', () => {
    const q = queue().open('c3', 'c5');
    const visit = q.issueVisit({ packageId: 'lahir' });
    q.must({ type: 'skipVisitLeg', counterId: 'c3', ticket: visit.displayNumber, leg: 1 }, DUKCAPIL);
    serve(q, 'c3', visit.displayNumber);
    // The KK was skipped: on to the JKN at once.
    expect(q.ticket(visit.id).serviceId).toBe('jkn');
    expect(legStates(q.ticket(visit.id))).toEqual(['akta:done', 'kk:skipped', 'jkn:active']);
    const again = q.run({ type: 'skipVisitLeg', counterId: 'c3', ticket: visit.displayNumber, leg: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_VISIT' } });
    const active = q.run({ type: 'skipVisitLeg', counterId: 'c3', ticket: visit.displayNumber, leg: 2 });
    expect(active).toMatchObject({ ok: false, error: { code: 'INVALID_VISIT' } });
  });

  it('reorders the legs still to go within the package’s order', () => {
    const q = queue().open('c1', 'c2', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah' });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    // The JKN queue is the longer one, yet staff put the JKN first.
    for (let i = 0; i < 3; i++) q.issue('jkn');
    q.must({ type: 'reorderVisitLegs', counterId: 'c1', ticket: visit.displayNumber, legs: [2, 1] });
    expect(q.ticket(visit.id).visit?.sequence).toEqual([2, 1]);
    q.must({ type: 'finish', counterId: 'c1' });
    expect(q.ticket(visit.id).serviceId).toBe('jkn');
  });

  it('refuses an order that breaks the package’s or leaves a leg out', () => {
    const q = queue().open('c3');
    const visit = q.issueVisit({ packageId: 'lahir' });
    const frozen = JSON.stringify(q.state.snapshot());
    const reorder = (legs: number[]) =>
      q.run({ type: 'reorderVisitLegs', counterId: 'c3', ticket: visit.displayNumber, legs });
    expect(reorder([2, 1])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VISIT', details: { before: 'kk', after: 'jkn' } },
    });
    expect(reorder([1])).toMatchObject({ ok: false, error: { code: 'INVALID_VISIT' } });
    expect(reorder([0, 1, 2])).toMatchObject({ ok: false, error: { code: 'INVALID_VISIT' } });
    expect(JSON.stringify(q.state.snapshot())).toBe(frozen);
    expect(reorder([1, 2]).ok).toBe(true);
  });
});

describe('the end of a visit', () => {
  it('cancels every leg still to go with the ticket, and expires them at the day’s close', () => {
    const q = queue().open('c1');
    const a = q.issueVisit({ packageId: 'pindah' });
    const b = q.issueVisit({ packageId: 'pindah' });
    q.must({ type: 'cancelTicket', ticket: a.displayNumber });
    expect(legStates(q.ticket(a.id))).toEqual(['kk:cancelled', 'ktp:cancelled', 'jkn:cancelled']);
    q.must({ type: 'closeDay' });
    expect(legStates(q.ticket(b.id))).toEqual(['kk:expired', 'ktp:expired', 'jkn:expired']);
  });
});

describe('offline visits', () => {
  it('arrive with the plan the kiosk made, exactly once', () => {
    const q = queue().open('c1');
    q.must({ type: 'leaseNumbers', serviceId: 'jkn' }, KIOSK);
    const sync = {
      type: 'syncOfflineTicket' as const,
      ticketId: testUuid(500),
      serviceId: 'jkn',
      number: 501,
      priority: 'none' as const,
      issuedAt: q.now,
      visit: { serviceIds: ['kk', 'ktp', 'jkn'], packageId: 'pindah' },
    };
    q.advance(10 * MINUTE);
    q.must(sync, KIOSK);
    const t = q.ticket(testUuid(500));
    expect(t.displayNumber).toBe('BP-501');
    expect(t.rank).toBe(sync.issuedAt);
    expect(t.visit).toMatchObject({ packageId: 'pindah', current: 2, order: [{ before: 0, after: 1 }] });
    expect(legStates(t)).toEqual(['kk:pending', 'ktp:pending', 'jkn:active']);
    const log = q.log.length;
    expect(q.run(sync, KIOSK)).toEqual({ ok: true, events: [] });
    expect(q.log).toHaveLength(log);
    for (const id of ['kk', 'ktp', 'jkn']) expect(q.state.services[id]?.issued).toBe(1);
  });
});

describe('replay', () => {
  it('rebuilds every visit from the log, through JSON, as the live day has it', () => {
    const q = queue().open('c1', 'c2', 'c3', 'c5');
    const a = q.issueVisit({ packageId: 'pindah' });
    const b = q.issueVisit({ packageId: 'lahir' });
    q.issue('ktp');
    serve(q, 'c1', a.displayNumber);
    q.must({ type: 'callTicket', counterId: 'c3', ticket: b.displayNumber });
    q.must({ type: 'noShow', counterId: 'c3', confirm: true });
    q.must({ type: 'callNext', counterId: 'c5' });
    q.must({ type: 'addVisitLeg', counterId: 'c5', serviceId: 'paspor' });
    const replayed = QueueDay.empty(q.config, q.state.day);
    for (const e of JSON.parse(JSON.stringify(q.log)) as EventEnvelope[]) replayed.apply(e);
    expect(replayed.snapshot()).toEqual(q.state.snapshot());
    expect(replayed.waiting()).toEqual(q.state.waiting());
  });
});
