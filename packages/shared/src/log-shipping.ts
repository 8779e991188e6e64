import { z } from 'zod';

/**
 * The log-shipping contract between a hall's hub and the central service (docs/central.md). A hall ships its
 * append-only log in order; the centre keys each event by (hall id, log id, seq), so a retried, replayed or
 * cut batch never duplicates or skips one.
 */

/** Events per batch the centre accepts at most: a few hundred KB of JSON. */
export const MAX_SHIPPED_BATCH = 2000;

/** One event as shipped: the log row, payload unchanged (a restore writes it back byte for byte). */
export const shippedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** The hall day the hub filed it under (`events.day`). */
  day: z.string().min(1).max(16),
  type: z.string().min(1).max(64),
  commandId: z.string().max(128).nullable(),
  actor: z.string().max(128).nullable(),
  /** The event as the hub's log holds it: JSON text of a `DomainEvent`. */
  payload: z.string().min(2).max(1_000_000),
});
export type ShippedEvent = z.infer<typeof shippedEventSchema>;

/** `POST /api/central/v1/halls/:hallId/logs/:logId/events`: the events after `afterSeq`, numbered on from it. */
export const shippedBatchSchema = z
  .strictObject({
    afterSeq: z.number().int().nonnegative(),
    events: z.array(shippedEventSchema).min(1).max(MAX_SHIPPED_BATCH),
  })
  .refine((b) => b.events.every((e, i) => e.seq === b.afterSeq + i + 1), {
    message: 'events must be numbered afterSeq + 1, afterSeq + 2, … with no gap',
  });
export type ShippedBatch = z.infer<typeof shippedBatchSchema>;

/** `PUT /api/central/v1/halls/:hallId/logs/:logId`: a hub names its log and the config it runs on at start. */
export const shippingHelloSchema = z.strictObject({
  /** The hall config the hub started on (JSON): the centre's projection counts with it, as the hall's does. */
  config: z.string().min(2).max(5_000_000),
  /** The config the log started from (`config_seed`), for a restore; null when the store has none. */
  configSeed: z
    .strictObject({ at: z.number().int().nonnegative(), config: z.string().min(2).max(5_000_000) })
    .nullable(),
});
export type ShippingHello = z.infer<typeof shippingHelloSchema>;

/** The centre's answer to a hello or a batch: every event up to `ackSeq` is stored for good. */
export interface ShippingAck {
  ackSeq: number;
}

/** A batch refused because it starts past what the centre holds: ship again from `ackSeq`. */
export interface ShippingGap {
  error: 'LOG_GAP';
  ackSeq: number;
}
