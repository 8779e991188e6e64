import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureContext, LoggedEvent, ReportId, ReportTable } from '@antre/reporting';
import { Projector, parseReportQuery, runReport } from '@antre/reporting';
import { fixtureDay, mondayAt } from '@antre/reporting/testing';
import type { HallConfig } from '@antre/shared';
import { testHall } from '@antre/shared/testing';
import { SqliteReportStore } from './sqlite-report-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function source(log: readonly LoggedEvent[]) {
  return {
    logId: 'fixture',
    eventsAfter: (seq: number, limit: number) => log.filter((e) => e.seq > seq).slice(0, limit),
  };
}

async function projected(
  log: readonly LoggedEvent[],
  config: HallConfig,
  chunk = 5000,
): Promise<SqliteReportStore> {
  const dir = mkdtempSync(join(tmpdir(), 'antre-reports-'));
  dirs.push(dir);
  const store = new SqliteReportStore(join(dir, 'reports.sqlite'));
  await new Projector(store, config, source(log), { chunk }).start();
  return store;
}

async function report(
  store: SqliteReportStore,
  config: HallConfig,
  id: ReportId,
  params: Record<string, string>,
) {
  const ctx: FigureContext = {
    store,
    config,
    query: parseReportQuery(params, config, '2026-11-30'),
    now: mondayAt(23, 0),
  };
  return runReport(id, ctx);
}

/** Every reporting table, rows in a fixed order. */
const dump = (s: SqliteReportStore) =>
  ['visits', 'visit_transactions', 'counter_sessions', 'leg_stats', 'visit_stats', 'slot_stats', 'days'].map(
    (t) =>
      s.db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)))
        .sort(),
  );

const rowBy = (t: ReportTable | undefined, key: string) => t?.rows.find((r) => r['key'] === key);
const figure = (t: ReportTable | undefined, key: string) => rowBy(t, key)?.['value'];

describe('reports of the fixture day, computed by hand', () => {
  const { config, log } = fixtureDay();

  it('summary: visits, outcomes, waits, service times and targets', async () => {
    const store = await projected(log, config);
    const summary = (await report(store, config, 'summary', { period: 'day', date: '2026-11-30' })).tables[0];
    const expected: Record<string, number | null> = {
      visits: 6,
      visitsServed: 4,
      visitsServedPct: 66.7,
      visitsNoShow: 0,
      visitsCancelled: 1,
      visitsExpired: 1,
      transactions: 8,
      transfers: 1,
      services: 3,
      agencies: 3,
      // Waits of the six called transactions: 20, 5, 9, 10, 1, 12 minutes.
      waitMean: 9.5,
      waitP50: 9,
      waitP90: 20,
      waitMax: 20,
      // Over target: A-001 at ktp (20 > 10), BP-001 (12 > 10).
      waitOverPct: 33.3,
      // Served: 10 (jkn), 9 (ktp), 13 (paspor), 19 (jkn) → 12.75 minutes.
      serviceMean: 12.8,
      serviceP90: 19,
      serviceOverPct: 25,
      walkMean: 1.5,
      // In the hall: 45 + 19 + 38 + 32 + 37 + 475 minutes over 6 visits.
      hallMean: 107.7,
      doneInOnePct: 66.7,
    };
    for (const [key, value] of Object.entries(expected)) expect(figure(summary, key), key).toBe(value);
    store.close();
  });

  it('per service and per agency', async () => {
    const store = await projected(log, config);
    const services = (await report(store, config, 'services', { period: 'day', date: '2026-11-30' }))
      .tables[0];
    expect(rowBy(services, 'ktp')).toMatchObject({
      transactions: 3,
      served: 1,
      transferred: 1,
      cancelled: 1,
      servedPct: 33.3,
      waitMean: 14.5,
      waitMax: 20,
      waitOverPct: 50,
      serviceMean: 9,
      targetMinutes: 10,
    });
    expect(rowBy(services, 'paspor')).toMatchObject({
      transactions: 3,
      served: 1,
      noShow: 1,
      expired: 1,
      waitMean: 5.5,
    });
    expect(rowBy(services, 'jkn')).toMatchObject({
      transactions: 2,
      served: 2,
      serviceMean: 14.5,
      serviceOverPct: 50,
    });
    expect(rowBy(services, '')).toMatchObject({ name: 'Total', transactions: 8, served: 4 });
    const agencies = (await report(store, config, 'agencies', { period: 'day', date: '2026-11-30' }))
      .tables[0];
    expect(rowBy(agencies, 'disdukcapil')).toMatchObject({ transactions: 3, served: 1 });
    expect(rowBy(agencies, 'bpjs')).toMatchObject({ transactions: 2, served: 2 });
    store.close();
  });

  it('per counter and per staff member: served, service time, time open, utilisation', async () => {
    const store = await projected(log, config);
    const counters = (await report(store, config, 'counters', { period: 'day', date: '2026-11-30' }))
      .tables[0];
    // c1: busy 10 + 10 minutes in 1 hour open.
    expect(rowBy(counters, 'c1')).toMatchObject({
      served: 1,
      transferred: 1,
      serviceMean: 9,
      openHours: 1,
      utilisationPct: 33.3,
    });
    // c4: busy 5 + 14 minutes in 1 hour open (the pause does not count).
    expect(rowBy(counters, 'c4')).toMatchObject({ served: 1, noShow: 1, openHours: 1, utilisationPct: 31.7 });
    // c5: busy 20 + 10 minutes, open 08:00 until the new day at 00:00:30 (57,630 s).
    expect(rowBy(counters, 'c5')).toMatchObject({ served: 2, openHours: 16, utilisationPct: 3.1 });
    const staff = (await report(store, config, 'staff', { period: 'day', date: '2026-11-30' })).tables[0];
    expect(rowBy(staff, 'bpjs1')).toMatchObject({ name: 'Petugas BPJS', served: 2, serviceMean: 14.5 });
    expect(rowBy(staff, 'dukcapil1')).toMatchObject({ served: 1, utilisationPct: 33.3 });
    store.close();
  });

  it('filters: an agency, a priority group, a counter with a priority group (read from the rows)', async () => {
    const store = await projected(log, config);
    const day = { period: 'day', date: '2026-11-30' };
    const imigrasi = (await report(store, config, 'summary', { ...day, agency: 'imigrasi' })).tables[0];
    expect(figure(imigrasi, 'transactions')).toBe(3);
    expect(figure(imigrasi, 'visits')).toBe(2);
    const elderly = (await report(store, config, 'summary', { ...day, priority: 'elderly' })).tables[0];
    expect(figure(elderly, 'transactions')).toBe(1);
    expect(figure(elderly, 'waitMean')).toBe(9);
    const both = (await report(store, config, 'priority-groups', { ...day, counter: 'c1' })).tables[0];
    expect(rowBy(both, 'elderly')).toMatchObject({ transactions: 1, served: 1 });
    expect(rowBy(both, 'none')).toMatchObject({ transactions: 1, transferred: 1 });
    const origins = (await report(store, config, 'origins', day)).tables[0];
    expect(rowBy(origins, 'staff')).toMatchObject({ transactions: 1, served: 1 });
    store.close();
  });

  it('heat map and queue length over the day', async () => {
    const store = await projected(log, config);
    const heat = (await report(store, config, 'heatmap', { period: 'day', date: '2026-11-30' })).tables[0];
    expect(heat?.rows).toEqual([
      { weekday: 'Senin', weekdayNumber: 1, hour: 8, arrivals: 6, arrivalsPerDay: 6, waitMean: 12.8 },
    ]);
    const queue = (await report(store, config, 'queue-length', { period: 'day', date: '2026-11-30' }))
      .tables[0];
    const at = (time: string) => queue?.rows.find((r) => r['time'] === time)?.['mean'];
    expect(at('08.15')).toBe(4);
    expect(at('08.30')).toBe(2);
    expect(at('08.45')).toBe(1);
    expect(at('15.45')).toBe(1);
    expect(at('16.15')).toBe(0);
    store.close();
  });

  it('the open day (from its rows) and the closed day (from its rollup) give the same figures', async () => {
    const closeAt = log.findIndex((e) => e.event.type === 'DayClosed' && e.event.nextDay !== e.event.day);
    const open = await projected(log.slice(0, closeAt), config);
    const closed = await projected(log, config);
    for (const id of ['summary', 'services', 'priority-groups', 'heatmap', 'visits'] as const) {
      const a = await report(open, config, id, { period: 'day', date: '2026-11-30' });
      const b = await report(closed, config, id, { period: 'day', date: '2026-11-30' });
      expect(a.tables, id).toEqual(b.tables);
    }
    open.close();
    closed.close();
  });

  it('rebuild = incremental: the tables are the same fed in one go or an event at a time', async () => {
    const whole = await projected(log, config, 5000);
    const dir = mkdtempSync(join(tmpdir(), 'antre-reports-'));
    dirs.push(dir);
    const live = new SqliteReportStore(join(dir, 'reports.sqlite'));
    const projector = new Projector(live, config, source([]));
    await projector.start();
    for (const e of log) projector.push([e]);
    await projector.settled();
    expect(dump(live)).toEqual(dump(whole));
    whole.close();
    live.close();
  });

  it('a restart in the middle of the day resumes and ends with the same tables', async () => {
    const whole = await projected(log, config);
    const dir = mkdtempSync(join(tmpdir(), 'antre-reports-'));
    dirs.push(dir);
    const file = join(dir, 'reports.sqlite');
    const half = Math.floor(log.length / 2);
    const first = new SqliteReportStore(file);
    await new Projector(first, config, source(log.slice(0, half))).start();
    first.close();
    const second = new SqliteReportStore(file);
    await new Projector(second, config, source(log)).start();
    expect(dump(second)).toEqual(dump(whole));
    // Another log in the same file: started over.
    const third = new Projector(second, testHall(), { logId: 'another', eventsAfter: () => [] });
    await third.start();
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM visits').get()).toEqual({ n: 0 });
    second.close();
    whole.close();
  });
});
