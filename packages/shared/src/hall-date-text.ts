// The hall's date and time as people read them: "Senin, 30 November 2026", "09.14 WIB". Always in the hall's
// zone, never the device's: a kiosk, TV or printer set to UTC must still show the hall's wall clock. Pure
// arithmetic on the fixed zone offsets (hall-clock.ts), so no Intl and the same text on every device.

import type { HallLocalTime } from './hall-clock.js';
import { hallLocalTime } from './hall-clock.js';
import type { HallTimeZone, LocalizedText, Weekday } from './hall-config.js';
import { ZONE_ABBREVIATION } from './hall-config.js';

/** The hall's two languages, Indonesian and English, as in `LocalizedText`. */
export type HallLanguage = keyof LocalizedText;

/** The days' names in the hall's two languages. */
export const WEEKDAY_NAMES: Readonly<Record<Weekday, LocalizedText>> = {
  sun: { id: 'Minggu', en: 'Sunday' },
  mon: { id: 'Senin', en: 'Monday' },
  tue: { id: 'Selasa', en: 'Tuesday' },
  wed: { id: 'Rabu', en: 'Wednesday' },
  thu: { id: 'Kamis', en: 'Thursday' },
  fri: { id: 'Jumat', en: 'Friday' },
  sat: { id: 'Sabtu', en: 'Saturday' },
};

/** January first: `MONTH_NAMES[month - 1]` for the 1-based `HallLocalTime.month`. */
const MONTH_NAMES: readonly LocalizedText[] = [
  { id: 'Januari', en: 'January' },
  { id: 'Februari', en: 'February' },
  { id: 'Maret', en: 'March' },
  { id: 'April', en: 'April' },
  { id: 'Mei', en: 'May' },
  { id: 'Juni', en: 'June' },
  { id: 'Juli', en: 'July' },
  { id: 'Agustus', en: 'August' },
  { id: 'September', en: 'September' },
  { id: 'Oktober', en: 'October' },
  { id: 'November', en: 'November' },
  { id: 'Desember', en: 'December' },
];

/** "Senin" / "Monday". */
export function weekdayName(weekday: Weekday, lang: HallLanguage): string {
  return WEEKDAY_NAMES[weekday][lang];
}

/** "Januari" / "January" for month 1 (1-based, as `HallLocalTime.month`). */
export function monthName(month: number, lang: HallLanguage): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`a month is 1 to 12, got ${month}`);
  return name[lang];
}

/** `13:00` (a config clock, `HH:MM`) → `13.00`: Indonesian writes a period between hours and minutes. */
export function clockText(hhmm: string): string {
  return hhmm.replace(':', '.');
}

export interface HallClockText {
  /** "Senin, 30 November 2026" / "Monday, 30 November 2026" */
  date: string;
  /** "09.14": hours and minutes with a period, in either language. */
  time: string;
  /** "WIB", "WITA" or "WIT". */
  zone: string;
}

/** The date, the time and the zone apart, for a clock that sets the zone in its own type. */
export function hallClockText(now: number, zone: HallTimeZone, lang: HallLanguage): HallClockText {
  const t = hallLocalTime(now, zone);
  return { date: dateOf(t, lang), time: timeOf(t), zone: ZONE_ABBREVIATION[zone] };
}

/** "Senin, 30 November 2026" (or "Monday, 30 November 2026") in the hall's zone. */
export function hallDateText(now: number, zone: HallTimeZone, lang: HallLanguage): string {
  return dateOf(hallLocalTime(now, zone), lang);
}

/** "09.14 WIB" in the hall's zone: a period between hours and minutes, then the zone's abbreviation. */
export function hallTimeText(now: number, zone: HallTimeZone): string {
  return `${timeOf(hallLocalTime(now, zone))} ${ZONE_ABBREVIATION[zone]}`;
}

function dateOf(t: HallLocalTime, lang: HallLanguage): string {
  return `${weekdayName(t.weekday, lang)}, ${t.date} ${monthName(t.month, lang)} ${t.year}`;
}

function timeOf(t: HallLocalTime): string {
  return `${pad2(t.hour)}.${pad2(t.minute)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
