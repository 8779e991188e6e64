import type {
  Actor,
  CommandReply,
  DomainError,
  DomainEvent,
  EventEnvelope,
  HallConfig,
  QueueState,
  SyncReply,
} from '@antre/shared';
import {
  MAX_SYNC_EVENTS,
  applyEvent,
  authorize,
  commandSchema,
  decide,
  domainError,
  hallDay,
  initialQueueState,
  rolloverEvents,
} from '@antre/shared';
import type { EventStore } from './store/event-store.js';

export interface QueueServiceOptions {
  now?: () => number;
  newId?: () => string;
  /** Called after every commit with the new events, in order: the broadcast. */
  onEvents?: (events: EventEnvelope[]) => void;
}

/**
 * The one authority of the queue: validates, authorises and decides each command, logs its events
 * durably, and only then applies them to the live state and announces them.
 */
export class QueueService {
  state: QueueState;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly onEvents: (events: EventEnvelope[]) => void;

  constructor(
    private readonly store: EventStore,
    readonly config: HallConfig,
    options: QueueServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.onEvents = options.onEvents ?? (() => undefined);
    this.state = this.rebuild();
  }

  /** The live state, replayed from the log through the same reducer the clients use. */
  private rebuild(): QueueState {
    // Streamed, one event at a time: a busy day is 60,000 events, and holding them all would set the RSS.
    const stored = this.store.streamCurrentDay();
    const fresh = (firstSeq: number) =>
      initialQueueState(this.config, stored.day ?? hallDay(this.now(), this.config.hall.timeZone), firstSeq);
    let state: QueueState | undefined;
    let lastSeq = stored.fromSeq;
    for (const e of stored.events) {
      state ??= fresh(e.seq - 1);
      applyEvent(state, e);
      lastSeq = e.seq;
    }
    state ??= fresh(lastSeq);
    state.seq = lastSeq;
    return state;
  }

  get logId(): string {
    return this.store.logId;
  }

  /** The answer already given to this command id, if any. */
  recordedReply(commandId: string): CommandReply | undefined {
    return this.store.findReply(commandId);
  }

  /** Runs one command from outside. Never throws on bad input: every refusal is a reply. */
  execute(actor: Actor | undefined, commandId: string, input: unknown): CommandReply {
    const first = this.store.findReply(commandId);
    if (first) return first;
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success) {
      return failure(domainError('VALIDATION_FAILED', parsed.error.issues.map(describeIssue).join('; ')));
    }
    const command = parsed.data;
    this.closeDayIfDue();
    const now = this.now();
    const refusal = authorize(actor, command, this.config, this.state);
    // Strangers' refusals are not logged, so that a flood of them writes nothing.
    if (refusal || !actor) return failure(refusal ?? domainError('UNAUTHENTICATED', 'no actor'));
    const decision = decide(this.state, command, { config: this.config, now, actor, newId: this.newId });
    if (!decision.ok) {
      const reply = failure(decision.error);
      this.store.recordReply(commandId, now, reply);
      return reply;
    }
    return this.commit(decision.events, now, commandId);
  }

  /** Closes the hall day when local midnight has passed (also run by the hub's midnight timer). */
  closeDayIfDue(): void {
    const events = rolloverEvents(this.state, this.config, this.now());
    if (events.length === 0) return;
    this.commit(events, this.now());
    this.store.pruneReplies(this.now() - REPLY_RETENTION_MS);
  }

  /** Log first, then apply, then announce: a failed write changes nothing in memory. */
  private commit(events: DomainEvent[], at: number, commandId?: string): CommandReply & { ok: true } {
    const envelopes: EventEnvelope[] = events.map((event, i) => ({ seq: this.state.seq + 1 + i, at, event }));
    const reply = { ok: true as const, seq: envelopes.at(-1)?.seq ?? this.state.seq, events: envelopes };
    if (envelopes.length > 0) {
      this.store.append(
        { day: this.state.day, at, firstSeq: this.state.seq + 1, events, ...optional(commandId) },
        reply,
      );
    } else if (commandId !== undefined) {
      this.store.recordReply(commandId, at, reply);
    }
    for (const e of envelopes) applyEvent(this.state, e);
    if (envelopes.length > 0) this.onEvents(envelopes);
    return reply;
  }

  /** What a client missed since `sinceSeq`: the events, or a snapshot when it is too far behind or ahead. */
  sync(sinceSeq: number): SyncReply {
    const behind = this.state.seq - sinceSeq;
    // 0 is a client with no state yet; a client ahead of the hub saw a log this hub no longer has.
    if (sinceSeq === 0 || behind < 0 || behind > MAX_SYNC_EVENTS) {
      return { ok: true, kind: 'snapshot', seq: this.state.seq, state: this.state, logId: this.store.logId };
    }
    const events = behind === 0 ? [] : this.store.eventsSince(sinceSeq, MAX_SYNC_EVENTS);
    return { ok: true, kind: 'events', events, seq: this.state.seq, logId: this.store.logId };
  }
}

const REPLY_RETENTION_MS = 7 * 24 * 60 * 60_000;

function optional(commandId: string | undefined): { commandId?: string } {
  return commandId === undefined ? {} : { commandId };
}

function failure(error: DomainError): CommandReply {
  return { ok: false, error };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
