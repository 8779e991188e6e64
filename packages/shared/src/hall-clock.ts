import type { HallTimeZone, Weekday, WeeklyHours } from './hall-config.js';
import { WEEKDAYS } from './hall-config.js';

/**
 * Indonesia keeps no daylight saving time, so each hall zone is a fixed offset from UTC.
 * Fixed arithmetic is exact here and far cheaper than Intl on the hot path of every command.
 */
const OFFSET_MINUTES: Record<HallTimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface HallLocalTime {
  /** `YYYY-MM-DD`: the hall day, which starts at local midnight. */
  day: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  year: number;
  month: number;
  date: number;
  hour: number;
  minute: number;
}

export function hallLocalTime(now: number, zone: HallTimeZone): HallLocalTime {
  const local = new Date(now + OFFSET_MINUTES[zone] * MINUTE);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const date = local.getUTCDate();
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    day: `${year}-${pad2(month)}-${pad2(date)}`,
    weekday: WEEKDAYS[local.getUTCDay()] ?? 'sun',
    minuteOfDay: hour * 60 + minute,
    year,
    month,
    date,
    hour,
    minute,
  };
}

export function hallDay(now: number, zone: HallTimeZone): string {
  return hallLocalTime(now, zone).day;
}

/** The instant (ms) of the next local midnight after `now`: when the hall day closes. */
export function nextHallMidnight(now: number, zone: HallTimeZone): number {
  const offset = OFFSET_MINUTES[zone] * MINUTE;
  return Math.floor((now + offset) / DAY) * DAY + DAY - offset;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function toMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

export function isOpenAt(hours: WeeklyHours, now: number, zone: HallTimeZone): boolean {
  const t = hallLocalTime(now, zone);
  return hours[t.weekday].some(
    ([from, to]) => t.minuteOfDay >= toMinutes(from) && t.minuteOfDay < toMinutes(to),
  );
}

/** Minutes since the period of `hours` that `now` falls in began; undefined when closed now. */
export function minutesSinceOpening(hours: WeeklyHours, now: number, zone: HallTimeZone): number | undefined {
  const t = hallLocalTime(now, zone);
  const period = hours[t.weekday].find(
    ([from, to]) => t.minuteOfDay >= toMinutes(from) && t.minuteOfDay < toMinutes(to),
  );
  return period ? t.minuteOfDay - toMinutes(period[0]) : undefined;
}

export interface NextOpening {
  weekday: Weekday;
  /** `HH:MM` local time. */
  at: string;
  /** 0 = later today, 1 = tomorrow, … */
  inDays: number;
}

/** When the hours next open after `now`, within a week; undefined when they never open. */
export function nextOpening(hours: WeeklyHours, now: number, zone: HallTimeZone): NextOpening | undefined {
  const t = hallLocalTime(now, zone);
  const today = WEEKDAYS.indexOf(t.weekday);
  for (let inDays = 0; inDays <= 7; inDays++) {
    const weekday = WEEKDAYS[(today + inDays) % 7] ?? 'sun';
    const starts = hours[weekday].map(([from]) => from).sort();
    const next = starts.find((from) => inDays > 0 || toMinutes(from) > t.minuteOfDay);
    if (next !== undefined) return { weekday, at: next, inDays };
  }
  return undefined;
}
