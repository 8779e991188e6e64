/**
 * How a hall's log shipping to the central service stands, as `/api/health` tells it (`shipping`), and what the
 * admin console says of it: the hall stands alone (no centre), shipping keeps up, falls behind, or fails.
 */

/** `/api/health`'s `shipping`: the shipper's status without the centre's address. */
export interface PublicShippingStatus {
  /** Every event up to this seq is stored at the centre; null before the centre first answered. */
  ackSeq: number | null;
  localSeq: number;
  /** Events logged and not yet acknowledged by the centre. */
  lagEvents: number;
  /** Age of the oldest event not yet acknowledged (0 when nothing waits). */
  lagMs: number;
  lastAckAt: number | null;
  /** Why the last attempt failed (null while shipping works). */
  lastError: string | null;
}

/**
 * Behind this long, the lag is worth a supervisor's look: far past the centre's 2 s target, but not a batch on
 * its way (a busy minute ships in seconds).
 */
export const SHIPPING_LAG_WARN_MS = 60_000;

export type ShippingHealth = 'alone' | 'ok' | 'behind' | 'failing';

export function shippingHealth(status: PublicShippingStatus | null): ShippingHealth {
  if (status === null) return 'alone';
  if (status.lastError !== null) return 'failing';
  return status.lagMs > SHIPPING_LAG_WARN_MS ? 'behind' : 'ok';
}
