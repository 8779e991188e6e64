import type { ShippingAck, ShippingGap, ShippingHello } from '@antre/shared';
import { MAX_SHIPPED_BATCH } from '@antre/shared';
import type { Logger } from '../logger.js';
import type { LogReader } from './log-reader.js';

export interface ShipperOptions {
  /** The centre's base URL (`ANTRE_CENTRAL_URL`), e.g. https://antre.jatimprov.go.id */
  centralUrl: string;
  hallId: string;
  logId: string;
  /** The hall's credential at the centre (`ANTRE_CENTRAL_TOKEN`). */
  token: string;
  reader: LogReader;
  /** What the hello sends: the config the hub runs on and the log's config seed. */
  hello: () => ShippingHello;
  logger: Logger;
  now?: () => number;
  batchSize?: number;
  /** How long an idle shipper waits before it looks at the log again (events logged wake it at once). */
  idleMs?: number;
  /** Retry waits double from `retryMs` up to `maxRetryMs` while the centre cannot be reached. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A request that takes longer is given up and retried. */
  requestTimeoutMs?: number;
}

/** What /api/health tells of shipping (`shipping`), and the admin console shows. */
export interface ShippingStatus {
  centralUrl: string;
  /** Every event up to this seq is stored at the centre (its answer); null before the centre first answered. */
  ackSeq: number | null;
  /** The last seq in the hall's log. */
  localSeq: number;
  /** Events logged and not yet acknowledged by the centre. */
  lagEvents: number;
  /** Age of the oldest event not yet acknowledged (0 when nothing waits). */
  lagMs: number;
  /** When the centre last acknowledged a batch or a hello. */
  lastAckAt: number | null;
  /** Why the last attempt failed (null while shipping works). */
  lastError: string | null;
}

/**
 * Ships the hall's log to the central service, in order and in batches, resuming from the cursor the centre
 * acknowledges (the centre keeps it: nothing here needs to survive a restart). It runs beside the hall and
 * never in the way: a slow or absent centre only makes the lag grow, and the hall catches up by itself once
 * the link is back. After any failure it asks the centre for its cursor again, so a batch whose answer was
 * lost is neither skipped nor stored twice (the centre skips what it holds).
 */
export class LogShipper {
  private ackSeq: number | null = null;
  private lastAckAt: number | null = null;
  private lastError: string | null = null;
  private stopped = false;
  private wake: (() => void) | undefined;
  /** Set when events were logged while no pause was waiting: the next pause returns at once. */
  private notified = false;
  private loop: Promise<void> | undefined;
  private inFlight: AbortController | undefined;
  private readonly now: () => number;
  private readonly batchSize: number;

  constructor(private readonly options: ShipperOptions) {
    this.now = options.now ?? Date.now;
    this.batchSize = Math.min(options.batchSize ?? 1000, MAX_SHIPPED_BATCH);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Events were logged: ship them soon (called after each commit, never waits). */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  status(): ShippingStatus {
    const localSeq = this.options.reader.lastSeq();
    const acked = this.ackSeq ?? 0;
    const oldest = localSeq > acked ? this.options.reader.loggedAt(acked + 1) : undefined;
    return {
      centralUrl: this.options.centralUrl,
      ackSeq: this.ackSeq,
      localSeq,
      lagEvents: Math.max(0, localSeq - acked),
      lagMs: oldest === undefined ? 0 : Math.max(0, this.now() - oldest),
      lastAckAt: this.lastAckAt,
      lastError: this.lastError,
    };
  }

  /** Stops after the request in flight is cut; what was not acknowledged is shipped by the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.inFlight?.abort();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const retryMs = this.options.retryMs ?? 1000;
    let retry = retryMs;
    while (!this.stopped) {
      try {
        const shipped = await this.step();
        retry = retryMs;
        if (!shipped) await this.pause(this.options.idleMs ?? 5000);
      } catch (err) {
        if (this.stopped) break;
        this.lastError = err instanceof Error ? err.message : String(err);
        // What the centre holds is asked again: the failed batch may have been stored or not.
        this.ackSeq = null;
        this.options.logger.warn(
          { err: this.lastError, retryMs: retry },
          'shipping: the centre did not answer',
        );
        await this.pause(retry);
        retry = Math.min(retry * 2, this.options.maxRetryMs ?? 30_000);
      }
    }
  }

  /** One hello or one batch; false when there was nothing to ship. */
  private async step(): Promise<boolean> {
    if (this.ackSeq === null) {
      const ack = (await this.request('PUT', '', this.options.hello())) as ShippingAck;
      this.acknowledged(ack.ackSeq);
      const local = this.options.reader.lastSeq();
      if (ack.ackSeq > local) {
        throw new Error(
          `the centre holds seq ${ack.ackSeq} of this log, the hall only ${local}: restore the hall`,
        );
      }
      return true;
    }
    const events = this.options.reader.eventsAfter(this.ackSeq, this.batchSize);
    if (events.length === 0) return false;
    const ack = (await this.request('POST', '/events', { afterSeq: this.ackSeq, events })) as ShippingAck;
    this.acknowledged(ack.ackSeq);
    return true;
  }

  private acknowledged(seq: number): void {
    this.ackSeq = seq;
    this.lastAckAt = this.now();
    this.lastError = null;
  }

  private async request(method: 'PUT' | 'POST', suffix: string, body: unknown): Promise<unknown> {
    const { centralUrl, hallId, logId, token } = this.options;
    const url = `${centralUrl.replace(/\/$/, '')}/api/central/v1/halls/${encodeURIComponent(hallId)}/logs/${logId}${suffix}`;
    const abort = new AbortController();
    this.inFlight = abort;
    const timer = setTimeout(() => abort.abort(), this.options.requestTimeoutMs ?? 30_000);
    try {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      const answer = (await res.json().catch(() => ({}))) as Partial<ShippingGap & { error: string }>;
      if (res.status === 409 && answer.error === 'LOG_GAP' && typeof answer.ackSeq === 'number') {
        // The centre holds less than this batch assumed: ship again from its cursor.
        this.acknowledged(answer.ackSeq);
        return { ackSeq: answer.ackSeq };
      }
      if (!res.ok) throw new Error(`centre answered ${res.status} ${answer.error ?? ''}`.trim());
      return answer;
    } finally {
      clearTimeout(timer);
      this.inFlight = undefined;
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.notified || this.stopped) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.notified = false;
        done();
      };
    });
  }
}
