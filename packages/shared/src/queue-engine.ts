import type { Actor } from './access-policy.js';
import type { Command } from './commands.js';
import { appointmentRank, appointmentStreak, mergeRegular } from './appointment-merge.js';
import { bookedSeatsAhead } from './booked-seats-ahead.js';
import type { DomainEvent } from './domain-events.js';
import type {
  OpenBooking,
  ReadonlyCounterState,
  ReadonlyTicket,
  Ticket,
  TicketAppointment,
  TicketOrigin,
} from './domain-types.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import { unstartedVisitor } from './unstarted-visitor.js';
import type { CounterConfig, QueueConfig, ServiceConfig } from './hall-config.js';
import { hallDay } from './hall-clock.js';
import type { DayView } from './queue-day.js';
import { numberKey } from './queue-state.js';
import { issueRefusal, issueRefusalError } from './service-refusal.js';
import { findTicket } from './ticket-lookup.js';
import { destinationStatus, transferDestination } from './transfer-rule.js';
import { formatTicketNumber } from './ticket-number.js';
import { estimateWait } from './wait-estimate.js';
import type { VisitCommand } from './visit-commands.js';
import { decideVisitCommand } from './visit-commands.js';
import { issueVisit, singleServiceOf, withOfflineVisit } from './visit-issue.js';
import { withVisitRouting } from './visit-routing.js';

export interface EngineContext {
  config: QueueConfig;
  now: number;
  /**
   * Who sent the command, for the record (a ticket's origin, a cancel's author). Whether they may is the
   * policy's question (`authorizeCommand`), asked before the engine is.
   */
  actor: Actor;
  /** Makes a new globally unique ticket id. */
  newId: () => string;
  /**
   * Seats of today's bookings still held for a service (booked, not checked in, check-in not yet closed):
   * walk-ins cannot take them from the daily quota (`BookingBook.heldSeats`). Absent: none.
   */
  heldSeats?: (serviceId: string) => number;
}

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

const ok = (...events: DomainEvent[]): Decision => ({ ok: true, events });
const fail = (error: DomainError): Decision => ({ ok: false, error });

/**
 * The events that close the state's day when `now` lies in a later hall day; none otherwise. `openBookings`
 * names the new day's booked seats (the hub's `BookingBook`), which the new day starts with.
 */
export function rolloverEvents(
  state: DayView,
  config: QueueConfig,
  now: number,
  openBookings?: (day: string) => Record<string, OpenBooking>,
): DomainEvent[] {
  const today = hallDay(now, config.hall.timeZone);
  if (today <= state.day) return [];
  const close = closeDayEvent(state, today);
  const open = openBookings?.(today) ?? {};
  return [Object.keys(open).length > 0 ? { ...close, openBookings: open } : close];
}

function closeDayEvent(state: DayView, nextDay: string): Extract<DomainEvent, { type: 'DayClosed' }> {
  const expiredTicketIds = state
    .allTickets()
    .filter(
      (t) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving' || t.status === 'held',
    )
    .map((t) => t.id);
  return { type: 'DayClosed', day: state.day, nextDay, expiredTicketIds };
}

/**
 * Decides what a command does to the queue: the events to log, or why it is refused.
 * Pure: reads the state, never changes it. The caller logs the events, then applies them.
 * The state must already be in the current hall day (see `rolloverEvents`).
 */
export function decide(state: DayView, command: Command, ctx: EngineContext): Decision {
  switch (command.type) {
    case 'issueTicket': {
      // A visit of several services is planned in `visit-issue.ts`, numbered here like any ticket.
      const single = singleServiceOf(command);
      if (single !== undefined) return issueTicket(state, single, command.priority, ctx);
      return issueVisit(state, command, ctx, (id) => issueTicket(state, id, command.priority, ctx));
    }
    case 'syncOfflineTicket':
      return withOfflineVisit(command, ctx, syncOfflineTicket(state, command, ctx));
    case 'leaseNumbers':
      return leaseNumbers(state, command.serviceId, ctx);
    case 'reportPrintFailure': {
      const t = state.ticket(command.ticketId);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticketId} today`));
      return ok({
        type: 'PrintFailed',
        ticketId: t.id,
        kioskId: kioskOf(ctx.actor, command),
        reason: command.reason,
      });
    }
    case 'closeDay': {
      const today = hallDay(ctx.now, ctx.config.hall.timeZone);
      // Closing by hand before midnight (the hall shuts early) expires what still waits but keeps the day:
      // its numbers and leases stay, so no number is given twice. The new day starts only at midnight.
      return ok(closeDayEvent(state, today > state.day ? today : state.day));
    }
    case 'cancelTicket': {
      const t = findTicket(state, ctx.config, command.ticket);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticket} today`));
      if (t.status !== 'waiting' && t.status !== 'held' && t.status !== 'called') {
        return fail(
          domainError('TICKET_NOT_CALLABLE', `ticket ${t.displayNumber} is ${t.status}`, {
            ticket: t.displayNumber,
            status: t.status,
          }),
        );
      }
      return ok({ type: 'TicketCancelled', ticketId: t.id, by: actorName(ctx.actor) });
    }
    case 'addVisitLeg':
    case 'skipVisitLeg':
    case 'reorderVisitLegs':
      return decideVisitCommand(state, command, ctx);
    default:
      // A finish or no-show of a visit's leg moves the ticket on to its next leg (`visit-routing.ts`).
      return withVisitRouting(state, command, decideAtCounter(state, command, ctx), ctx);
  }
}

function decideAtCounter(
  state: DayView,
  command: Exclude<Extract<Command, { counterId: string }>, VisitCommand>,
  ctx: EngineContext,
): Decision {
  const cfg = ctx.config.counters.find((c) => c.id === command.counterId);
  const counter = state.counters[command.counterId];
  if (!cfg || !counter) return fail(domainError('UNKNOWN_COUNTER', `no counter ${command.counterId}`));
  const current = counter.currentTicketId === undefined ? undefined : state.ticket(counter.currentTicketId);

  switch (command.type) {
    case 'setCounterStatus': {
      const reason = command.status === 'paused' ? command.reason : undefined;
      const staff = ctx.actor.kind === 'staff' ? ctx.actor.username : undefined;
      const sameStaff = staff === undefined || staff === counter.staff || command.status === 'closed';
      if (command.status === counter.status && reason === counter.pauseReason && sameStaff) return ok();
      // A visitor at the desk is finished, held or transferred first: a break never strands a ticket.
      if (command.status !== 'open' && current) return fail(busy(current));
      const event: DomainEvent = { type: 'CounterStatusChanged', counterId: cfg.id, status: command.status };
      if (reason !== undefined) event.reason = reason;
      if (staff !== undefined) event.staff = staff;
      if (command.status !== 'closed') return ok(event);
      // Visitors this counter held go back to their queue, where any counter of the service can call them.
      const released: DomainEvent[] = state
        .allTickets()
        .filter((t) => t.status === 'held' && t.counterId === cfg.id)
        .map((t) => ({ type: 'TicketPutBack', ticketId: t.id, counterId: cfg.id, rank: t.rank }));
      return ok(event, ...released);
    }
    case 'callNext': {
      if (counter.status !== 'open') return fail(notOpen(cfg));
      const front = frontOfQueue(state, cfg);
      const next = chooseNext(front, counter, ctx.config.settings.priorityStreak, {
        state,
        config: ctx.config,
        now: ctx.now,
      });
      if (!next) return fail(domainError('QUEUE_EMPTY', `nobody waits for counter ${cfg.name}`));
      // Priority calls count towards the streak only while a regular visitor waits: it exists to stop starving them.
      const priorityStreak = next.priority === 'none' || !front.regular ? 0 : counter.priorityStreak + 1;
      const ending = current
        ? endCurrentVisit(current, cfg, command, ctx)
        : { ok: true as const, events: [] };
      if (!ending.ok) return ending;
      return ok(...ending.events, {
        type: 'TicketCalled',
        ticketId: next.id,
        counterId: cfg.id,
        via: 'next',
        priorityStreak,
        callIndex: next.calls.length,
      });
    }
    case 'callTicket': {
      if (counter.status !== 'open') return fail(notOpen(cfg));
      if (current) return fail(busy(current));
      const t = findTicket(state, ctx.config, command.ticket);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticket} today`));
      const refusal = notCallableHere(t, cfg);
      if (refusal) return fail(refusal);
      return ok({
        type: 'TicketCalled',
        ticketId: t.id,
        counterId: cfg.id,
        via: 'specific',
        priorityStreak: counter.priorityStreak,
        callIndex: t.calls.length,
      });
    }
    case 'recall': {
      if (!current || current.status !== 'called') {
        return fail(notCalled(cfg, current, 'has no called ticket to recall'));
      }
      return ok({
        type: 'TicketRecalled',
        ticketId: current.id,
        counterId: cfg.id,
        callIndex: current.calls.length,
      });
    }
    case 'startServing': {
      if (!current || current.status !== 'called')
        return fail(notCalled(cfg, current, 'has no called ticket'));
      return ok({ type: 'ServingStarted', ticketId: current.id, counterId: cfg.id });
    }
    case 'finish':
    case 'noShow': {
      if (!current) return fail(domainError('NO_CURRENT_TICKET', `counter ${cfg.name} serves no ticket`));
      if (command.ticketId !== undefined && command.ticketId !== current.id) {
        return fail(
          domainError('TICKET_MISMATCH', `counter ${cfg.name} now serves ${current.displayNumber}`),
        );
      }
      if (command.type === 'noShow' && command.confirm !== true) {
        const early = earlyNoShow(current, ctx);
        if (early) return fail(early);
      }
      return ok({
        type: command.type === 'finish' ? 'TicketFinished' : 'TicketNoShow',
        ticketId: current.id,
        counterId: cfg.id,
      });
    }
    case 'hold': {
      if (!current) return fail(domainError('NO_CURRENT_TICKET', `counter ${cfg.name} serves no ticket`));
      return ok({ type: 'TicketHeld', ticketId: current.id, counterId: cfg.id });
    }
    case 'transfer':
      return transfer(state, cfg, current, command, ctx);
    case 'putBack': {
      const t = findTicket(state, ctx.config, command.ticket);
      if (!t) return fail(domainError('UNKNOWN_TICKET', `no ticket ${command.ticket} today`));
      if (t.status !== 'no_show') {
        return fail(
          domainError('TICKET_NOT_CALLABLE', `ticket ${t.displayNumber} is ${t.status}, not a no-show`, {
            ticket: t.displayNumber,
            status: t.status,
          }),
        );
      }
      return ok({
        type: 'TicketPutBack',
        ticketId: t.id,
        counterId: cfg.id,
        rank: frontRank(state, t.serviceId, t),
      });
    }
  }
}

function transfer(
  state: DayView,
  cfg: CounterConfig,
  current: ReadonlyTicket | undefined,
  command: Extract<Command, { type: 'transfer' }>,
  ctx: EngineContext,
): Decision {
  if (!current) return fail(domainError('NO_CURRENT_TICKET', `counter ${cfg.name} serves no ticket`));
  const target = transferDestination(ctx.config, cfg, current, command);
  if (!target.ok) return target;
  const { serviceId: toServiceId, counterId: toCounterId } = target.destination;
  const counters = destinationStatus(state, ctx.config, target.destination);
  if (counters.open + counters.paused === 0 && command.confirm !== true) {
    // Nobody will call the visitor there soon: staff say so to the visitor, or choose another target.
    const where = toCounterId === undefined ? `service ${toServiceId}` : `counter ${toCounterId}`;
    return fail(
      domainError('TARGET_CLOSED', `every counter of ${where} is closed`, {
        serviceId: toServiceId,
        ...(toCounterId === undefined ? {} : { counterId: toCounterId }),
      }),
    );
  }
  const event: DomainEvent = {
    type: 'TicketTransferred',
    ticketId: current.id,
    fromCounterId: cfg.id,
    toServiceId,
    rank: command.front ? frontRank(state, toServiceId, current) : ctx.now,
  };
  if (toCounterId !== undefined) event.toCounterId = toCounterId;
  if (command.note !== undefined) event.note = command.note;
  return ok(event);
}

/**
 * How the visit at the desk ends when call next is pressed. A visitor being served is finished, as staff expect
 * from one button; a visitor only called has not been seen, so the command must say what happened (`previous`)
 * rather than record a visit as served by accident. A no-show this way meets the same safeguards as `noShow`.
 */
function endCurrentVisit(
  current: ReadonlyTicket,
  cfg: CounterConfig,
  command: Extract<Command, { type: 'callNext' }>,
  ctx: EngineContext,
): Decision {
  const unstarted = command.previous === undefined ? unstartedVisitor(current) : undefined;
  if (unstarted) return fail(unstarted);
  if (command.previous === 'noShow') {
    const early = command.confirm === true ? undefined : earlyNoShow(current, ctx);
    if (early) return fail(early);
    return ok({ type: 'TicketNoShow', ticketId: current.id, counterId: cfg.id });
  }
  return ok({ type: 'TicketFinished', ticketId: current.id, counterId: cfg.id });
}

/**
 * Why a no-show now would be early, by the hall's safeguards: too soon after the call, or before enough
 * recalls. Only for a visitor still awaited (called); one being served was seen at the desk.
 */
function earlyNoShow(ticket: ReadonlyTicket, ctx: EngineContext): DomainError | undefined {
  if (ticket.status !== 'called') return undefined;
  const { noShowMinSeconds, noShowMinRecalls } = ctx.config.settings;
  const secondsSinceCall = Math.floor((ctx.now - (ticket.calledAt ?? ctx.now)) / 1000);
  const recalls = recallsSinceCall(ticket);
  if (secondsSinceCall >= noShowMinSeconds && recalls >= noShowMinRecalls) return undefined;
  return domainError(
    'NO_SHOW_TOO_EARLY',
    `${ticket.displayNumber} was called ${secondsSinceCall} s ago and recalled ${recalls} time(s)`,
    {
      ticket: ticket.displayNumber,
      secondsSinceCall,
      minSeconds: noShowMinSeconds,
      recalls,
      minRecalls: noShowMinRecalls,
    },
  );
}

/** Recalls since the ticket's latest call (a held ticket called back starts counting afresh). */
function recallsSinceCall(ticket: ReadonlyTicket): number {
  let recalls = 0;
  for (let i = ticket.calls.length - 1; i >= 0 && ticket.calls[i]?.recall === true; i -= 1) recalls += 1;
  return recalls;
}

/**
 * Why counter `cfg` may not call ticket `t` by its number, or undefined when it may: a waiting ticket for this
 * counter (its service, or sent here alone), or one this counter holds. A ticket that is not this counter's at
 * all says so first; its status matters only for one the counter could otherwise call.
 */
function notCallableHere(t: ReadonlyTicket, cfg: CounterConfig): DomainError | undefined {
  const heldHere = t.status === 'held' && t.counterId === cfg.id;
  if (heldHere || (t.status === 'waiting' && isForCounter(t, cfg))) return undefined;
  if (t.status === 'waiting' || !cfg.serviceIds.includes(t.serviceId)) {
    return domainError('TICKET_NOT_FOR_COUNTER', `ticket ${t.displayNumber} is not for counter ${cfg.name}`, {
      ticket: t.displayNumber,
      serviceId: t.serviceId,
      ...(t.targetCounterId === undefined ? {} : { targetCounterId: t.targetCounterId }),
    });
  }
  return domainError('TICKET_NOT_CALLABLE', `ticket ${t.displayNumber} is ${t.status}`, {
    ticket: t.displayNumber,
    status: t.status,
    ...(t.counterId === undefined ? {} : { counterId: t.counterId }),
  });
}

/**
 * The next ticket for a counter: among the services it serves (and tickets sent to it alone),
 * the one that has waited longest, priority groups first — but after `maxStreak` priority calls
 * in a row a waiting regular visitor goes, so nobody is starved. 0 means priority always first.
 */
export function pickNext(
  state: DayView,
  cfg: CounterConfig,
  counter: ReadonlyCounterState,
  maxStreak: number,
  /** For appointments merged with walk-ins (`appointment-merge.ts`); without it, rank order alone. */
  merge?: { config: QueueConfig; now: number },
): ReadonlyTicket | undefined {
  return chooseNext(frontOfQueue(state, cfg), counter, maxStreak, merge && { state, ...merge });
}

interface FrontOfQueue {
  priority?: ReadonlyTicket;
  regular?: ReadonlyTicket;
  /** The first regular ticket that is no appointment. */
  walkIn?: ReadonlyTicket;
}

/** The first priority-group ticket and the first regular ticket waiting for a counter. */
function frontOfQueue(state: DayView, cfg: CounterConfig): FrontOfQueue {
  const front: FrontOfQueue = {};
  for (const t of state.waitingTickets()) {
    if (!isForCounter(t, cfg)) continue;
    const cls = t.priority === 'none' ? 'regular' : 'priority';
    const best = front[cls];
    if (!best || goesBefore(t, best, cfg)) front[cls] = t;
    if (
      cls === 'regular' &&
      t.appointment === undefined &&
      (!front.walkIn || goesBefore(t, front.walkIn, cfg))
    )
      front.walkIn = t;
  }
  return front;
}

function chooseNext(
  front: FrontOfQueue,
  counter: ReadonlyCounterState,
  maxStreak: number,
  merge: { state: DayView; config: QueueConfig; now: number } | undefined,
): ReadonlyTicket | undefined {
  const regular =
    front.regular && merge && front.regular.appointment !== undefined && front.walkIn
      ? mergeRegular({
          first: front.regular,
          walkIn: front.walkIn,
          streak: appointmentStreak(merge.state, counter.id),
          config: merge.config,
          now: merge.now,
        })
      : front.regular;
  if (!front.priority) return regular;
  if (!regular) return front.priority;
  return maxStreak === 0 || counter.priorityStreak < maxStreak ? front.priority : regular;
}

function isForCounter(t: ReadonlyTicket, cfg: CounterConfig): boolean {
  return t.targetCounterId === undefined
    ? cfg.serviceIds.includes(t.serviceId)
    : t.targetCounterId === cfg.id;
}

function goesBefore(a: ReadonlyTicket, b: ReadonlyTicket, cfg: CounterConfig): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  const order = cfg.serviceIds.indexOf(a.serviceId) - cfg.serviceIds.indexOf(b.serviceId);
  if (order !== 0) return order < 0;
  return a.number < b.number;
}

/** A rank ahead of every ticket waiting in the service, and no later than the ticket's own issue time. */
function frontRank(state: DayView, serviceId: string, ticket: ReadonlyTicket): number {
  let min = ticket.issuedAt;
  for (const t of state.waitingTickets()) {
    if (t.serviceId === serviceId && t.id !== ticket.id && t.rank <= min) min = t.rank - 1;
  }
  return min;
}

/**
 * The ticket of a checked-in appointment (`booking-commands.ts` decided the check-in may happen): numbered like
 * any ticket of the service, ranked at its slot's start (`appointment-merge.ts`). Its seat was counted in the
 * day's quota when it was booked, so the quota does not refuse it.
 */
export function issueAppointmentTicket(
  state: DayView,
  serviceId: string,
  priority: Ticket['priority'],
  appointment: TicketAppointment,
  ctx: EngineContext,
): Decision {
  return issueTicket(state, serviceId, priority, ctx, appointment);
}

function issueTicket(
  state: DayView,
  serviceId: string,
  priority: Ticket['priority'],
  ctx: EngineContext,
  appointment?: TicketAppointment,
): Decision {
  const service = ctx.config.services.find((s) => s.id === serviceId);
  if (!service) return fail(domainError('UNKNOWN_SERVICE', `no service ${serviceId}`));
  const refusal = issueRefusal(
    state,
    ctx.config,
    service,
    ctx.now,
    appointment ? 0 : (ctx.heldSeats?.(serviceId) ?? 0),
  );
  if (refusal && !(appointment && refusal.code === 'QUOTA_REACHED'))
    return fail(issueRefusalError(service.id, refusal));
  const number = nextHubNumber(state, serviceId);
  const origin: TicketOrigin =
    ctx.actor.kind === 'kiosk'
      ? { kind: 'kiosk', kioskId: ctx.actor.kioskId, offline: false }
      : ctx.actor.kind === 'staff'
        ? { kind: 'staff', username: ctx.actor.username }
        : { kind: 'online' };
  // The estimate follows the calling rule: a priority ticket is placed among the priority groups.
  // Booked seats count as the merge rule calls them: a walk-in queues from now, an appointment from its slot.
  const extraWaiting = bookedSeatsAhead({
    rank: appointment ? appointmentRank(appointment.slotStart) : ctx.now,
    now: ctx.now,
    openBookings: state.openBookings,
    waiting: state.waitingTickets(),
    config: ctx.config,
    ...(appointment ? { own: appointment.bookingId } : {}),
  });
  const { ahead, minutes, low, high } = estimateWait(state, ctx.config, serviceId, ctx.now, {
    priority,
    extraWaiting,
  });
  const estimate =
    low === undefined || high === undefined ? { ahead, minutes } : { ahead, minutes, low, high };
  const ticket = newTicket(service, number, state.day, ctx.now, ctx.newId(), origin, priority, estimate);
  if (appointment) {
    ticket.appointment = { ...appointment };
    ticket.rank = appointmentRank(appointment.slotStart);
  }
  return ok({ type: 'TicketIssued', ticket });
}

function nextHubNumber(state: DayView, serviceId: string): number {
  let n = (state.services[serviceId]?.lastNumber ?? 0) + 1;
  // Skip numbers leased to kiosks for offline use, so the two never collide.
  for (;;) {
    const lease = state.leases.find((l) => l.serviceId === serviceId && n >= l.from && n <= l.to);
    if (!lease) break;
    n = lease.to + 1;
  }
  while (state.numbersUsed[numberKey(serviceId, n)] !== undefined) n += 1;
  return n;
}

function leaseNumbers(state: DayView, serviceId: string, ctx: EngineContext): Decision {
  if (!ctx.config.services.some((s) => s.id === serviceId)) {
    return fail(domainError('UNKNOWN_SERVICE', `no service ${serviceId}`));
  }
  const svc = state.services[serviceId];
  const from = Math.max(svc?.leaseCursor ?? 0, ctx.config.settings.leaseStart, (svc?.lastNumber ?? 0) + 1);
  return ok({
    type: 'NumbersLeased',
    kioskId: kioskOf(ctx.actor, 'leaseNumbers'),
    serviceId,
    from,
    to: from + ctx.config.settings.leaseBlockSize - 1,
  });
}

function syncOfflineTicket(
  state: DayView,
  command: Extract<Command, { type: 'syncOfflineTicket' }>,
  ctx: EngineContext,
): Decision {
  const kioskId = kioskOf(ctx.actor, command);
  const existing = state.ticket(command.ticketId);
  // The same ticket arriving twice (a retry after a lost ack) changes nothing.
  if (existing) return ok();
  const service = ctx.config.services.find((s) => s.id === command.serviceId);
  if (!service) return fail(domainError('UNKNOWN_SERVICE', `no service ${command.serviceId}`));
  const issuedDay = hallDay(command.issuedAt, ctx.config.hall.timeZone);
  if (command.issuedAt < ctx.now - LATE_TICKET_MAX_AGE_MS || command.issuedAt > ctx.now + CLOCK_SKEW_MS) {
    // A kiosk clock far off (or a forged time) must not write history or jump the queue.
    return fail(
      domainError('VALIDATION_FAILED', `issuedAt ${command.issuedAt} is not a plausible issue time`),
    );
  }
  if (issuedDay < state.day) {
    // Issued offline on a day that has closed since: its visitor has gone home. It is logged, expired,
    // for the reports, and the kiosk may forget it; today's queue and numbers are not touched.
    const ticket = newTicket(
      service,
      command.number,
      issuedDay,
      command.issuedAt,
      command.ticketId,
      { kind: 'kiosk', kioskId, offline: true },
      command.priority,
      { ahead: 0, minutes: 0 },
    );
    return ok({ type: 'LateTicketExpired', ticket: { ...ticket, status: 'expired', endedAt: ctx.now } });
  }
  const leased = state.leases.some(
    (l) =>
      l.kioskId === kioskId &&
      l.serviceId === service.id &&
      command.number >= l.from &&
      command.number <= l.to,
  );
  if (!leased) {
    return fail(domainError('LEASE_INVALID', `${command.number} is not leased to kiosk ${kioskId} today`));
  }
  if (state.numbersUsed[numberKey(service.id, command.number)] !== undefined) {
    return fail(
      domainError('DUPLICATE_NUMBER', `${formatTicketNumber(service.prefix, command.number)} is used`),
    );
  }
  const ticket = newTicket(
    service,
    command.number,
    state.day,
    command.issuedAt,
    command.ticketId,
    { kind: 'kiosk', kioskId, offline: true },
    command.priority,
    { ahead: 0, minutes: 0 },
  );
  return ok({ type: 'TicketIssued', ticket });
}

function newTicket(
  service: ServiceConfig,
  number: number,
  day: string,
  issuedAt: number,
  id: string,
  origin: TicketOrigin,
  priority: Ticket['priority'],
  estimate: Ticket['estimate'],
): Ticket {
  return {
    id,
    serviceId: service.id,
    prefix: service.prefix,
    number,
    displayNumber: formatTicketNumber(service.prefix, number),
    day,
    issuedAt,
    origin,
    priority,
    status: 'waiting',
    // Offline tickets join in issue-time order: their rank is when they were issued, not when they arrived.
    rank: issuedAt,
    calls: [],
    transfers: [],
    estimate,
  };
}

/** Offline tickets older than this are refused: a kiosk is never offline for a week and still in use. */
const LATE_TICKET_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** How far ahead of the hub a kiosk's clock may run. */
const CLOCK_SKEW_MS = 5 * 60_000;

function notOpen(cfg: CounterConfig): DomainError {
  return domainError('COUNTER_NOT_OPEN', `counter ${cfg.name} is not open`);
}

/** No ticket only called at the counter: none at all, or one already being served (named in the details). */
function notCalled(cfg: CounterConfig, current: ReadonlyTicket | undefined, what: string): DomainError {
  return domainError(
    'NO_CURRENT_TICKET',
    `counter ${cfg.name} ${what}`,
    current ? { ticket: current.displayNumber, status: current.status } : undefined,
  );
}

function busy(current: ReadonlyTicket): DomainError {
  return domainError('COUNTER_BUSY', `finish ${current.displayNumber} first`, {
    ticket: current.displayNumber,
  });
}

function actorName(actor: Actor): string {
  return actor.kind === 'staff'
    ? actor.username
    : actor.kind === 'kiosk'
      ? `kiosk:${actor.kioskId}`
      : 'system';
}

/**
 * The kiosk a kiosk's command comes from. The policy lets only kiosks send these commands, so another
 * actor here is a bug in the caller, not a refusal to answer.
 */
function kioskOf(actor: Actor, command: { type: string } | string): string {
  if (actor.kind === 'kiosk') return actor.kioskId;
  throw new Error(`${typeof command === 'string' ? command : command.type} comes from kiosks only`);
}
