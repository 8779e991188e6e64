import { HubConnection } from '@antre/client';
import type { CommandInput, CommandReply, CounterStatus, EventEnvelope } from '@antre/shared';
import { cutConnection, whenConnection } from './connection-wait.js';
import type { CounterPlan } from './day-plan.js';
import type { ReplayPool } from './replay-pool.js';
import type { SimClock } from './sim-clock.js';
import { realSleep } from './sim-clock.js';
import type { VisitorDesk } from './visitor-desk.js';

export interface CounterBehaviour {
  recallAfterMs: number;
  maxRecalls: number;
  /** Hall time at which everything stops: the visitor at the desk is finished then, whatever is left. */
  hardStop: number;
  /** Told of every visit this counter finished (the counter-facing survey screen asks then). */
  onFinished?: (counterId: string) => void;
}

export interface CounterStats {
  calls: number;
  recalls: number;
  served: number;
  noShows: number;
  transfers: number;
  /** Refusals by command and code, e.g. `callNext:QUEUE_EMPTY`. */
  refusals: Record<string, number>;
  /** Finishes and no-shows sent while the hub was out of reach, delivered after the reconnect. */
  queuedOffline: number;
  drops: Array<{ from: number; to: number }>;
  signIns: number;
}

/** Events that can put a ticket in this counter's queue: the moments to try `callNext` again. */
const WAKING_EVENTS: ReadonlySet<string> = new Set(['TicketIssued', 'TicketTransferred', 'TicketPutBack']);

/**
 * A counter and its staff member, over the real client connection: signs in, opens at its time, pauses for
 * breaks, calls the next visitor, recalls one who does not come and marks them a no-show, serves for the
 * visitor's sampled time, then finishes or transfers, and closes at the end of its day. Finishes and
 * no-shows are queued while the hub is out of reach (as the counter app does); call next waits for it.
 */
export class SimulatedCounter {
  readonly conn: HubConnection;
  readonly stats: CounterStats = {
    calls: 0,
    recalls: 0,
    served: 0,
    noShows: 0,
    transfers: 0,
    refusals: {},
    queuedOffline: 0,
    drops: [],
    signIns: 0,
  };
  /** Whether `run` is still going: a counter whose day never ends is named when the simulation gives up. */
  running = false;
  private sessionToken: string | undefined;
  private wake: (() => void) | undefined;
  /** A sign-in afresh after the hub refused the connection; every wait for the hub waits for it too. */
  private recovering: Promise<void> | undefined;
  /** Why signing in afresh failed (a wrong PIN): the counter's day fails with it. */
  private recoveryFailure: unknown;
  private closed = false;
  private readonly services: ReadonlySet<string>;

  constructor(
    readonly plan: CounterPlan,
    url: string,
    private readonly clock: SimClock,
    private readonly desk: VisitorDesk,
    private readonly behaviour: CounterBehaviour,
    private readonly pool: ReplayPool,
  ) {
    this.services = new Set(plan.serviceIds);
    this.conn = new HubConnection({
      url,
      credentials: () => (this.sessionToken === undefined ? {} : { sessionToken: this.sessionToken }),
      ackTimeoutMs: 4000,
      socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 500 },
    });
    this.conn.socket.on('events', (events: EventEnvelope[]) => {
      if (events.some((e) => this.wakes(e))) this.wake?.();
    });
    // Back online: try at once rather than at the end of the idle wait.
    let wasOnline = false;
    this.conn.subscribe(() => {
      const online = this.conn.status === 'online';
      if (online && !wasOnline) this.wake?.();
      wasOnline = online;
      if (this.conn.refusal !== undefined) this.recover();
    });
  }

  private get id(): string {
    return this.plan.counterId;
  }

  /** The counter's whole day; resolves once it has closed. */
  async run(): Promise<void> {
    this.running = true;
    try {
      await this.day();
    } finally {
      this.running = false;
    }
  }

  /** What the counter is doing and waiting for, for a report of a day that did not end. */
  describe(): string {
    const refusal = this.conn.refusal?.code;
    return (
      `${this.id}: ${this.conn.status}${refusal ? ` (refused ${refusal})` : ''}, ` +
      `${this.conn.pendingCount} command(s) unanswered${this.recovering ? ', signing in again' : ''}`
    );
  }

  private async day(): Promise<void> {
    await this.clock.sleepUntil(this.plan.openAt - 2 * 60_000);
    await this.signIn();
    await this.clock.sleepUntil(this.plan.openAt);
    await this.setStatus('open');
    const closeAt = Math.min(this.plan.closeAt, this.behaviour.hardStop);
    for (;;) {
      const now = this.clock.now();
      // Closed by the simulation (it ended, or gave up on the day): stop, whatever the hall clock says.
      if (now >= closeAt || this.closed) break;
      const inBreak = this.plan.breaks.find((b) => now >= b.from && now < b.to);
      if (inBreak) {
        await this.setStatus('paused', 'ishoma');
        await this.clock.sleepUntil(Math.min(inBreak.to, closeAt));
        if (this.clock.now() < closeAt) await this.setStatus('open');
        continue;
      }
      const reply = await this.send({ type: 'callNext', counterId: this.id });
      if (reply.ok) {
        const called = reply.events.find((e) => e.event.type === 'TicketCalled')?.event;
        if (called?.type === 'TicketCalled') await this.serve(called.ticketId);
        continue;
      }
      const boundary = this.nextBoundary(now, closeAt);
      switch (reply.error.code) {
        case 'QUEUE_EMPTY':
          if (this.plan.closeWhenIdleAfter !== undefined && now >= this.plan.closeWhenIdleAfter) {
            await this.setStatus('closed');
            return;
          }
          await this.idle(Math.min(boundary, now + 2 * 60_000));
          break;
        case 'HUB_UNREACHABLE':
          await this.untilOnline(boundary);
          break;
        case 'COUNTER_NOT_OPEN':
          await this.setStatus('open');
          break;
        // A call whose answer was lost left a visitor called here: the hub will not end that visit unasked.
        case 'COUNTER_BUSY':
        case 'VISITOR_NOT_STARTED':
          await this.finishStranded();
          break;
        default:
          await this.clock.sleep(30_000);
      }
    }
    await this.setStatus('closed');
  }

  /** The counter's connection drops for `simMs` of hall time, then comes back by itself. */
  async drop(simMs: number): Promise<void> {
    const from = this.clock.now();
    const reconnect = cutConnection(this.conn);
    await this.clock.sleep(simMs);
    reconnect();
    this.stats.drops.push({ from, to: this.clock.now() });
  }

  close(): void {
    this.closed = true;
    this.conn.close();
  }

  /** One visit: wait for the visitor (recalling), serve, then finish or send them on. */
  private async serve(ticketId: string): Promise<void> {
    this.stats.calls += 1;
    const calledAt = this.clock.now();
    const visitor = await this.desk.holderOf(ticketId);
    const ticket = this.conn.state?.tickets[ticketId];
    // A visit's leg is the one for the service it is on; earlier legs (done or missed) mean the visitor is here.
    const plan = ticket?.visit;
    const legIndex = plan
      ? plan.legs.filter((l) => l.status === 'done' || l.status === 'missed').length
      : (ticket?.transfers.length ?? 0);
    const leg = plan
      ? visitor?.legs.find((l) => l.serviceId === ticket?.serviceId)
      : visitor?.legs[Math.min(legIndex, visitor.legs.length - 1)];
    // Someone sent on from another desk is in the hall; a first call may find the visitor gone.
    const comes = visitor !== undefined && leg !== undefined && (legIndex > 0 || !visitor.noShow);
    const arrival = comes ? calledAt + visitor.walkMs : Number.POSITIVE_INFINITY;
    for (let recalls = 0; ; recalls++) {
      const recallAt = calledAt + (recalls + 1) * this.behaviour.recallAfterMs;
      if (arrival <= recallAt) {
        await this.sleepUntil(arrival);
        break;
      }
      await this.sleepUntil(recallAt);
      if (recalls >= this.behaviour.maxRecalls || this.clock.now() >= this.behaviour.hardStop) {
        await this.endVisit('noShow', ticketId);
        return;
      }
      const recall = await this.send({ type: 'recall', counterId: this.id });
      if (recall.ok) this.stats.recalls += 1;
    }
    // Only a marker of when service began: not worth waiting for the hub if it is away.
    await this.send({ type: 'startServing', counterId: this.id });
    await this.sleepUntil(this.clock.now() + (leg?.serviceMs ?? 0));
    if (leg?.transferTo !== undefined && this.clock.now() < this.behaviour.hardStop) {
      const reply = await this.untilAnswered({
        type: 'transfer',
        counterId: this.id,
        toServiceId: leg.transferTo,
        front: true,
        // Staff tell the visitor when nobody serves there yet, and send them on all the same.
        confirm: true,
      });
      if (reply.ok) {
        this.stats.transfers += 1;
        return;
      }
    }
    await this.endVisit('finish', ticketId);
  }

  /** Finish or no-show: safe to replay, so queued while offline and sent once the hub is back. */
  private async endVisit(type: 'finish' | 'noShow', ticketId: string): Promise<void> {
    if (this.conn.status !== 'online') this.stats.queuedOffline += 1;
    // A no-show comes after the counter's own recalls (`behaviour`): staff confirm it whatever the hall's
    // safeguards would ask, so that the day follows the scenario.
    const command: CommandInput =
      type === 'noShow'
        ? { type, counterId: this.id, ticketId, confirm: true }
        : { type, counterId: this.id, ticketId };
    const reply = await this.send(command, true);
    if (reply.ok && type === 'finish') {
      this.stats.served += 1;
      this.behaviour.onFinished?.(this.id);
    }
    if (reply.ok && type === 'noShow') this.stats.noShows += 1;
  }

  /** The hub says this counter still has a visitor (a lost answer): finish that one. */
  private async finishStranded(): Promise<void> {
    const current = this.conn.state?.counters[this.id]?.currentTicketId;
    if (current !== undefined) await this.endVisit('finish', current);
    else await this.clock.sleep(10_000);
  }

  private async setStatus(status: CounterStatus, reason?: string): Promise<void> {
    for (;;) {
      const reply = await this.untilAnswered({
        type: 'setCounterStatus',
        counterId: this.id,
        status,
        ...(reason === undefined ? {} : { reason }),
      });
      if (reply.ok || reply.error.code !== 'COUNTER_BUSY') return;
      await this.finishStranded();
    }
  }

  /** Sends a command that needs the hub, again and again while the hub is out of reach. */
  private async untilAnswered(command: CommandInput): Promise<CommandReply> {
    for (;;) {
      const reply = await this.send(command);
      if (reply.ok || reply.error.code !== 'HUB_UNREACHABLE' || this.closed) return reply;
      await this.untilOnline(Number.POSITIVE_INFINITY);
    }
  }

  private async send(command: CommandInput, queueWhileOffline = false): Promise<CommandReply> {
    const commandId = crypto.randomUUID();
    const reply = await this.conn.command(command, { commandId, queueWhileOffline });
    if (reply.ok) {
      if (command.type === 'callNext' || command.type === 'finish') {
        this.pool.add({ commandId, type: command.type, source: this.id, reply, sentAt: performance.now() });
      }
    } else {
      const key = `${command.type}:${reply.error.code}`;
      this.stats.refusals[key] = (this.stats.refusals[key] ?? 0) + 1;
    }
    return reply;
  }

  private async signIn(): Promise<void> {
    while (!this.closed) {
      await this.untilOnline(Number.POSITIVE_INFINITY, false);
      const reply = await this.conn.request('staff:signIn', {
        username: this.plan.staff,
        pin: this.plan.pin,
      });
      if (reply.ok) {
        this.sessionToken = reply.sessionToken;
        this.stats.signIns += 1;
        return;
      }
      if (reply.error.code === 'INVALID_CREDENTIALS')
        throw new Error(`${this.id}: wrong PIN for ${this.plan.staff}`);
      await this.clock.sleep(30_000);
    }
  }

  /**
   * The hub refused the connection: a session it no longer knows (expired after 12 hours), or a hub that is
   * not this hall's. socket.io does not try again after a refusal, so whatever the counter is waiting for
   * (a queued finish, a break) it would wait forever: connect again at once, and sign in afresh.
   */
  private recover(): void {
    if (this.recovering || this.closed) return;
    const refusal = this.conn.refusal;
    this.recovering = (async () => {
      this.conn.refusal = undefined;
      if (refusal?.code === 'UNAUTHENTICATED') this.sessionToken = undefined;
      // Anything else is refused again: not in a tight loop.
      else await realSleep(200);
      if (this.closed) return;
      this.conn.socket.connect();
      if (this.sessionToken === undefined) await this.signIn();
    })()
      .catch((err: unknown) => {
        this.recoveryFailure = err;
      })
      .finally(() => {
        this.recovering = undefined;
      });
  }

  /** Waits until the hub is reachable again (and signed in to, when `needSession`), or until hall time `until`. */
  private async untilOnline(until: number, needSession = true): Promise<void> {
    while (!this.closed && (this.conn.status !== 'online' || (needSession && this.recovering))) {
      if (needSession && this.recovering) {
        await this.recovering;
        if (this.recoveryFailure !== undefined) throw this.recoveryFailure;
        continue;
      }
      const left = until - this.clock.now();
      if (left <= 0) return;
      await whenConnection(
        this.conn,
        () => this.conn.status === 'online',
        Math.min(this.clock.realMs(left), 1000),
      );
    }
  }

  /** Nobody waits: until a ticket for this counter appears, or hall time `until`. */
  private idle(until: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), this.clock.realMs(until - this.clock.now()));
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
    });
  }

  private sleepUntil(t: number): Promise<void> {
    return this.clock.sleepUntil(Math.min(t, this.behaviour.hardStop));
  }

  private nextBoundary(now: number, closeAt: number): number {
    const times = [closeAt, ...this.plan.breaks.map((b) => b.from)];
    if (this.plan.closeWhenIdleAfter !== undefined) times.push(this.plan.closeWhenIdleAfter);
    return Math.min(...times.filter((t) => t > now), closeAt);
  }

  private wakes(e: EventEnvelope): boolean {
    if (!WAKING_EVENTS.has(e.event.type)) return false;
    switch (e.event.type) {
      case 'TicketIssued':
        return this.services.has(e.event.ticket.serviceId);
      case 'TicketTransferred':
        return e.event.toCounterId === this.id || this.services.has(e.event.toServiceId);
      default:
        return true;
    }
  }
}
