import type { HallTimeZone } from '@antre/shared';
import { hallLocalTime } from '@antre/shared';

const HOUR = 3_600_000;

/** The instant (ms) a hall's wall clock shows `clock` (`HH:MM`) on `date` (`YYYY-MM-DD`). */
export function hallTime(date: string, clock: string, zone: HallTimeZone): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const utcNoon = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, 12, 0);
  // Indonesian zones keep a fixed offset: read it off the shared hall clock rather than repeat the table.
  const offsetHours = hallLocalTime(utcNoon, zone).hour - 12;
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0) - offsetHours * HOUR;
}

/** `HH:MM` of an instant on the hall's wall clock. */
export function clockOf(at: number, zone: HallTimeZone): string {
  const t = hallLocalTime(at, zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}
