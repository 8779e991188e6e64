import type { DeepReadonly } from './deep-readonly.js';
import type { NextOpening } from './hall-clock.js';
import type { VisitPlan } from './visit-plan.js';

/** Priority groups that Law 25/2009 art. 29 entitles to special treatment; `none` is a regular visitor. */
export const PRIORITY_GROUPS = ['none', 'elderly', 'disability', 'pregnant', 'child', 'disaster'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'held',
  'done',
  'no_show',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States a ticket's visit ends in. A no-show may still be put back until the day closes. */
export const FINAL_STATUSES: ReadonlySet<TicketStatus> = new Set(['done', 'no_show', 'cancelled', 'expired']);

export type TicketOrigin =
  | { kind: 'kiosk'; kioskId: string; offline: boolean }
  | { kind: 'staff'; username: string }
  | { kind: 'online' };

export interface TicketCall {
  counterId: string;
  at: number;
  recall: boolean;
}

/** A ticket's number as it is printed, shown and spoken: the prefix it was issued with, and the number. */
export interface TicketNumber {
  prefix: string;
  number: number;
}

export interface TicketTransfer {
  at: number;
  fromServiceId: string;
  toServiceId: string;
  toCounterId?: string;
  byCounterId: string;
  /** What the sending counter wrote for the next one: shown to staff, never on a public screen. */
  note?: string;
}

/** A kiosk's report that the ticket did not print: staff are alerted until it is reprinted. */
export interface PrintFault {
  /** The kiosk whose printer failed: a staff reprint goes there by default. */
  kioskId: string;
  /** As the kiosk sent it: a printer fault reason first (`paper-out: …`), or free text. */
  reason: string;
  /** When the hub logged the failure. */
  at: number;
}

/**
 * How long a visitor waits to be called (`estimateWait`). Logs written before the range existed hold only
 * `ahead` and `minutes`: every other field is optional, and a reader copes without it.
 */
export interface WaitEstimate {
  /** Tickets of the same service that will be called first (priority groups first, the interleave). */
  ahead: number;
  /** Expected minutes until the call, whole; 0: a desk is free for it now. */
  minutes: number;
  /** The 20th percentile of the wait, minutes: one visitor in five is called sooner. */
  low?: number;
  /** The 80th percentile, minutes: one visitor in five waits longer. */
  high?: number;
  /** The service is closed now and opens then; `minutes` count from the opening. */
  opens?: NextOpening;
}

export interface Ticket {
  /** Globally unique (a UUID), made by whoever issued it: the hub, or a kiosk while offline. */
  id: string;
  serviceId: string;
  /**
   * The prefix of the service it was issued for: kept through transfers, like the number (`A-007` stays
   * `A-007` at another agency). Logs written before migration 3 lacked it; the migration added it.
   */
  prefix: string;
  /** Per service per hall day; shown as `displayNumber`. */
  number: number;
  displayNumber: string;
  day: string;
  issuedAt: number;
  origin: TicketOrigin;
  priority: PriorityGroup;
  status: TicketStatus;
  /** Order among waiting tickets: smaller is called first. Issue time, or less when put at the front. */
  rank: number;
  /** Set when transferred to one counter: only that counter calls it. */
  targetCounterId?: string;
  /** The counter that called, serves or holds it. */
  counterId?: string;
  calledAt?: number;
  servingAt?: number;
  endedAt?: number;
  calls: TicketCall[];
  transfers: TicketTransfer[];
  /** What the kiosk showed and printed when the ticket was taken. */
  estimate: WaitEstimate;
  /**
   * Set when the kiosk's printer failed on it during the visit, deleted once it prints: staff are alerted
   * meanwhile. An ended visit keeps it as history, so alert only on open tickets (`openPrintFaults`).
   */
  printFault?: PrintFault;
  /**
   * A visit of several services on this one ticket (`visit-plan.ts`): its legs, their order, and the leg the
   * ticket is in now. Absent on a ticket for one service, and in logs written before visits existed.
   */
  visit?: VisitPlan;
  /**
   * The appointment the citizen checked in for: no personal data, only which booking and its slot. Its
   * `rank` is the slot's start (`appointment-merge.ts`). Absent on walk-ins and in logs before bookings.
   */
  appointment?: TicketAppointment;
}

export interface TicketAppointment {
  bookingId: string;
  /** When the booked slot begins (ms). */
  slotStart: number;
}

/**
 * A booked seat of the day not checked in (nor cancelled) yet: which service and slot, nothing personal. The
 * public state carries them (`QueueSnapshot.openBookings`) so that every estimate counts the seats ahead
 * (`booked-seats-ahead.ts`).
 */
export interface OpenBooking {
  serviceId: string;
  slotStart: number;
  /** A later leg of a package: the first leg's booking, whose check-in takes this seat too. */
  lead?: string;
}

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export interface CounterState {
  id: string;
  status: CounterStatus;
  pauseReason?: string;
  /** The staff member who opened it. */
  staff?: string;
  currentTicketId?: string;
  /** Priority tickets called in a row by call-next: drives the interleave rule. */
  priorityStreak: number;
  servedToday: number;
  serviceMsToday: number;
}

export interface NumberLease {
  kioskId: string;
  serviceId: string;
  from: number;
  to: number;
}

export interface ServiceDayState {
  /** Tickets issued today (quota), hub and offline alike. */
  issued: number;
  /** Highest number the hub itself has given out today. */
  lastNumber: number;
  /** Where the next leased block starts. */
  leaseCursor: number;
  /** Latest service durations (ms), newest last: the estimated wait's average. */
  recentServiceMs: number[];
}

/**
 * One hall day of the queue as plain data: what a snapshot carries over the wire and what the reducer
 * changes. Only `QueueDay` holds one that changes; everyone else reads it through `DayView`.
 */
export interface QueueSnapshot {
  day: string;
  /** Sequence number of the last event applied. */
  seq: number;
  tickets: Record<string, Ticket>;
  counters: Record<string, CounterState>;
  services: Record<string, ServiceDayState>;
  leases: NumberLease[];
  /** Numbers in use per service today (`serviceId:number`), to refuse a duplicate. */
  numbersUsed: Record<string, string>;
  /**
   * The day's booked seats not checked in or cancelled yet, by booking id (a random id, never the citizen's
   * code). Absent when there is none, and in logs written before it existed.
   */
  openBookings?: Record<string, OpenBooking>;
}

/** Read-only forms, as the day hands them out. */
export type ReadonlyTicket = DeepReadonly<Ticket>;
export type ReadonlyCounterState = Readonly<CounterState>;
export type ReadonlyServiceDay = DeepReadonly<ServiceDayState>;
