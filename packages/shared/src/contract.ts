import type { CheckInReply } from './booking-contract.js';
import { checkInRequestSchema } from './booking-contract.js';
import { z } from 'zod';
import type { AdminReplies } from './admin-contract.js';
import { adminRequestSchemas } from './admin-contract.js';
import type { CommandInput } from './commands.js';
import type { EventEnvelope } from './domain-events.js';
import type { Principal, SignedInStaff } from './access-policy.js';
import type { DeepReadonly } from './deep-readonly.js';
import type { QueueSnapshot } from './domain-types.js';
import type { DomainError } from './error-codes.js';
import type { PublicHallConfig } from './hall-config.js';
import { surveyFollowUpSchema } from './skm-follow-up.js';

/**
 * Bumped on any incompatible change of the events below; the hub refuses other versions at connect.
 * 2: visits of several services (`Ticket.visit`, the `Visit*` events and commands).
 * 3: appointments (`Ticket.appointment`, `AppointmentBooked`, `AppointmentCancelled`).
 */
export const PROTOCOL_VERSION = 3;

/** Largest message the hub accepts (bytes); bigger ones are dropped before they are parsed. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** The most events a sync answers with; a client further behind gets a snapshot. */
export const MAX_SYNC_EVENTS = 2000;

const demoDevice = z.object({ kind: z.enum(['kiosk', 'display']), deviceId: z.string().min(1).max(64) });

/**
 * Sent in Socket.IO's `auth` at connect. Clients whose `auth` can only hold strings (socket.io-client-java
 * types it `Map<String, String>`) may send `protocol` as `"1"` and `demoDevice` as `"kiosk:kiosk-1"`.
 */
export const handshakeSchema = z.object({
  protocol: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^\d{1,4}$/)
      .transform(Number),
  ]),
  /** A kiosk's or display's device token from enrolment. */
  deviceToken: z.string().min(10).max(200).optional(),
  /** A staff session token from `staff:signIn`, to resume a session after a reconnect. */
  sessionToken: z.string().min(10).max(200).optional(),
  /**
   * Demo mode only: a kiosk or display on the hub's own machine names itself and is trusted without
   * enrolment, so that `npm start` works at once. Ignored from any other address or outside demo mode.
   */
  demoDevice: z
    .union([
      demoDevice,
      z
        .string()
        // `u`: the id's 64 are code points, as every length in the contract (zod counts code points).
        .regex(/^(kiosk|display):[^:]{1,64}$/u)
        .transform((s) =>
          demoDevice.parse({ kind: s.slice(0, s.indexOf(':')), deviceId: s.slice(s.indexOf(':') + 1) }),
        ),
    ])
    .optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

export const syncRequestSchema = z.strictObject({ sinceSeq: z.number().int().min(0) });
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const commandEnvelopeSchema = z.strictObject({
  /** Made by the client (a UUID); a repeat gets the first answer and changes nothing. */
  commandId: z.string().min(8).max(64),
  command: z.unknown(),
});
export type CommandEnvelope = { commandId: string; command: CommandInput };

export const signInSchema = z.strictObject({
  username: z.string().min(1).max(40),
  pin: z.string().min(1).max(16),
});
export type SignInRequest = z.infer<typeof signInSchema>;

/** A supervisor's stronger sign-in: their password (`staff-change.ts` sets it; `sign-in-lockout.ts` guards it). */
export const passwordSignInSchema = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const enrolSchema = z.strictObject({
  pairingCode: z.string().min(4).max(20),
  kind: z.enum(['kiosk', 'display']),
  /** For a kiosk: its id in the hall config. For a display: any name. */
  deviceId: z.string().min(1).max(64),
});
export type EnrolRequest = z.infer<typeof enrolSchema>;

/** Print a ticket on a kiosk's printer through the hub (a browser kiosk; staff reprinting a ticket). */
export const ticketPrintSchema = z.strictObject({
  ticketId: z.string().min(1).max(64),
  /** The language of the printed ticket. */
  lang: z.enum(['id', 'en']).default('id'),
  /** Whose printer: a kiosk prints on its own and may omit it; staff name the kiosk. */
  kioskId: z.string().min(1).max(64).optional(),
});
export type TicketPrintRequest = z.input<typeof ticketPrintSchema>;

export type Failure = { ok: false; error: DomainError };
export type Reply<T> = ({ ok: true } & T) | Failure;

export type CommandReply = Reply<{ seq: number; events: EventEnvelope[] }>;
/**
 * `logId` names the hub's event log: a client that sees another one (a new or replaced store) drops its
 * state and takes a snapshot, since sequence numbers of two logs cannot be compared. A backup restored in
 * place keeps its name; clients then find themselves ahead of the hub, which also answers with a snapshot.
 */
export type SyncReply = Reply<
  | { kind: 'events'; events: EventEnvelope[]; seq: number; logId: string }
  | { kind: 'snapshot'; seq: number; state: DeepReadonly<QueueSnapshot>; logId: string }
>;
/** `version`: the config's version, which each `ConfigChanged` or `StaffChanged` event moves on by one. */
export type ConfigReply = Reply<{ config: PublicHallConfig; version: number }>;
export type SignInReply = Reply<{ sessionToken: string; staff: SignedInStaff }>;
export type EnrolReply = Reply<{ deviceToken: string; deviceId: string; kind: 'kiosk' | 'display' }>;
export type WhoAmIReply = Reply<{ principal: Principal }>;

/** Sent by the hub once per connection, right after it is accepted. */
export interface Welcome {
  protocol: number;
  hubVersion: string;
  hallId: string;
  logId: string;
  /** The hub's clock (ms): clients show times and durations on it, not on their own clock. */
  now: number;
  day: string;
  seq: number;
  principal: Principal;
  /**
   * The hub's address as visitors' phones reach it (`ANTRE_PUBLIC_URL`): a ticket's QR code links to
   * `<publicUrl>/t/<ticketId>`, never to the address a kiosk itself uses (which may be loopback).
   */
  publicUrl: string;
}

type Ack<T> = (reply: T) => void;

/** The payload of a request that has no fields: `{}`. */
export const emptyRequestSchema = z.strictObject({});

/**
 * Every request a client may send, by event name, with the schema its payload must pass. The hub knows these
 * events and no others; each takes an ack, and the hub always answers, with `ok` or an error.
 */
export const requestSchemas = {
  sync: syncRequestSchema,
  command: commandEnvelopeSchema,
  'config:get': emptyRequestSchema,
  'staff:signIn': signInSchema,
  'staff:signOut': emptyRequestSchema,
  'device:enrol': enrolSchema,
  whoami: emptyRequestSchema,
  'ticket:print': ticketPrintSchema,
  ...adminRequestSchemas,
  /** A supervisor records (or changes, same `planId`) the follow-up plan of a weak survey element. */
  'survey:followUp': surveyFollowUpSchema,
  /** A kiosk (or staff at a counter) checks a citizen in for their appointment: the ticket is issued. */
  'booking:checkIn': checkInRequestSchema,
  /** A supervisor signs in with their password; locked after repeated wrong ones (`RATE_LIMITED`). */
  'staff:signInPassword': passwordSignInSchema,
} satisfies Record<string, z.ZodType>;

export type RequestEvent = keyof typeof requestSchemas;

export function isRequestEvent(name: unknown): name is RequestEvent {
  return typeof name === 'string' && Object.hasOwn(requestSchemas, name);
}

/** A request's payload as the hub's handler receives it: after its schema. */
export type ParsedRequest<E extends RequestEvent> = z.output<(typeof requestSchemas)[E]>;

/** A request's payload as a client sends it; a command's body is typed here and validated by the hub later. */
export type RequestOf<E extends RequestEvent> = E extends 'command'
  ? CommandEnvelope
  : z.input<(typeof requestSchemas)[E]>;

/** The hub's answer to each request. */
export interface Replies extends AdminReplies {
  sync: SyncReply;
  command: CommandReply;
  'config:get': ConfigReply;
  'staff:signIn': SignInReply;
  'staff:signOut': Reply<object>;
  'device:enrol': EnrolReply;
  whoami: WhoAmIReply;
  /** Fails with PRINTER_FAULT (`details.reason`: not-configured, unreachable, timeout, paper-out, …). */
  'ticket:print': Reply<object>;
  /** Logs a `SurveyFollowUpRecorded` event; FORBIDDEN for anyone but a supervisor. */
  'survey:followUp': Reply<{ seq: number }>;
  /** The ticket issued, or why not (`refusal` and its bilingual `text`); a late citizen is offered a walk-in. */
  'booking:checkIn': CheckInReply;
  'staff:signInPassword': SignInReply;
}
export type ReplyOf<E extends RequestEvent> = Replies[E];

/** Every event a client may send: one payload and an ack, typed by the request schemas and the replies. */
export type ClientToServerEvents = {
  [E in RequestEvent]: (request: RequestOf<E>, ack: Ack<ReplyOf<E>>) => void;
};

/** Every event the hub sends. */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  /** New events in sequence order; a client that sees a gap asks `sync`. */
  events: (events: EventEnvelope[]) => void;
}
