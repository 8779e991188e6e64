import type { HallTimeZone, LocalizedText, NextOpening, Weekday, WeeklyHours } from '@antre/shared';
import { ZONE_ABBREVIATION, hallLocalTime } from '@antre/shared';

export type Lang = 'id' | 'en';

const WEEKDAY: Record<Weekday, LocalizedText> = {
  sun: { id: 'Minggu', en: 'Sunday' },
  mon: { id: 'Senin', en: 'Monday' },
  tue: { id: 'Selasa', en: 'Tuesday' },
  wed: { id: 'Rabu', en: 'Wednesday' },
  thu: { id: 'Kamis', en: 'Thursday' },
  fri: { id: 'Jumat', en: 'Friday' },
  sat: { id: 'Sabtu', en: 'Saturday' },
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

/** "Senin, 30 November 2026" in the hall's zone. */
export function hallDateText(now: number, zone: HallTimeZone, lang: Lang): string {
  const t = hallLocalTime(now, zone);
  return `${WEEKDAY[t.weekday][lang]}, ${t.date} ${MONTHS[lang][t.month - 1] ?? ''} ${t.year}`;
}

/** "09.14" in the hall's zone; with `zone` "09.14 WIB". */
export function hallTimeText(now: number, zone: HallTimeZone, withZone = true): string {
  const t = hallLocalTime(now, zone);
  const hhmm = `${String(t.hour).padStart(2, '0')}.${String(t.minute).padStart(2, '0')}`;
  return withZone ? `${hhmm} ${ZONE_ABBREVIATION[zone]}` : hhmm;
}

/** `13:00` → `13.00`, the Indonesian way. */
export function clockText(hhmm: string): string {
  return hhmm.replace(':', '.');
}

/** "08.00–12.00, 13.00–15.30": the day's opening periods. */
export function periodsText(periods: ReadonlyArray<readonly [string, string]>): string {
  return periods.map(([from, to]) => `${clockText(from)}–${clockText(to)}`).join(', ');
}

/** The service's hours on the hall's current weekday; empty when it does not open today. */
export function hoursToday(
  hours: WeeklyHours,
  now: number,
  zone: HallTimeZone,
): ReadonlyArray<readonly [string, string]> {
  return hours[hallLocalTime(now, zone).weekday];
}

/** When a closed service opens again, as a visitor reads it. */
export function opensText(opens: NextOpening | undefined, lang: Lang): string {
  if (!opens) return lang === 'id' ? 'Tidak melayani dalam minggu ini' : 'Not open this week';
  const at = clockText(opens.at);
  if (opens.inDays === 0) return lang === 'id' ? `Buka kembali pukul ${at}` : `Opens again at ${at}`;
  const day = WEEKDAY[opens.weekday][lang];
  if (opens.inDays === 1)
    return lang === 'id' ? `Buka besok, ${day} pukul ${at}` : `Opens tomorrow, ${day} at ${at}`;
  return lang === 'id' ? `Buka ${day} pukul ${at}` : `Opens ${day} at ${at}`;
}

/** Short, for a tile: "buka 13.00", "buka besok 08.00", "buka Senin 08.00". */
export function opensShortText(opens: NextOpening | undefined, lang: Lang): string | undefined {
  if (!opens) return undefined;
  const at = clockText(opens.at);
  if (opens.inDays === 0) return lang === 'id' ? `buka ${at}` : `opens ${at}`;
  if (opens.inDays === 1) return lang === 'id' ? `buka besok ${at}` : `opens tomorrow ${at}`;
  return lang === 'id'
    ? `buka ${WEEKDAY[opens.weekday].id} ${at}`
    : `opens ${WEEKDAY[opens.weekday].en} ${at}`;
}

/** "± 25 menit", "± 1 jam 10 menit"; "Segera dilayani" when nobody is ahead. */
export function waitText(ahead: number, minutes: number, lang: Lang): string {
  if (ahead === 0 || minutes <= 0) return lang === 'id' ? 'Segera dilayani' : 'Served shortly';
  if (minutes < 60) return lang === 'id' ? `± ${minutes} menit` : `± ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'id') return m === 0 ? `± ${h} jam` : `± ${h} jam ${m} menit`;
  return m === 0 ? `± ${h} h` : `± ${h} h ${m} min`;
}
