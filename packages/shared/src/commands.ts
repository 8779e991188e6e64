import { z } from 'zod';
import { COUNTER_STATUSES, PRIORITY_GROUPS } from './domain-types.js';

const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
/** A ticket named by its id or by its display number (`A-007`, `a7`, `A007`). */
const ticketRef = z.string().min(1).max(64);

/** Every command a client can send, validated at the hub boundary. */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('issueTicket'),
    serviceId: id,
    priority: z.enum(PRIORITY_GROUPS).default('none'),
  }),
  z.strictObject({
    type: z.literal('syncOfflineTicket'),
    ticketId: uuid,
    serviceId: id,
    number: z.number().int().min(1).max(99_999),
    priority: z.enum(PRIORITY_GROUPS),
    issuedAt: z.number().int().positive(),
  }),
  z.strictObject({ type: z.literal('leaseNumbers'), serviceId: id }),
  z.strictObject({
    type: z.literal('reportPrintFailure'),
    ticketId: uuid,
    reason: z.string().min(1).max(200),
  }),
  z.strictObject({ type: z.literal('callNext'), counterId: id }),
  z.strictObject({ type: z.literal('callTicket'), counterId: id, ticket: ticketRef }),
  z.strictObject({ type: z.literal('recall'), counterId: id }),
  z.strictObject({ type: z.literal('startServing'), counterId: id }),
  z.strictObject({ type: z.literal('finish'), counterId: id, ticketId: uuid.optional() }),
  z.strictObject({ type: z.literal('noShow'), counterId: id, ticketId: uuid.optional() }),
  z.strictObject({ type: z.literal('hold'), counterId: id }),
  z.strictObject({
    type: z.literal('transfer'),
    counterId: id,
    toServiceId: id.optional(),
    toCounterId: id.optional(),
    /** The visitor has already waited: front of the target queue unless told otherwise. */
    front: z.boolean().default(true),
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
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
export type CommandType = Command['type'];
