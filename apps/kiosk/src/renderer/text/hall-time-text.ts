// What a visitor reads about hours and waits. The hall's date and clock ("Senin, 30 November 2026",
// "09.14 WIB") are hallDateText and hallTimeText from @antre/shared.

import type { HallLanguage, HallTimeZone, NextOpening, WeeklyHours } from '@antre/shared';
import { clockText, hallLocalTime, weekdayName } from '@antre/shared';

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
export function opensText(opens: NextOpening | undefined, lang: HallLanguage): string {
  if (!opens) return lang === 'id' ? 'Tidak melayani dalam minggu ini' : 'Not open this week';
  const at = clockText(opens.at);
  if (opens.inDays === 0) return lang === 'id' ? `Buka kembali pukul ${at}` : `Opens again at ${at}`;
  const day = weekdayName(opens.weekday, lang);
  if (opens.inDays === 1)
    return lang === 'id' ? `Buka besok, ${day} pukul ${at}` : `Opens tomorrow, ${day} at ${at}`;
  return lang === 'id' ? `Buka ${day} pukul ${at}` : `Opens ${day} at ${at}`;
}

/** Short, for a tile: "buka 13.00", "buka besok 08.00", "buka Senin 08.00". */
export function opensShortText(opens: NextOpening | undefined, lang: HallLanguage): string | undefined {
  if (!opens) return undefined;
  const at = clockText(opens.at);
  if (opens.inDays === 0) return lang === 'id' ? `buka ${at}` : `opens ${at}`;
  if (opens.inDays === 1) return lang === 'id' ? `buka besok ${at}` : `opens tomorrow ${at}`;
  const day = weekdayName(opens.weekday, lang);
  return lang === 'id' ? `buka ${day} ${at}` : `opens ${day} ${at}`;
}

/** "± 25 menit", "± 1 jam 10 menit"; "Segera dilayani" when nobody is ahead. */
export function waitText(ahead: number, minutes: number, lang: HallLanguage): string {
  if (ahead === 0 || minutes <= 0) return lang === 'id' ? 'Segera dilayani' : 'Served shortly';
  if (minutes < 60) return lang === 'id' ? `± ${minutes} menit` : `± ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'id') return m === 0 ? `± ${h} jam` : `± ${h} jam ${m} menit`;
  return m === 0 ? `± ${h} h` : `± ${h} h ${m} min`;
}
