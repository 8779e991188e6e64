import { describe, expect, it } from 'vitest';
import type { CounterSessionRow, LegRow, LoggedEvent, RowChanges, VisitRow } from './report-rows.js';
import { fixtureDay, mondayAt } from './testing/index.js';
import { VisitProjection } from './visit-projection.js';
import type { QueueConfig } from '@antre/shared';

/** Rows by key, the last write winning: what a store holds after the changes. */
class Rows {
  visits = new Map<string, VisitRow>();
  legs = new Map<string, LegRow>();
  sessions = new Map<string, CounterSessionRow>();
  add(c: RowChanges): void {
    for (const v of c.visits) this.visits.set(`${v.day}|${v.ticketId}`, v);
    for (const l of c.legs) this.legs.set(`${l.day}|${l.ticketId}|${l.leg}`, l);
    for (const s of c.sessions) this.sessions.set(`${s.day}|${s.counterId}|${s.seq}`, s);
  }
  sorted() {
    const by = <T>(m: Map<string, T>) =>
      [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
    return { visits: by(this.visits), legs: by(this.legs), sessions: by(this.sessions) };
  }
}

function rebuild(config: QueueConfig, log: readonly LoggedEvent[]): Rows {
  const p = new VisitProjection(config);
  for (const e of log) p.apply(e);
  const rows = new Rows();
  rows.add(p.takeChanges());
  return rows;
}

const min = 60;

describe('VisitProjection on the fixture day', () => {
  const { config, log } = fixtureDay();
  const rows = rebuild(config, log).sorted();
  const visit = (n: string) => rows.visits.find((v) => v.displayNumber === n);
  const legsOf = (n: string) => rows.legs.filter((l) => l.ticketId === visit(n)?.ticketId);

  it('keeps one visit per ticket with its outcome, waits and time in the hall, computed by hand', () => {
    expect(rows.visits).toHaveLength(6);
    expect(visit('A-001')).toMatchObject({
      day: 20261130,
      serviceId: 'ktp',
      agencyId: 'disdukcapil',
      origin: 'kiosk',
      priority: 'none',
      outcome: 'served',
      waitS: 20 * min,
      hallS: 45 * min,
      legs: 2,
      servedLegs: 1,
      transfers: 1,
      recalls: 1,
      doneInOne: true,
      weekday: 1,
      issuedMinute: 8 * 60,
    });
    expect(visit('A-002')).toMatchObject({
      outcome: 'served',
      priority: 'elderly',
      waitS: 9 * min,
      hallS: 19 * min,
    });
    expect(visit('P-001')).toMatchObject({
      outcome: 'served',
      waitS: 10 * min,
      hallS: 38 * min,
      legs: 2,
      doneInOne: true,
    });
    expect(visit('BP-001')).toMatchObject({
      outcome: 'served',
      origin: 'staff',
      waitS: 12 * min,
      hallS: 32 * min,
    });
    expect(visit('A-003')).toMatchObject({
      outcome: 'cancelled',
      waitS: null,
      hallS: 37 * min,
      doneInOne: false,
    });
    expect(visit('P-002')).toMatchObject({ outcome: 'expired', waitS: null, hallS: (7 * 60 + 55) * min });
  });

  it('keeps one transaction per leg: outcome, counter, staff, wait, walk, service and busy time', () => {
    expect(rows.legs).toHaveLength(8);
    const [a1first, a1second] = legsOf('A-001');
    expect(a1first).toMatchObject({
      serviceId: 'ktp',
      outcome: 'transferred',
      counterId: 'c1',
      staff: 'dukcapil1',
      waitS: 20 * min,
      walkS: 3 * min,
      serviceS: 7 * min,
      busyS: 10 * min,
      recalls: 1,
      calls: 1,
      targetS: 10 * min,
    });
    expect(a1second).toMatchObject({
      leg: 1,
      serviceId: 'jkn',
      agencyId: 'bpjs',
      outcome: 'served',
      counterId: 'c5',
      staff: 'bpjs1',
      queuedAt: mondayAt(8, 30),
      waitS: 5 * min,
      walkS: null,
      serviceS: 10 * min,
      busyS: 10 * min,
    });
    const [p1first, p1second] = legsOf('P-001');
    expect(p1first).toMatchObject({
      outcome: 'no_show',
      waitS: 10 * min,
      serviceS: null,
      busyS: 5 * min,
      staff: 'imigrasi1',
    });
    expect(p1second).toMatchObject({
      outcome: 'served',
      queuedAt: mondayAt(8, 25),
      waitS: 1 * min,
      walkS: 1 * min,
      serviceS: 13 * min,
      busyS: 14 * min,
    });
    expect(legsOf('A-002')[0]).toMatchObject({
      outcome: 'served',
      waitS: 9 * min,
      walkS: 1 * min,
      serviceS: 9 * min,
      busyS: 10 * min,
    });
    expect(legsOf('BP-001')[0]).toMatchObject({
      outcome: 'served',
      staff: 'bpjs1',
      serviceS: 19 * min,
      busyS: 20 * min,
    });
    expect(legsOf('A-003')[0]).toMatchObject({
      outcome: 'cancelled',
      counterId: null,
      waitS: null,
      leftMinute: 8 * 60 + 41,
    });
    expect(legsOf('P-002')[0]).toMatchObject({
      outcome: 'expired',
      counterId: null,
      waitS: null,
      leftMinute: 16 * 60,
    });
    expect(rows.legs.every((l) => l.state === 'ended')).toBe(true);
  });

  it('keeps the counters’ open and paused stretches, ended by the next day', () => {
    const s = rows.sessions.map((x) => [x.counterId, x.status, x.staff, x.startedAt, x.endedAt]);
    expect(s).toEqual([
      ['c1', 'open', 'dukcapil1', mondayAt(8, 0), mondayAt(9, 0)],
      ['c4', 'open', 'imigrasi1', mondayAt(8, 0), mondayAt(9, 0)],
      ['c4', 'paused', 'imigrasi1', mondayAt(9, 0), mondayAt(24, 0, 30)],
      ['c5', 'open', 'bpjs1', mondayAt(8, 0), mondayAt(24, 0, 30)],
    ]);
  });

  it('gives the same rows fed event by event, in any chunks, or restarted from its open rows', () => {
    const whole = rows;
    for (const chunk of [1, 2, 3, 7]) {
      const p = new VisitProjection(config);
      const acc = new Rows();
      log.forEach((e, i) => {
        p.apply(e);
        if ((i + 1) % chunk === 0) acc.add(p.takeChanges());
      });
      acc.add(p.takeChanges());
      expect(acc.sorted()).toEqual(whole);
    }
    // Restarted at every point from what a store would hand back: the open rows and the last seq.
    for (let cut = 1; cut < log.length; cut++) {
      const first = new VisitProjection(config);
      const acc = new Rows();
      for (const e of log.slice(0, cut)) first.apply(e);
      acc.add(first.takeChanges());
      const stored = acc.sorted();
      const openIds = new Set(
        stored.visits.filter((v) => v.outcome === null || v.outcome === 'no_show').map((v) => v.ticketId),
      );
      const second = new VisitProjection(config);
      second.resume(
        first.seq,
        stored.visits.filter((v) => openIds.has(v.ticketId)),
        stored.legs.filter((l) => openIds.has(l.ticketId)),
        stored.sessions.filter((s) => s.endedAt === null),
      );
      for (const e of log.slice(cut)) second.apply(e);
      acc.add(second.takeChanges());
      expect(acc.sorted(), `restarted after event ${cut}`).toEqual(whole);
    }
  });

  it('reports a closed day once, and a late offline ticket as a closed day of its own', () => {
    const p = new VisitProjection(config);
    const closed: number[] = [];
    for (const e of log) {
      p.apply(e);
      closed.push(...p.takeChanges().closedDays);
    }
    expect(closed).toEqual([20261130]);
    const late = log.find((e) => e.event.type === 'TicketIssued');
    if (late?.event.type !== 'TicketIssued') throw new Error('no issue');
    p.apply({
      seq: p.seq + 1,
      at: mondayAt(24, 5),
      event: {
        type: 'LateTicketExpired',
        ticket: { ...late.event.ticket, id: 'late-1', status: 'expired', endedAt: mondayAt(24, 5) },
      },
    });
    const c = p.takeChanges();
    expect(c.closedDays).toEqual([20261130]);
    expect(c.visits).toMatchObject([{ ticketId: 'late-1', day: 20261130, outcome: 'expired' }]);
    expect(c.legs).toMatchObject([{ ticketId: 'late-1', outcome: 'expired', leftMinute: 1440 }]);
  });
});
