import { loadavg } from 'node:os';
import type { Durability } from '@antre/hub';
import { benchHall, removeDir, tempDir } from './bench-hall.js';
import { callLatency } from './call-latency.js';
import { displayLatency } from './display-latency.js';
import { fillDay } from './fill-day.js';
import { firstPaint } from './first-paint.js';
import { issueBaseline, meanBaseline } from './issue-baseline.js';
import { issueLatency } from './issue-latency.js';
import { issueThroughput } from './issue-throughput.js';
import { hubMemory } from './memory.js';
import type { BenchResults } from './report.js';
import { machine, renderReport, summaryJson } from './report.js';
import { restartBigDay } from './restart-big-day.js';
import { restartTime } from './restart-time.js';
import { shutdownTime } from './shutdown-time.js';
import { yearReports } from './year-reports.js';

/**
 * `npm run bench`: the hub's throughput, latency (to the clients and to a display's screen), restart, memory
 * and shutdown, and a busy hall's year of reports (rebuild, report time, RSS), against their baselines and targets.
 * Progress goes to stderr; the table, then one JSON line (the last line of stdout), to stdout.
 */
// The year of reports alone writes and projects ~3 million events: minutes, more on a shared machine.
const WATCHDOG_MS = 40 * 60_000;

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  const watchdog = setTimeout(() => {
    progress(`still running after ${WATCHDOG_MS / 1000} s: giving up`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  const m = machine();
  progress(`${m.cpus} × ${m.cpuModel}, node ${m.node}`);
  const hall = await benchHall();

  // The hub's windows alternate with baseline runs on the same disk, so that the ratio compares the hub
  // with the disk it had: a shared machine's fsync time drifts by several times within a minute.
  const measureIssue = async (durability: Durability) => {
    progress(`issue throughput, ${durability}: hub windows alternating with the sqlite baseline`);
    const baselines = [issueBaseline(hall, durability, 1000)];
    const hub = await issueThroughput(hall, durability, {
      between: () => baselines.push(issueBaseline(hall, durability, 1000)),
    });
    baselines.push(issueBaseline(hall, durability, 1000));
    return { hub, baseline: meanBaseline(baselines) };
  };
  const full = await measureIssue('FULL');
  const normal = await measureIssue('NORMAL');
  progress('issue latency at 100/s');
  const latency = await issueLatency(hall);
  progress('call latency: hub and bare Socket.IO, alternating; then again with 2,000 status pages open');
  const call = await callLatency(hall);
  const phones = call.phones;
  if (!phones) throw new Error('the call latency ran without its status pages');
  progress(
    'call to display: the built display app in headless Chromium, and a bare broadcast to the same page',
  );
  const display = await displayLatency(hall);
  progress("first contentful paint: the kiosk and the hub's landing page, 5 cold loads each");
  const paint = await firstPaint(hall);

  const dayDir = tempDir('day');
  try {
    progress('filling a 20,000-ticket day');
    const day = await fillDay(hall, dayDir);
    progress('restart');
    const restart = await restartTime(hall, dayDir);
    progress('filling a 100,000-ticket day, then restarting on it');
    const bigDay = await restartBigDay(hall, Number(process.env['BENCH_BIG_DAY_TICKETS'] ?? 100_000));
    progress('memory with 500 clients');
    const memory = await hubMemory(hall, dayDir);
    progress('shutdown: SIGTERM to exit, with clients that ignore the close, and with none');
    const shutdown = await shutdownTime();
    const year = await yearReports(
      hall,
      progress,
      Number(process.env['BENCH_YEAR_DAYS'] ?? 300),
      Number(process.env['BENCH_YEAR_TICKETS'] ?? 2500),
    );
    const results: BenchResults = {
      issueFull: full.hub,
      issueNormal: normal.hub,
      baselineFull: full.baseline,
      baselineNormal: normal.baseline,
      issueLatency: latency,
      call: call.hub,
      callBaseline: call.baseline,
      callPhones: phones,
      display,
      day,
      restart,
      bigDay,
      memory,
      shutdown,
      year,
      totalMs: performance.now() - t0,
      loadStart,
      paint,
    };
    process.stdout.write(`${renderReport(results)}\n\n${JSON.stringify(summaryJson(results))}\n`);
  } finally {
    removeDir(dayDir);
    clearTimeout(watchdog);
  }
}

main().catch((err: unknown) => {
  progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
