import type { ConfigChange, ConfigSubject } from './config-change.js';
import type { CounterStatus, OpenBooking, Ticket } from './domain-types.js';
import type { StaffChangeType, StaffRecord } from './staff-change.js';
import type { SurveyFollowUp } from './skm-follow-up.js';
import type { RespondentProfile, SkmAnswer } from './skm-questionnaire.js';

/** Everything that changes the queue. The hub appends these to its log; every client applies the same reducer. */
export type DomainEvent =
  | {
      type: 'DayClosed';
      day: string;
      nextDay: string;
      expiredTicketIds: string[];
      /** The new day's open bookings, made on earlier days (`QueueSnapshot.openBookings`). Absent: none. */
      openBookings?: Record<string, OpenBooking>;
    }
  | { type: 'TicketIssued'; ticket: Ticket }
  /** A ticket issued offline on a day that closed before it reached the hub: history only. */
  | { type: 'LateTicketExpired'; ticket: Ticket }
  | { type: 'NumbersLeased'; kioskId: string; serviceId: string; from: number; to: number }
  | {
      type: 'TicketCalled';
      ticketId: string;
      counterId: string;
      via: 'next' | 'specific';
      /** The counter's run of priority calls after this one (the interleave rule). */
      priorityStreak: number;
      /** Which call of the ticket this is: its index in `ticket.calls` (recalls count too). */
      callIndex: number;
    }
  | {
      type: 'TicketRecalled';
      ticketId: string;
      counterId: string;
      /** Which call of the ticket this is: its index in `ticket.calls`. */
      callIndex: number;
    }
  | { type: 'ServingStarted'; ticketId: string; counterId: string }
  | { type: 'TicketFinished'; ticketId: string; counterId: string }
  | { type: 'TicketNoShow'; ticketId: string; counterId: string }
  | { type: 'TicketHeld'; ticketId: string; counterId: string }
  | {
      type: 'TicketTransferred';
      ticketId: string;
      fromCounterId: string;
      toServiceId: string;
      toCounterId?: string;
      rank: number;
      /** For the next counter, from the one that sent the visitor on; absent in logs before it existed. */
      note?: string;
    }
  | { type: 'TicketPutBack'; ticketId: string; counterId: string; rank: number }
  | { type: 'TicketCancelled'; ticketId: string; by: string }
  | { type: 'PrintFailed'; ticketId: string; kioskId: string; reason: string }
  /** A ticket whose print failed has printed after all (a staff reprint, or the kiosk again): the alert ends. */
  | { type: 'TicketReprinted'; ticketId: string; kioskId: string; by: string }
  | {
      type: 'CounterStatusChanged';
      counterId: string;
      status: CounterStatus;
      reason?: string;
      staff?: string;
    }
  /**
   * The hall config changed (config as data): `version` is the config's new version; every client applies
   * `change` to its copy (`applyConfigChange`). `before` and `after` are the subject as it was and became,
   * for the audit trail; `by` the user name of who changed it.
   */
  | {
      type: 'ConfigChanged';
      version: number;
      change: ConfigChange;
      before: ConfigSubject | null;
      after: ConfigSubject | null;
      by: string;
    }
  /**
   * A staff account changed. Never a PIN or password, nor their hashes: a PIN reset says only that it
   * happened. `version` is the config's version after it (the public staff list is part of the config).
   */
  | {
      type: 'StaffChanged';
      version: number;
      action: StaffChangeType;
      username: string;
      before: StaffRecord | null;
      after: StaffRecord | null;
      by: string;
    }
  /** A kiosk's or display's device token was revoked: it must enrol again. */
  | { type: 'DeviceRevoked'; kind: 'kiosk' | 'display'; deviceId: string; by: string }
  /** The pairing code was replaced; the code itself is never logged. */
  | { type: 'PairingCodeRotated'; by: string }
  /**
   * A citizen rated a finished visit (SKM). Anonymous: `visitKey` names the visit only to the hub (a keyed
   * hash of the ticket id) so that it is rated once; the service, agency and counter are kept for the figures.
   */
  | {
      type: 'SurveyAnswered';
      responseId: string;
      visitKey: string;
      /** The hall day of the visit: the period the response counts in. */
      day: string;
      serviceId: string;
      agencyId: string;
      counterId: string;
      /** U1…U9 in order, 1–4; null for a skipped question. */
      answers: SkmAnswer[];
      profile: RespondentProfile;
      /** Numbers that look like a phone or NIK are cut out before it is logged. */
      suggestion?: string;
      /** The hall's own questions (outside the index): question id → chosen option. */
      extra?: Record<string, number>;
    }
  /** A supervisor recorded (or changed, same `planId`) the follow-up of a weak survey element. */
  | { type: 'SurveyFollowUpRecorded'; plan: SurveyFollowUp; by: string }
  /**
   * A visit goes on: the ticket joins the queue of leg `leg` (logged right after the previous leg's finish or
   * no-show, by the same command), ranked by when the citizen arrived in the hall (`rank` = its issue time).
   */
  | { type: 'VisitRouted'; ticketId: string; leg: number; rank: number }
  /** Staff ended the visit at a no-show: the legs still to go are cancelled. */
  | { type: 'VisitEnded'; ticketId: string; counterId: string; by: string }
  /** Staff added a leg at their counter (the citizen found another need there). */
  | { type: 'VisitLegAdded'; ticketId: string; counterId: string; serviceId: string; by: string }
  /** Staff skipped a leg still to go. */
  | { type: 'VisitLegSkipped'; ticketId: string; counterId: string; leg: number; by: string }
  /** Staff set the order of the legs still to go, first to go first. */
  | { type: 'VisitReordered'; ticketId: string; counterId: string; sequence: number[]; by: string }
  /**
   * A citizen booked a slot (`booking-commands.ts`). No name, NIK or phone: those stay in the hub's booking
   * table. A check-in is the `TicketIssued` whose ticket names the booking (`ticket.appointment`).
   */
  | {
      type: 'AppointmentBooked';
      bookingId: string;
      serviceId: string;
      /** The hall day of the slot. */
      day: string;
      slotStart: number;
      channel: BookingChannel;
      /** A leg of a package booked in one go (`package-booking.ts`): the first leg's booking holds the code. */
      package?: { packageId: string; leadBookingId: string };
    }
  /** A booking was cancelled: its seat is free again. `by`: `citizen`, an intake client's id, or a user name. */
  | { type: 'AppointmentCancelled'; bookingId: string; by: string };

/** Where a booking came from: the hub's booking page, another system's intake API, or a counter. */
export type BookingChannel = 'web' | 'intake' | 'staff';

/** An event as stored and broadcast: its place in the global gap-free log and when it happened. */
export interface EventEnvelope {
  seq: number;
  at: number;
  event: DomainEvent;
}
