import type { DayView, DeepReadonly, EventEnvelope, QueueSnapshot } from '@antre/shared';
import { QueueDay } from '@antre/shared';

export type ReceiveResult = 'applied' | 'stale' | 'gap';

/**
 * A client's copy of the queue: the hub's events applied in sequence order to a `QueueDay`, by the same
 * reducer the hub runs. A gap (an event missed while the socket was down) is reported, never papered over:
 * the caller syncs.
 */
export class QueueMirror {
  private current: QueueDay | undefined;

  /** The mirrored day, read-only; undefined before the first snapshot or after a reset. */
  get state(): DayView | undefined {
    return this.current;
  }

  get seq(): number {
    return this.current?.seq ?? 0;
  }

  load(snapshot: DeepReadonly<QueueSnapshot>): void {
    this.current = QueueDay.fromSnapshot(snapshot);
  }

  /** Forgets the day (its history is not the hub's any more): the next sync answers with a snapshot. */
  reset(): void {
    this.current = undefined;
  }

  /**
   * Applies the events that follow on from the mirror, in order; `applied` lists them. Stops at a gap,
   * leaving the mirror as it was after the last event it could apply.
   */
  receive(events: readonly EventEnvelope[]): { result: ReceiveResult; applied: EventEnvelope[] } {
    const applied: EventEnvelope[] = [];
    for (const e of events) {
      if (!this.current) return { result: 'gap', applied };
      if (e.seq <= this.current.seq) continue;
      if (e.seq !== this.current.seq + 1) return { result: 'gap', applied };
      this.current.apply(e);
      applied.push(e);
    }
    return { result: applied.length > 0 ? 'applied' : 'stale', applied };
  }
}
