import { readFileSync } from 'node:fs';
import type { HallConfig } from '@antre/shared';
import type { Durability, Hub, RateLimits } from '@antre/hub';
import { createLogger, startHub } from '@antre/hub';

/**
 * Child entry: one hub in its own process, so that the bench measures the hub's own CPU and RSS.
 * Told what to start over IPC; reports `ready` (with the time startHub + /api/health took), answers
 * `memory`, and stops on `close` or when the bench goes away.
 */
interface StartMessage {
  type: 'start';
  config: HallConfig;
  dataDir: string;
  durability: Durability;
  rateLimits: RateLimits;
  /** The hall time the hub's clock stands at (Monday 09:00 WIB): fixed, as the harness's TestClock. */
  now: number;
  /** False: the reports projection is not fed (the baseline that measures what following live costs). */
  liveReports?: boolean;
}

let hub: Hub | undefined;

async function start(m: StartMessage): Promise<void> {
  const t0 = performance.now();
  hub = await startHub({
    config: m.config,
    dataDir: m.dataDir,
    host: '127.0.0.1',
    port: 0,
    durability: m.durability,
    demoMode: true,
    logger: createLogger('silent'),
    // The hub's own modules only: the test harness would load the browser driver into the measured RSS.
    now: () => m.now,
    rateLimits: m.rateLimits,
  });
  if (m.liveReports === false) hub.reports.push = () => undefined;
  const health = await fetch(`${hub.url}/api/health`);
  await health.arrayBuffer();
  if (!health.ok) throw new Error(`/api/health answered ${health.status}`);
  process.send?.({ type: 'ready', url: hub.url, startMs: performance.now() - t0 });
}

async function stop(): Promise<void> {
  await hub?.close();
  hub = undefined;
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'start') {
    start(m as StartMessage).catch((err: unknown) => {
      process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    });
  } else if (m.type === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed });
  } else if (m.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'cpu', mainMs: mainThreadCpuMs(), totalMs: (user + system) / 1000 });
  } else if (m.type === 'close') {
    void stop().finally(() => {
      process.send?.({ type: 'closed' });
      process.disconnect();
    });
  }
});

/**
 * CPU time of this process's main thread alone (the hub's event loop, not its worker threads), in ms: utime and
 * stime of its task in /proc, in clock ticks of 10 ms. NaN where there is no /proc.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses: state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

// The bench died or went away: do not linger.
process.on('disconnect', () => {
  void stop().finally(() => process.exit(0));
});

process.send?.({ type: 'listening' });
