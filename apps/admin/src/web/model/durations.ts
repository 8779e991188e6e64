/** Whole minutes of a duration, rounded down: "12" for 12 min 59 s. */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}
