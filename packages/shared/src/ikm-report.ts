import type { EventEnvelope } from './domain-events.js';
import type { QueueConfig } from './hall-config.js';
import type { IkmResult, IkmSums } from './ikm.js';
import { IkmTally, krejcieMorganSampleSize } from './ikm.js';
import type { SurveyFollowUp } from './skm-follow-up.js';
import type { ProfileField } from './skm-questionnaire.js';
import { PROFILE_FIELDS, profileOptions } from './skm-questionnaire.js';
import type { VisitPosition } from './visit-position.js';
import { followVisit, hasSeveralLegs, visitPositionOf } from './visit-position.js';

/**
 * The IKM report of a period, folded from the log: the index of the hall and of each agency, service and
 * counter, the respondent profile, the respondents against the Krejcie–Morgan sample for the period's
 * visitors (visits served to their end), and the follow-up plans. Pure: the hub streams the period's events in.
 */

/** A period as the report and the follow-up plans name it: `2026`, `2026-Q4` or `2026-12`. */
export type PeriodName = string;

/** The first and last hall day of a period, or undefined for a name that is not one. */
export function periodDays(period: PeriodName): { from: string; to: string } | undefined {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return {
      from: `${quarter[1]}-${pad(first)}-01`,
      to: `${quarter[1]}-${pad(first + 2)}-${lastDay(Number(quarter[1]), first + 2)}`,
    };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    return {
      from: `${month[1]}-${month[2]}-01`,
      to: `${month[1]}-${month[2]}-${lastDay(Number(month[1]), Number(month[2]))}`,
    };
  }
  return undefined;
}

/** The month a hall day is in: the report's default period. */
export function monthOf(day: string): PeriodName {
  return day.slice(0, 7);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => pad(new Date(Date.UTC(year, month, 0)).getUTCDate());

/** Narrows a report to one agency, service or counter; empty: the whole hall. */
export interface IkmScope {
  agencyId?: string;
  serviceId?: string;
  counterId?: string;
}

export interface ScopedIkm {
  id: string;
  ikm: IkmResult;
  /** Visits served to their end in the period: the population of the sample. */
  visitors: number;
  /** Krejcie–Morgan sample size for `visitors`. */
  sampleNeeded: number;
  /** Enough respondents for the index to stand for the visitors. */
  sampleMet: boolean;
}

export interface IkmReport {
  period: PeriodName;
  from: string;
  to: string;
  scope: IkmScope;
  overall: ScopedIkm;
  byAgency: ScopedIkm[];
  byService: ScopedIkm[];
  byCounter: ScopedIkm[];
  /** Per profile field: respondents per option (all options listed, in order, "prefer not to say" last). */
  profile: Record<ProfileField, Array<{ value: string; count: number }>>;
  /** Suggestions are not here: a report may be public; they are read by staff through their own request. */
  suggestions: number;
  followUps: Array<SurveyFollowUp & { by: string; at: number }>;
}

interface Group {
  tally: IkmTally;
  visitors: number;
}

/** Builds a report from the events of a period, fed in log order. */
export class IkmReportBuilder {
  private readonly overall = newGroup();
  private readonly groups = {
    agency: new Map<string, Group>(),
    service: new Map<string, Group>(),
    counter: new Map<string, Group>(),
  };
  private readonly profile = Object.fromEntries(
    PROFILE_FIELDS.map((f) => [f, new Map(profileOptions(f).map((o) => [o.value, 0]))]),
  ) as Record<ProfileField, Map<string, number>>;
  private suggestions = 0;
  private readonly plans = new Map<string, SurveyFollowUp & { by: string; at: number }>();
  /**
   * Tickets of the period not yet finished: their day, current service and the services of their visit's legs.
   * Each leg's finish counts a visitor of its service and counter; a visit of several legs counts once in the
   * hall and in each agency (`counted`), as it gives one response at most.
   */
  private readonly open = new Map<string, VisitPosition & { day: string; counted?: Set<Group> }>();

  constructor(
    private readonly config: QueueConfig,
    readonly period: PeriodName,
    private readonly days: { from: string; to: string },
    private readonly scope: IkmScope = {},
  ) {}

  add(envelope: EventEnvelope): void {
    const { event } = envelope;
    switch (event.type) {
      case 'TicketIssued':
        if (this.inPeriod(event.ticket.day)) {
          this.open.set(event.ticket.id, { day: event.ticket.day, ...visitPositionOf(event.ticket) });
        }
        break;
      case 'VisitLegAdded':
      case 'VisitRouted':
      case 'TicketTransferred': {
        const t = this.open.get(event.ticketId);
        if (t) followVisit(t, event);
        break;
      }
      case 'TicketFinished': {
        const t = this.open.get(event.ticketId);
        if (!t) break;
        // A visit of several legs may route on to the next (`VisitRouted`): kept until the period's end.
        if (!hasSeveralLegs(t)) this.open.delete(event.ticketId);
        const agencyId = this.agencyOf(t.serviceId);
        if (!this.inScope(agencyId, t.serviceId, event.counterId)) break;
        for (const g of this.groupsOf(agencyId, t.serviceId, event.counterId)) {
          if (t.counted?.has(g)) continue;
          g.visitors += 1;
          if (hasSeveralLegs(t)) (t.counted ??= new Set()).add(g);
        }
        break;
      }
      case 'SurveyAnswered': {
        if (!this.inPeriod(event.day) || !this.inScope(event.agencyId, event.serviceId, event.counterId))
          break;
        for (const g of this.groupsOf(event.agencyId, event.serviceId, event.counterId))
          g.tally.add(event.answers);
        for (const f of PROFILE_FIELDS) {
          const counts = this.profile[f];
          counts.set(event.profile[f], (counts.get(event.profile[f]) ?? 0) + 1);
        }
        if (event.suggestion !== undefined) this.suggestions += 1;
        break;
      }
      case 'SurveyFollowUpRecorded': {
        const plan = periodDays(event.plan.period);
        const overlaps = plan !== undefined && plan.from <= this.days.to && plan.to >= this.days.from;
        const scoped =
          this.scope.agencyId === undefined ||
          event.plan.agencyId === undefined ||
          event.plan.agencyId === this.scope.agencyId;
        // The newest record of a plan wins, wherever its period now lies.
        this.plans.delete(event.plan.planId);
        if (overlaps && scoped)
          this.plans.set(event.plan.planId, { ...event.plan, by: event.by, at: envelope.at });
        break;
      }
      default:
        break;
    }
  }

  /**
   * The whole hall's tally and visitors (the population of the sample) so far, as numbers: what the central
   * store keeps per hall and day. Tallies of days add up to the period's (`IkmTally.addTotals`).
   */
  overallTotals(): { tally: IkmSums; visitors: number } {
    return { tally: this.overall.tally.totals(), visitors: this.overall.visitors };
  }

  build(): IkmReport {
    const scoped = (id: string, g: Group): ScopedIkm => {
      const sampleNeeded = krejcieMorganSampleSize(g.visitors);
      const ikm = g.tally.result();
      return {
        id,
        ikm,
        visitors: g.visitors,
        sampleNeeded,
        sampleMet: g.visitors > 0 && ikm.respondents >= sampleNeeded,
      };
    };
    const list = (m: Map<string, Group>) =>
      [...m]
        .map(([id, g]) => scoped(id, g))
        .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    return {
      period: this.period,
      ...this.days,
      scope: this.scope,
      overall: scoped('hall', this.overall),
      byAgency: list(this.groups.agency),
      byService: list(this.groups.service),
      byCounter: list(this.groups.counter),
      profile: Object.fromEntries(
        PROFILE_FIELDS.map((f) => [f, [...this.profile[f]].map(([value, count]) => ({ value, count }))]),
      ) as IkmReport['profile'],
      suggestions: this.suggestions,
      followUps: [...this.plans.values()].sort(
        (a, b) => a.element.localeCompare(b.element) || a.due.localeCompare(b.due),
      ),
    };
  }

  private inPeriod(day: string): boolean {
    return day >= this.days.from && day <= this.days.to;
  }

  private inScope(agencyId: string | undefined, serviceId: string, counterId: string): boolean {
    const s = this.scope;
    return (
      (s.agencyId === undefined || s.agencyId === agencyId) &&
      (s.serviceId === undefined || s.serviceId === serviceId) &&
      (s.counterId === undefined || s.counterId === counterId)
    );
  }

  private agencyOf(serviceId: string): string | undefined {
    return this.config.services.find((s) => s.id === serviceId)?.agencyId;
  }

  private groupsOf(agencyId: string | undefined, serviceId: string, counterId: string): Group[] {
    const get = (m: Map<string, Group>, id: string) => {
      let g = m.get(id);
      if (!g) m.set(id, (g = newGroup()));
      return g;
    };
    return [
      this.overall,
      get(this.groups.agency, agencyId ?? '?'),
      get(this.groups.service, serviceId),
      get(this.groups.counter, counterId),
    ];
  }
}

function newGroup(): Group {
  return { tally: new IkmTally(), visitors: 0 };
}
