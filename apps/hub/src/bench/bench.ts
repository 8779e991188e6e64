import { benchHall, removeDir, tempDir } from './bench-hall.js';
import { callBaseline, callLatency } from './call-latency.js';
import { fillDay } from './fill-day.js';
import { issueBaseline } from './issue-baseline.js';
import { issueLatency } from './issue-latency.js';
import { issueThroughput } from './issue-throughput.js';
import { hubMemory } from './memory.js';
import type { BenchResults } from './report.js';
import { machine, renderReport, summaryJson } from './report.js';
import { restartTime } from './restart-time.js';

/**
 * `npm run bench`: the hub's throughput, latency, restart and memory against their baselines and targets.
 * Progress goes to stderr; the table, then one JSON line (the last line of stdout), to stdout.
 */
const WATCHDOG_MS = 5 * 60_000;

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const watchdog = setTimeout(() => {
    progress(`still running after ${WATCHDOG_MS / 1000} s: giving up`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  const m = machine();
  progress(`${m.cpus} × ${m.cpuModel}, node ${m.node}`);
  const hall = await benchHall();

  progress('sqlite baseline');
  const baselineFull = issueBaseline(hall, 'FULL');
  const baselineNormal = issueBaseline(hall, 'NORMAL');
  progress('issue throughput, FULL');
  const issueFull = await issueThroughput(hall, 'FULL');
  progress('issue throughput, NORMAL');
  const issueNormal = await issueThroughput(hall, 'NORMAL');
  progress('issue latency at 100/s');
  const latency = await issueLatency(hall);
  progress('call latency, hub');
  const call = await callLatency(hall);
  progress('call latency, bare Socket.IO');
  const callBase = await callBaseline(call.payload);

  const dayDir = tempDir('day');
  try {
    progress('filling a 20,000-ticket day');
    const day = await fillDay(hall, dayDir);
    progress('restart');
    const restart = await restartTime(hall, dayDir);
    progress('memory with 500 clients');
    const memory = await hubMemory(hall, dayDir);
    const results: BenchResults = {
      issueFull,
      issueNormal,
      baselineFull,
      baselineNormal,
      issueLatency: latency,
      call,
      callBaseline: callBase,
      day,
      restart,
      memory,
      totalMs: performance.now() - t0,
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
