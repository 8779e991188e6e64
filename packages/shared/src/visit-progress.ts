import type { ReadonlyTicket } from './domain-types.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import type { VisitLegStatus } from './visit-plan.js';
import { nextLeg, lazyWaits } from './visit-routing.js';

/**
 * What a visit looks like to the people following it: the status page, the counter and the printed ticket all
 * read a ticket's legs through here, so they agree on which leg is next and what to bring.
 */

export interface VisitLegView {
  leg: number;
  serviceId: string;
  status: VisitLegStatus;
  /** Where it is being served, or was. */
  counterId?: string;
  /** The leg the ticket joins when the one it is in now is finished. */
  next: boolean;
  /** The estimated wait of its service's queue now, for a leg still to go or the one in a queue. */
  minutes?: number;
}

export interface VisitProgress {
  legs: VisitLegView[];
  /** The leg the ticket is in now. */
  current: number;
  /** The leg it joins next, if the current one is finished now (the shortest wait where the order is free). */
  next?: number;
  done: number;
  toGo: number;
}

/** The visit of `ticket` as its legs, or undefined for a ticket for one service. */
export function visitProgress(
  state: DayView,
  config: QueueConfig,
  ticket: ReadonlyTicket,
  now: number,
): VisitProgress | undefined {
  const plan = ticket.visit;
  if (!plan) return undefined;
  const waits = lazyWaits(state, config, now);
  const inProgress = plan.legs[plan.current]?.status === 'active';
  const next = inProgress ? nextLeg(plan, 'done', waits) : undefined;
  const legs = plan.legs.map((l, i): VisitLegView => {
    const view: VisitLegView = { leg: i, serviceId: l.serviceId, status: l.status, next: i === next };
    if (l.counterId !== undefined) view.counterId = l.counterId;
    const queued = l.status === 'active' && ticket.status === 'waiting';
    if (l.status === 'pending' || l.status === 'missed' || queued) {
      view.minutes = waits()[l.serviceId]?.minutes ?? 0;
    }
    return view;
  });
  const progress: VisitProgress = {
    legs,
    current: plan.current,
    done: plan.legs.filter((l) => l.status === 'done').length,
    toGo: plan.legs.filter((l) => l.status === 'pending' || l.status === 'missed' || l.status === 'active')
      .length,
  };
  if (next !== undefined) progress.next = next;
  return progress;
}

/**
 * The requirements of several services as one list, in the order of the services: a document that several
 * legs need (the KK for the KK, the KTP-el and the JKN change) is listed once.
 */
export function visitRequirements(
  config: Pick<QueueConfig, 'services'>,
  serviceIds: readonly string[],
  lang: 'id' | 'en',
): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const serviceId of serviceIds) {
    const service = config.services.find((s) => s.id === serviceId);
    for (const requirement of service?.requirements[lang] ?? []) {
      const key = requirement.trim().toLocaleLowerCase(lang);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(requirement);
    }
  }
  return list;
}

/** What the hub keeps of a visit: legs done, time in the hall, and the waits between legs. */
export interface VisitMeasures {
  legs: number;
  legsDone: number;
  /** Every leg done or skipped: the errand was done in one visit. */
  doneInOneVisit: boolean;
  /** From the issue to the end of the last leg (to `now` while the visit is open). */
  inHallMs: number;
  /** For each leg after the first one called: from joining its queue to its first call. */
  waitsBetweenLegsMs: number[];
}

export function visitMeasures(ticket: ReadonlyTicket, now: number): VisitMeasures | undefined {
  const plan = ticket.visit;
  if (!plan) return undefined;
  const open = plan.legs.some((l) => l.status === 'active' || l.status === 'pending');
  const ends = plan.legs.flatMap((l) => (l.endedAt === undefined ? [] : [l.endedAt]));
  const end = open || ends.length === 0 ? now : Math.max(...ends);
  const called = plan.legs
    .filter((l) => l.calledAt !== undefined && l.queuedAt !== undefined)
    .sort((a, b) => (a.calledAt ?? 0) - (b.calledAt ?? 0));
  return {
    legs: plan.legs.length,
    legsDone: plan.legs.filter((l) => l.status === 'done').length,
    doneInOneVisit: plan.legs.every((l) => l.status === 'done' || l.status === 'skipped'),
    inHallMs: Math.max(0, end - ticket.issuedAt),
    waitsBetweenLegsMs: called.slice(1).map((l) => Math.max(0, (l.calledAt ?? 0) - (l.queuedAt ?? 0))),
  };
}
