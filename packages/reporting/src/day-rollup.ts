import type { Histogram } from './duration-histogram.js';
import { bucketOf, emptyHistogram } from './duration-histogram.js';
import type { LegRow, VisitRow } from './report-rows.js';
import { isServed, overTarget } from './figure-rules.js';

/** The ways a leg's figures are kept apart in a day's rollup, beside its service. */
export const LEG_DIMENSIONS = ['all', 'counter', 'staff', 'priority', 'origin'] as const;
export type LegDimension = (typeof LEG_DIMENSIONS)[number];
export const VISIT_DIMENSIONS = ['all', 'priority', 'origin'] as const;
export type VisitDimension = (typeof VISIT_DIMENSIONS)[number];

/** One day's transactions of one service, for one value of one dimension ('' for all, or for none). */
export interface LegStat {
  day: number;
  serviceId: string;
  dim: LegDimension;
  value: string;
  legs: number;
  served: number;
  noShow: number;
  transferred: number;
  cancelled: number;
  expired: number;
  waitN: number;
  waitSum: number;
  waitMax: number;
  waitOver: number;
  serviceN: number;
  serviceSum: number;
  serviceMax: number;
  serviceOver: number;
  walkN: number;
  walkSum: number;
  busySum: number;
  recalls: number;
  waitHist: Histogram;
  serviceHist: Histogram;
}

/** One day's visits issued for one service, for one value of one dimension. */
export interface VisitStat {
  day: number;
  serviceId: string;
  dim: VisitDimension;
  value: string;
  visits: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  waitN: number;
  waitSum: number;
  hallN: number;
  hallSum: number;
  hallMax: number;
  multiLeg: number;
  multiLegDone: number;
  doneInOne: number;
  planned: number;
  plannedDone: number;
  transfers: number;
  recalls: number;
  hallHist: Histogram;
}

/** One day's arrivals and queue movements of one service in one quarter hour of the hall day (0–96). */
export interface SlotStat {
  day: number;
  serviceId: string;
  slot: number;
  arrivals: number;
  arrivalWaitN: number;
  arrivalWaitSum: number;
  /** Legs that began to wait, and that stopped waiting (called or ended), in the slot. */
  queueIn: number;
  queueOut: number;
}

export interface DayRollup {
  legStats: LegStat[];
  visitStats: VisitStat[];
  slotStats: SlotStat[];
}

export function emptyLegStat(day: number, serviceId: string, dim: LegDimension, value: string): LegStat {
  return {
    day,
    serviceId,
    dim,
    value,
    legs: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    cancelled: 0,
    expired: 0,
    waitN: 0,
    waitSum: 0,
    waitMax: 0,
    waitOver: 0,
    serviceN: 0,
    serviceSum: 0,
    serviceMax: 0,
    serviceOver: 0,
    walkN: 0,
    walkSum: 0,
    busySum: 0,
    recalls: 0,
    waitHist: emptyHistogram(),
    serviceHist: emptyHistogram(),
  };
}

export function emptyVisitStat(
  day: number,
  serviceId: string,
  dim: VisitDimension,
  value: string,
): VisitStat {
  return {
    day,
    serviceId,
    dim,
    value,
    visits: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    expired: 0,
    waitN: 0,
    waitSum: 0,
    hallN: 0,
    hallSum: 0,
    hallMax: 0,
    multiLeg: 0,
    multiLegDone: 0,
    doneInOne: 0,
    planned: 0,
    plannedDone: 0,
    transfers: 0,
    recalls: 0,
    hallHist: emptyHistogram(),
  };
}

/** Adds one leg's figures to a stat. What counts (served, over target) is `figure-rules.ts`'s. */
export function addLeg(s: LegStat, leg: LegRow): void {
  s.legs += 1;
  if (leg.outcome === 'served') s.served += 1;
  else if (leg.outcome === 'no_show') s.noShow += 1;
  else if (leg.outcome === 'transferred') s.transferred += 1;
  else if (leg.outcome === 'cancelled') s.cancelled += 1;
  else if (leg.outcome === 'expired') s.expired += 1;
  if (leg.waitS !== null) {
    s.waitN += 1;
    s.waitSum += leg.waitS;
    s.waitMax = Math.max(s.waitMax, leg.waitS);
    if (overTarget(leg.waitS, leg.targetS)) s.waitOver += 1;
    const b = bucketOf(leg.waitS);
    s.waitHist[b] = (s.waitHist[b] ?? 0) + 1;
  }
  if (isServed(leg) && leg.serviceS !== null) {
    s.serviceN += 1;
    s.serviceSum += leg.serviceS;
    s.serviceMax = Math.max(s.serviceMax, leg.serviceS);
    if (overTarget(leg.serviceS, leg.targetS)) s.serviceOver += 1;
    const b = bucketOf(leg.serviceS);
    s.serviceHist[b] = (s.serviceHist[b] ?? 0) + 1;
  }
  if (leg.walkS !== null) {
    s.walkN += 1;
    s.walkSum += leg.walkS;
  }
  s.busySum += leg.busyS;
  s.recalls += leg.recalls;
}

export function addVisit(s: VisitStat, v: VisitRow): void {
  s.visits += 1;
  if (v.outcome === 'served') s.served += 1;
  else if (v.outcome === 'no_show') s.noShow += 1;
  else if (v.outcome === 'cancelled') s.cancelled += 1;
  else if (v.outcome === 'expired') s.expired += 1;
  if (v.waitS !== null) {
    s.waitN += 1;
    s.waitSum += v.waitS;
  }
  if (v.hallS !== null) {
    s.hallN += 1;
    s.hallSum += v.hallS;
    s.hallMax = Math.max(s.hallMax, v.hallS);
    const b = bucketOf(v.hallS);
    s.hallHist[b] = (s.hallHist[b] ?? 0) + 1;
  }
  const multi = v.legs > 1 || (v.plannedLegs ?? 0) > 1;
  if (multi) s.multiLeg += 1;
  if (v.doneInOne === true) {
    s.doneInOne += 1;
    if (multi) s.multiLegDone += 1;
  }
  if (v.plannedLegs !== null) {
    s.planned += 1;
    if (v.doneInOne === true) s.plannedDone += 1;
  }
  s.transfers += v.transfers;
  s.recalls += v.recalls;
}

function legValue(leg: LegRow, dim: LegDimension): string {
  switch (dim) {
    case 'all':
      return '';
    case 'counter':
      return leg.counterId ?? '';
    case 'staff':
      return leg.staff ?? '';
    case 'priority':
      return leg.priority;
    case 'origin':
      return leg.origin;
  }
}

function visitValue(v: VisitRow, dim: VisitDimension): string {
  return dim === 'all' ? '' : dim === 'priority' ? v.priority : v.origin;
}

/**
 * A day's (or any set of rows') rollup: legs per service × dimension value, visits per service × dimension
 * value, and arrivals and queue movements per service × quarter hour. What the store keeps for a closed day,
 * and what reports compute on the fly from the rows of a day still open.
 */
export function rollupRows(
  legs: Iterable<LegRow>,
  visits: Iterable<VisitRow>,
  dims: readonly LegDimension[] = LEG_DIMENSIONS,
  visitDims: readonly VisitDimension[] = VISIT_DIMENSIONS,
): DayRollup {
  const legStats = new Map<string, LegStat>();
  const slotStats = new Map<string, SlotStat>();
  const slot = (day: number, serviceId: string, n: number): SlotStat => {
    const key = `${day}|${serviceId}|${n}`;
    let s = slotStats.get(key);
    if (!s) {
      s = {
        day,
        serviceId,
        slot: n,
        arrivals: 0,
        arrivalWaitN: 0,
        arrivalWaitSum: 0,
        queueIn: 0,
        queueOut: 0,
      };
      slotStats.set(key, s);
    }
    return s;
  };
  for (const leg of legs) {
    for (const dim of dims) {
      const value = legValue(leg, dim);
      const key = `${leg.day}|${leg.serviceId}|${dim}|${value}`;
      let s = legStats.get(key);
      if (!s) {
        s = emptyLegStat(leg.day, leg.serviceId, dim, value);
        legStats.set(key, s);
      }
      addLeg(s, leg);
    }
    slot(leg.day, leg.serviceId, Math.floor(leg.queuedMinute / 15)).queueIn += 1;
    if (leg.leftMinute !== null) slot(leg.day, leg.serviceId, Math.floor(leg.leftMinute / 15)).queueOut += 1;
  }
  const visitStats = new Map<string, VisitStat>();
  for (const v of visits) {
    for (const dim of visitDims) {
      const value = visitValue(v, dim);
      const key = `${v.day}|${v.serviceId}|${dim}|${value}`;
      let s = visitStats.get(key);
      if (!s) {
        s = emptyVisitStat(v.day, v.serviceId, dim, value);
        visitStats.set(key, s);
      }
      addVisit(s, v);
    }
    const arrival = slot(v.day, v.serviceId, Math.floor(v.issuedMinute / 15));
    arrival.arrivals += 1;
    if (v.waitS !== null) {
      arrival.arrivalWaitN += 1;
      arrival.arrivalWaitSum += v.waitS;
    }
  }
  return {
    legStats: [...legStats.values()],
    visitStats: [...visitStats.values()],
    slotStats: [...slotStats.values()],
  };
}
