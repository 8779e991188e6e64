import type {
  AgencyConfig,
  CounterConfig,
  CounterState,
  DayView,
  ServiceConfig,
  ReadonlyTicket,
} from '@antre/shared';
import { emptyCounter, pickNext } from '@antre/shared';
import type { HallIndex } from './hall-index.js';

export interface ServiceQueue {
  service: ServiceConfig;
  waiting: number;
  priority: number;
  /** Issue time of the longest-waiting ticket: its wait is now minus this. */
  oldestIssuedAt: number | undefined;
}

export interface AgencyTotals {
  waiting: number;
  /** Called or being served at one of the agency's counters. */
  atCounter: number;
  done: number;
  noShow: number;
  countersOpen: number;
  countersAll: number;
}

export interface CounterView {
  counter: CounterConfig;
  agency: AgencyConfig | undefined;
  status: CounterState;
  current: ReadonlyTicket | undefined;
  /** One row per service the counter serves, in the counter's order. */
  queues: ServiceQueue[];
  /** Waiting tickets sent to this counter alone by a transfer. */
  sentHere: number;
  /** Everything this counter may call next. */
  waitingTotal: number;
  /** The tickets call next would take, in order (the first one exactly as the hub picks it). */
  upcoming: ReadonlyTicket[];
  held: ReadonlyTicket[];
  /** No-shows this counter may put back, latest first. */
  noShows: ReadonlyTicket[];
  agencyTotals: AgencyTotals;
}

const UPCOMING_LIMIT = 12;

/**
 * Everything the counter screen shows about the queue, in one pass over today's tickets.
 * A busy hall holds 15,000 tickets: callers memoize this on the hub's version, never per render.
 */
export function deriveCounterView(
  state: DayView,
  index: HallIndex,
  counterId: string,
  /** The hub's time: whether a walk-in has waited past the target decides the merge with appointments. */
  now: number,
): CounterView | undefined {
  const counter = index.counters.get(counterId);
  if (!counter) return undefined;
  const status = state.counters[counterId] ?? emptyCounter(counterId);
  const serviceOrder = new Map(counter.serviceIds.map((id, i) => [id, i]));
  const queues: ServiceQueue[] = counter.serviceIds.flatMap((id) => {
    const service = index.services.get(id);
    return service ? [{ service, waiting: 0, priority: 0, oldestIssuedAt: undefined }] : [];
  });
  const queueOf = new Map(queues.map((q) => [q.service.id, q]));
  const totals: AgencyTotals = {
    waiting: 0,
    atCounter: 0,
    done: 0,
    noShow: 0,
    countersOpen: 0,
    countersAll: 0,
  };
  const mine: ReadonlyTicket[] = [];
  const held: ReadonlyTicket[] = [];
  const noShows: ReadonlyTicket[] = [];
  let sentHere = 0;

  for (const t of Object.values(state.tickets)) {
    const sameAgency = index.services.get(t.serviceId)?.agencyId === counter.agencyId;
    if (sameAgency) countTotals(totals, t);
    if (t.status === 'waiting') {
      if (t.targetCounterId !== undefined) {
        if (t.targetCounterId === counterId) {
          sentHere += 1;
          mine.push(t);
        }
        continue;
      }
      const q = queueOf.get(t.serviceId);
      if (!q) continue;
      q.waiting += 1;
      if (t.priority !== 'none') q.priority += 1;
      if (q.oldestIssuedAt === undefined || t.issuedAt < q.oldestIssuedAt) q.oldestIssuedAt = t.issuedAt;
      mine.push(t);
    } else if (t.status === 'held' && t.counterId === counterId) {
      held.push(t);
    } else if (t.status === 'no_show' && (serviceOrder.has(t.serviceId) || sameAgency)) {
      noShows.push(t);
    }
  }

  for (const c of index.config.counters) {
    if (c.agencyId !== counter.agencyId) continue;
    totals.countersAll += 1;
    if (state.counters[c.id]?.status === 'open') totals.countersOpen += 1;
  }

  const current = status.currentTicketId === undefined ? undefined : state.tickets[status.currentTicketId];
  return {
    counter,
    agency: index.agencies.get(counter.agencyId),
    status,
    current,
    queues,
    sentHere,
    waitingTotal: mine.length,
    upcoming: upcomingOrder(state, counter, status, index, mine, serviceOrder, now),
    held: held.sort((a, b) => (a.calledAt ?? 0) - (b.calledAt ?? 0)),
    noShows: noShows.sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0)),
    agencyTotals: totals,
  };
}

function countTotals(totals: AgencyTotals, t: ReadonlyTicket): void {
  if (t.status === 'waiting') totals.waiting += 1;
  else if (t.status === 'called' || t.status === 'serving') totals.atCounter += 1;
  else if (t.status === 'done') totals.done += 1;
  else if (t.status === 'no_show') totals.noShow += 1;
}

/**
 * Call order: priority groups first, then the longest wait; the head is the hub's own pick, asked of the same
 * rule with the appointment merge (`appointment-merge.ts`) as the hub's call next.
 */
function upcomingOrder(
  state: DayView,
  counter: CounterConfig,
  status: CounterState,
  index: HallIndex,
  mine: ReadonlyTicket[],
  serviceOrder: ReadonlyMap<string, number>,
  now: number,
): ReadonlyTicket[] {
  if (mine.length === 0) return [];
  const head = pickNext(state, counter, status, index.config.settings.priorityStreak, {
    config: index.config,
    now,
  });
  const order = (t: ReadonlyTicket) => serviceOrder.get(t.serviceId) ?? Number.MAX_SAFE_INTEGER;
  const rest = mine
    .filter((t) => t !== head)
    .sort(
      (a, b) =>
        Number(a.priority === 'none') - Number(b.priority === 'none') ||
        a.rank - b.rank ||
        order(a) - order(b) ||
        a.number - b.number,
    );
  return (head ? [head, ...rest] : rest).slice(0, UPCOMING_LIMIT);
}
