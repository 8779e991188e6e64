// What a visitor reads about hours. The wait in words is waitOutlookText, the hall's date and clock
// ("Senin, 30 November 2026", "09.14 WIB") hallDateText and hallTimeText, all from @antre/shared.

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
