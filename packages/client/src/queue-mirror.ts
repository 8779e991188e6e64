import type { EventEnvelope, QueueState } from '@antre/shared';
import { applyEvent } from '@antre/shared';

export type ReceiveResult = 'applied' | 'stale' | 'gap';

/**
 * A client's copy of the queue: the hub's events applied in sequence order with the same reducer.
 * A gap (an event missed while the socket was down) is reported, never papered over: the caller syncs.
 */
export class QueueMirror {
  state: QueueState | undefined;

  get seq(): number {
    return this.state?.seq ?? 0;
  }

  load(snapshot: QueueState): void {
    this.state = structuredClone(snapshot);
  }

  receive(events: readonly EventEnvelope[]): ReceiveResult {
    let applied = false;
    for (const e of events) {
      if (!this.state) return 'gap';
      if (e.seq <= this.state.seq) continue;
      if (e.seq !== this.state.seq + 1) return 'gap';
      applyEvent(this.state, e);
      applied = true;
    }
    return applied ? 'applied' : 'stale';
  }
}
