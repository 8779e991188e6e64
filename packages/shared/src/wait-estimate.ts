import type { CounterConfig, QueueConfig } from './hall-config.js';
import type { ReadonlyTicket, WaitEstimate } from './domain-types.js';
import { hallLocalTime } from './hall-clock.js';
import type { DayView } from './queue-day.js';
import type { WaitingCounts } from './waiting-index.js';
import { WaitingIndex } from './waiting-index.js';

export interface ServiceWait extends WaitEstimate {
  /** Counters open for the service now. */
  openCounters: number;
  /** Average minutes per visitor of the service (recent service time, or its target before any). */
  minutesPerVisitor: number;
}

/** Waiting tickets per service, and per counter for the ones transferred to one counter. */
interface QueueLoad {
  /** Every waiting ticket per service, targeted or not: the `ahead` shown. */
  ahead: Map<string, number>;
  waiting: ReadonlyMap<string, number>;
  targeted: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Estimated wait for a ticket taken now at `now`. `ahead` is what the visitor understands: the tickets of
 * the same service waiting. The minutes model what actually happens in the hall (checked against the
 * hall-day simulator, tools/simulator):
 * - the counters for the service (the open ones; all configured ones when none is open, e.g. before
 *   opening or during a break, since they will open) also call the other services they serve, longest
 *   wait first, so every waiting ticket those counters may call is work ahead, at its own service's
 *   minutes per visitor; a service also served by counters outside that set counts by the share of its
 *   counters inside it;
 * - each visitor now at one of those counters still needs about half a service;
 * - the work is shared among the counters, and the hall's break (a gap in the service's hours today) is
 *   added when the wait runs into it, since counters pause then.
 * `extraWaiting`: tickets per service that are not in `state` yet (a kiosk's offline tickets).
 */
export function estimateWait(
  state: DayView,
  config: QueueConfig,
  serviceId: string,
  now: number,
  extraWaiting: Readonly<Record<string, number>> = {},
): ServiceWait {
  return waitFor(state, config, serviceId, now, queueLoad(state, extraWaiting));
}

/** `estimateWait` for every service in one pass over the tickets (the kiosk's menu). */
export function estimateWaits(
  state: DayView,
  config: QueueConfig,
  now: number,
  extraWaiting: Readonly<Record<string, number>> = {},
): Record<string, ServiceWait> {
  const load = queueLoad(state, extraWaiting);
  const waits: Record<string, ServiceWait> = {};
  for (const s of config.services) waits[s.id] = waitFor(state, config, s.id, now, load);
  return waits;
}

/** Where a waiting ticket stands: the tickets of its service that will be called before it, and the wait. */
export function ticketPosition(
  state: DayView,
  config: QueueConfig,
  ticketId: string,
  now: number,
): WaitEstimate | undefined {
  const ticket = state.ticket(ticketId);
  if (!ticket || ticket.status !== 'waiting') return undefined;
  const load = queueLoad(state, {}, (t) => t.id !== ticket.id && goesBefore(t, ticket));
  const { ahead, minutes } = waitFor(state, config, ticket.serviceId, now, load);
  return { ahead, minutes };
}

/** Priority tickets go before regular ones; within a class, the smaller rank goes first. */
function goesBefore(t: ReadonlyTicket, ticket: ReadonlyTicket): boolean {
  const tPriority = t.priority !== 'none';
  const isPriority = ticket.priority !== 'none';
  return (tPriority && !isPriority) || (tPriority === isPriority && t.rank < ticket.rank);
}

/**
 * The waiting tickets that `counts`, per service and per counter they were sent to. Without a filter this
 * reads the reducer's running index; `ticketPosition`'s "before this ticket" needs a pass over the tickets.
 */
function queueLoad(
  state: DayView,
  extraWaiting: Readonly<Record<string, number>>,
  counts?: (t: ReadonlyTicket) => boolean,
): QueueLoad {
  const index: WaitingCounts = counts
    ? WaitingIndex.of(state.allTickets(), (t) => t.status === 'waiting' && counts(t))
    : state.waiting();
  const waiting = new Map(index.byService);
  for (const [id, n] of Object.entries(extraWaiting)) waiting.set(id, (waiting.get(id) ?? 0) + n);
  const ahead = new Map(waiting);
  for (const atCounter of index.byCounter.values()) {
    for (const [id, n] of atCounter) ahead.set(id, (ahead.get(id) ?? 0) + n);
  }
  return { ahead, waiting, targeted: index.byCounter };
}

function waitFor(
  state: DayView,
  config: QueueConfig,
  serviceId: string,
  now: number,
  load: QueueLoad,
): ServiceWait {
  const perVisitor = new Map<string, number>();
  const minutesPerVisitor = (id: string): number => {
    let m = perVisitor.get(id);
    if (m === undefined) {
      m = averageServiceMinutes(state, config, id);
      perVisitor.set(id, m);
    }
    return m;
  };
  const servers = serversOf(state, config, serviceId);
  const mine = new Set(servers.counters.map((c) => c.id));
  let work = 0;
  for (const id of new Set(servers.counters.flatMap((c) => c.serviceIds))) {
    const n = load.waiting.get(id) ?? 0;
    if (n === 0) continue;
    const theirs = serversOf(state, config, id).counters;
    const share = theirs.filter((c) => mine.has(c.id)).length / Math.max(1, theirs.length);
    work += n * minutesPerVisitor(id) * share;
  }
  for (const c of servers.counters) {
    for (const [id, n] of load.targeted.get(c.id) ?? []) work += n * minutesPerVisitor(id);
    const current = state.counters[c.id]?.currentTicketId;
    const visitor = current === undefined ? undefined : state.ticket(current);
    if (visitor) work += minutesPerVisitor(visitor.serviceId) / 2;
  }
  const minutes = work / Math.max(1, servers.counters.length);
  return {
    ahead: load.ahead.get(serviceId) ?? 0,
    minutes: Math.ceil(throughBreaks(config, serviceId, now, minutes)),
    openCounters: servers.open,
    minutesPerVisitor: minutesPerVisitor(serviceId),
  };
}

/** The counters that serve the service: the open ones, or all configured ones when none is open. */
function serversOf(
  state: DayView,
  config: QueueConfig,
  serviceId: string,
): { counters: CounterConfig[]; open: number } {
  const configured = config.counters.filter((c) => c.serviceIds.includes(serviceId));
  const open = configured.filter((c) => state.counters[c.id]?.status === 'open');
  return { counters: open.length > 0 ? open : configured, open: open.length };
}

/** The recent average service time over the estimate window, or the service's target before any. */
function averageServiceMinutes(state: DayView, config: QueueConfig, serviceId: string): number {
  const recent = (state.services[serviceId]?.recentServiceMs ?? []).slice(-config.settings.estimateWindow);
  if (recent.length > 0) return recent.reduce((a, b) => a + b, 0) / recent.length / 60_000;
  return config.services.find((s) => s.id === serviceId)?.targetMinutes ?? 10;
}

/**
 * `minutes` of counter time from `now`, in wall-clock minutes: a gap between today's periods of the
 * service's hours (the midday break) that the wait runs into is added. Past the last period the counters
 * keep serving the queue, so nothing is added there.
 */
function throughBreaks(config: QueueConfig, serviceId: string, now: number, minutes: number): number {
  const hours = config.services.find((s) => s.id === serviceId)?.hours ?? config.hall.hours;
  const local = hallLocalTime(now, config.hall.timeZone);
  const periods = hours[local.weekday]
    .map(([from, to]) => [clockMinutes(from), clockMinutes(to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let at = local.minuteOfDay;
  let left = minutes;
  let total = 0;
  for (let i = 0; i + 1 < periods.length; i++) {
    const end = periods[i]?.[1] ?? 0;
    const next = periods[i + 1]?.[0] ?? 0;
    if (next <= at) continue;
    if (at < end && at + left <= end) break;
    // The wait reaches the break (or starts in it): served on from when the counters come back.
    const before = Math.max(0, end - at);
    total += next - at;
    left -= before;
    at = next;
  }
  return total + left;
}

function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
