import type { DayEvidence } from './evidence.js';
import type { Leg } from './log-replay.js';
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
  estimate: { all: ErrorSummary; online: ErrorSummary; offline: ErrorSummary };
  /** Tickets issued per hour of the day (`HH`). */
  issuedByHour: Record<string, number>;
}

const MIN = 60_000;

/** The day's figures per service, agency and counter, from the replayed log and the kiosks' records. */
export function dayMetrics(d: DayEvidence, hourOf: (t: number) => string): DayMetrics {
  const legs = [...d.replay.legs.values()].flat();
  const firstLegs = [...d.replay.legs.values()].map((l) => l[0]).filter((l): l is Leg => l !== undefined);
  const handedOut = new Map(d.kiosks.flatMap((k) => k.handedOut).map((t) => [t.ticketId, t]));
  const estimatePairs = firstLegs.flatMap((leg) => {
    const t = handedOut.get(leg.ticketId);
    if (!t || leg.calledAt === undefined) return [];
    return [
      {
        serviceId: leg.serviceId,
        offline: t.offline,
        estimate: t.estimateMinutes,
        actual: (leg.calledAt - t.issuedAt) / MIN,
      },
    ];
  });
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
    },
    issuedByHour,
  };
}
