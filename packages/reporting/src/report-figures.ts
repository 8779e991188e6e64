import type { HallConfig } from '@antre/shared';
import type { BookingSource } from './booking-report.js';
import type { LegDimension, LegStat, SlotStat, VisitDimension, VisitStat } from './day-rollup.js';
import { emptyLegStat, emptyVisitStat, rollupRows } from './day-rollup.js';
import { addTo } from './duration-histogram.js';
import type { ReportFilters, ReportQuery } from './report-query.js';
import { periodRange } from './report-query.js';
import type { CounterSessionRow, LegRow, VisitRow } from './report-rows.js';
import type { ReportStore, RowQuery } from './report-store.js';

/** What every figure is read from: the store, the hall, the request (filters already scoped by the policy). */
export interface FigureContext {
  store: ReportStore;
  config: HallConfig;
  query: ReportQuery;
  /** The time of the request: an open counter session counts up to now. */
  now: number;
  /** The ledger of bookings (the hub's), for the appointments report; absent: that report has no rows. */
  bookings?: BookingSource | undefined;
}

/**
 * The store's answers within one report, by query: a report of several tables (the monthly summary) asks
 * for the same rollup rows more than once. Callers never change the rows they are given.
 */
const answers = new WeakMap<FigureContext, Map<string, Promise<unknown>>>();

function once<Q, R>(ctx: FigureContext, kind: string, query: Q, ask: (q: Q) => Promise<R>): Promise<R> {
  let mine = answers.get(ctx);
  if (!mine) {
    mine = new Map();
    answers.set(ctx, mine);
  }
  const key = `${kind} ${JSON.stringify(query)}`;
  let answer = mine.get(key) as Promise<R> | undefined;
  if (!answer) {
    answer = ask(query);
    mine.set(key, answer);
  }
  return answer;
}

/** How a breakdown groups its rows. */
export type Grouping = 'total' | 'service' | 'agency' | 'counter' | 'staff' | 'priority' | 'origin' | 'day';

const LEG_FILTER_DIMS = ['counter', 'staff', 'priority', 'origin'] as const;

/** The services a filter allows; undefined for all. */
export function serviceIdsOf(filters: ReportFilters, config: HallConfig): string[] | undefined {
  if (filters.serviceId !== undefined) {
    const s = config.services.find((x) => x.id === filters.serviceId);
    return s && (filters.agencyId === undefined || s.agencyId === filters.agencyId) ? [s.id] : [];
  }
  if (filters.agencyId !== undefined)
    return config.services.filter((s) => s.agencyId === filters.agencyId).map((s) => s.id);
  return undefined;
}

function filterValue(filters: ReportFilters, dim: (typeof LEG_FILTER_DIMS)[number]): string | undefined {
  switch (dim) {
    case 'counter':
      return filters.counterId;
    case 'staff':
      return filters.staff;
    case 'priority':
      return filters.priority;
    case 'origin':
      return filters.origin;
  }
}

function rowQuery(ctx: FigureContext): RowQuery {
  const f = ctx.query.filters;
  return {
    ...periodRange(ctx.query.period),
    serviceIds: serviceIdsOf(f, ctx.config),
    counterId: f.counterId,
    staff: f.staff,
    priority: f.priority,
    origin: f.origin,
  };
}

/** Raw rows of the request (only `days` when given), visits limited to those with a leg at the counter or staff. */
async function rawRows(
  ctx: FigureContext,
  days?: readonly number[],
): Promise<{ legs: LegRow[]; visits: VisitRow[] }> {
  const q = { ...rowQuery(ctx), ...(days === undefined ? {} : { days }) };
  const legs = await ctx.store.legs(q);
  const { counterId: _c, staff: _s, ...visitQuery } = q;
  let visits = await ctx.store.visits(visitQuery);
  if (q.counterId !== undefined || q.staff !== undefined) {
    const ids = new Set(legs.map((l) => l.ticketId));
    visits = visits.filter((v) => ids.has(v.ticketId));
  }
  return { legs, visits };
}

/**
 * Transaction stats of the request, grouped by `dim` (rolled-up days from the rollups, the open day from its
 * rows). A request that needs two dimensions at once (a counter filter grouped by priority) is read from the
 * rows of the whole period: slower, the same figures.
 */
export async function legStats(ctx: FigureContext, grouping: Grouping): Promise<LegStat[]> {
  const f = ctx.query.filters;
  const needed = new Set<LegDimension>(LEG_FILTER_DIMS.filter((d) => filterValue(f, d) !== undefined));
  const groupDim = (LEG_FILTER_DIMS as readonly string[]).includes(grouping)
    ? (grouping as LegDimension)
    : undefined;
  if (groupDim) needed.add(groupDim);
  const range = periodRange(ctx.query.period);
  if (needed.size > 1) {
    const { legs } = await rawRows(ctx);
    return rollupRows(legs, [], [groupDim ?? 'all'], []).legStats;
  }
  const dim: LegDimension = [...needed][0] ?? 'all';
  const value = dim === 'all' ? undefined : filterValue(f, dim as (typeof LEG_FILTER_DIMS)[number]);
  const serviceIds = serviceIdsOf(f, ctx.config);
  const sumDays = grouping !== 'day';
  const sumServices = grouping !== 'service' && grouping !== 'agency';
  const rolled = await once(ctx, 'leg', { ...range, serviceIds, dim, value, sumDays, sumServices }, (q) =>
    ctx.store.legStats(q),
  );
  const open = await ctx.store.unrolledDays(range);
  if (open.length === 0) return rolled;
  const { legs } = await rawRows(ctx, open);
  return [...rolled, ...rollupRows(legs, [], [dim], []).legStats];
}

export async function visitStats(ctx: FigureContext, grouping: Grouping): Promise<VisitStat[]> {
  const f = ctx.query.filters;
  const groupDim: VisitDimension | undefined =
    grouping === 'priority' || grouping === 'origin' ? grouping : undefined;
  const needed = new Set<VisitDimension>();
  if (f.priority !== undefined) needed.add('priority');
  if (f.origin !== undefined) needed.add('origin');
  if (groupDim) needed.add(groupDim);
  const range = periodRange(ctx.query.period);
  if (needed.size > 1 || f.counterId !== undefined || f.staff !== undefined) {
    const { visits } = await rawRows(ctx);
    return rollupRows([], visits, [], [groupDim ?? 'all']).visitStats;
  }
  const dim: VisitDimension = [...needed][0] ?? 'all';
  const value = dim === 'priority' ? f.priority : dim === 'origin' ? f.origin : undefined;
  const rolled = await once(
    ctx,
    'visit',
    {
      ...range,
      serviceIds: serviceIdsOf(f, ctx.config),
      dim,
      value,
      sumDays: grouping !== 'day',
      sumServices: grouping !== 'service' && grouping !== 'agency',
    },
    (q) => ctx.store.visitStats(q),
  );
  const open = await ctx.store.unrolledDays(range);
  if (open.length === 0) return rolled;
  const { visits } = await rawRows(ctx, open);
  return [...rolled, ...rollupRows([], visits, [], [dim]).visitStats];
}

/** Arrivals and queue movements per day and quarter hour (of the services asked for, their service unsaid). */
export async function slotStats(ctx: FigureContext): Promise<SlotStat[]> {
  const f = ctx.query.filters;
  const range = periodRange(ctx.query.period);
  if (
    f.counterId !== undefined ||
    f.staff !== undefined ||
    f.priority !== undefined ||
    f.origin !== undefined
  ) {
    const { legs, visits } = await rawRows(ctx);
    return rollupRows(legs, visits, [], []).slotStats;
  }
  const rolled = await ctx.store.slotStats({
    ...range,
    serviceIds: serviceIdsOf(f, ctx.config),
    sumServices: true,
  });
  const open = await ctx.store.unrolledDays(range);
  if (open.length === 0) return rolled;
  const { legs, visits } = await rawRows(ctx, open);
  return [...rolled, ...rollupRows(legs, visits, [], []).slotStats];
}

export async function sessions(ctx: FigureContext): Promise<CounterSessionRow[]> {
  const f = ctx.query.filters;
  const rows = await ctx.store.sessions({
    ...periodRange(ctx.query.period),
    counterId: f.counterId,
    staff: f.staff,
  });
  if (f.agencyId === undefined) return rows;
  const own = new Set(ctx.config.counters.filter((c) => c.agencyId === f.agencyId).map((c) => c.id));
  return rows.filter((s) => own.has(s.counterId));
}

/** The key a stat belongs to under a grouping. */
export function groupKey(
  grouping: Grouping,
  s: { day: number; serviceId: string; value: string },
  config: HallConfig,
): string {
  switch (grouping) {
    case 'total':
      return '';
    case 'service':
      return s.serviceId;
    case 'agency':
      return config.services.find((x) => x.id === s.serviceId)?.agencyId ?? '';
    case 'day':
      return String(s.day);
    default:
      return s.value;
  }
}

/** Sums leg stats per group. */
export function sumLegs(
  stats: readonly LegStat[],
  grouping: Grouping,
  config: HallConfig,
): Map<string, LegStat> {
  const out = new Map<string, LegStat>();
  for (const s of stats) {
    const key = groupKey(grouping, s, config);
    let t = out.get(key);
    if (!t) {
      t = emptyLegStat(0, '', 'all', key);
      out.set(key, t);
    }
    t.legs += s.legs;
    t.served += s.served;
    t.noShow += s.noShow;
    t.transferred += s.transferred;
    t.cancelled += s.cancelled;
    t.expired += s.expired;
    t.waitN += s.waitN;
    t.waitSum += s.waitSum;
    t.waitMax = Math.max(t.waitMax, s.waitMax);
    t.waitOver += s.waitOver;
    t.serviceN += s.serviceN;
    t.serviceSum += s.serviceSum;
    t.serviceMax = Math.max(t.serviceMax, s.serviceMax);
    t.serviceOver += s.serviceOver;
    t.walkN += s.walkN;
    t.walkSum += s.walkSum;
    t.busySum += s.busySum;
    t.recalls += s.recalls;
    addTo(t.waitHist, s.waitHist);
    addTo(t.serviceHist, s.serviceHist);
  }
  return out;
}

export function sumVisits(
  stats: readonly VisitStat[],
  grouping: Grouping,
  config: HallConfig,
): Map<string, VisitStat> {
  const out = new Map<string, VisitStat>();
  for (const s of stats) {
    const key = groupKey(grouping, s, config);
    let t = out.get(key);
    if (!t) {
      t = emptyVisitStat(0, '', 'all', key);
      out.set(key, t);
    }
    t.visits += s.visits;
    t.served += s.served;
    t.noShow += s.noShow;
    t.cancelled += s.cancelled;
    t.expired += s.expired;
    t.waitN += s.waitN;
    t.waitSum += s.waitSum;
    t.hallN += s.hallN;
    t.hallSum += s.hallSum;
    t.hallMax = Math.max(t.hallMax, s.hallMax);
    t.multiLeg += s.multiLeg;
    t.multiLegDone += s.multiLegDone;
    t.doneInOne += s.doneInOne;
    t.planned += s.planned;
    t.plannedDone += s.plannedDone;
    t.transfers += s.transfers;
    t.recalls += s.recalls;
    addTo(t.hallHist, s.hallHist);
  }
  return out;
}

/** Open time (s) of sessions, per key (counter or staff); a session still open counts up to `now`. */
export function openSeconds(
  rows: readonly CounterSessionRow[],
  key: (s: CounterSessionRow) => string,
  now: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of rows) {
    if (s.status !== 'open') continue;
    const end = s.endedAt ?? Math.max(s.startedAt, now);
    const k = key(s);
    out.set(k, (out.get(k) ?? 0) + Math.max(0, Math.floor((end - s.startedAt) / 1000)));
  }
  return out;
}
