import type { EventEnvelope, PriorityGroup } from '@antre/shared';

/** An event as the log keeps it: the envelope, and who made it (`actorTag`) when the log says. */
export interface LoggedEvent extends EventEnvelope {
  actor?: string | undefined;
}

/** How a visit transaction (one service leg) ended; a visit ends as its last leg did. */
export const LEG_OUTCOMES = ['served', 'no_show', 'transferred', 'cancelled', 'expired'] as const;
export type LegOutcome = (typeof LEG_OUTCOMES)[number];
export type VisitOutcome = Exclude<LegOutcome, 'transferred'>;

export type LegState = 'waiting' | 'called' | 'serving' | 'held' | 'ended';

/** Where a ticket came from: a kiosk online, a kiosk offline, a booking, a staff member, the web. */
export const VISIT_ORIGINS = ['kiosk', 'offline', 'appointment', 'staff', 'online'] as const;
export type VisitOrigin = (typeof VISIT_ORIGINS)[number];

/**
 * One row per ticket: the citizen's visit. Times are ms since the epoch, durations whole seconds, `day` the
 * hall day as a number (20261130), so that a period is a range. Nothing personal: no name, NIK or phone.
 */
export interface VisitRow {
  day: number;
  ticketId: string;
  displayNumber: string;
  /** The service and agency the ticket was issued for. */
  serviceId: string;
  agencyId: string;
  priority: PriorityGroup;
  origin: VisitOrigin;
  issuedAt: number;
  /** 0 = Sunday … 6 = Saturday, of `day`. */
  weekday: number;
  /** Minutes since the hall's local midnight when the ticket was issued. */
  issuedMinute: number;
  firstCalledAt: number | null;
  endedAt: number | null;
  /** Null while the visit is open. */
  outcome: VisitOutcome | null;
  /** Issue → first call. */
  waitS: number | null;
  /** Issue → end: the time in the hall. */
  hallS: number | null;
  legs: number;
  servedLegs: number;
  /** Legs a visit plan asked for (issue 13); null for a ticket without a plan. */
  plannedLegs: number | null;
  transfers: number;
  recalls: number;
  /** Every leg served (a plan's every planned leg); null while open. */
  doneInOne: boolean | null;
}

/**
 * One row per visit transaction: a ticket's leg at one service, from joining its queue (issue, transfer or
 * put back) to its end. Qmatic's "visit transaction", from our own log.
 */
export interface LegRow {
  day: number;
  ticketId: string;
  leg: number;
  serviceId: string;
  agencyId: string;
  priority: PriorityGroup;
  origin: VisitOrigin;
  /** The counter that called it last; null while never called. */
  counterId: string | null;
  /** The staff member who called it (the actor, or the staff signed in at the counter); null if unknown. */
  staff: string | null;
  queuedAt: number;
  calledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: LegOutcome | null;
  /** Where the leg is now: waiting, called, serving, held (parked by its counter) or ended. */
  state: LegState;
  /** Queue join → first call (issue → call for the first leg, leg → leg after a transfer). */
  waitS: number | null;
  /** Last call → start of service. */
  walkS: number | null;
  /** Start of service (or the last call, when service was never started) → end. */
  serviceS: number | null;
  /** Time the leg held a counter: every call → the counter let it go. */
  busyS: number;
  calls: number;
  recalls: number;
  /** The service's target in force when the leg joined the queue (minutes × 60). */
  targetS: number;
  /** Minute of the hall day it joined the queue, and the minute it stopped waiting (called or ended). */
  queuedMinute: number;
  leftMinute: number | null;
}

/** An interval in which a counter was open or paused, with who opened it. */
export interface CounterSessionRow {
  day: number;
  counterId: string;
  /** The seq of the event that began it: two changes at the same instant stay apart. */
  seq: number;
  status: 'open' | 'paused';
  staff: string | null;
  startedAt: number;
  endedAt: number | null;
}

/** What the projection changed since it was last asked: rows to insert or replace. */
export interface RowChanges {
  visits: VisitRow[];
  legs: LegRow[];
  sessions: CounterSessionRow[];
  /** Days whose every ticket has ended (the day closed, or a late offline ticket was added to one). */
  closedDays: number[];
}

export function emptyChanges(): RowChanges {
  return { visits: [], legs: [], sessions: [], closedDays: [] };
}

/** `2026-11-30` → 20261130. */
export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** 20261130 → `2026-11-30`. */
export function dayString(day: number): string {
  const y = Math.floor(day / 10_000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  // Sakamoto's method on the Gregorian calendar: no Date, no string (it runs once per ticket).
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  const y = Math.floor(day / 10_000) - (m < 3 ? 1 : 0);
  const t = MONTH_OFFSETS[m - 1] ?? 0;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t + d) % 7;
}

const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
