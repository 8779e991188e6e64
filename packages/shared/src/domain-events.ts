import type { CounterStatus, Ticket } from './domain-types.js';

/** Everything that changes the queue. The hub appends these to its log; every client applies the same reducer. */
export type DomainEvent =
  | { type: 'DayClosed'; day: string; nextDay: string; expiredTicketIds: string[] }
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
    };

/** An event as stored and broadcast: its place in the global gap-free log and when it happened. */
export interface EventEnvelope {
  seq: number;
  at: number;
  event: DomainEvent;
}
