import type { Language } from '@antre/ui';

// The hall's date and clock ("Senin, 30 November 2026", "09.14 WIB") come from @antre/shared
// (hallDateText, hallTimeText); these are the counter's own spans of time.

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
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
