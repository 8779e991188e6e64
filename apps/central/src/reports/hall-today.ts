import type pg from 'pg';
import type { HallConfig } from '@antre/shared';
import { hallDay } from '@antre/shared';
import type { HallLog } from '../ingest/log-ingest.js';
import type { HallOverview } from './hall-overview.js';
import { hallOverview } from './hall-overview.js';
import type { HallNow } from './hall-now.js';
import { hallsNow } from './hall-now.js';

/** A hall's today: its overview of the day (in the hall's own time zone) and what is happening now. */
export type HallToday = HallOverview & HallNow & { day: string };

/** The public part of it: figures only, nothing about a person (no ticket, no name, no number). */
export interface PublicHallToday {
  name: string;
  day: string;
  waiting: number;
  served: number;
  longestWaitMin: number | null;
  ikm: number | null;
}

export async function hallsToday(pool: pg.Pool, logs: readonly HallLog[], now: number): Promise<HallToday[]> {
  const byDay = new Map<string, HallLog[]>();
  const days = logs.map((log) => {
    const config = JSON.parse(log.config) as HallConfig;
    const day = hallDay(now, config.hall.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), log]);
    return { hallId: log.hallId, day };
  });
  const lines = new Map<string, HallOverview>();
  for (const [day, group] of byDay) {
    const period = { kind: 'day' as const, from: day, to: day, days: 1 };
    for (const line of await hallOverview(pool, group, period, now)) lines.set(line.hallId, line);
  }
  const nowByHall = await hallsNow(pool, days, now);
  return days.flatMap(({ hallId, day }) => {
    const line = lines.get(hallId);
    const current = nowByHall.get(hallId) ?? { waiting: 0, longestWaitMin: null };
    return line ? [{ ...line, ...current, day }] : [];
  });
}

export function publicToday(lines: readonly HallToday[]): PublicHallToday[] {
  return lines.map((l) => ({
    name: l.name,
    day: l.day,
    waiting: l.waiting,
    served: l.served,
    longestWaitMin: l.longestWaitMin,
    ikm: l.ikm,
  }));
}
