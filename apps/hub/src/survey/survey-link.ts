import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A ticket's survey link key: a keyed hash of the ticket id under the hub's survey secret (migration 6), put
 * into the printed ticket's QR link (`/t/:id?k=…`) and asked for on every answer. Ticket ids travel in
 * public state (the display, the status streams); the key does not, so knowing a finished ticket's id is
 * not enough to answer in its name. Derived rather than stored: nothing to keep per ticket, the same after a
 * restart, and a restored backup keeps the secret with its log. A different input from the response's
 * `visitKey` (the `link:` label), so one says nothing of the other.
 */
export class SurveyLinkKeys {
  constructor(private readonly secret: string) {
    if (secret === '') throw new Error('a survey link key needs the hub survey secret');
  }

  /** 128 bits as base64url: 22 characters, short enough for a QR code at the ticket's size. */
  keyOf(ticketId: string): string {
    return this.mac(ticketId).subarray(0, 16).toString('base64url');
  }

  /** Whether `key` is this ticket's; compared in constant time. */
  verify(ticketId: string, key: unknown): boolean {
    if (typeof key !== 'string' || key.length !== 22) return false;
    const given = Buffer.from(key, 'base64url');
    // base64url decoding skips characters outside its alphabet: a key of the right length may still be short.
    if (given.length !== 16 || given.toString('base64url') !== key) return false;
    return timingSafeEqual(given, this.mac(ticketId).subarray(0, 16));
  }

  private mac(ticketId: string): Buffer {
    return createHmac('sha256', this.secret).update(`link:${ticketId}`).digest();
  }
}
