import type { MmcModel } from './erlang-c.js';
import { erlangCMean } from './erlang-c.js';
import type { DayEvidence } from './evidence.js';
import type { Found, Leg } from './log-replay.js';
import type { ErrorSummary, Summary } from './stats.js';
import { errorSummary, summarize } from './stats.js';

export interface Figures {
  /** Tickets issued for the service (its first leg). */
  issued: number;
  /** Visitors sent here from another service. */
  transferredIn: number;
  served: number;
  noShow: number;
  expired: number;
  cancelled: number;
  transferredOut: number;
  /** Visitors who got no ticket, by reason (SERVICE_CLOSED, QUOTA_REACHED, HUB_UNREACHABLE…). */
  refused: Record<string, number>;
  /** Minutes from issue (or transfer) to the first call. */
  wait: Summary;
  /** Minutes at the desk for visits that ended in a finish or a transfer. */
  service: Summary;
  /** Estimate shown at the kiosk minus the real wait, minutes. */
  estimate: ErrorSummary;
}

export interface CounterFigures {
  counterId: string;
  agencyId: string;
  staff: string;
  openMinutes: number;
  busyMinutes: number;
  /** Busy over open: the share of its open time the counter had a visitor. */
  utilisation: number;
  served: number;
  noShows: number;
  transfers: number;
  recalls: number;
  drops: number;
}

export interface DayMetrics {
  visitors: number;
  total: Figures;
  agencies: Array<{
    id: string;
    name: string;
    figures: Figures;
    services: Array<{ id: string; name: string; prefix: string; targetMinutes: number; figures: Figures }>;
  }>;
  counters: CounterFigures[];
  estimate: {
    all: ErrorSummary;
    online: ErrorSummary;
    offline: ErrorSummary;
    /** The tickets the hub issued live, by what their visitor found. */
    byFound: FoundRow[];
    /**
     * For an M/M/c scenario: the estimate and Erlang C's conditional mean on the same tickets (those the
     * hub issued live with a desk open).
     */
    versusErlangC?: { estimate: ErrorSummary; erlangC: ErrorSummary };
    /** Tickets issued with a span, and the share whose real wait fell inside it (60 % when it is true). */
    span: { n: number; inside: number };
  };
  /** Tickets issued per hour of the day (`HH`). */
  issuedByHour: Record<string, number>;
}

/** The estimate's accuracy for the visitors who found the hall alike (a free desk, n waiting). */
export interface FoundRow {
  found: string;
  n: number;
  /** Mean real wait, minutes. */
  actual: number;
  /** Mean estimate, minutes. */
  estimate: number;
  error: ErrorSummary;
  /** Erlang C's conditional mean for these visitors, for an M/M/c scenario. */
  erlangC?: { mean: number; error: ErrorSummary };
}

const MIN = 60_000;

/** The groups of the accuracy table, in order: what a visitor found at the kiosk. */
const FOUND_GROUPS: ReadonlyArray<{ label: string; has: (f: Found) => boolean }> = [
  { label: 'no desk open', has: (f) => f.openDesks === 0 },
  { label: 'a free desk', has: (f) => queued(f) < 0 },
  ...[0, 1, 2, 3, 4].map((n) => ({ label: `all busy, ${n} waiting`, has: (f: Found) => queued(f) === n })),
  { label: 'all busy, 5-9 waiting', has: (f) => queued(f) >= 5 && queued(f) <= 9 },
  { label: 'all busy, 10-19 waiting', has: (f) => queued(f) >= 10 && queued(f) <= 19 },
  { label: 'all busy, 20+ waiting', has: (f) => queued(f) >= 20 },
];

/**
 * The visitors in the system beyond the open desks, as Erlang C counts them (n − c): negative while a desk
 * is free for this visitor. A desk between a finish and its next call is free with tickets waiting: those
 * tickets take it first, so they count as waiting for a busy desk.
 */
function queued(f: Found): number {
  return f.busyDesks + f.waiting - f.openDesks;
}

function foundGroup(f: Found): string {
  return FOUND_GROUPS.find((g) => g.has(f))?.label ?? '?';
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Accuracy of the estimate (and of Erlang C's, for an M/M/c scenario) by what the visitor found. */
function byFound(
  pairs: ReadonlyArray<{ estimate: number; actual: number; found?: Found; erlangC?: number }>,
  mmc: MmcModel | undefined,
): FoundRow[] {
  const rows: FoundRow[] = [];
  for (const { label } of FOUND_GROUPS) {
    const mine = pairs.filter((p) => p.found !== undefined && foundGroup(p.found) === label);
    if (mine.length === 0) continue;
    const row: FoundRow = {
      found: label,
      n: mine.length,
      actual: mean(mine.map((p) => p.actual)),
      estimate: mean(mine.map((p) => p.estimate)),
      error: errorSummary(mine),
    };
    const theory = mine.flatMap((p) => (p.erlangC === undefined ? [] : [{ ...p, estimate: p.erlangC }]));
    if (mmc && theory.length > 0) {
      row.erlangC = { mean: mean(theory.map((p) => p.estimate)), error: errorSummary(theory) };
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The day's figures per service, agency and counter, from the replayed log and the kiosks' records. With
 * `mmc` (an M/M/c scenario) the estimate is set against Erlang C's conditional mean on the same tickets.
 */
export function dayMetrics(d: DayEvidence, hourOf: (t: number) => string, mmc?: MmcModel): DayMetrics {
  const legs = [...d.replay.legs.values()].flat();
  const firstLegs = [...d.replay.legs.values()].map((l) => l[0]).filter((l): l is Leg => l !== undefined);
  const handedOut = new Map(d.kiosks.flatMap((k) => k.handedOut).map((t) => [t.ticketId, t]));
  const estimatePairs = firstLegs.flatMap((leg) => {
    const t = handedOut.get(leg.ticketId);
    if (!t || leg.calledAt === undefined) return [];
    const found = t.offline ? undefined : d.replay.found.get(t.ticketId);
    const theory =
      found && mmc?.serviceId === leg.serviceId ? erlangCMean(found, mmc.meanMinutes) : undefined;
    return [
      {
        serviceId: leg.serviceId,
        offline: t.offline,
        estimate: t.estimateMinutes,
        ...(t.estimateSpan ? { span: t.estimateSpan } : {}),
        actual: (leg.calledAt - t.issuedAt) / MIN,
        ...(found ? { found } : {}),
        ...(theory === undefined ? {} : { erlangC: theory }),
      },
    ];
  });
  const withTheory = estimatePairs.filter((p) => p.erlangC !== undefined);
  const theoryPairs = withTheory.map((p) => ({ estimate: p.erlangC ?? 0, actual: p.actual }));
  const refusals = [...d.visitorOutcomes].flatMap(([index, o]) => {
    const v = d.visitors[index];
    return 'refused' in o && v ? [{ serviceId: v.serviceId, code: o.refused }] : [];
  });

  const figures = (serviceIds: ReadonlySet<string>): Figures => {
    const mine = legs.filter((l) => serviceIds.has(l.serviceId));
    const first = new Set(firstLegs.filter((l) => serviceIds.has(l.serviceId)));
    const refused: Record<string, number> = {};
    for (const r of refusals) if (serviceIds.has(r.serviceId)) refused[r.code] = (refused[r.code] ?? 0) + 1;
    const count = (o: Leg['outcome']) => mine.filter((l) => l.outcome === o).length;
    return {
      issued: first.size,
      transferredIn: mine.filter((l) => !first.has(l)).length,
      served: count('done'),
      noShow: count('no_show'),
      expired: count('expired'),
      cancelled: count('cancelled'),
      transferredOut: count('transferred'),
      refused,
      wait: summarize(
        mine.flatMap((l) => (l.calledAt === undefined ? [] : [(l.calledAt - l.enteredAt) / MIN])),
      ),
      service: summarize(
        mine.flatMap((l) =>
          (l.outcome === 'done' || l.outcome === 'transferred') && l.endedAt !== undefined
            ? [(l.endedAt - (l.servingAt ?? l.calledAt ?? l.endedAt)) / MIN]
            : [],
        ),
      ),
      estimate: errorSummary(estimatePairs.filter((p) => serviceIds.has(p.serviceId))),
    };
  };

  const agencies = d.config.agencies.map((a) => {
    const services = d.config.services.filter((s) => s.agencyId === a.id);
    return {
      id: a.id,
      name: a.shortName,
      figures: figures(new Set(services.map((s) => s.id))),
      services: services.map((s) => ({
        id: s.id,
        name: s.name.id,
        prefix: s.prefix,
        targetMinutes: s.targetMinutes,
        figures: figures(new Set([s.id])),
      })),
    };
  });

  const counters = d.counters.map((c): CounterFigures => {
    const time = d.replay.counters.get(c.plan.counterId) ?? { openMs: 0, busyMs: 0 };
    return {
      counterId: c.plan.counterId,
      agencyId: c.plan.agencyId,
      staff: c.plan.staff,
      openMinutes: time.openMs / MIN,
      busyMinutes: time.busyMs / MIN,
      utilisation: time.openMs > 0 ? time.busyMs / time.openMs : 0,
      served: c.stats.served,
      noShows: c.stats.noShows,
      transfers: c.stats.transfers,
      recalls: c.stats.recalls,
      drops: c.stats.drops.length,
    };
  });

  const issuedByHour: Record<string, number> = {};
  for (const l of firstLegs) issuedByHour[hourOf(l.enteredAt)] = (issuedByHour[hourOf(l.enteredAt)] ?? 0) + 1;

  return {
    visitors: d.visitors.length,
    total: figures(new Set(d.config.services.map((s) => s.id))),
    agencies,
    counters,
    estimate: {
      all: errorSummary(estimatePairs),
      online: errorSummary(estimatePairs.filter((p) => !p.offline)),
      offline: errorSummary(estimatePairs.filter((p) => p.offline)),
      byFound: byFound(estimatePairs, mmc),
      span: spanCoverage(estimatePairs),
      ...(mmc
        ? { versusErlangC: { estimate: errorSummary(withTheory), erlangC: errorSummary(theoryPairs) } }
        : {}),
    },
    issuedByHour,
  };
}

/** How often the real wait fell inside the estimate's 20th–80th percentile span. */
function spanCoverage(pairs: ReadonlyArray<{ actual: number; span?: { low: number; high: number } }>): {
  n: number;
  inside: number;
} {
  const spanned = pairs.flatMap((p) => (p.span ? [{ actual: p.actual, ...p.span }] : []));
  if (spanned.length === 0) return { n: 0, inside: 0 };
  const inside = spanned.filter((p) => p.actual >= p.low && p.actual <= p.high).length;
  return { n: spanned.length, inside: inside / spanned.length };
}
