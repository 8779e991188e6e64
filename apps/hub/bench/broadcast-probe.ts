import type { Socket } from 'socket.io-client';

export interface BroadcastTiming {
  /** From the trigger until the first listener received the broadcast (ms). */
  firstMs: number;
  /** From the trigger until the LAST listener received it (ms): the call latency. */
  lastMs: number;
}

/**
 * Times one broadcast at a time to a set of listeners: from a trigger (a command that makes the server
 * broadcast one `events` message) until every listener has received it. One broadcast in flight, so any
 * `events` message after arming belongs to the current trigger.
 */
export class BroadcastProbe {
  /** The last `events` payload received, as a sample of what was broadcast. */
  payload: unknown;
  private round = -1;
  private received = 0;
  private first = 0;
  private last = 0;
  private allReceived: (() => void) | undefined;
  private readonly seen: Int32Array;
  private readonly detach: Array<() => void>;

  constructor(private readonly listeners: readonly Socket[]) {
    this.seen = new Int32Array(listeners.length).fill(-1);
    this.detach = listeners.map((socket, i) => {
      const onEvents = (events: unknown) => this.onEvents(i, events);
      socket.on('events', onEvents);
      return () => socket.off('events', onEvents);
    });
  }

  async measure(trigger: () => Promise<void>, timeoutMs = 10_000): Promise<BroadcastTiming> {
    this.received = 0;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`broadcast: ${this.received} of ${this.listeners.length} received`)),
        timeoutMs,
      );
      this.allReceived = resolve;
    });
    this.round += 1;
    const t0 = performance.now();
    try {
      await Promise.all([trigger(), done]);
    } finally {
      clearTimeout(timer);
      this.allReceived = undefined;
    }
    return { firstMs: this.first - t0, lastMs: this.last - t0 };
  }

  dispose(): void {
    for (const off of this.detach) off();
  }

  private onEvents(i: number, events: unknown): void {
    if (!this.allReceived || this.seen[i] === this.round) return;
    this.seen[i] = this.round;
    const at = performance.now();
    if (this.received === 0) this.first = at;
    this.last = at;
    this.payload = events;
    this.received += 1;
    if (this.received === this.listeners.length) this.allReceived();
  }
}
