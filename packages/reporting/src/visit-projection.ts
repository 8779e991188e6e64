import type {
  ConfigChange,
  DomainEvent,
  HallTimeZone,
  QueueConfig,
  Ticket,
  TicketOrigin,
  VisitPosition,
} from '@antre/shared';
import {
  followVisit,
  hallLocalTime,
  nextHallMidnight,
  staffOfActorTag,
  visitPositionOf,
} from '@antre/shared';
import type {
  CounterSessionRow,
  LegOutcome,
  LegRow,
  LoggedEvent,
  RowChanges,
  VisitOrigin,
  VisitRow,
} from './report-rows.js';
import { dayNumber, dayString, emptyChanges, weekdayOf } from './report-rows.js';

interface OpenVisit {
  visit: VisitRow;
  legs: LegRow[];
  /** Which service it is on, and its legs' services by leg index (`VisitRouted` names a leg by its index). */
  position: VisitPosition;
}

interface CounterNow {
  session: CounterSessionRow | null;
  /** Who opened the counter last: the staff of a call whose event names nobody (logs before actor tags). */
  staff: string | null;
}

/**
 * The reporting projection: feed it the log's events in order and it keeps one `VisitRow` per ticket, one
 * `LegRow` per visit transaction and one `CounterSessionRow` per open or paused stretch of a counter, and
 * tells which rows changed (`takeChanges`). Pure and deterministic: a rebuild from the whole log and a
 * projection fed event by event (or restarted from its stored open rows, `resume`) give the same rows.
 *
 * It holds only what can still change: the open day's tickets and counters. A closed day's rows are final,
 * except that a ticket issued offline on a closed day may still arrive (`LateTicketExpired`).
 */
export class VisitProjection {
  private readonly tickets = new Map<string, OpenVisit>();
  private readonly counters = new Map<string, CounterNow>();
  private readonly agencyOf = new Map<string, string>();
  private readonly targetOf = new Map<string, number>();
  private changes: RowChanges = emptyChanges();
  private readonly dirtyVisits = new Set<OpenVisit>();
  private readonly dirtyLegs = new Set<LegRow>();
  private readonly dirtySessions = new Set<CounterSessionRow>();
  /** The seq of the last event applied. */
  seq = 0;

  /** The hall's time zone as the config stands at the last event applied. */
  private timeZone: HallTimeZone;

  /** `config`: the hall's config as it stood before the first event this projection applies. */
  constructor(config: QueueConfig) {
    this.timeZone = config.hall.timeZone;
    this.learnServices(config.services);
  }

  /**
   * Follows a config change as the log has it, so that a service added or retargeted in the admin console
   * counts with its own agency and target from then on; a removed service keeps both for its earlier rows.
   */
  followConfig(change: ConfigChange): void {
    switch (change.type) {
      case 'add':
      case 'update':
        if (change.item.kind === 'service') this.learnServices([change.item.value]);
        break;
      case 'setHall':
        this.timeZone = change.hall.timeZone;
        break;
      case 'import':
        this.timeZone = change.config.hall.timeZone;
        this.learnServices(change.config.services);
        break;
      case 'remove':
      case 'setSettings':
        break;
    }
  }

  private learnServices(services: QueueConfig['services']): void {
    for (const s of services) {
      this.agencyOf.set(s.id, s.agencyId);
      this.targetOf.set(s.id, Math.round(s.targetMinutes * 60));
    }
  }

  /**
   * Takes up where a stored projection stopped: the open day's rows (visits with their legs, and the
   * counters' sessions that have not ended), as `takeChanges` handed them out, and the last seq applied.
   */
  resume(
    seq: number,
    visits: readonly VisitRow[],
    legs: readonly LegRow[],
    sessions: readonly CounterSessionRow[],
  ) {
    this.seq = seq;
    const byTicket = new Map<string, LegRow[]>();
    for (const leg of legs) {
      const list = byTicket.get(leg.ticketId) ?? [];
      list.push({ ...leg });
      byTicket.set(leg.ticketId, list);
    }
    for (const visit of visits) {
      const own = (byTicket.get(visit.ticketId) ?? []).sort((a, b) => a.leg - b.leg);
      if (own.length === 0) continue;
      // The plan is not among the stored rows: a visit resumed mid-way records no further routed legs.
      const serviceId = own[own.length - 1]?.serviceId ?? '';
      this.tickets.set(visit.ticketId, { visit: { ...visit }, legs: own, position: { serviceId, legs: [] } });
    }
    for (const session of sessions) {
      if (session.endedAt !== null) continue;
      this.counters.set(session.counterId, { session: { ...session }, staff: session.staff });
    }
  }

  /** Applies one logged event; events must come in seq order. */
  apply(logged: LoggedEvent): void {
    const { event, at, seq } = logged;
    this.seq = seq;
    switch (event.type) {
      case 'TicketIssued':
        this.issued(event.ticket, false);
        break;
      case 'LateTicketExpired':
        this.issued(event.ticket, true);
        break;
      case 'TicketCalled':
        this.called(event.ticketId, event.counterId, at, logged.actor);
        break;
      case 'TicketRecalled': {
        const open = this.tickets.get(event.ticketId);
        if (!open) break;
        currentLeg(open).recalls += 1;
        open.visit.recalls += 1;
        this.touch(open);
        break;
      }
      case 'ServingStarted': {
        const open = this.tickets.get(event.ticketId);
        if (!open) break;
        const leg = currentLeg(open);
        leg.startedAt = at;
        leg.walkS = seconds(leg.lastCalledAt ?? at, at);
        leg.state = 'serving';
        this.touch(open);
        break;
      }
      case 'TicketFinished':
        this.endLeg(event.ticketId, 'served', at);
        break;
      case 'TicketNoShow':
        this.endLeg(event.ticketId, 'no_show', at);
        break;
      case 'TicketCancelled':
        this.endLeg(event.ticketId, 'cancelled', at);
        break;
      case 'TicketHeld': {
        const open = this.tickets.get(event.ticketId);
        if (!open) break;
        this.release(open, at);
        currentLeg(open).state = 'held';
        this.touch(open);
        break;
      }
      case 'TicketTransferred': {
        const open = this.tickets.get(event.ticketId);
        if (!open) break;
        this.endLeg(event.ticketId, 'transferred', at);
        open.visit.transfers += 1;
        followVisit(open.position, event);
        this.newLeg(open, event.toServiceId, at);
        break;
      }
      case 'TicketPutBack': {
        const open = this.tickets.get(event.ticketId);
        if (!open) break;
        // A no-show who turns up again starts a new transaction; a held visitor goes on with the same one.
        const leg = currentLeg(open);
        if (leg.state === 'ended') this.newLeg(open, leg.serviceId, at);
        else leg.state = 'waiting';
        this.touch(open);
        break;
      }
      case 'DayClosed':
        this.dayClosed(event, at);
        break;
      case 'CounterStatusChanged':
        this.counterChanged(event, logged);
        break;
      case 'VisitRouted':
        this.routed(event, at);
        break;
      case 'VisitLegAdded': {
        const open = this.tickets.get(event.ticketId);
        if (open && followVisit(open.position, event)) {
          open.visit.plannedLegs = open.position.legs.length;
          this.touch(open);
        }
        break;
      }
      // The config changes the services' agencies and targets of the rows to come, not of those written.
      case 'ConfigChanged':
        this.followConfig(event.change);
        break;
      // Neither accounts, devices nor the survey (its own report) change a visit's rows.
      case 'StaffChanged':
      case 'DeviceRevoked':
      case 'PairingCodeRotated':
      case 'SurveyAnswered':
      case 'SurveyFollowUpRecorded':
        break;
      // A booking is no visit yet: its ticket arrives as a `TicketIssued` with its `appointment`.
      case 'AppointmentBooked':
      case 'AppointmentCancelled':
        break;
      // The plan's other changes move no one: the next `VisitRouted` says where the ticket went.
      case 'VisitEnded':
      case 'VisitLegSkipped':
      case 'VisitReordered':
      case 'NumbersLeased':
      case 'PrintFailed':
      case 'TicketReprinted':
        break;
    }
  }

  /** The rows changed since the last call, each once, in the order first changed. */
  takeChanges(): RowChanges {
    const out = this.changes;
    for (const open of this.dirtyVisits) out.visits.push({ ...open.visit });
    for (const leg of this.dirtyLegs) out.legs.push({ ...leg });
    for (const s of this.dirtySessions) out.sessions.push({ ...s });
    this.dirtyVisits.clear();
    this.dirtyLegs.clear();
    this.dirtySessions.clear();
    this.changes = emptyChanges();
    return out;
  }

  /** How many tickets it holds: the open day's. */
  get openTickets(): number {
    return this.tickets.size;
  }

  private issued(ticket: Ticket, late: boolean): void {
    const tz = this.timeZone;
    const day = dayNumber(ticket.day);
    const visit: VisitRow = {
      day,
      ticketId: ticket.id,
      displayNumber: ticket.displayNumber,
      serviceId: ticket.serviceId,
      agencyId: this.agencyOf.get(ticket.serviceId) ?? '',
      priority: ticket.priority,
      origin: originOf(ticket),
      issuedAt: ticket.issuedAt,
      weekday: weekdayOf(day),
      issuedMinute: minuteOfDay(ticket.issuedAt, day, tz),
      firstCalledAt: null,
      endedAt: null,
      outcome: null,
      waitS: null,
      hallS: null,
      legs: 0,
      servedLegs: 0,
      plannedLegs: null,
      transfers: 0,
      recalls: 0,
      doneInOne: null,
    };
    const position = visitPositionOf(ticket);
    if (ticket.visit) visit.plannedLegs = position.legs.length;
    const open: OpenVisit = { visit, legs: [], position };
    this.newLeg(open, ticket.serviceId, ticket.issuedAt);
    if (late) {
      // Issued offline on a day that closed before it reached the hub: history, ended when it arrived.
      const endedAt = ticket.endedAt ?? ticket.issuedAt;
      this.endOpenLeg(open, 'expired', endedAt);
      this.touch(open);
      this.takeInto(open);
      if (!this.changes.closedDays.includes(day)) this.changes.closedDays.push(day);
      return;
    }
    const replaced = this.tickets.get(ticket.id);
    if (replaced) this.dirtyVisits.delete(replaced);
    this.tickets.set(ticket.id, open);
    this.touch(open);
  }

  /** A visit's next leg: the same visit goes on, in the queue of the leg's service. */
  private routed(event: Extract<DomainEvent, { type: 'VisitRouted' }>, at: number): void {
    const open = this.tickets.get(event.ticketId);
    if (!open || !followVisit(open.position, event)) return;
    const { serviceId } = open.position;
    const { visit } = open;
    visit.outcome = null;
    visit.endedAt = null;
    visit.hallS = null;
    this.newLeg(open, serviceId, at);
    this.touch(open);
  }

  private called(ticketId: string, counterId: string, at: number, actor: string | undefined): void {
    const open = this.tickets.get(ticketId);
    if (!open) return;
    const leg = currentLeg(open);
    if (leg.calledAt === null) {
      leg.calledAt = at;
      leg.waitS = seconds(leg.queuedAt, at);
      leg.leftMinute = minuteOfDay(at, leg.day, this.timeZone);
    }
    if (open.visit.firstCalledAt === null) {
      open.visit.firstCalledAt = at;
      open.visit.waitS = seconds(open.visit.issuedAt, at);
    }
    leg.counterId = counterId;
    leg.staff = staffOfActorTag(actor) ?? this.counters.get(counterId)?.staff ?? null;
    leg.lastCalledAt = at;
    // The service that counts is the one after the latest call (as the queue's own service time).
    leg.startedAt = null;
    leg.walkS = null;
    leg.calls += 1;
    leg.state = 'called';
    this.touch(open);
  }

  private endLeg(ticketId: string, outcome: LegOutcome, at: number): void {
    const open = this.tickets.get(ticketId);
    if (!open || currentLeg(open).state === 'ended') return;
    this.endOpenLeg(open, outcome, at);
    this.touch(open);
  }

  private endOpenLeg(open: OpenVisit, outcome: LegOutcome, at: number): void {
    const leg = currentLeg(open);
    if (outcome === 'served' || outcome === 'transferred') {
      leg.serviceS = seconds(leg.startedAt ?? leg.lastCalledAt ?? at, at);
    }
    this.release(open, at);
    if (leg.leftMinute === null) leg.leftMinute = minuteOfDay(at, leg.day, this.timeZone);
    leg.endedAt = at;
    leg.outcome = outcome;
    leg.state = 'ended';
    if (outcome === 'transferred') return;
    const visit = open.visit;
    if (outcome === 'served') visit.servedLegs += 1;
    visit.outcome = outcome;
    visit.endedAt = at;
    visit.hallS = seconds(visit.issuedAt, at);
    // Without a visit plan, a visit is done in one visit when it ends served (a no-show who came back and was
    // served counts: the citizen did not have to come another day).
    visit.doneInOne = outcome === 'served';
  }

  /** The counter lets the ticket go: the time since its latest call counts as the counter's busy time. */
  private release(open: OpenVisit, at: number): void {
    const leg = currentLeg(open);
    if (leg.state !== 'called' && leg.state !== 'serving') return;
    leg.busyS += seconds(leg.lastCalledAt ?? at, at);
  }

  private newLeg(open: OpenVisit, serviceId: string, at: number): void {
    const { visit } = open;
    const leg: LegRow = {
      day: visit.day,
      ticketId: visit.ticketId,
      leg: open.legs.length,
      serviceId,
      agencyId: this.agencyOf.get(serviceId) ?? '',
      priority: visit.priority,
      origin: visit.origin,
      counterId: null,
      staff: null,
      queuedAt: at,
      calledAt: null,
      lastCalledAt: null,
      startedAt: null,
      endedAt: null,
      outcome: null,
      state: 'waiting',
      waitS: null,
      walkS: null,
      serviceS: null,
      busyS: 0,
      calls: 0,
      recalls: 0,
      targetS: this.targetOf.get(serviceId) ?? 0,
      queuedMinute: minuteOfDay(at, visit.day, this.timeZone),
      leftMinute: null,
    };
    open.legs.push(leg);
    visit.legs = open.legs.length;
    visit.outcome = null;
    visit.endedAt = null;
    visit.hallS = null;
    visit.doneInOne = null;
    this.dirtyLegs.add(leg);
  }

  private dayClosed(event: Extract<DomainEvent, { type: 'DayClosed' }>, at: number): void {
    for (const id of event.expiredTicketIds) this.endLeg(id, 'expired', at);
    if (event.nextDay === event.day) return;
    // A new hall day: what was open of the old one is final now.
    for (const [counterId, now] of this.counters) {
      if (now.session) this.endSession(now.session, at);
      this.counters.delete(counterId);
    }
    this.tickets.clear();
    const day = dayNumber(event.day);
    if (!this.changes.closedDays.includes(day)) this.changes.closedDays.push(day);
  }

  private counterChanged(
    event: Extract<DomainEvent, { type: 'CounterStatusChanged' }>,
    logged: LoggedEvent,
  ): void {
    const now = this.counters.get(event.counterId) ?? { session: null, staff: null };
    if (now.session) this.endSession(now.session, logged.at);
    now.session = null;
    if (event.status === 'closed') {
      this.counters.delete(event.counterId);
      return;
    }
    now.staff = event.staff ?? staffOfActorTag(logged.actor) ?? now.staff;
    const session: CounterSessionRow = {
      day: dayNumber(hallLocalTime(logged.at, this.timeZone).day),
      counterId: event.counterId,
      seq: logged.seq,
      status: event.status,
      staff: now.staff,
      startedAt: logged.at,
      endedAt: null,
    };
    now.session = session;
    this.counters.set(event.counterId, now);
    this.dirtySessions.add(session);
  }

  private endSession(session: CounterSessionRow, at: number): void {
    session.endedAt = at;
    this.dirtySessions.add(session);
  }

  private touch(open: OpenVisit): void {
    // Only a visit's current leg ever changes.
    this.dirtyVisits.add(open);
    this.dirtyLegs.add(currentLeg(open));
  }

  /** A visit that is final at once (a late ticket): its rows go out now, and it is not kept. */
  private takeInto(open: OpenVisit): void {
    this.dirtyVisits.delete(open);
    this.changes.visits.push({ ...open.visit });
    for (const leg of open.legs) {
      this.dirtyLegs.delete(leg);
      this.changes.legs.push({ ...leg });
    }
  }
}

function currentLeg(open: OpenVisit): LegRow {
  const leg = open.legs.at(-1);
  if (!leg) throw new Error(`visit ${open.visit.ticketId} has no leg`);
  return leg;
}

/** Where a ticket came from; a checked-in appointment's is 'appointment', whoever checked it in. */
function originOf(ticket: { origin: TicketOrigin; appointment?: unknown }): VisitOrigin {
  if (ticket.appointment !== undefined) return 'appointment';
  const { origin } = ticket;
  switch (origin.kind) {
    case 'kiosk':
      return origin.offline ? 'offline' : 'kiosk';
    case 'staff':
      return 'staff';
    case 'online':
      return 'online';
  }
}

function seconds(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 1000));
}

/** Minutes since the local midnight that began hall day `day`, up to 1440 (an end at the next midnight). */
function minuteOfDay(at: number, day: number, zone: QueueConfig['hall']['timeZone']): number {
  if (day !== lastDayStart.day || zone !== lastDayStart.zone) {
    // Computed once per day and zone: every row of a day asks for the same start.
    const noonUtc = Date.parse(`${dayString(day)}T12:00:00Z`);
    lastDayStart.start = nextHallMidnight(noonUtc, zone) - 24 * 60 * 60_000;
    lastDayStart.day = day;
    lastDayStart.zone = zone;
  }
  return Math.min(1440, Math.max(0, Math.floor((at - lastDayStart.start) / 60_000)));
}

const lastDayStart: { day: number; zone: QueueConfig['hall']['timeZone'] | undefined; start: number } = {
  day: -1,
  zone: undefined,
  start: 0,
};
