import type { DeepReadonly } from './deep-readonly.js';

/**
 * One visit, several services: a ticket may carry a plan of legs (one per service), taken one after the other
 * on the same number. A package (`paket layanan`, hall config) fixes the order where the law does (the KK
 * before the KTP-el); legs without an order between them are taken in whichever order is quickest.
 */

/** The most legs one visit holds, added legs included (Qmatic allows five services a visit). */
export const MAX_VISIT_LEGS = 8;

/**
 * Where a leg stands. `active` is the leg the ticket is in now: its queue status (waiting, called, serving,
 * held, no-show) is the ticket's own, never copied here. `missed`: a no-show at this leg; the visit goes on
 * with the others and comes back to it once nothing else is ready.
 */
export const VISIT_LEG_STATUSES = [
  'pending',
  'active',
  'done',
  'missed',
  'skipped',
  'cancelled',
  'expired',
] as const;
export type VisitLegStatus = (typeof VISIT_LEG_STATUSES)[number];

export interface VisitLeg {
  /** The service the leg was planned for; a transfer moves the ticket, not the leg's purpose. */
  serviceId: string;
  status: VisitLegStatus;
  /** The counter that called it last: where it was served, once done. */
  counterId?: string;
  /** When the ticket joined this leg's queue. */
  queuedAt?: number;
  /** The leg's first call. */
  calledAt?: number;
  servingAt?: number;
  endedAt?: number;
  /** The staff member who added it at a counter (the citizen found another need there). */
  addedBy?: string;
}

/** Leg `before` comes before leg `after`. */
export interface LegOrder {
  before: number;
  after: number;
}

export interface VisitPlan {
  /** The package it came from, if any. */
  packageId?: string;
  legs: VisitLeg[];
  /** Pairs of leg indexes: a leg joins its queue only once every leg `before` it is done or skipped. */
  order: LegOrder[];
  /** The order staff set for the pending legs (`reorderVisitLegs`), first to go first. */
  sequence?: number[];
  /** The leg the ticket is in now: the ticket's `serviceId` serves it. */
  current: number;
}

export type ReadonlyVisitPlan = DeepReadonly<VisitPlan>;
export type ReadonlyVisitLeg = DeepReadonly<VisitLeg>;

/** A leg whose outcome is settled for good: nothing routes to it again. */
export function isLegSettled(status: VisitLegStatus): boolean {
  return status === 'done' || status === 'skipped' || status === 'cancelled' || status === 'expired';
}

/** The legs that must come before leg `i`. */
export function legsBefore(plan: ReadonlyVisitPlan, i: number): number[] {
  return plan.order.filter((o) => o.after === i).map((o) => o.before);
}

/** Whether every leg that must come before `i` is done or skipped. */
export function isLegUnblocked(plan: ReadonlyVisitPlan, i: number): boolean {
  return legsBefore(plan, i).every((b) => {
    const s = plan.legs[b]?.status;
    return s === 'done' || s === 'skipped';
  });
}

/** The pending legs that may join their queue now: every leg before them is done or skipped. */
export function readyLegs(plan: ReadonlyVisitPlan): number[] {
  return plan.legs.flatMap((leg, i) => (leg.status === 'pending' && isLegUnblocked(plan, i) ? [i] : []));
}

/** Legs still to go: not started yet, or missed and to be tried again. */
export function remainingLegs(plan: ReadonlyVisitPlan): number[] {
  return plan.legs.flatMap((leg, i) => (leg.status === 'pending' || leg.status === 'missed' ? [i] : []));
}

/**
 * A cycle in `edges` over `nodes`, as the nodes along it with the first repeated at the end
 * (`["kk", "ktp", "kk"]`), or undefined when the order is consistent.
 */
export function findCycle<T>(nodes: readonly T[], edges: ReadonlyArray<readonly [T, T]>): T[] | undefined {
  const next = new Map<T, T[]>();
  for (const n of nodes) next.set(n, []);
  for (const [a, b] of edges) next.get(a)?.push(b);
  const state = new Map<T, 'open' | 'closed'>();
  const path: T[] = [];
  const visit = (n: T): T[] | undefined => {
    state.set(n, 'open');
    path.push(n);
    for (const m of next.get(n) ?? []) {
      const s = state.get(m);
      if (s === 'open') return [...path.slice(path.indexOf(m)), m];
      if (s === undefined) {
        const found = visit(m);
        if (found) return found;
      }
    }
    path.pop();
    state.set(n, 'closed');
    return undefined;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

/**
 * The package's order restricted to the services chosen from it, as leg indexes: `a` before `b` whenever the
 * package puts `a` before `b`, directly or through services left out (KK → KTP-el → JKN without the KTP-el
 * still puts the KK first).
 */
export function orderAmong(
  chosen: readonly string[],
  packageOrder: ReadonlyArray<readonly [string, string]>,
): LegOrder[] {
  const reach = new Map<string, Set<string>>();
  const reachable = (from: string): Set<string> => {
    const known = reach.get(from);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop();
      for (const [a, b] of packageOrder) {
        if (a === n && !seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
    reach.set(from, seen);
    return seen;
  };
  const order: LegOrder[] = [];
  chosen.forEach((a, i) => {
    chosen.forEach((b, j) => {
      if (i !== j && reachable(a).has(b)) order.push({ before: i, after: j });
    });
  });
  return order;
}

/** A plan of legs for `services`, the first one active from `now`. */
export function newVisitPlan(
  services: readonly string[],
  order: LegOrder[],
  first: number,
  now: number,
  packageId?: string,
): VisitPlan {
  const plan: VisitPlan = {
    legs: services.map((serviceId, i) =>
      i === first ? { serviceId, status: 'active', queuedAt: now } : { serviceId, status: 'pending' },
    ),
    order,
    current: first,
  };
  if (packageId !== undefined) plan.packageId = packageId;
  return plan;
}

/** A deep copy of a plan, sharing nothing with it. */
export function copyVisitPlan(plan: ReadonlyVisitPlan): VisitPlan {
  const copy: VisitPlan = {
    legs: plan.legs.map((l) => ({ ...l })),
    order: plan.order.map((o) => ({ before: o.before, after: o.after })),
    current: plan.current,
  };
  if (plan.packageId !== undefined) copy.packageId = plan.packageId;
  if (plan.sequence !== undefined) copy.sequence = [...plan.sequence];
  return copy;
}
