import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportId } from '@antre/reporting';
import { REPORT_IDS, parseReportQuery, periodRange, runReport } from '@antre/reporting';
import { EventStore, SqliteReportStore, rebuildReports } from '@antre/hub';
import type { BenchHall } from './bench-hall.js';
import { BENCH_NOW, removeDir, sleep, tempDir } from './bench-hall.js';
import type { Child } from './child-process.js';
import { startHubChild } from './hub-child.js';
import type { YearLog } from './year-log.js';
import { writeYearLog } from './year-log.js';

export interface ReportTimes {
  /** The slowest report's median time (ms) and which one it was. */
  slowestMs: number;
  slowest: ReportId;
  /** Each report's median time (ms). */
  byReport: Record<string, number>;
  /** Baseline: one plain SQL aggregate over the period's transaction rows (count, mean and max wait per service). */
  baselineMs: number;
}

export interface YearReports {
  log: YearLog;
  /** The projection rebuilt from scratch over the year's log. */
  rebuildMs: number;
  rebuildEventsPerSecond: number;
  /** Baseline: the same log read and parsed in the same chunks, nothing projected. */
  readEventsPerSecond: number;
  visits: number;
  transactions: number;
  year: ReportTimes;
  month: ReportTimes;
  /** The hub's RSS started on the year's data directory, after its projection caught up (MB). */
  rssMb: number;
  logMb: number;
  reportsMb: number;
}

const MB = 1024 * 1024;
const RUNS = 5;

/**
 * A busy hall's year (`days` × `perDay` tickets) written into a log, its reporting tables rebuilt from
 * scratch, every report timed over the year and over its last month, and the hub's RSS on that directory.
 */
export async function yearReports(
  hall: BenchHall,
  progress: (m: string) => void,
  days = 300,
  perDay = 2500,
): Promise<YearReports> {
  const dir = tempDir('year');
  let hub: Child | undefined;
  try {
    const lastDayBefore = new Date(BENCH_NOW).toISOString().slice(0, 10);
    progress(`year: writing ${days} days × ${perDay} tickets`);
    const log = writeYearLog(hall.config, dir, lastDayBefore, days, perDay);
    progress(`year: ${log.events} events, ${log.tickets} tickets written in ${(log.ms / 1000).toFixed(1)} s`);

    progress('year: reading the log (baseline)');
    const readEventsPerSecond = readLog(dir);
    progress('year: rebuilding the reporting tables');
    const rebuilt = await rebuildReports(dir, hall.config);

    const store = new SqliteReportStore(join(dir, 'reports.sqlite'));
    let year: ReportTimes;
    let month: ReportTimes;
    try {
      progress('year: every report over the year and over a month');
      const today = lastDayBefore;
      year = await timeReports(hall, store, { from: log.firstDay, to: log.lastDay }, today);
      month = await timeReports(hall, store, { period: 'month', date: log.lastMonth }, today);
    } finally {
      store.close();
    }
    const logMb = fileMb(join(dir, 'antre.sqlite'));
    const reportsMb = fileMb(join(dir, 'reports.sqlite'));

    progress('year: the hub started on the year');
    hub = await startHubChild(hall, dir, 'FULL');
    await sleep(1000);
    let rss = 0;
    for (let i = 0; i < 3; i += 1) {
      await sleep(300);
      rss = Math.max(rss, (await hub.memory()).rss);
    }
    return {
      log,
      rebuildMs: rebuilt.ms,
      rebuildEventsPerSecond: rebuilt.eventsPerSecond,
      readEventsPerSecond,
      visits: rebuilt.visits,
      transactions: rebuilt.transactions,
      year,
      month,
      rssMb: rss / MB,
      logMb,
      reportsMb,
    };
  } finally {
    await hub?.close();
    removeDir(dir);
  }
}

function readLog(dir: string): number {
  const log = new EventStore(join(dir, 'antre.sqlite'), 'NORMAL');
  try {
    const t0 = performance.now();
    let seq = 0;
    let n = 0;
    for (;;) {
      const events = log.storedEventsSince(seq, 50_000);
      const last = events.at(-1);
      if (!last) break;
      n += events.length;
      seq = last.seq;
    }
    return (n / (performance.now() - t0)) * 1000;
  } finally {
    log.close();
  }
}

async function timeReports(
  hall: BenchHall,
  store: SqliteReportStore,
  params: Record<string, string>,
  today: string,
): Promise<ReportTimes> {
  const query = parseReportQuery(params, hall.config, today);
  const byReport: Record<string, number> = {};
  let slowest: ReportId = REPORT_IDS[0];
  for (const id of REPORT_IDS) {
    const ms = await medianOf(() =>
      runReport(id, { store, config: hall.config, query, now: BENCH_NOW }).then(() => undefined),
    );
    byReport[id] = ms;
    if (ms > (byReport[slowest] ?? 0)) slowest = id;
  }
  const range = periodRange(query.period);
  const scan = store.db.prepare(
    'SELECT service_id, COUNT(*) AS n, AVG(wait_s) AS mean, MAX(wait_s) AS max FROM visit_transactions WHERE day BETWEEN ? AND ? GROUP BY service_id',
  );
  const baselineMs = await medianOf(() => {
    scan.all(range.from, range.to);
    return Promise.resolve();
  });
  return { slowestMs: byReport[slowest] ?? 0, slowest, byReport, baselineMs };
}

async function medianOf(run: () => Promise<void>): Promise<number> {
  await run(); // warm: the page cache and statements, as a hub that has served once
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function fileMb(file: string): number {
  try {
    return statSync(file).size / MB;
  } catch {
    return 0;
  }
}
