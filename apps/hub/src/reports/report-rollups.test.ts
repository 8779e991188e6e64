import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor, HallConfig } from '@antre/shared';
import { testHall } from '@antre/shared/testing';
import type { DayRollup, LoggedEvent, ReportStore } from '@antre/reporting';
import {
  LEG_DIMENSIONS,
  Projector,
  REPORT_IDS,
  VISIT_DIMENSIONS,
  parseReportQuery,
  rollupRows,
  runReport,
} from '@antre/reporting';
import { ActedQueue } from '@antre/reporting/testing';
import { SqliteReportStore } from './sqlite-report-store.js';

const dirs: string[] = [];
const stores: SqliteReportStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newStore(dir = mkdtempSync(join(tmpdir(), 'antre-rollups-'))): SqliteReportStore {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = new SqliteReportStore(join(dir, 'reports.sqlite'));
  stores.push(store);
  return store;
}

const staff = (username: string, agencyId: string): Actor => ({
  kind: 'staff',
  username,
  role: 'staff',
  agencyId,
});
const SPV: Actor = { kind: 'staff', username: 'spv', role: 'supervisor' };
const DUKCAPIL1 = staff('dukcapil1', 'disdukcapil');
const IMIGRASI1 = staff('imigrasi1', 'imigrasi');
const BPJS1 = staff('bpjs1', 'bpjs');
const KIOSK: Actor = { kind: 'kiosk', kioskId: 'k1' };

/** Local time (WIB) on the `day`-th day from Monday 30 November 2026. */
const at = (day: number, hh: number, mm: number, ss = 0) => Date.UTC(2026, 10, 30 + day, hh - 7, mm, ss);

/**
 * Three hall days (30 November – 2 December 2026), each different: tickets of three agencies and both
 * priorities, served, no-shows, a transfer, a cancellation and tickets left to expire at the close.
 */
function threeDays(): { config: HallConfig; log: LoggedEvent[] } {
  const config = testHall();
  const q = new ActedQueue(config, at(0, 8, 0));
  for (let d = 0; d < 3; d++) {
    q.at(at(d, 8, 0));
    q.run({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL1);
    q.run({ type: 'setCounterStatus', counterId: 'c4', status: 'open' }, IMIGRASI1);
    q.run({ type: 'setCounterStatus', counterId: 'c5', status: 'open' }, BPJS1);
    for (let i = 0; i < 4 + d; i++) {
      q.at(at(d, 8, 1 + i));
      q.run({ type: 'issueTicket', serviceId: 'ktp', ...(i === 1 ? { priority: 'elderly' } : {}) }, KIOSK);
      q.run({ type: 'issueTicket', serviceId: 'paspor' }, KIOSK);
      q.run({ type: 'issueTicket', serviceId: 'jkn', ...(i === 2 ? { priority: 'pregnant' } : {}) }, KIOSK);
    }
    let minute = 20;
    for (let i = 0; i < 3 + d; i++) {
      for (const [counterId, actor] of [
        ['c1', DUKCAPIL1],
        ['c4', IMIGRASI1],
        ['c5', BPJS1],
      ] as const) {
        q.at(at(d, 8, minute));
        q.run({ type: 'callNext', counterId }, actor);
        minute += 1 + d;
        q.at(at(d, 8, minute));
        if (i === 1 && counterId === 'c4') {
          q.run({ type: 'noShow', counterId, confirm: true }, actor);
          continue;
        }
        q.run({ type: 'startServing', counterId }, actor);
        minute += 2 + i;
        q.at(at(d, 8, minute));
        if (i === 0 && counterId === 'c1' && d === 1) {
          q.run({ type: 'transfer', counterId, toServiceId: 'jkn' }, actor);
        } else {
          q.run({ type: 'finish', counterId }, actor);
        }
      }
    }
    if (d === 2) q.run({ type: 'cancelTicket', ticket: 'A-006' }, DUKCAPIL1);
    q.at(at(d, 16, 0)).run({ type: 'closeDay' }, SPV);
    q.at(at(d + 1, 0, 0, 30)).rollover();
  }
  return { config, log: q.log };
}

const STAT_TABLES = ['leg_stats', 'visit_stats', 'slot_stats'] as const;

/** A day's rollup rows as the store holds them, sorted. */
function storedRollup(store: SqliteReportStore, day: number): string[][] {
  return STAT_TABLES.map((t) =>
    store.db
      .prepare(`SELECT * FROM ${t} WHERE day = ?`)
      .all(day)
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)))
      .sort(),
  );
}

/** The same rollup written into an empty store and read back the same way. */
function rollupAsStored(rollup: DayRollup, day: number): string[][] {
  const scratch = newStore();
  void scratch.write({ visits: [], legs: [], sessions: [], closedDays: [] }, new Map([[day, rollup]]), 0);
  return storedRollup(scratch, day);
}

async function projectLive(store: SqliteReportStore, log: readonly LoggedEvent[], config: HallConfig) {
  const projector = new Projector(store, config, { logId: 'log', eventsAfter: () => [] });
  await projector.start();
  for (const e of log) projector.push([e]);
  await projector.settled();
}

const days = (store: SqliteReportStore) =>
  store.db.prepare('SELECT day FROM days WHERE rolled = 1 ORDER BY day').pluck().all() as number[];

describe('the daily rollups the projection keeps', () => {
  const { config, log } = threeDays();

  it('equal the rollup computed from the stored rows of each closed day', async () => {
    const store = newStore();
    await projectLive(store, log, config);
    expect(days(store)).toEqual([20261130, 20261201, 20261202]);
    for (const day of days(store)) {
      const rows = await store.dayRows(day);
      expect(rows.visits.length).toBeGreaterThan(0);
      expect(storedRollup(store, day)).toEqual(rollupAsStored(rollupRows(rows.legs, rows.visits), day));
    }
  });

  it('are the same when the projection stopped mid-day and resumed from the store', async () => {
    const whole = newStore();
    await projectLive(whole, log, config);
    const dir = mkdtempSync(join(tmpdir(), 'antre-rollups-'));
    const cut = log.findIndex((e) => e.event.type === 'TicketFinished' && e.at > at(1, 8, 30));
    expect(cut).toBeGreaterThan(0);
    const first = newStore(dir);
    await projectLive(first, log.slice(0, cut), config);
    first.close();
    const resumed = newStore(dir);
    const projector = new Projector(resumed, config, { logId: 'log', eventsAfter: () => [] });
    await projector.start();
    // Resuming from the store: the projector's seq is where the first stopped, and the rest follows live.
    expect(projector.seq).toBe(log[cut - 1]?.seq);
    for (const e of log.slice(cut)) projector.push([e]);
    await projector.settled();
    for (const day of days(whole)) expect(storedRollup(resumed, day)).toEqual(storedRollup(whole, day));
  });
});

describe('stats the store adds up over days and services', () => {
  const { config, log } = threeDays();
  const range = { from: 20261130, to: 20261202 };

  it('equal the day rows added up, for every dimension', async () => {
    const store = newStore();
    await projectLive(store, log, config);
    for (const dim of LEG_DIMENSIONS) {
      const perDay = await store.legStats({ ...range, dim });
      const summed = await store.legStats({ ...range, dim, sumDays: true });
      expect(new Set(perDay.map((s) => s.day)).size).toBe(3);
      expect(summed.length).toBeLessThan(perDay.length);
      const byKey = new Map<string, (typeof perDay)[number]>();
      for (const s of perDay) {
        const key = `${s.value}|${s.serviceId}`;
        const t = byKey.get(key);
        if (!t) {
          byKey.set(key, { ...s, waitHist: s.waitHist.slice(), serviceHist: s.serviceHist.slice() });
          continue;
        }
        for (const k of Object.keys(t) as Array<keyof typeof t>) {
          const a = t[k];
          const b = s[k];
          if (a instanceof Uint32Array && b instanceof Uint32Array)
            b.forEach((x, i) => (a[i] = (a[i] ?? 0) + x));
          else if (k === 'waitMax' || k === 'serviceMax') t[k] = Math.max(t[k], s[k]);
          else if (typeof a === 'number' && typeof b === 'number' && k !== 'day')
            (t as unknown as Record<string, number>)[k] = a + b;
        }
      }
      expect(summed.length).toBe(byKey.size);
      for (const s of summed) expect(s).toEqual(byKey.get(`${s.value}|${s.serviceId}`));
    }
    for (const dim of VISIT_DIMENSIONS) {
      const perDay = await store.visitStats({ ...range, dim });
      const summed = await store.visitStats({ ...range, dim, sumDays: true });
      const visits = (list: typeof perDay) => list.reduce((n, s) => n + s.visits, 0);
      const hall = (list: typeof perDay) => list.reduce((n, s) => n + s.hallSum, 0);
      const hist = (list: typeof perDay) =>
        list.reduce((n, s) => n + s.hallHist.reduce((a, b) => a + b, 0), 0);
      expect(summed.length).toBeLessThan(perDay.length);
      expect(visits(summed)).toBe(visits(perDay));
      expect(hall(summed)).toBe(hall(perDay));
      expect(hist(summed)).toBe(hist(perDay));
    }
    const slots = await store.slotStats(range);
    const bySlot = await store.slotStats({ ...range, sumServices: true });
    const key = (s: { day: number; slot: number }) => `${s.day}|${s.slot}`;
    const expected = new Map<string, number[]>();
    for (const s of slots) {
      const t = expected.get(key(s)) ?? [0, 0, 0, 0, 0];
      const add = [s.arrivals, s.arrivalWaitN, s.arrivalWaitSum, s.queueIn, s.queueOut];
      expected.set(
        key(s),
        t.map((x, i) => x + (add[i] ?? 0)),
      );
    }
    expect(bySlot.length).toBe(expected.size);
    for (const s of bySlot) {
      expect(s.serviceId).toBe('');
      expect([s.arrivals, s.arrivalWaitN, s.arrivalWaitSum, s.queueIn, s.queueOut]).toEqual(
        expected.get(key(s)),
      );
    }
  });

  it('give every report the same figures as a store that adds up nothing', async () => {
    const store = newStore();
    await projectLive(store, log, config);
    // The same store, the hints dropped: every stat row per day and service.
    const plain: ReportStore = {
      unrolledDays: (q) => store.unrolledDays(q),
      legStats: (q) => store.legStats({ ...q, sumDays: false, sumServices: false }),
      visitStats: (q) => store.visitStats({ ...q, sumDays: false, sumServices: false }),
      slotStats: (q) => store.slotStats({ ...q, sumServices: false }),
      legs: (q) => store.legs(q),
      visits: (q) => store.visits(q),
      sessions: (q) => store.sessions(q),
      eachLeg: (q, each) => store.eachLeg(q, each),
      eachVisit: (q, each) => store.eachVisit(q, each),
    };
    const now = at(3, 9, 0);
    for (const params of [
      { from: '2026-11-30', to: '2026-12-02' },
      { from: '2026-11-30', to: '2026-12-02', agency: 'disdukcapil' },
      { from: '2026-11-30', to: '2026-12-02', priority: 'elderly' },
      { period: 'month', date: '2026-12' },
    ]) {
      const query = parseReportQuery(params, config, '2026-12-03');
      for (const id of REPORT_IDS) {
        const fast = await runReport(id, { store, config, query, now });
        const slow = await runReport(id, { store: plain, config, query, now });
        expect(fast).toEqual(slow);
      }
    }
    // And the figures are the log's: every transaction of the three days counted once.
    const services = await runReport('services', {
      store,
      config,
      query: parseReportQuery({ from: '2026-11-30', to: '2026-12-02' }, config, '2026-12-03'),
      now,
    });
    const rows = services.tables[0]?.rows ?? [];
    const legs = rows.filter((r) => r['key'] !== '').reduce((n, r) => n + Number(r['transactions']), 0);
    const issued = log.filter((e) => e.event.type === 'TicketIssued').length;
    const transfers = log.filter((e) => e.event.type === 'TicketTransferred').length;
    const putBack = log.filter((e) => e.event.type === 'TicketPutBack').length;
    expect(legs).toBe(issued + transfers + putBack);
  });
});
