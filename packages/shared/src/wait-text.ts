// The estimated wait in words, the same on the kiosk, the printed ticket and the phone. The figures are
// wait-estimate.ts's; this says honestly what they mean when no counter of the service is open, since then
// no estimate holds: "Loket belum buka, dibuka pukul 08.00" rather than "Segera dilayani" or "± 0 menit".

import type { NextOpening } from './hall-clock.js';
import { isOpenAt, nextOpening } from './hall-clock.js';
import type { HallLanguage } from './hall-date-text.js';
import { clockText, weekdayName } from './hall-date-text.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';

/** What the wait amounts to, for the visitor. */
export type WaitOutlook =
  /** No counter serving the service is open: no estimate holds. `opens`: when its hours begin again. */
  | { kind: 'counters-closed'; opens?: NextOpening }
  /** Nobody of the service is ahead, and a counter is open. */
  | { kind: 'soon' }
  /** `range`: only when the wait is uncertain enough to say so (`WIDE_RANGE_MINUTES`), rounded to 5 minutes. */
  | { kind: 'minutes'; minutes: number; range?: WaitRange };

/** Likely limits of the wait, minutes: one visitor in five is called sooner than `low`, one later than `high`. */
export interface WaitRange {
  low: number;
  high: number;
}

export interface WaitFigures {
  /** Tickets of the service ahead. */
  ahead: number;
  /** The estimate's minutes (wait-estimate.ts). */
  minutes: number;
  /** The estimate's 20th and 80th percentiles, minutes, when it has them. */
  low?: number | undefined;
  high?: number | undefined;
  /** Counters serving the service that are open now. */
  openCounters: number;
}

/**
 * A visitor plans around a span of ten minutes or more (go for a coffee, come back): below it "± 15 menit"
 * says enough; at or above it the ticket says the span, "± 10–25 menit", and the screen calls it rough.
 */
export const WIDE_RANGE_MINUTES = 10;

/** The outlook from the estimate's figures; `opens` is when closed counters are expected to open. */
export function waitOutlook(figures: WaitFigures, opens?: NextOpening): WaitOutlook {
  if (figures.openCounters === 0)
    return opens ? { kind: 'counters-closed', opens } : { kind: 'counters-closed' };
  if (figures.ahead === 0 || figures.minutes <= 0) return { kind: 'soon' };
  const range = wideRange(figures);
  return range
    ? { kind: 'minutes', minutes: figures.minutes, range }
    : { kind: 'minutes', minutes: figures.minutes };
}

/** The range in five-minute steps around the estimate, when it spans `WIDE_RANGE_MINUTES` or more. */
function wideRange({ minutes, low, high }: WaitFigures): WaitRange | undefined {
  if (low === undefined || high === undefined || high - low < WIDE_RANGE_MINUTES) return undefined;
  const roundedLow = Math.min(Math.floor(low / 5) * 5, Math.floor(minutes / 5) * 5);
  const roundedHigh = Math.max(Math.ceil(high / 5) * 5, Math.ceil(minutes / 5) * 5);
  return { low: roundedLow, high: roundedHigh };
}

/** How sure the estimate is, in words a visitor reads at a glance; nothing when there is no estimate to doubt. */
export function waitCertaintyText(outlook: WaitOutlook, lang: HallLanguage): string | undefined {
  if (outlook.kind !== 'minutes') return undefined;
  if (outlook.range) {
    return lang === 'id' ? 'Perkiraan kasar' : 'A rough estimate';
  }
  return lang === 'id' ? 'Perkiraan cukup tepat' : 'A fairly close estimate';
}

/** Counters serving the service that are open now. */
export function openCountersOf(
  day: DayView | undefined,
  config: Pick<QueueConfig, 'counters'>,
  serviceId: string,
) {
  let open = 0;
  for (const c of config.counters) {
    if (c.serviceIds.includes(serviceId) && day?.counters[c.id]?.status === 'open') open += 1;
  }
  return open;
}

/**
 * When the service's counters are expected to open: the next start of its hours while they are closed
 * (before opening, in the midday break); undefined within its hours, when only staff can say.
 */
export function countersOpening(
  config: Pick<QueueConfig, 'hall' | 'services'>,
  serviceId: string,
  now: number,
): NextOpening | undefined {
  const hours = config.services.find((s) => s.id === serviceId)?.hours ?? config.hall.hours;
  if (isOpenAt(hours, now, config.hall.timeZone)) return undefined;
  return nextOpening(hours, now, config.hall.timeZone);
}

/** The outlook of a service now, from the estimate (`ahead`, `minutes`) and the day's counters. */
export function serviceWaitOutlook(
  day: DayView | undefined,
  config: Pick<QueueConfig, 'hall' | 'services' | 'counters'>,
  serviceId: string,
  estimate: Pick<WaitFigures, 'ahead' | 'minutes' | 'low' | 'high'>,
  now: number,
): WaitOutlook {
  const openCounters = openCountersOf(day, config, serviceId);
  return waitOutlook({ ...estimate, openCounters }, countersOpening(config, serviceId, now));
}

/**
 * "± 25 menit", "± 1 jam 10 menit", "Segera dilayani", "Loket belum buka, dibuka pukul 08.00",
 * "Loket belum buka, dibuka besok pukul 08.00".
 */
export function waitOutlookText(outlook: WaitOutlook, lang: HallLanguage): string {
  switch (outlook.kind) {
    case 'soon':
      return lang === 'id' ? 'Segera dilayani' : 'Served shortly';
    case 'minutes':
      return outlook.range ? rangeText(outlook.range, lang) : minutesText(outlook.minutes, lang);
    case 'counters-closed': {
      const closed = lang === 'id' ? 'Loket belum buka' : 'Counters not open yet';
      const { opens } = outlook;
      if (!opens) return closed;
      const at = clockText(opens.at);
      const when =
        opens.inDays === 0
          ? lang === 'id'
            ? `pukul ${at}`
            : `at ${at}`
          : opens.inDays === 1
            ? lang === 'id'
              ? `besok pukul ${at}`
              : `tomorrow at ${at}`
            : lang === 'id'
              ? `${weekdayName(opens.weekday, lang)} pukul ${at}`
              : `${weekdayName(opens.weekday, lang)} at ${at}`;
      return lang === 'id' ? `${closed}, dibuka ${when}` : `${closed}; they open ${when}`;
    }
  }
}

/** "± 25 menit", "± 1 jam 10 menit" / "± 25 min", "± 1 h 10 min". */
function minutesText(minutes: number, lang: HallLanguage): string {
  if (minutes < 60) return lang === 'id' ? `± ${minutes} menit` : `± ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'id') return m === 0 ? `± ${h} jam` : `± ${h} jam ${m} menit`;
  return m === 0 ? `± ${h} h` : `± ${h} h ${m} min`;
}

/**
 * "± 10–25 menit", "hingga ± 15 menit", "± 1–2 jam", "± 45 menit–1,5 jam" /
 * "± 10–25 min", "up to ± 15 min", "± 1–2 h", "± 45 min–1.5 h".
 */
function rangeText({ low, high }: WaitRange, lang: HallLanguage): string {
  const minute = lang === 'id' ? 'menit' : 'min';
  const hour = lang === 'id' ? 'jam' : 'h';
  const hours = (m: number) => {
    const h = Math.round(m / 30) / 2;
    return lang === 'id' ? String(h).replace('.', ',') : String(h);
  };
  if (low === 0) {
    const upTo = high < 60 ? `${high} ${minute}` : `${hours(high)} ${hour}`;
    return lang === 'id' ? `hingga ± ${upTo}` : `up to ± ${upTo}`;
  }
  if (high < 60) return `± ${low}–${high} ${minute}`;
  if (low >= 60) return `± ${hours(low)}–${hours(high)} ${hour}`;
  return `± ${low} ${minute}–${hours(high)} ${hour}`;
}
