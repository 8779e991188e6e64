// The hall's clock in Indonesian style: "Senin, 30 November 2026", "09.14 WIB". Always the hall's zone,
// never the browser's: a TV set to UTC must still show the hall's time.

import type { HallTimeZone } from '@antre/shared';
import { ZONE_ABBREVIATION, hallLocalTime } from '@antre/shared';

type Lang = 'id' | 'en';

const DAYS: Record<Lang, Record<string, string>> = {
  id: { sun: 'Minggu', mon: 'Senin', tue: 'Selasa', wed: 'Rabu', thu: 'Kamis', fri: 'Jumat', sat: 'Sabtu' },
  en: {
    sun: 'Sunday',
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
  },
};

const MONTHS: Record<Lang, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

export interface HallClockText {
  /** "Senin, 30 November 2026" */
  date: string;
  /** "09.14": hours and minutes with a period, as Indonesian writes times. */
  time: string;
  /** "WIB", "WITA" or "WIT". */
  zone: string;
}

export function hallClockText(now: number, timeZone: HallTimeZone, lang: Lang): HallClockText {
  const t = hallLocalTime(now, timeZone);
  return {
    date: `${DAYS[lang][t.weekday]}, ${t.date} ${MONTHS[lang][t.month - 1]} ${t.year}`,
    time: `${pad(t.hour)}.${pad(t.minute)}`,
    zone: ZONE_ABBREVIATION[timeZone],
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
