import { z } from 'zod';
import { COUNTER_STATUSES, PRIORITY_GROUPS } from './domain-types.js';
import { MAX_VISIT_LEGS } from './visit-plan.js';

const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
/** A ticket named by its id or by its display number (`A-007`, `a7`, `A007`). */
const ticketRef = z.string().min(1).max(64);
const legIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_VISIT_LEGS - 1);

/** How long a transfer's note for the next counter may be. */
export const TRANSFER_NOTE_MAX = 200;

/**
 * A note staff write for the next counter. Every client receives it with the event, so it may hold no NIK or
 * phone number: a run of ten digits or more (separated by spaces, dots or dashes at most) is refused.
 */
export const transferNoteSchema = z
  .string()
  .trim()
  .min(1)
  .max(TRANSFER_NOTE_MAX)
  .refine((s) => !/\d(?:[\s.-]?\d){9}/.test(s), 'no NIK or phone number in a note');

/** What became of the visitor still at the desk when call next is pressed. */
const PREVIOUS_OUTCOMES = ['served', 'noShow'] as const;
export type PreviousOutcome = (typeof PREVIOUS_OUTCOMES)[number];

/** Every command a client can send, validated at the hub boundary. */
export const commandSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('issueTicket'),
      /** One service. */
      serviceId: id.optional(),
      /** A visit of several services (the kiosk's basket), or those chosen from `packageId`. */
      serviceIds: z.array(id).min(1).max(MAX_VISIT_LEGS).optional(),
      /** A service package of the hall config: all its services, or the `serviceIds` chosen from it. */
      packageId: id.optional(),
      priority: z.enum(PRIORITY_GROUPS).default('none'),
    })
    .refine(
      (c) => (c.serviceId === undefined) !== (c.serviceIds === undefined && c.packageId === undefined),
      'name a serviceId, or serviceIds and/or a packageId',
    ),
  z.strictObject({
    type: z.literal('syncOfflineTicket'),
    ticketId: uuid,
    serviceId: id,
    number: z.number().int().min(1).max(99_999),
    priority: z.enum(PRIORITY_GROUPS),
    issuedAt: z.number().int().positive(),
    /** The visit the kiosk planned offline; `serviceId` (the numbered one) is the leg it joins first. */
    visit: z
      .strictObject({ serviceIds: z.array(id).min(1).max(MAX_VISIT_LEGS), packageId: id.optional() })
      .optional(),
  }),
  z.strictObject({ type: z.literal('leaseNumbers'), serviceId: id }),
  z.strictObject({
    type: z.literal('reportPrintFailure'),
    ticketId: uuid,
    reason: z.string().min(1).max(200),
  }),
  z.strictObject({
    type: z.literal('callNext'),
    counterId: id,
    /** Says how the visit of a ticket still only called ended; without it such a call next is refused. */
    previous: z.enum(PREVIOUS_OUTCOMES).optional(),
    /** Confirms a no-show the hall's safeguards call early (`previous: 'noShow'`). */
    confirm: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('callTicket'), counterId: id, ticket: ticketRef }),
  z.strictObject({ type: z.literal('recall'), counterId: id }),
  z.strictObject({ type: z.literal('startServing'), counterId: id }),
  z.strictObject({ type: z.literal('finish'), counterId: id, ticketId: uuid.optional() }),
  z.strictObject({
    type: z.literal('noShow'),
    counterId: id,
    ticketId: uuid.optional(),
    /** A visit of several services ends here: its legs still to go are cancelled. Else the citizen keeps them. */
    endVisit: z.boolean().optional(),
    /** Confirms a no-show the hall's safeguards call early (too soon after the call, too few recalls). */
    confirm: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('hold'), counterId: id }),
  z.strictObject({
    type: z.literal('transfer'),
    counterId: id,
    toServiceId: id.optional(),
    toCounterId: id.optional(),
    /** The visitor has already waited: front of the target queue unless told otherwise. */
    front: z.boolean().default(true),
    /** For the next counter: what was done, what is missing. Shown to staff only. */
    note: transferNoteSchema.optional(),
    /** Confirms a transfer to a target whose every counter is closed. */
    confirm: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('putBack'), counterId: id, ticket: ticketRef }),
  z.strictObject({ type: z.literal('cancelTicket'), ticket: ticketRef }),
  z.strictObject({
    type: z.literal('setCounterStatus'),
    counterId: id,
    status: z.enum(COUNTER_STATUSES),
    reason: z.string().max(100).optional(),
  }),
  z.strictObject({ type: z.literal('closeDay') }),
  /** Adds a leg to the visit of the ticket at the counter (a ticket for one service becomes a visit). */
  z.strictObject({ type: z.literal('addVisitLeg'), counterId: id, ticketId: uuid.optional(), serviceId: id }),
  z.strictObject({ type: z.literal('skipVisitLeg'), counterId: id, ticket: ticketRef, leg: legIndex }),
  /** The legs still to go, in the order they are to be taken. */
  z.strictObject({
    type: z.literal('reorderVisitLegs'),
    counterId: id,
    ticket: ticketRef,
    legs: z.array(legIndex).min(1).max(MAX_VISIT_LEGS),
  }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];
