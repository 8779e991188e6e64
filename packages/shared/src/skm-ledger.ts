import type { EventEnvelope } from './domain-events.js';
import type { FinishedVisit, VisitStanding } from './skm-response.js';
import type { VisitPosition } from './visit-position.js';
import { followVisit, visitPositionOf } from './visit-position.js';

/**
 * The events the ledger reads; it passes over every other. A replay may read only these from the log (at a
 * restart, a busy day's calls and recalls are half of it). Kept beside `apply`'s switch, which names each.
 */
export const SURVEY_LEDGER_EVENT_TYPES = [
  'TicketIssued',
  'VisitLegAdded',
  'VisitRouted',
  'TicketTransferred',
  'TicketFinished',
  'DayClosed',
  'SurveyAnswered',
] as const satisfies readonly EventEnvelope['event']['type'][];

/** A ticket of the open day as the ledger follows it. */
export interface LedgerVisit extends VisitPosition {
  ticketId: string;
  day: string;
  /** Its last leg has finished (a `VisitRouted` may still follow). */
  ended?: boolean;
}

/**
 * Everything a ledger holds, as plain data: what a snapshot stores, so that a restart reads it instead of
 * replaying the window of the log. `ledgerState` hands out its own objects; `SurveyLedger.own` takes them.
 */
export interface SurveyLedgerState {
  windowMs: number;
  lastSweep: number;
  open: LedgerVisit[];
  finished: FinishedVisit[];
  rated: Array<{ visitKey: string; at: number }>;
  /** The newest visit finished at each counter, by counter. */
  lastAtCounter: FinishedVisit[];
}

/**
 * What the survey must know of the log to accept a response: the visits that ended with service within the
 * window, the tickets still in progress, and the visits already rated. A projection like the queue day: fed
 * every logged event in order, the same on replay as live; it forgets what the window has passed.
 */
export class SurveyLedger {
  /**
   * Tickets of the open day: their day, current service (transfers move it) and the services of their visit's
   * legs (a finished leg that routes on to the next is not the end of the visit).
   */
  private readonly open = new Map<string, LedgerVisit>();
  private readonly finished = new Map<string, FinishedVisit>();
  /** visitKey → when it was rated. */
  private readonly rated = new Map<string, number>();
  /** The newest visit finished at each counter (the counter-facing screen offers it). */
  private readonly lastAtCounter = new Map<string, FinishedVisit>();

  private lastSweep = 0;

  constructor(private readonly windowMs: number) {}

  /**
   * A ledger over a state nobody else holds (a stored snapshot, just decoded): taken as it is, not copied.
   * Undefined when the state was kept for another window: it may have forgotten what this window still needs.
   */
  static own(windowMs: number, state: SurveyLedgerState): SurveyLedger | undefined {
    if (state.windowMs !== windowMs) return undefined;
    const ledger = new SurveyLedger(windowMs);
    ledger.lastSweep = state.lastSweep;
    for (const v of state.open) ledger.open.set(v.ticketId, v);
    for (const v of state.finished) ledger.finished.set(v.ticketId, v);
    for (const r of state.rated) ledger.rated.set(r.visitKey, r.at);
    for (const v of state.lastAtCounter) {
      // One object in both maps while the visit is in both (`VisitRouted` compares them by identity).
      const same = ledger.finished.get(v.ticketId);
      const shared = same && sameVisit(same, v) ? same : v;
      ledger.lastAtCounter.set(v.counterId, shared);
    }
    return ledger;
  }

  /**
   * The ledger as plain data, copied: nothing in it is shared with the ledger, which goes on changing.
   * Entries come in the order the ledger holds them, so that `own` gives back an equal ledger.
   */
  state(): SurveyLedgerState {
    const open: LedgerVisit[] = [];
    for (const v of this.open.values()) {
      const copy: LedgerVisit = {
        ticketId: v.ticketId,
        day: v.day,
        serviceId: v.serviceId,
        legs: [...v.legs],
      };
      if (v.ended !== undefined) copy.ended = v.ended;
      open.push(copy);
    }
    return {
      windowMs: this.windowMs,
      lastSweep: this.lastSweep,
      open,
      finished: [...this.finished.values()].map((v) => ({ ...v })),
      rated: [...this.rated].map(([visitKey, at]) => ({ visitKey, at })),
      lastAtCounter: [...this.lastAtCounter.values()].map((v) => ({ ...v })),
    };
  }

  apply(envelope: EventEnvelope): void {
    const { event, at } = envelope;
    switch (event.type) {
      case 'TicketIssued':
        this.open.set(event.ticket.id, {
          ticketId: event.ticket.id,
          day: event.ticket.day,
          ...visitPositionOf(event.ticket),
        });
        break;
      case 'VisitLegAdded':
      case 'TicketTransferred': {
        const ticket = this.open.get(event.ticketId);
        if (ticket) followVisit(ticket, event);
        break;
      }
      case 'VisitRouted': {
        // Logged with the previous leg's finish: the visit goes on, so it is not rateable yet.
        const ticket = this.open.get(event.ticketId);
        if (!ticket) break;
        followVisit(ticket, event);
        ticket.ended = false;
        const ended = this.finished.get(event.ticketId);
        this.finished.delete(event.ticketId);
        if (ended && this.lastAtCounter.get(ended.counterId) === ended)
          this.lastAtCounter.delete(ended.counterId);
        break;
      }
      case 'TicketFinished': {
        // Kept open until the day closes: a `VisitRouted` may follow.
        const ticket = this.open.get(event.ticketId);
        if (ticket === undefined) break;
        ticket.ended = true;
        const visit: FinishedVisit = {
          ticketId: event.ticketId,
          day: ticket.day,
          serviceId: ticket.serviceId,
          counterId: event.counterId,
          finishedAt: at,
        };
        this.finished.set(event.ticketId, visit);
        this.lastAtCounter.set(event.counterId, visit);
        break;
      }
      case 'DayClosed':
        // A ticket not finished by the close never will be: its day is over.
        if (event.nextDay !== event.day) this.open.clear();
        break;
      case 'SurveyAnswered':
        this.rated.set(event.visitKey, at);
        break;
      default:
        break;
    }
    this.forget(at);
  }

  standing(ticketId: string): VisitStanding {
    const visit = this.finished.get(ticketId);
    if (visit) return { kind: 'finished', visit };
    const ticket = this.open.get(ticketId);
    return ticket && !ticket.ended ? { kind: 'in-progress' } : { kind: 'unknown' };
  }

  isRated(visitKey: string): boolean {
    return this.rated.has(visitKey);
  }

  /** The visit that ended last at `counterId`, if it ended within `withinMs` of `now`. */
  latestAt(counterId: string, now: number, withinMs: number): FinishedVisit | undefined {
    const visit = this.lastAtCounter.get(counterId);
    if (!visit || now - visit.finishedAt > withinMs || now < visit.finishedAt) return undefined;
    return this.finished.get(visit.ticketId);
  }

  /**
   * Forgets at once what the window has passed at `now`: a ledger restored from a snapshot and one replayed from
   * the log then hold the same, whatever their last sweeps were.
   */
  sweep(now: number): void {
    this.lastSweep = now;
    this.drop(now);
  }

  /** Visits past the window can no longer be rated; a rating older than the window guards nothing. */
  private forget(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    this.drop(now);
  }

  private drop(now: number): void {
    for (const [id, v] of this.finished) if (now - v.finishedAt > this.windowMs) this.finished.delete(id);
    // A visit rated at `at` finished before `at`, so its window closed before `at + window`.
    for (const [key, at] of this.rated) if (now - at > this.windowMs) this.rated.delete(key);
  }
}

function sameVisit(a: FinishedVisit, b: FinishedVisit): boolean {
  return (
    a.ticketId === b.ticketId &&
    a.day === b.day &&
    a.serviceId === b.serviceId &&
    a.counterId === b.counterId &&
    a.finishedAt === b.finishedAt
  );
}
