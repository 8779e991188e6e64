import { hallDay } from './hall-clock.js';
import type { HolidayConfig, QueueConfig } from './hall-config.js';

/** The holiday `now` falls on in the hall, if any: every service is closed on it. */
export function holidayOn(
  config: Pick<QueueConfig, 'hall' | 'holidays'>,
  now: number,
): HolidayConfig | undefined {
  const holidays = config.holidays;
  if (holidays.length === 0) return undefined;
  const today = hallDay(now, config.hall.timeZone);
  return holidays.find((h) => h.date === today);
}
