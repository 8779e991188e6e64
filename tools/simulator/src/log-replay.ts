import type { DayView, EventEnvelope, HallConfig, ReadonlyTicket } from '@antre/shared';
import { QueueDay, ticketsNamed } from '@antre/shared';

export type LegOutcome = 'done' | 'no_show' | 'transferred' | 'expired' | 'cancelled' | 'held';

/** One stay of a ticket in one service's queue: from issue (or transfer) to the end of that visit. */
export interface Leg {
  ticketId: string;
  serviceId: string;
  /** Issue time (for an offline ticket: at the kiosk, before the hub knew), or the transfer's time. */
  enteredAt: number;
  offline: boolean;
  priority: boolean;
  calledAt?: number;
  servingAt?: number;
  endedAt?: number;
  counterId?: string;
  outcome?: LegOutcome;
  calls: number;
}

/**
 * What a visitor found when the hub issued their ticket: the desks open for the service, how many of them
 * had a visitor, and how many tickets of the service waited. Only for tickets the hub issued live (an offline
 * ticket reaches the hub later, when the hall looks different).
 */
export interface Found {
  openDesks: number;
  busyDesks: number;
  waiting: number;
}

export interface CounterTime {
  openMs: number;
  busyMs: number;
}

export interface QueueSeries {
  stepMs: number;
  times: number[];
  /** Tickets waiting per service at each time. */
  waiting: Record<string, number[]>;
}

export interface ReplayResult {
  /** The state the log rebuilds, through the same reducer as the hub. */
  state: DayView;
  legs: Map<string, Leg[]>;
  /** How often each ticket id was issued (TicketIssued, LateTicketExpired). */
  issued: Map<string, number>;
  /** (day, service, number) given to more than one ticket. */
  numberClashes: string[];
  /** TicketCalled for a ticket not waiting or held, at another counter, or at a busy counter. */
  callViolations: string[];
  /** Sequence numbers that do not follow their predecessor. */
  seqGaps: string[];
  dayCloses: number;
  counters: Map<string, CounterTime>;
  queue: QueueSeries;
  calls: Set<string>;
  /** Per ticket issued live: what its visitor found (the estimate's situation). */
  found: Map<string, Found>;
}

const QUEUE_STEP_MS = 5 * 60_000;

/**
 * Replays the hub's whole event log from an empty hall day, checking on the way what must never happen
 * (a gap, a number twice, a call of a ticket that is not waiting), and gathering what the report needs:
 * each ticket's legs, each counter's open and busy time, the queue length over the day.
 */
export function replayLog(
  events: readonly EventEnvelope[],
  config: HallConfig,
  day: string,
  window: { start: number; end: number },
  callKey: (ticketId: string, counterId: string, at: number, recall: boolean) => string,
): ReplayResult {
  const state = QueueDay.empty(config, day);
  const r: ReplayResult = {
    state,
    legs: new Map(),
    issued: new Map(),
    numberClashes: [],
    callViolations: [],
    seqGaps: [],
    dayCloses: 0,
    counters: new Map(config.counters.map((c) => [c.id, { openMs: 0, busyMs: 0 }])),
    queue: {
      stepMs: QUEUE_STEP_MS,
      times: [],
      waiting: Object.fromEntries(config.services.map((s) => [s.id, []])),
    },
    calls: new Set(),
    found: new Map(),
  };
  const desksOf = new Map<string, string[]>();
  for (const c of config.counters) {
    for (const s of c.serviceIds) desksOf.set(s, [...(desksOf.get(s) ?? []), c.id]);
  }
  const numbers = new Map<string, string>();
  const waiting = new Map<string, number>();
  let lastAt = window.start;
  let nextSample = window.start;
  let lastSeq = 0;

  const sampleUntil = (t: number) => {
    while (nextSample <= t && nextSample <= window.end) {
      r.queue.times.push(nextSample);
      for (const s of config.services) r.queue.waiting[s.id]?.push(waiting.get(s.id) ?? 0);
      nextSample += QUEUE_STEP_MS;
    }
  };

  for (const e of events) {
    if (e.seq !== lastSeq + 1) r.seqGaps.push(`${lastSeq} → ${e.seq}`);
    lastSeq = e.seq;
    sampleUntil(e.at);
    accrueCounterTime(state, r.counters, Math.max(0, e.at - lastAt));
    lastAt = Math.max(lastAt, e.at);

    const involved = ticketsNamed(e.event);
    const before = new Map(involved.map((id) => [id, queueKey(state.tickets[id])]));
    checkBefore(state, e, r, numbers);
    if (e.event.type === 'TicketIssued') {
      const t = e.event.ticket;
      if (t.origin.kind !== 'kiosk' || !t.origin.offline)
        r.found.set(t.id, found(state, desksOf.get(t.serviceId) ?? [], t.serviceId));
    }
    state.apply(e);
    recordLegs(state, e, r.legs);
    for (const id of involved) {
      const was = before.get(id);
      const now = queueKey(state.tickets[id]);
      if (was !== undefined) waiting.set(was, (waiting.get(was) ?? 1) - 1);
      if (now !== undefined) waiting.set(now, (waiting.get(now) ?? 0) + 1);
    }
    if (e.event.type === 'TicketCalled')
      r.calls.add(callKey(e.event.ticketId, e.event.counterId, e.at, false));
    if (e.event.type === 'TicketRecalled')
      r.calls.add(callKey(e.event.ticketId, e.event.counterId, e.at, true));
    if (e.event.type === 'DayClosed') r.dayCloses += 1;
  }
  sampleUntil(window.end);
  return r;
}

function found(state: DayView, desks: readonly string[], serviceId: string): Found {
  const open = desks.map((id) => state.counters[id]).filter((c) => c?.status === 'open');
  return {
    openDesks: open.length,
    busyDesks: open.filter((c) => c?.currentTicketId !== undefined).length,
    waiting: state.waiting().byService.get(serviceId) ?? 0,
  };
}

/** The service a ticket waits in, if it waits. */
function queueKey(t: ReadonlyTicket | undefined): string | undefined {
  return t?.status === 'waiting' ? t.serviceId : undefined;
}

function checkBefore(state: DayView, e: EventEnvelope, r: ReplayResult, numbers: Map<string, string>): void {
  const ev = e.event;
  if (ev.type === 'TicketIssued' || ev.type === 'LateTicketExpired') {
    const t = ev.ticket;
    r.issued.set(t.id, (r.issued.get(t.id) ?? 0) + 1);
    const key = `${t.day} ${t.serviceId} ${t.number}`;
    const holder = numbers.get(key);
    if (holder !== undefined && holder !== t.id)
      r.numberClashes.push(`${t.displayNumber} (${key}): ${holder} and ${t.id}`);
    numbers.set(key, t.id);
  }
  if (ev.type === 'TicketCalled') {
    const t = state.tickets[ev.ticketId];
    const where = `seq ${e.seq}: ${t?.displayNumber ?? ev.ticketId} at ${ev.counterId}`;
    if (!t) r.callViolations.push(`${where}: unknown ticket`);
    else if (t.status !== 'waiting' && t.status !== 'held')
      r.callViolations.push(`${where}: ticket was ${t.status}`);
    const elsewhere = Object.values(state.counters).find(
      (c) => c.currentTicketId === ev.ticketId && c.id !== ev.counterId,
    );
    if (elsewhere) r.callViolations.push(`${where}: already at ${elsewhere.id}`);
    const busy = state.counters[ev.counterId]?.currentTicketId;
    if (busy !== undefined) r.callViolations.push(`${where}: counter still had ${busy}`);
  }
}

function accrueCounterTime(state: DayView, counters: Map<string, CounterTime>, dt: number): void {
  if (dt === 0) return;
  for (const c of Object.values(state.counters)) {
    const time = counters.get(c.id);
    if (!time) continue;
    if (c.status === 'open') time.openMs += dt;
    if (c.currentTicketId !== undefined) time.busyMs += dt;
  }
}

function recordLegs(state: DayView, e: EventEnvelope, legs: Map<string, Leg[]>): void {
  const ev = e.event;
  const current = (id: string) => legs.get(id)?.at(-1);
  const open = (t: ReadonlyTicket, serviceId: string, enteredAt: number) => {
    const list = legs.get(t.id) ?? [];
    list.push({
      ticketId: t.id,
      serviceId,
      enteredAt,
      offline: t.origin.kind === 'kiosk' && t.origin.offline,
      priority: t.priority !== 'none',
      calls: 0,
    });
    legs.set(t.id, list);
  };
  const end = (id: string, outcome: LegOutcome) => {
    const leg = current(id);
    if (leg && leg.outcome === undefined) {
      leg.outcome = outcome;
      leg.endedAt = e.at;
    }
  };
  switch (ev.type) {
    case 'TicketIssued':
      open(ev.ticket, ev.ticket.serviceId, ev.ticket.issuedAt);
      break;
    case 'TicketCalled': {
      let leg = current(ev.ticketId);
      const t = state.tickets[ev.ticketId];
      // Called again after a hold: a new stay at the desk.
      if (leg?.outcome === 'held' && t) {
        open(t, t.serviceId, e.at);
        leg = current(ev.ticketId);
      }
      if (!leg) break;
      leg.calledAt ??= e.at;
      leg.calls += 1;
      leg.counterId = ev.counterId;
      break;
    }
    case 'TicketRecalled': {
      const leg = current(ev.ticketId);
      if (leg) leg.calls += 1;
      break;
    }
    case 'ServingStarted': {
      const leg = current(ev.ticketId);
      if (leg) leg.servingAt ??= e.at;
      break;
    }
    case 'TicketFinished':
      end(ev.ticketId, 'done');
      break;
    case 'TicketNoShow':
      end(ev.ticketId, 'no_show');
      break;
    case 'TicketHeld':
      end(ev.ticketId, 'held');
      break;
    case 'TicketCancelled':
      end(ev.ticketId, 'cancelled');
      break;
    case 'TicketTransferred': {
      end(ev.ticketId, 'transferred');
      const t = state.tickets[ev.ticketId];
      if (t) open(t, ev.toServiceId, e.at);
      break;
    }
    case 'TicketPutBack': {
      const t = state.tickets[ev.ticketId];
      if (t) open(t, t.serviceId, e.at);
      break;
    }
    case 'DayClosed':
      for (const id of ev.expiredTicketIds) end(id, 'expired');
      break;
    default:
      break;
  }
}
