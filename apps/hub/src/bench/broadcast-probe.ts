import type { Socket } from 'socket.io-client';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface BroadcastLatency {
  /** Per trigger: until the LAST listener received the broadcast (ms). */
  lastMs: Summary;
  /** Per trigger: until the first listener received it (ms). */
  firstMs: Summary;
  listeners: number;
  /** The last `events` payload received, as a sample of what was broadcast. */
  payload: unknown;
  payloadBytes: number;
}

export interface ProbeOptions {
  calls: number;
  warmup: number;
  /** Quiet time between calls: calls at a counter are seconds apart, not back to back. */
  gapMs: number;
  timeoutMs: number;
}

const DEFAULTS: ProbeOptions = { calls: 200, warmup: 20, gapMs: 15, timeoutMs: 10_000 };

/**
 * Runs `trigger` (which makes the server broadcast one `events` message) one at a time, and times each from
 * the trigger to the moment the last of `listeners` received that broadcast. Sequential: one broadcast
 * in flight, so any `events` message after arming belongs to the current call.
 */
export async function probeBroadcast(
  listeners: readonly Socket[],
  trigger: () => Promise<void>,
  options: Partial<ProbeOptions> = {},
): Promise<BroadcastLatency> {
  const o = { ...DEFAULTS, ...options };
  let round = -1;
  let received = 0;
  let first = 0;
  let last = 0;
  let payload: unknown;
  let allReceived: (() => void) | undefined;
  const seen = new Int32Array(listeners.length).fill(-1);
  const handlers = listeners.map((socket, i) => {
    const onEvents = (events: unknown) => {
      if (round < 0 || seen[i] === round) return;
      seen[i] = round;
      const at = performance.now();
      if (received === 0) first = at;
      last = at;
      payload = events;
      received += 1;
      if (received === listeners.length) allReceived?.();
    };
    socket.on('events', onEvents);
    return { socket, onEvents };
  });
  const lastMs: number[] = [];
  const firstMs: number[] = [];
  try {
    for (let k = 0; k < o.warmup + o.calls; k += 1) {
      received = 0;
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`broadcast ${k}: ${received} of ${listeners.length} received`)),
          o.timeoutMs,
        );
        allReceived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      round = k;
      const t0 = performance.now();
      await Promise.all([trigger(), done]);
      if (k >= o.warmup) {
        lastMs.push(last - t0);
        firstMs.push(first - t0);
      }
      await new Promise((resolve) => setTimeout(resolve, o.gapMs));
    }
  } finally {
    round = -1;
    for (const { socket, onEvents } of handlers) socket.off('events', onEvents);
  }
  return {
    lastMs: summarize(lastMs),
    firstMs: summarize(firstMs),
    listeners: listeners.length,
    payload,
    payloadBytes: Buffer.byteLength(JSON.stringify(payload ?? null)),
  };
}
