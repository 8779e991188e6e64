import type { HallTimeZone } from '@antre/shared';
import { ZONE_ABBREVIATION, hallLocalTime } from '@antre/shared';

const WEEKDAY_NAMES = {
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
} as const;

const MONTH_NAMES = {
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
} as const;

/** "Senin, 30 November 2026" (or "Monday, 30 November 2026") in the hall's zone. */
export function ticketDate(at: number, zone: HallTimeZone, lang: 'id' | 'en'): string {
  const t = hallLocalTime(at, zone);
  return `${WEEKDAY_NAMES[lang][t.weekday]}, ${t.date} ${MONTH_NAMES[lang][t.month - 1] ?? ''} ${t.year}`;
}

/** "09.14 WIB": Indonesian style, a period between hours and minutes, the zone's abbreviation. */
export function ticketTime(at: number, zone: HallTimeZone): string {
  const t = hallLocalTime(at, zone);
  return `${String(t.hour).padStart(2, '0')}.${String(t.minute).padStart(2, '0')} ${ZONE_ABBREVIATION[zone]}`;
}
