import { cpus, loadavg, totalmem } from 'node:os';
import type { BroadcastLatency, PhonesLatency } from './call-latency.js';
import type { DisplayLatency } from './display-latency.js';
import type { FilledDay } from './fill-day.js';
import type { FirstPaint } from './first-paint.js';
import type { IssueBaseline } from './issue-baseline.js';
import type { IssueLatency } from './issue-latency.js';
import type { IssueThroughput } from './issue-throughput.js';
import type { HubMemory } from './memory.js';
import type { BigDayRestart } from './restart-big-day.js';
import type { RestartTime } from './restart-time.js';
import type { ShutdownTime } from './shutdown-time.js';
import type { Summary } from './stats.js';
import type { YearReports } from './year-reports.js';
import { round } from './stats.js';

export interface BenchResults {
  issueFull: IssueThroughput;
  issueNormal: IssueThroughput;
  baselineFull: IssueBaseline;
  baselineNormal: IssueBaseline;
  issueLatency: IssueLatency;
  call: BroadcastLatency;
  callBaseline: BroadcastLatency;
  /** The calls again with 2,000 status pages open. */
  callPhones: PhonesLatency;
  display: DisplayLatency;
  day: FilledDay;
  restart: RestartTime;
  /** Restart on a 100,000-ticket day (its latest snapshot and the events after it). */
  bigDay: BigDayRestart;
  memory: HubMemory;
  shutdown: ShutdownTime;
  year: YearReports;
  totalMs: number;
  /** 1-minute load average when the bench started: how shared the machine was. */
  loadStart: number;
  /** Kiosk first contentful paint, and a static page's from the same hub. */
  paint: FirstPaint;
}

const TARGETS = {
  issuePerSecond: 1000,
  issueVsBaseline: 0.5,
  callVsBaseline: 1.5,
  restartMs: 1000,
  issueVsBaselineGoal: 1.5,
  callPhonesVsBaseline: 1.5,
  rssMb: 150,
  shutdownMs: 2000,
  projectionPerSecond: 100_000,
  reportYearMs: 500,
  reportMonthMs: 50,
  rssYearMb: 200,
  kioskFcpMs: 500,
};

export function machine(): { cpus: number; cpuModel: string; node: string; platform: string; memGb: number } {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    memGb: round(totalmem() / 1024 ** 3, 1),
  };
}

/** The bench's one JSON line: the required keys first, then extras. */
export function summaryJson(r: BenchResults): Record<string, number | string> {
  const m = machine();
  return {
    issue_per_s: round(r.issueFull.perSecond),
    issue_baseline_per_s: round(r.baselineFull.perSecond),
    issue_p99_ms: round(r.issueLatency.ackMs.p99),
    call_p99_ms: round(r.call.lastMs.p99),
    call_baseline_p99_ms: round(r.callBaseline.lastMs.p99),
    call_p99_phones_ms: round(r.callPhones.lastMs.p99),
    restart_100k_ms: round(r.bigDay.restart.startMs),
    restart_ms: round(r.restart.startMs),
    rss_mb: round(r.memory.rssMb, 1),
    issue_normal_per_s: round(r.issueNormal.perSecond),
    issue_normal_baseline_per_s: round(r.baselineNormal.perSecond),
    issue_ratio: round(r.issueFull.perSecond / r.baselineFull.perSecond, 3),
    call_ratio: round(r.call.lastMs.p99 / r.callBaseline.lastMs.p99, 3),
    call_phones_ratio: round(r.callPhones.lastMs.p99 / r.callBaseline.lastMs.p99, 3),
    call_phones_baseline_p99_ms: round(r.callPhones.baselineMs.p99),
    rss_phones_mb: round(r.callPhones.rssMb, 1),
    restart_100k_process_ms: round(r.bigDay.restart.processMs),
    restart_100k_replay_ms: round(r.bigDay.replay.startMs),
    restart_100k_tail_events: r.bigDay.tailEvents,
    call_p50_ms: round(r.call.lastMs.p50),
    call_baseline_p50_ms: round(r.callBaseline.lastMs.p50),
    display_call_p50_ms: round(r.display.hubMs.p50),
    display_call_p99_ms: round(r.display.hubMs.p99),
    display_call_baseline_p50_ms: round(r.display.baselineMs.p50),
    display_call_baseline_p99_ms: round(r.display.baselineMs.p99),
    restart_process_ms: round(r.restart.processMs),
    rss_idle_mb: round(r.memory.idleRssMb, 1),
    shutdown_ms: round(r.shutdown.ms),
    shutdown_baseline_ms: round(r.shutdown.baselineMs),
    projection_events_per_s: round(r.year.rebuildEventsPerSecond),
    projection_baseline_read_events_per_s: round(r.year.readEventsPerSecond),
    report_year_ms: round(r.year.year.slowestMs),
    report_year_baseline_ms: round(r.year.year.baselineMs),
    report_month_ms: round(r.year.month.slowestMs),
    report_month_baseline_ms: round(r.year.month.baselineMs),
    rss_year_mb: round(r.year.rssMb, 1),
    cpus: m.cpus,
    node: m.node,
    load_1m: round(loadavg()[0] ?? 0),
    kiosk_fcp_ms: round(r.paint.kioskMs),
    blank_fcp_ms: round(r.paint.blankMs),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

const n = (v: number, digits = 2) => String(round(v, digits));
const times = (byReport: Record<string, number>) =>
  Object.entries(byReport)
    .map(([id, ms]) => `${id} ${n(ms)}`)
    .join(' · ');
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
const lat = (s: Summary) =>
  `p50 ${n(s.p50)} · p90 ${n(s.p90)} · p99 ${n(s.p99)} · max ${n(s.max)} ms (n=${s.n})`;

export function renderReport(r: BenchResults): string {
  const m = machine();
  const issueRatio = r.issueFull.perSecond / r.baselineFull.perSecond;
  const normalRatio = r.issueNormal.perSecond / r.baselineNormal.perSecond;
  const callRatio = r.call.lastMs.p99 / r.callBaseline.lastMs.p99;
  const main = table([
    ['metric', 'hub', 'baseline', 'hub/baseline', 'target', 'met'],
    [
      'issue_per_s (FULL, 8 kiosks × 4 in flight)',
      n(r.issueFull.perSecond),
      n(r.baselineFull.perSecond),
      n(issueRatio, 3),
      `≥ ${TARGETS.issuePerSecond} and ≥ ${TARGETS.issueVsBaseline}× baseline (goal ${TARGETS.issueVsBaselineGoal}×)`,
      yes(r.issueFull.perSecond >= TARGETS.issuePerSecond && issueRatio >= TARGETS.issueVsBaseline),
    ],
    [
      'issue_per_s (NORMAL, for comparison)',
      n(r.issueNormal.perSecond),
      n(r.baselineNormal.perSecond),
      n(normalRatio, 3),
      '-',
      '-',
    ],
    [
      `issue_p99_ms (open loop ${r.issueLatency.ratePerSecond}/s, FULL)`,
      n(r.issueLatency.ackMs.p99),
      '-',
      '-',
      '-',
      '-',
    ],
    [
      `call_p99_ms (callNext → all ${r.call.listeners} clients)`,
      n(r.call.lastMs.p99),
      n(r.callBaseline.lastMs.p99),
      n(callRatio, 3),
      `≤ ${TARGETS.callVsBaseline}× baseline`,
      yes(callRatio <= TARGETS.callVsBaseline),
    ],
    [
      `display_call_p50_ms (callNext → number in the display's DOM)`,
      n(r.display.hubMs.p50),
      n(r.display.baselineMs.p50),
      n(r.display.hubMs.p50 / r.display.baselineMs.p50, 3),
      '-',
      '-',
    ],
    [
      `call_p99_phones_ms (the same, with ${r.callPhones.phones} status pages open)`,
      n(r.callPhones.lastMs.p99),
      n(r.callBaseline.lastMs.p99),
      n(r.callPhones.lastMs.p99 / r.callBaseline.lastMs.p99, 3),
      `≤ ${TARGETS.callPhonesVsBaseline}× baseline`,
      yes(r.callPhones.lastMs.p99 <= TARGETS.callPhonesVsBaseline * r.callBaseline.lastMs.p99),
    ],
    [
      'display_call_p99_ms',
      n(r.display.hubMs.p99),
      n(r.display.baselineMs.p99),
      n(r.display.hubMs.p99 / r.display.baselineMs.p99, 3),
      '-',
      '-',
    ],
    [
      `restart_ms (${r.day.tickets} tickets, ${r.day.events} events)`,
      n(r.restart.startMs),
      '-',
      '-',
      `≤ ${TARGETS.restartMs}`,
      yes(r.restart.startMs <= TARGETS.restartMs),
    ],
    [
      `restart_100k_ms (${r.bigDay.day.tickets} tickets, ${r.bigDay.day.events} events; snapshot + ${r.bigDay.tailEvents} events; baseline: full replay)`,
      n(r.bigDay.restart.startMs),
      n(r.bigDay.replay.startMs),
      n(r.bigDay.restart.startMs / r.bigDay.replay.startMs, 3),
      `≤ ${TARGETS.restartMs}`,
      yes(r.bigDay.restart.startMs <= TARGETS.restartMs),
    ],
    [
      `rss_mb (${r.memory.clients} clients, ${r.day.tickets} tickets)`,
      n(r.memory.rssMb, 1),
      '-',
      '-',
      `≤ ${TARGETS.rssMb}`,
      yes(r.memory.rssMb <= TARGETS.rssMb),
    ],
    [
      `shutdown_ms (SIGTERM → exit; ${r.shutdown.clients} clients, ${r.shutdown.stubborn} ignoring the close)`,
      n(r.shutdown.ms),
      n(r.shutdown.baselineMs),
      n(r.shutdown.ms / r.shutdown.baselineMs, 3),
      `≤ ${TARGETS.shutdownMs}`,
      yes(r.shutdown.ms <= TARGETS.shutdownMs),
    ],
    [
      `projection_events_per_s (rebuild, ${r.year.log.events} events; baseline: the log read alone)`,
      n(r.year.rebuildEventsPerSecond),
      n(r.year.readEventsPerSecond),
      n(r.year.rebuildEventsPerSecond / r.year.readEventsPerSecond, 3),
      `≥ ${TARGETS.projectionPerSecond}`,
      yes(r.year.rebuildEventsPerSecond >= TARGETS.projectionPerSecond),
    ],
    [
      `report_year_ms (slowest report: ${r.year.year.slowest}; baseline: one SQL scan of the rows)`,
      n(r.year.year.slowestMs),
      n(r.year.year.baselineMs),
      n(r.year.year.slowestMs / r.year.year.baselineMs, 3),
      `≤ ${TARGETS.reportYearMs}`,
      yes(r.year.year.slowestMs <= TARGETS.reportYearMs),
    ],
    [
      `report_month_ms (slowest report: ${r.year.month.slowest})`,
      n(r.year.month.slowestMs),
      n(r.year.month.baselineMs),
      n(r.year.month.slowestMs / r.year.month.baselineMs, 3),
      `≤ ${TARGETS.reportMonthMs}`,
      yes(r.year.month.slowestMs <= TARGETS.reportMonthMs),
    ],
    [
      `rss_year_mb (the hub started on the year's data; baseline: idle with one day)`,
      n(r.year.rssMb, 1),
      n(r.memory.idleRssMb, 1),
      n(r.year.rssMb / r.memory.idleRssMb, 3),
      `≤ ${TARGETS.rssYearMb}`,
      yes(r.year.rssMb <= TARGETS.rssYearMb),
    ],
    [
      `kiosk_fcp_ms (median of ${r.paint.kioskRuns.length} cold loads, headless Chromium; baseline: the hub's static landing page)`,
      n(r.paint.kioskMs),
      n(r.paint.blankMs),
      n(r.paint.kioskMs / r.paint.blankMs, 3),
      `≤ ${TARGETS.kioskFcpMs}`,
      yes(r.paint.kioskMs <= TARGETS.kioskFcpMs),
    ],
  ]);
  const details = [
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memGb} GB, ${m.platform}, node ${m.node}`,
    'setup: demo hall, TestClock fixed at Monday 30 Nov 2026 09:00 WIB, demo mode, rate limits raised out of the way',
    '       (issue and message buckets 1e9: under a fixed clock they never refill); hubs and the bare server run in',
    '       child processes, the clients in the bench process; 127.0.0.1 only',
    `issue FULL:   ${r.issueFull.issued} issued, ${r.issueFull.refused} refused; ack ${lat(r.issueFull.ackMs)}`,
    `issue NORMAL: ${r.issueNormal.issued} issued, ${r.issueNormal.refused} refused; ack ${lat(r.issueNormal.ackMs)}`,
    `issue FULL windows:   ${r.issueFull.rounds.map((x) => n(x)).join(' / ')} issues/s`,
    `issue NORMAL windows: ${r.issueNormal.rounds.map((x) => n(x)).join(' / ')} issues/s`,
    `sqlite baseline: one ${r.baselineFull.payloadBytes}-byte TicketIssued row per transaction, WAL, 1 s runs around` +
      ` and between the hub's windows: FULL ${r.baselineFull.runs.map((x) => n(x)).join(' / ')},` +
      ` NORMAL ${r.baselineNormal.runs.map((x) => n(x)).join(' / ')} rows/s`,
    `issue at ${r.issueLatency.ratePerSecond}/s: ack ${lat(r.issueLatency.ackMs)}; refused ${r.issueLatency.refused},` +
      ` unanswered ${r.issueLatency.unanswered}, max send lag ${n(r.issueLatency.maxSendLagMs)} ms`,
    `call, hub (last client):       ${lat(r.call.lastMs)}`,
    `call, hub (first client):      ${lat(r.call.firstMs)}`,
    `call, baseline (last client):  ${lat(r.callBaseline.lastMs)}`,
    `call, baseline (first client): ${lat(r.callBaseline.firstMs)}`,
    `call with ${r.callPhones.phones} status pages: ${lat(r.callPhones.lastMs)}; bare broadcast meanwhile` +
      ` ${lat(r.callPhones.baselineMs)}; the pages received ${r.callPhones.phoneMessages} updates; hub RSS` +
      ` ${n(r.callPhones.rssMb, 1)} MB with them, ${n(r.callPhones.rssWithoutMb, 1)} MB before`,
    `call payload: ${r.call.payloadBytes} bytes (hub), ${r.callBaseline.payloadBytes} bytes (baseline)`,
    `call to display, hub:      ${lat(r.display.hubMs)} (the built display app, headless Chromium, sound off)`,
    `call to display, baseline: ${lat(r.display.baselineMs)} (bare Socket.IO broadcast written to the same page's DOM)`,
    `day: ${r.day.tickets} tickets (${r.day.done} done, ${r.day.noShow} no-show, ${r.day.waiting} waiting),` +
      ` ${r.day.events} events, filled in ${n(r.day.fillMs / 1000)} s`,
    `restart runs: ${r.restart.runs.map((x) => `${n(x.startMs)} ms (process ${n(x.processMs)} ms)`).join(', ')}`,
    `100k day: ${r.bigDay.day.tickets} tickets, ${r.bigDay.day.events} events, filled in` +
      ` ${n(r.bigDay.day.fillMs / 1000)} s; restart runs: ${r.bigDay.restart.runs.map((x) => `${n(x.startMs)} ms (process ${n(x.processMs)} ms)`).join(', ')}`,
    `shutdown runs: ${r.shutdown.runs.map((x) => n(x)).join(' / ')} ms; baseline (no client, the built hub alone):` +
      ` ${r.shutdown.baselineRuns.map((x) => n(x)).join(' / ')} ms`,
    `memory: idle ${n(r.memory.idleRssMb, 1)} MB RSS, with clients ${n(r.memory.rssMb, 1)} MB RSS, heap used ${n(r.memory.heapUsedMb, 1)} MB`,
    `year: ${r.year.log.days} service days × ${n(r.year.log.tickets / r.year.log.days, 0)} tickets (${r.year.log.firstDay}..${r.year.log.lastDay}),` +
      ` ${r.year.log.events} events written in ${n(r.year.log.ms / 1000, 1)} s; log ${n(r.year.logMb, 0)} MB,` +
      ` reports ${n(r.year.reportsMb, 0)} MB; ${r.year.visits} visits, ${r.year.transactions} transactions;` +
      ` rebuild ${n(r.year.rebuildMs / 1000, 1)} s`,
    `reports over the year (median of 5, ms): ${times(r.year.year.byReport)}`,
    `reports over ${r.year.log.lastMonth} (median of 5, ms): ${times(r.year.month.byReport)}`,
    `first paint runs: kiosk ${r.paint.kioskRuns.map((x) => n(x)).join(' / ')} ms; landing page` +
      ` ${r.paint.blankRuns.map((x) => n(x)).join(' / ')} ms`,
    `total bench time ${n(r.totalMs / 1000, 1)} s; 1-min load average ${n(r.loadStart)} at the start,` +
      ` ${n(loadavg()[0] ?? 0)} at the end (${m.cpus} cpus)`,
  ];
  return `${main}\n\n${details.join('\n')}`;
}
