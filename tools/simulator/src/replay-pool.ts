import type { CommandReply } from '@antre/shared';
import type { Rng } from './distributions.js';

export interface SentCommand {
  commandId: string;
  type: string;
  /** Who sent it: `loket-3`, `kiosk-1`. */
  source: string;
  /** When it was sent (real ms, performance.now()): only commands answered long ago are replayed. */
  sentAt: number;
  /** The first answer, where the sender saw it (counters; the kiosk agent keeps its answers to itself). */
  reply?: CommandReply;
}

/**
 * Recent real commands, for the hostile client to send again under their ids: the hub must answer a
 * replay with the first answer and change nothing. Bounded: the newest few hundred are enough.
 */
export class ReplayPool {
  private readonly sent: SentCommand[] = [];

  constructor(private readonly keep = 300) {}

  add(command: SentCommand): void {
    this.sent.push(command);
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
  }

  /**
   * `n` commands sent at least `minAgeMs` ago. A replay that overtook its original would be a different
   * test (a stranger's refusal is not recorded, so the original would still run): old ones only.
   */
  sample(rng: Rng, n: number, minAgeMs = 2000): SentCommand[] {
    const old = this.sent.filter((c) => performance.now() - c.sentAt >= minAgeMs);
    if (old.length === 0) return [];
    return Array.from({ length: n }, () => rng.pick(old));
  }
}
