import { loadavg } from 'node:os';
import { benchHall } from './bench-hall.js';
import { liveProjectionCost } from './live-projection.js';
import { machine } from './report.js';
import { yearReports } from './year-reports.js';

/**
 * `npm run bench:reports`: only the year of reports (rebuild, every report over the year and a month, the hub's
 * RSS on that year), sized by BENCH_YEAR_DAYS and BENCH_YEAR_TICKETS — the full `npm run bench` takes long —
 * and what the live projection costs the durable issue rate.
 * Progress to stderr; the figures, with their baselines from the same run, as one JSON line on stdout.
 */
function progress(message: string): void {
  process.stderr.write(`[bench:reports] ${message}\n`);
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0] ?? 0;
  const m = machine();
  progress(`${m.cpus} × ${m.cpuModel}, node ${m.node}, load ${loadStart.toFixed(2)}`);
  const hall = await benchHall();
  const days = Number(process.env['BENCH_YEAR_DAYS'] ?? 300);
  const perDay = Number(process.env['BENCH_YEAR_TICKETS'] ?? 2500);
  const y = await yearReports(hall, progress, days, perDay);
  progress('issue rate with the projection following live, and without it (alternating)');
  const live = await liveProjectionCost(hall);
  const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
  const summary = {
    days: y.log.days,
    tickets: y.log.tickets,
    events: y.log.events,
    visits: y.visits,
    transactions: y.transactions,
    projection_events_per_s: round(y.rebuildEventsPerSecond),
    projection_baseline_read_events_per_s: round(y.readEventsPerSecond),
    projection_ratio: round(y.rebuildEventsPerSecond / y.readEventsPerSecond, 3),
    report_year_ms: round(y.year.slowestMs, 1),
    report_year_slowest: y.year.slowest,
    report_year_baseline_ms: round(y.year.baselineMs, 1),
    report_year_ratio: round(y.year.slowestMs / y.year.baselineMs, 3),
    report_month_ms: round(y.month.slowestMs, 1),
    report_month_slowest: y.month.slowest,
    report_month_baseline_ms: round(y.month.baselineMs, 1),
    report_month_ratio: round(y.month.slowestMs / y.month.baselineMs, 3),
    rss_year_mb: round(y.rssMb, 1),
    live_projection_issue_per_s: round(live.withPerSecond),
    live_projection_off_issue_per_s: round(live.withoutPerSecond),
    live_projection_slowdown: round(live.slowdown, 3),
    live_projection_main_cpu_us_per_issue: round(live.withMainCpuUs, 1),
    live_projection_off_main_cpu_us_per_issue: round(live.withoutMainCpuUs, 1),
    live_projection_main_cpu_ratio: round(live.withMainCpuUs / live.withoutMainCpuUs, 3),
    live_projection_cpu_us_per_issue: round(live.withCpuUs, 1),
    live_projection_off_cpu_us_per_issue: round(live.withoutCpuUs, 1),
    live_projection_cpu_ratio: round(live.withCpuUs / live.withoutCpuUs, 3),
    log_mb: round(y.logMb, 1),
    reports_mb: round(y.reportsMb, 1),
    year_by_report_ms: Object.fromEntries(Object.entries(y.year.byReport).map(([k, v]) => [k, round(v, 1)])),
    month_by_report_ms: Object.fromEntries(
      Object.entries(y.month.byReport).map(([k, v]) => [k, round(v, 1)]),
    ),
    load_start: round(loadStart, 2),
    load_end: round(loadavg()[0] ?? 0, 2),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((err: unknown) => {
  progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
