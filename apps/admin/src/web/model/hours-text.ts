import type { WeeklyHours } from '@antre/shared';
import { WEEKDAYS } from '@antre/shared';

/**
 * Opening hours as a person types them, one day per field: `08:00-12:00, 13:00-15:30`; empty is closed.
 * The text is only turned into periods here; whether they are valid is the schema's to say (`hours.mon.0`).
 */
export type HoursText = Record<(typeof WEEKDAYS)[number], string>;

export function hoursToText(hours: WeeklyHours): HoursText {
  const text = {} as HoursText;
  for (const day of WEEKDAYS) text[day] = hours[day].map(([from, to]) => `${from}-${to}`).join(', ');
  return text;
}

/** Periods as typed; a piece without a dash becomes `[piece, ""]`, which the schema refuses at its field. */
export function textToHours(text: HoursText): WeeklyHours {
  const hours = {} as WeeklyHours;
  for (const day of WEEKDAYS) {
    hours[day] = text[day]
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p): [string, string] => {
        const m = /^(\S+?)\s*[-–]\s*(\S+)$/.exec(p);
        return m ? [m[1] ?? '', m[2] ?? ''] : [p, ''];
      });
  }
  return hours;
}

/** The week as an Indonesian hall reads it: Monday first. */
export const WEEK_FROM_MONDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
