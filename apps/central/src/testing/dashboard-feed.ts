import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type {
  CentralClientToServer,
  CentralEventSummary,
  CentralLogged,
  CentralServerToClient,
} from '@antre/shared';

/**
 * A dashboard following one hall through any central node, as docs/central.md tells clients to: it keeps a
 * cursor (log id, last seq), takes live events only when they follow on from it, and after any reconnect —
 * to whichever node is up, tried in turn as a load balancer would — asks `central:sync` from the cursor.
 */
export class DashboardFeed {
  /** Every seq applied, in order: a test checks nothing is missing or doubled. */
  readonly applied: number[] = [];
  logId: string | null = null;
  cursor = 0;
  /** Events applied from live broadcasts (the rest came by sync). */
  live = 0;
  /** The nodes the feed connected to, in order. */
  readonly visits: string[] = [];
  private socket: Socket<CentralServerToClient, CentralClientToServer> | undefined;
  private next = 0;
  private closed = false;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly urls: readonly string[],
    private readonly token: string,
    private readonly hallId: string,
  ) {}

  start(): void {
    const url = this.urls[this.next % this.urls.length] ?? '';
    this.next++;
    const socket: Socket<CentralServerToClient, CentralClientToServer> = io(url, {
      auth: { token: this.token },
      reconnection: false,
      transports: ['websocket'],
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.visits.push(url);
      void this.sync();
    });
    socket.on('central:logged', (logged) => this.onLogged(logged));
    const retry = () => {
      socket.removeAllListeners();
      socket.close();
      if (!this.closed) setTimeout(() => this.start(), 50);
    };
    socket.on('disconnect', retry);
    socket.on('connect_error', retry);
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private onLogged(logged: CentralLogged): void {
    if (logged.hallId !== this.hallId) return;
    if (logged.logId !== this.logId || (logged.events[0]?.seq ?? 0) > this.cursor + 1) {
      void this.sync();
      return;
    }
    this.live += this.apply(logged.events);
  }

  /** Applies the events that follow on from the cursor; returns how many. */
  private apply(events: readonly CentralEventSummary[]): number {
    let n = 0;
    for (const e of events) {
      if (e.seq <= this.cursor) continue;
      if (e.seq !== this.cursor + 1) break;
      this.applied.push(e.seq);
      this.cursor = e.seq;
      n++;
    }
    return n;
  }

  /** One sync at a time; a sync asked for meanwhile runs after it. */
  private sync(): Promise<void> {
    const run = (this.syncing ?? Promise.resolve()).then(() => this.syncNow()).catch(() => undefined);
    this.syncing = run;
    return run;
  }

  private async syncNow(): Promise<void> {
    const socket = this.socket;
    for (;;) {
      if (!socket?.connected) return;
      const reply = await socket
        .timeout(3000)
        .emitWithAck('central:sync', { hallId: this.hallId, logId: this.logId, afterSeq: this.cursor });
      if (!reply.ok) return;
      if (reply.logId !== this.logId) {
        this.logId = reply.logId;
        this.cursor = 0;
      }
      this.apply(reply.events);
      if (!reply.more) return;
    }
  }
}
