import type { HubConnection } from '@antre/client';
import type { CommandInput, CommandReply, DomainError, EventEnvelope } from '@antre/shared';
import type { HubClock } from './hub-clock.js';

/** A command sent at a counter. */
export type DeskCommand = Extract<CommandInput, { counterId: string }>;
/** The two a counter may make while cut off from the hub: they are safe to apply later, once. */
export type QueueableCommand = Extract<DeskCommand, { type: 'finish' | 'noShow' }>;

export type ActionResult =
  | { status: 'done'; events: EventEnvelope[] }
  /** Kept by the connection and sent, once, when the hub is back. */
  | { status: 'queued' }
  | { status: 'refused'; error: DomainError }
  /** The same action is already on its way: a double press is ignored, never sent twice. */
  | { status: 'busy' };

export interface QueuedAction {
  commandId: string;
  command: QueueableCommand & { ticketId: string };
  displayNumber: string;
}

/** The answer to an action that was queued: it arrives after the reconnect. */
export interface LateResult {
  action: QueuedAction;
  result: ActionResult;
}

/**
 * Sends the counter's commands: one at a time per action (a double press of "call next" must not skip
 * a visitor), finish and no-show kept across a cut with their command id so the hub applies them exactly
 * once, and the hub's clock learnt from every answer.
 */
export class DeskCommands {
  private readonly inFlight = new Set<string>();
  private readonly queued = new Map<string, QueuedAction>();
  /** Queued while offline but refused for want of a session (it ended meanwhile): sent again after sign-in. */
  private readonly parked = new Map<string, QueuedAction>();
  private readonly listeners = new Set<() => void>();
  private readonly lateListeners = new Set<(late: LateResult) => void>();
  /** Changes whenever `pending` or `isBusy` may have: a snapshot key for React. */
  version = 0;

  constructor(
    private readonly conn: HubConnection,
    private readonly clock: HubClock,
  ) {}

  /** Actions made offline (or cut mid-way) whose answer is still awaited, oldest first. */
  get pending(): QueuedAction[] {
    return [...this.queued.values(), ...this.parked.values()];
  }

  isBusy(key: string): boolean {
    return this.inFlight.has(key);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onLate(listener: (late: LateResult) => void): () => void {
    this.lateListeners.add(listener);
    return () => this.lateListeners.delete(listener);
  }

  /** A command that needs the hub now (call next, recall, transfer, …): refused at once while offline. */
  async send(key: string, command: DeskCommand): Promise<ActionResult> {
    if (this.inFlight.has(key)) return { status: 'busy' };
    this.inFlight.add(key);
    this.notify();
    try {
      return this.toResult(await this.conn.command(command));
    } finally {
      this.inFlight.delete(key);
      this.notify();
    }
  }

  /**
   * Finish or no-show of a named ticket. Offline, or cut before the answer, it is queued and resolves as
   * `queued`; the real answer comes later through `onLate`. The ticket id guards against finishing
   * whatever the counter serves by then.
   */
  async sendQueueable(
    command: QueueableCommand & { ticketId: string },
    displayNumber: string,
  ): Promise<ActionResult> {
    const key = `${command.type}:${command.ticketId}`;
    if (this.inFlight.has(key) || this.pending.some((p) => p.command.ticketId === command.ticketId)) {
      return { status: 'busy' };
    }
    const action: QueuedAction = { commandId: crypto.randomUUID(), command, displayNumber };
    this.inFlight.add(key);
    this.notify();
    try {
      return await this.dispatch(action);
    } finally {
      this.inFlight.delete(key);
      this.notify();
    }
  }

  /** After a new sign-in: what was parked for want of a session goes again, under its first command id. */
  resendParked(): void {
    const parked = [...this.parked.values()];
    this.parked.clear();
    for (const action of parked) {
      // When it goes out at once, its answer is reported here; when queued again, `dispatch` reports it.
      void this.dispatch(action).then((result) => {
        if (result.status !== 'queued') this.late(action, result);
      });
    }
    this.notify();
  }

  private async dispatch(action: QueuedAction): Promise<ActionResult> {
    this.queued.set(action.commandId, action);
    this.notify();
    const answer = this.conn
      .command(action.command, { queueWhileOffline: true, commandId: action.commandId })
      .then((reply) => this.settle(action, reply));
    if (this.conn.status !== 'online') {
      void answer.then((result) => this.late(action, result));
      return { status: 'queued' };
    }
    const first = await Promise.race([answer, this.whenOffline(answer)]);
    if (first !== 'offline') return first;
    void answer.then((result) => this.late(action, result));
    return { status: 'queued' };
  }

  private settle(action: QueuedAction, reply: CommandReply): ActionResult {
    this.queued.delete(action.commandId);
    const result = this.toResult(reply);
    if (result.status === 'refused' && result.error.code === 'UNAUTHENTICATED') {
      this.parked.set(action.commandId, action);
    }
    this.notify();
    return result;
  }

  private late(action: QueuedAction, result: ActionResult): void {
    // A parked action has not been answered yet: its real answer comes after the next sign-in.
    if (this.parked.has(action.commandId)) return;
    for (const l of this.lateListeners) l({ action, result });
  }

  /** Resolves 'offline' if the link drops before `answer` settles. */
  private whenOffline(answer: Promise<unknown>): Promise<'offline'> {
    return new Promise((resolve) => {
      const unsubscribe = this.conn.subscribe(() => {
        if (this.conn.status === 'online') return;
        unsubscribe();
        resolve('offline');
      });
      void answer.finally(unsubscribe);
    });
  }

  private toResult(reply: CommandReply): ActionResult {
    if (!reply.ok) return { status: 'refused', error: reply.error };
    this.clock.observe(reply.events);
    return { status: 'done', events: reply.events };
  }

  private notify(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}
