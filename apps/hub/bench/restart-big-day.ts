import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchHall } from './bench-hall.js';
import { removeDir, tempDir } from './bench-hall.js';
import type { FilledDay } from './fill-day.js';
import { fillDay } from './fill-day.js';
import type { RestartTime } from './restart-time.js';
import { restartTime } from './restart-time.js';

export interface BigDayRestart {
  day: FilledDay;
  /** From the latest snapshot of the day and the events after it. */
  restart: RestartTime;
  /** The same store without its snapshot: the whole day replayed (the baseline). */
  replay: RestartTime;
  /** Events replayed after the snapshot. */
  tailEvents: number;
}

/**
 * A Jakarta-size day and more (100,000 tickets, about 300,000 events), snapshotted by the hub 1,500 tickets
 * (some 4,500 events) before its end, as after a crash between two snapshots; then restarts on it, and on a
 * copy without the snapshot (a full replay), one after the other on the same machine.
 */
export async function restartBigDay(hall: BenchHall, tickets = 100_000): Promise<BigDayRestart> {
  const dir = tempDir('big-day');
  const bare = tempDir('big-day-replay');
  try {
    // Arrivals 60 ms apart: 100,000 tickets within the services' hours; counters keep up but for one in 50.
    const day = await fillDay(hall, dir, tickets, {
      arrivalMs: 60,
      skipCallEvery: 50,
      snapshotBeforeEnd: 1500,
    });
    const db = new Database(join(dir, 'antre.sqlite'));
    const snapshot = db.prepare('SELECT max(seq) AS seq FROM day_snapshots').get() as {
      seq: number | null;
    };
    db.close();
    if (snapshot.seq === null) throw new Error('the hub took no snapshot of the big day');
    cpSync(dir, bare, { recursive: true });
    const noSnapshot = new Database(join(bare, 'antre.sqlite'));
    noSnapshot.exec('DELETE FROM day_snapshots');
    noSnapshot.close();
    // One run each: a full replay stores a snapshot after the start, which later runs would then read.
    const replay = await restartTime(hall, bare, 1);
    const restart = await restartTime(hall, dir, 3);
    return { day, restart, replay, tailEvents: day.events - snapshot.seq };
  } finally {
    removeDir(dir);
    removeDir(bare);
  }
}
