import { realSleep } from './sim-clock.js';
import type { Visitor } from './visitors.js';

/**
 * Which visitor holds which ticket: the kiosks write it when they hand a ticket out, the counters read
 * it when they call the ticket, to know whether anyone comes to the desk and what they need there.
 * A ticket nobody holds (the hub issued it after the kiosk stopped waiting) has no visitor: nobody comes.
 */
export class VisitorDesk {
  private readonly holders = new Map<string, Visitor>();

  handOut(ticketId: string, visitor: Visitor): void {
    this.holders.set(ticketId, visitor);
  }

  /**
   * The holder of a ticket just called. The hub broadcasts the new ticket before the kiosk has its
   * answer, so a counter can call it a moment before the kiosk has handed it out: wait a little.
   */
  async holderOf(ticketId: string, realWaitMs = 500): Promise<Visitor | undefined> {
    const deadline = performance.now() + realWaitMs;
    for (;;) {
      const v = this.holders.get(ticketId);
      if (v || performance.now() >= deadline) return v;
      await realSleep(10);
    }
  }
}
