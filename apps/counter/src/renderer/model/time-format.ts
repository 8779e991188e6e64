import type { HallTimeZone } from '@antre/shared';
import { ZONE_ABBREVIATION, hallLocalTime } from '@antre/shared';
import type { Language } from '@antre/ui';

const DAYS = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
const MONTHS = {
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
const WEEKDAY_INDEX = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "09.14 WIB": Indonesian style, a period between hours and minutes, in the hall's zone. */
export function formatClock(at: number, zone: HallTimeZone): string {
  const t = hallLocalTime(at, zone);
  return `${pad2(t.hour)}.${pad2(t.minute)} ${ZONE_ABBREVIATION[zone]}`;
}

/** "Senin, 30 November 2026" (or the English words), in the hall's zone. */
export function formatDate(at: number, zone: HallTimeZone, lang: Language): string {
  const t = hallLocalTime(at, zone);
  return `${DAYS[lang][WEEKDAY_INDEX[t.weekday]]}, ${t.date} ${MONTHS[lang][t.month - 1]} ${t.year}`;
}

/** A running timer: "0:45", "12:03", "1:02:03". Negative spans (clock skew) read as zero. */
export function formatStopwatch(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** A wait in whole minutes: "< 1 mnt", "14 mnt", "1 j 05 mnt" (English: min, h). */
export function formatMinutes(ms: number, lang: Language): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const [hUnit, mUnit] = lang === 'id' ? ['j', 'mnt'] : ['h', 'min'];
  if (minutes < 1) return `< 1 ${mUnit}`;
  if (minutes < 60) return `${minutes} ${mUnit}`;
  return `${Math.floor(minutes / 60)} ${hUnit} ${pad2(minutes % 60)} ${mUnit}`;
}
