import type { LegRow } from './report-rows.js';

/**
 * What the figures mean, in one place, for the hall's hub and the central service alike.
 *
 * - A transaction is *served* when its counter finished it (`TicketFinished`, also by calling the next
 *   visitor). Transferred, no-show, cancelled and expired transactions are not served; a visit is served when
 *   its last transaction is.
 * - *Wait* of a transaction: from joining the queue (issue, transfer or put back) to its first call. A
 *   transaction never called has no wait: it counts in the outcomes, not in the waits.
 * - *Service time*: from the start of service (or the latest call, when staff never pressed start) to the
 *   finish; reported for served transactions.
 * - *Walk time*: from the latest call to the start of service.
 * - *Over target*: longer than the service's target minutes (`targetMinutes` in the hall config), for waits
 *   and service times alike — the one target a hall sets per service, which the live board also holds waits to.
 * - Percentiles: nearest rank on the duration grid of `duration-histogram.ts`; means and maxima are exact to
 *   the second.
 * - *Utilisation* of a counter or staff member: the time a counter held a visitor (each call to the moment
 *   the counter let the visitor go) over the time it was open (paused and closed time excluded).
 * - *Done in one visit*: the visit ended served on the day it began, a no-show who came back included (with
 *   visit plans: every planned leg served on the day).
 */
export function isServed(leg: Pick<LegRow, 'outcome'>): boolean {
  return leg.outcome === 'served';
}

export function overTarget(seconds: number, targetS: number): boolean {
  return targetS > 0 && seconds > targetS;
}

/** A share as a percentage with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Seconds as minutes with one decimal. */
export function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** A mean of seconds as minutes with one decimal. */
export function meanMinutes(sum: number, n: number): number | null {
  return n > 0 ? minutes(sum / n) : null;
}

/** Hours with one decimal. */
export function hours(seconds: number): number {
  return Math.round(seconds / 360) / 10;
}
