import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventEnvelope } from '@antre/shared';
import { ticketsNamed } from '@antre/shared';

/** One message of a ticket's stream, already as the page reads it. */
export interface TicketMessage {
  /** The JSON the `ticket` event carries; equal strings mean nothing changed. */
  data: string;
}

export interface TicketStreamsOptions {
  /** The ticket's message now (its card, title, status, calls); `many` while a refresh renders every page. */
  render: (ticketId: string, many: boolean) => TicketMessage;
  /**
   * What the ticket's message is made from beyond the events that name it (its place, its wait, the counters
   * open): while this stays the same, the message is the one already sent and is not made again. Undefined:
   * made every time. Without it, every message is made again on each refresh.
   */
  inputs?: (ticketId: string, many: boolean) => string | undefined;
  /** Called as each refresh starts, before its renders (the hub reads every waiting ticket's place then). */
  startRefresh?: () => void;
  /**
   * True while work that comes first is pending (the hub holds a batch's broadcast to counters and displays
   * until the end of the turn): the status pages' work then waits for the next turn.
   */
  yieldTo?: () => boolean;
  /** Positions of every followed ticket are brought up to date at most this often (ms). */
  refreshMs?: number;
  /** Even without events, for the clock (the wait runs into a break, a closed service opens). */
  idleRefreshMs?: number;
  /** Work done per turn of the event loop before it yields to calls and commands (ms). */
  sliceMs?: number;
  /** A `ping` this often keeps proxies and phones' connections open, and lets the page notice a dead one. */
  pingMs?: number;
  /** Streams open at once, beyond which new ones are refused (503): a flood must not exhaust the hub. */
  maxStreams?: number;
}

interface Followed {
  streams: Set<ServerResponse>;
  /** What they were last sent. */
  last: string;
  /** What it was made from (`inputs`); undefined: to be made again. */
  inputs: string | undefined;
}

/**
 * The live status pages (`/t/:id/live`, Server-Sent Events). Each stream starts with the ticket as it is now,
 * so a page that reconnects after any cut, a hub restart included, is in step again at once. Then:
 * - a ticket an event names (called, recalled, held, transferred, …) is sent right after the broadcast to
 *   counters and displays has left (`yieldTo`), in a later turn of the event loop;
 * - every other followed ticket's place in the queue moves with every call; those are recomputed at most
 *   every `refreshMs`, in slices of `sliceMs` between which the hub serves its commands, so 2,000 phones never
 *   hold a call up (measured by `npm run bench`); no slice runs while a broadcast waits to leave (`yieldTo`).
 *   A message is made again only when what it is made from changed (`inputs`), so a call costs the cards it
 *   moved; it goes only when its text changed, once per ticket for all the phones that follow it.
 */
export class TicketStreams {
  private readonly followed = new Map<string, Followed>();
  private readonly urgent = new Set<string>();
  private urgentQueued = false;
  private dirty = false;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing = false;
  private lastRefresh = 0;
  private readonly ping: NodeJS.Timeout;
  private readonly idle: NodeJS.Timeout;
  private count = 0;
  private closed = false;
  private readonly o: Required<TicketStreamsOptions>;

  constructor(options: TicketStreamsOptions) {
    this.o = {
      refreshMs: 3000,
      idleRefreshMs: 60_000,
      sliceMs: 1,
      pingMs: 25_000,
      maxStreams: 20_000,
      inputs: () => undefined,
      startRefresh: () => undefined,
      yieldTo: () => false,
      ...options,
    };
    this.ping = setInterval(() => this.pingAll(), this.o.pingMs);
    this.ping.unref();
    this.idle = setInterval(() => this.markDirty(), this.o.idleRefreshMs);
    this.idle.unref();
  }

  /** Streams open now. */
  get streams(): number {
    return this.count;
  }

  /** Answers `GET /t/:id/live`: keeps the response open and sends the ticket as it is now. */
  open(ticketId: string, req: IncomingMessage, res: ServerResponse): void {
    if (this.closed || this.count >= this.o.maxStreams) {
      res.writeHead(503, { 'retry-after': '10', 'cache-control': 'no-store' }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // A reverse proxy (nginx) must pass the messages on at once rather than buffer them.
      'x-accel-buffering': 'no',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    let followed = this.followed.get(ticketId);
    const inputs = this.o.inputs(ticketId, false);
    const message = this.o.render(ticketId, false).data;
    if (!followed) {
      followed = { streams: new Set(), last: message, inputs };
      this.followed.set(ticketId, followed);
    } else if (message !== followed.last) {
      // The pages already following it get what this one gets.
      const frame = `event: ticket\ndata: ${message}\n\n`;
      for (const other of followed.streams) other.write(frame);
    }
    followed.last = message;
    followed.inputs = inputs;
    followed.streams.add(res);
    this.count += 1;
    // The browser's own retry after a cut: 2 s (its default, 3 s, is slower to catch a restarted hub).
    res.write(`retry: 2000\nevent: ticket\ndata: ${message}\n\n`);
    res.on('close', () => {
      const f = this.followed.get(ticketId);
      if (!f?.streams.delete(res)) return;
      this.count -= 1;
      if (f.streams.size === 0) this.followed.delete(ticketId);
    });
  }

  /** Told of every batch of logged events, after the broadcast: schedules the messages they cause. */
  onEvents(envelopes: readonly EventEnvelope[]): void {
    if (this.followed.size === 0) return;
    for (const { event } of envelopes) {
      const named = ticketsNamed(event);
      // One that names no ticket (a counter opening, a new config) may change any card: all are made again.
      if (named.length === 0) for (const f of this.followed.values()) f.inputs = undefined;
      for (const id of named) {
        const f = this.followed.get(id);
        if (!f) continue;
        f.inputs = undefined;
        this.urgent.add(id);
      }
    }
    if (this.urgent.size > 0 && !this.urgentQueued) {
      this.urgentQueued = true;
      setImmediate(() => this.sendUrgent());
    }
    // Anything may move the others' places: a call, an issue, a counter opening.
    this.markDirty();
  }

  /** Ends every stream (the hub stops); pages reconnect to the hub that comes next. */
  close(): void {
    this.closed = true;
    clearInterval(this.ping);
    clearInterval(this.idle);
    clearTimeout(this.refreshTimer);
    for (const f of this.followed.values()) for (const res of f.streams) res.end();
    this.followed.clear();
    this.count = 0;
  }

  private sendUrgent(): void {
    if (this.closed) return;
    if (this.o.yieldTo()) {
      setImmediate(() => this.sendUrgent());
      return;
    }
    this.urgentQueued = false;
    for (const id of this.urgent) this.update(id, false);
    this.urgent.clear();
  }

  private markDirty(): void {
    if (this.closed || this.followed.size === 0) return;
    this.dirty = true;
    if (this.refreshTimer || this.refreshing) return;
    const wait = Math.max(0, this.lastRefresh + this.o.refreshMs - performance.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, wait);
  }

  /** Every followed ticket again, a slice per turn of the event loop. */
  private refresh(): void {
    if (this.closed) return;
    this.refreshing = true;
    let ids: string[] | undefined;
    let i = 0;
    const slice = () => {
      if (this.closed) return;
      if (this.o.yieldTo()) {
        setImmediate(slice);
        return;
      }
      if (!ids) {
        // The refresh reads the day as it is now; events from here on make it dirty again.
        this.dirty = false;
        this.lastRefresh = performance.now();
        ids = [...this.followed.keys()];
        this.o.startRefresh();
        setImmediate(slice);
        return;
      }
      const until = performance.now() + this.o.sliceMs;
      while (i < ids.length && performance.now() < until) this.update(ids[i++] ?? '', true);
      if (i < ids.length) {
        setImmediate(slice);
        return;
      }
      this.refreshing = false;
      if (this.dirty) this.markDirty();
    };
    slice();
  }

  private update(ticketId: string, many: boolean): void {
    const f = this.followed.get(ticketId);
    if (!f) return;
    const inputs = this.o.inputs(ticketId, many);
    if (inputs !== undefined && inputs === f.inputs) return;
    f.inputs = inputs;
    const message = this.o.render(ticketId, many).data;
    if (message === f.last) return;
    f.last = message;
    const frame = `event: ticket\ndata: ${message}\n\n`;
    for (const res of f.streams) res.write(frame);
  }

  /** A ping to every page, a slice per turn as a refresh goes: 2,000 writes at once would hold a call up. */
  private pingAll(): void {
    const all = [...this.followed.values()].flatMap((f) => [...f.streams]);
    let i = 0;
    const slice = () => {
      if (this.closed) return;
      if (this.o.yieldTo()) {
        setImmediate(slice);
        return;
      }
      const until = performance.now() + this.o.sliceMs;
      while (i < all.length && performance.now() < until) {
        const res = all[i++];
        if (res && !res.writableEnded && !res.destroyed) res.write('event: ping\ndata: {}\n\n');
      }
      if (i < all.length) setImmediate(slice);
    };
    slice();
  }
}

/** The tickets an event is about: their own page changes at once. */
