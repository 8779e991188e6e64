import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { benchHall, removeDir, tempDir } from './bench-hall.js';
import { fillDay } from './fill-day.js';
import { machine } from './report.js';
import { restartTime } from './restart-time.js';

/**
 * `npm run bench:restart`: only the restart on a big day (BENCH_BIG_DAY_TICKETS, 100,000 by default) from its
 * latest snapshot, against a node process that starts and opens the same store and answers one request (the
 * baseline: what any start on that store costs). BENCH_DAY_DIR keeps the filled day there and reuses it on the
 * next run (to profile a restart with BENCH_CHILD_EXEC_ARGV="--cpu-prof --cpu-prof-dir=…" without refilling).
 * Progress to stderr; one JSON line on stdout.
 */
function progress(message: string): void {
  process.stderr.write(`[bench:restart] ${message}\n`);
}

async function main(): Promise<void> {
  const loadStart = loadavg()[0] ?? 0;
  const m = machine();
  progress(`${m.cpus} × ${m.cpuModel}, node ${m.node}, load ${loadStart.toFixed(2)}`);
  const hall = await benchHall();
  const tickets = Number(process.env['BENCH_BIG_DAY_TICKETS'] ?? 100_000);
  const kept = process.env['BENCH_DAY_DIR'];
  const dir = kept ?? tempDir('restart-day');
  try {
    if (!existsSync(join(dir, 'antre.sqlite'))) {
      progress(`filling a ${tickets}-ticket day`);
      await fillDay(hall, dir, tickets, { arrivalMs: 60, skipCallEvery: 50, snapshotBeforeEnd: 1500 });
    }
    const db = new Database(join(dir, 'antre.sqlite'), { readonly: true });
    const { seq, events } = db
      .prepare('SELECT (SELECT max(seq) FROM day_snapshots) AS seq, (SELECT max(seq) FROM events) AS events')
      .get() as { seq: number | null; events: number };
    db.close();
    progress(`restarting (${events} events, snapshot at ${String(seq)})`);
    const restart = await restartTime(hall, dir, Number(process.env['BENCH_RESTART_RUNS'] ?? 3));
    const round = (x: number) => Math.round(x);
    process.stdout.write(
      `${JSON.stringify({
        events,
        tail_events: seq === null ? events : events - seq,
        restart_ms: round(restart.startMs),
        restart_process_ms: round(restart.processMs),
        runs: restart.runs.map((r) => round(r.startMs)),
        load_start: Math.round(loadStart * 100) / 100,
        load_end: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      })}\n`,
    );
  } finally {
    if (!kept) removeDir(dir);
  }
}

main().catch((err: unknown) => {
  progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
