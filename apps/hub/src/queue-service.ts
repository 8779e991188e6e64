import type {
  AuditReply,
  CommandReply,
  ConfigChangeReply,
  ConfigExportReply,
  DayView,
  DomainError,
  DomainEvent,
  EventEnvelope,
  HallConfig,
  ParsedRequest,
  Principal,
  SignedInStaff,
  StaffContext,
  StaffRecord,
  SyncReply,
} from '@antre/shared';
import {
  MAX_SYNC_EVENTS,
  QueueDay,
  actorOf,
  actorTag,
  auditEntry,
  auditMatches,
  auditQuerySchema,
  authorizeAdmin,
  authorizeCommand,
  authorizeConfigChange,
  authorizeHallAdmin,
  configChangeSchema,
  configRefusal,
  decideConfigChange,
  fieldIssues,
  withoutStaff,
  commandSchema,
  decide,
  domainError,
  hallDay,
  reprintEvent,
  rolloverEvents,
} from '@antre/shared';
import { LiveConfig } from './live-config.js';
import type { PackedDay } from './store/day-snapshot-codec.js';
import { decodePackedDay, encodePackedDay, packDay } from './store/day-snapshot-codec.js';
import { DAY_SNAPSHOT_FORMAT } from './store/day-snapshots.js';
import type { CommandRecord, EventStore, StoredEvent } from './store/event-store.js';

export interface QueueServiceOptions {
  now?: () => number;
  newId?: () => string;
  /** Called after every commit with the new events, in order: the broadcast. */
  onEvents?: (events: EventEnvelope[]) => void;
  /** Told when the store's config differs from the file's: the store wins after the first start. */
  onFileIgnored?: () => void;
  /** Called after every commit too, with who made each event (`actorTag`): the reports' projection. */
  onLogged?: (events: StoredEvent[]) => void;
  /** Seats of today's bookings still held from walk-ins, per service (`BookingService.heldSeats`). */
  heldSeats?: (serviceId: string) => number;
  /** Events between two snapshots of the day (`DEFAULT_SNAPSHOT_EVERY`). */
  snapshotEvery?: number;
  /**
   * Copies the survey's ledger as it stands at event `seq` (a turn after the day was packed, or with it); what
   * it returns encodes that copy, where the snapshot is stored, beside the day (`survey-snapshot-codec.ts`).
   */
  snapshotSurvey?: (seq: number) => () => Uint8Array;
}

/**
 * A snapshot every 10,000 events: a restart replays at most that many after reading the snapshot, while
 * taking one (packing the day's columns, then writing a few MB) happens a few times an hour at the busiest
 * hall's peak.
 */
export const DEFAULT_SNAPSHOT_EVERY = 10_000;

/** One command as it arrives from outside, with who sent it. */
export interface CommandRequest {
  principal: Principal;
  commandId: string;
  input: unknown;
}

/**
 * The one authority of the queue: validates, authorises and decides each command, logs its events
 * durably, and only then answers and announces them.
 */
export class QueueService {
  /** The live day; only this service changes it, by applying logged events. */
  private day: QueueDay;
  /** The live hall config: the store's seed and the config events of the log, in step with the day. */
  private live!: LiveConfig;
  /** The hub's clock (hall time in tests and the simulator). */
  readonly now: () => number;
  private readonly newId: () => string;
  private readonly onEvents: (events: EventEnvelope[]) => void;
  private readonly onLogged: ((events: StoredEvent[]) => void) | undefined;
  private readonly heldSeats: ((serviceId: string) => number) | undefined;
  private readonly snapshotSurvey: ((seq: number) => () => Uint8Array) | undefined;

  constructor(
    private readonly store: EventStore,
    /** The `HALL_CONFIG` file: the store's seed at the first start, and the staff accounts at every start. */
    private readonly file: HallConfig,
    options: QueueServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.onEvents = options.onEvents ?? (() => undefined);
    this.onLogged = options.onLogged;
    this.heldSeats = options.heldSeats;
    this.snapshotSurvey = options.snapshotSurvey;
    this.snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    this.day = this.rebuild();
    if (this.fileIgnored) options.onFileIgnored?.();
  }

  private fileIgnored = false;
  /** The event the latest snapshot (or the day's start) stands at. */
  private snapshotSeq = 0;
  /** The snapshot being taken after the current turn, if one is: settles once it is stored (or given up). */
  private snapshotting: Promise<void> | undefined;
  private readonly snapshotEvery: number;
  /**
   * How the day was rebuilt at start: from the snapshot after event `snapshotSeq` (none: from the day's start),
   * then `replayed` events from the log.
   */
  restoredFrom: { snapshotSeq: number | undefined; replayed: number } = {
    snapshotSeq: undefined,
    replayed: 0,
  };

  /** The hall config now, as the log has made it. */
  get config(): HallConfig {
    return this.live.config;
  }

  /** The config's version now: each accepted change moves it on by one. */
  get configVersion(): number {
    return this.live.version;
  }

  /** The live day, read-only. */
  get state(): DayView {
    return this.day;
  }

  /**
   * The live day, from the log through the same reducer the clients use: the latest snapshot of the day when
   * one fits the log, then the events after it; the whole day when none does (an older store, a snapshot of
   * another format or unreadable).
   */
  private rebuild(): QueueDay {
    const { live, fileIgnored } = LiveConfig.open(this.store, this.file, this.now());
    this.live = live;
    this.fileIgnored = fileIgnored;
    const start = this.store.currentDayStart();
    const dayName = start.day ?? hallDay(this.now(), this.config.hall.timeZone);
    let day = this.restoreSnapshot(start.fromSeq, dayName);
    const fromSeq = day?.seq ?? start.fromSeq;
    // The day starts on the config of its start (or of its snapshot): the config events before it first.
    for (const e of this.store.configEvents()) if (e.seq <= fromSeq) live.apply(e.event);
    let replayed = 0;
    // Streamed, one event at a time: a busy day is 300,000 events, and holding them all would set the RSS.
    for (const e of this.store.streamAfter(fromSeq)) {
      day ??= QueueDay.empty(this.config, dayName, e.seq - 1);
      live.apply(e.event);
      day.apply(e);
      replayed += 1;
    }
    this.restoredFrom = { snapshotSeq: fromSeq === start.fromSeq ? undefined : fromSeq, replayed };
    this.snapshotSeq = fromSeq;
    return day ?? QueueDay.empty(this.config, dayName, start.fromSeq);
  }

  /** The stored snapshot of the day `dayName` that started after `dayStartSeq`, if one fits the log. */
  private restoreSnapshot(dayStartSeq: number, dayName: string): QueueDay | undefined {
    const stored = this.store.snapshots.latestAfter(dayStartSeq);
    if (!stored || stored.format !== DAY_SNAPSHOT_FORMAT || stored.day !== dayName) return undefined;
    // A snapshot ahead of the log belongs to a log this store no longer has (a backup restored over it).
    if (stored.seq > this.store.lastSeq()) return undefined;
    try {
      const { data, list } = decodePackedDay(stored.state);
      return data.seq === stored.seq && data.day === dayName ? QueueDay.own(data, list) : undefined;
    } catch {
      // Unreadable (cut short, another shape): the log has it all.
      return undefined;
    }
  }

  /**
   * Takes a snapshot of the day once `snapshotEvery` events have been logged since the last one (or since the
   * start of the day this start replayed: an older store gets its first at its first command), off the
   * command path, one step per turn of the event loop, so that no step holds the hub for long (a 100,000-ticket
   * day: packing its columns, copying the survey's ledger, encoding each, writing them are a few tens of ms
   * each, several hundred together): after the current turn (the answers and broadcasts of the batch that
   * crossed the mark go first) the day is packed as it stands at its `seq`; after the next the survey's ledger
   * is copied as it stands then (its own `seq`, which a restart replays from); then each is encoded, and last
   * both are stored, in one transaction that holds only the write. Commands that arrive in between are decided
   * and logged as usual; the snapshot does not hold them, the log does.
   */
  private snapshotIfDue(): void {
    if (this.snapshotting || this.day.seq - this.snapshotSeq < this.snapshotEvery) return;
    this.snapshotting = this.snapshotStepByStep().finally(() => {
      this.snapshotting = undefined;
    });
  }

  private async snapshotStepByStep(): Promise<void> {
    await afterTurn();
    if (!this.store.db.open) return;
    const packed = packDay(this.day);
    await afterTurn();
    const survey = this.snapshotSurvey?.(this.day.seq);
    await afterTurn();
    const state = encodePackedDay(packed);
    await afterTurn();
    const surveyBytes = survey?.();
    await afterTurn();
    this.storeSnapshot(packed, state, surveyBytes);
  }

  /** Settles when the snapshot being taken, if any, is stored (or given up). */
  snapshotSettled(): Promise<void> {
    return this.snapshotting ?? Promise.resolve();
  }

  /** Stores a snapshot of the day as it is now, at once. A failure loses nothing: the log holds every event. */
  snapshotNow(): void {
    if (!this.store.db.open) return;
    const packed = packDay(this.day);
    this.storeSnapshot(packed, encodePackedDay(packed), this.snapshotSurvey?.(this.day.seq)());
  }

  /** Writes a packed day, whole or not at all; a store closed meanwhile (the hub stopping) keeps the older. */
  private storeSnapshot(packed: PackedDay, state: Uint8Array, survey: Uint8Array | undefined): void {
    if (!this.store.db.open) return;
    try {
      this.store.snapshots.save({
        seq: packed.seq,
        day: packed.day,
        at: this.now(),
        format: DAY_SNAPSHOT_FORMAT,
        state,
        survey,
      });
      this.snapshotSeq = Math.max(this.snapshotSeq, packed.seq);
    } catch {
      // Derived data: the next mark tries again, and a restart replays the log.
    }
  }

  get logId(): string {
    return this.store.logId;
  }

  /** The answer already given to this command id, if any. */
  recordedReply(commandId: string): CommandReply | undefined {
    return this.store.findReply(commandId);
  }

  /** Runs one command from outside. Never throws on bad input: every refusal is a reply. */
  execute(principal: Principal, commandId: string, input: unknown): CommandReply {
    return (
      this.executeBatch([{ principal, commandId, input }])[0] ?? failure(domainError('INTERNAL', 'no reply'))
    );
  }

  /**
   * Runs commands that arrived together, in order, and logs them in one transaction: one fsync for the
   * batch instead of one per command. Each command is decided on the state its predecessors left, so the
   * batch applies their events as it goes; this all happens in one synchronous run, so nobody sees a state
   * before its commit. Should the write fail, the state is rebuilt from the log, which holds nothing of the
   * batch, and the error is thrown: no answer was given, nothing was announced, so nothing is half-done.
   */
  executeBatch(requests: readonly CommandRequest[]): CommandReply[] {
    this.closeDayIfDue();
    const now = this.now();
    const replies: CommandReply[] = [];
    const records: CommandRecord[] = [];
    const answered = new Map<string, CommandReply>();
    try {
      for (const { principal, commandId, input } of requests) {
        const first = answered.get(commandId) ?? this.store.findReply(commandId);
        if (first) {
          replies.push(first);
          continue;
        }
        const { reply, record } = this.decideAndApply(principal, commandId, input, now);
        if (record) {
          records.push(record);
          answered.set(commandId, reply);
        }
        replies.push(reply);
      }
      if (records.length > 0) this.store.commit(records);
    } catch (err) {
      this.day = this.rebuild();
      throw err;
    }
    const events = records.flatMap((r) => r.events);
    if (events.length > 0) {
      this.onEvents(events);
      this.onLogged?.(records.flatMap((r) => r.events.map((e) => withActor(e, r.actor))));
      this.snapshotIfDue();
    }
    return replies;
  }

  /** One command's answer, and what the log must keep of it (nothing for strangers' bad input). */
  private decideAndApply(
    principal: Principal,
    commandId: string,
    input: unknown,
    now: number,
  ): { reply: CommandReply; record?: CommandRecord } {
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success) {
      return {
        reply: failure(domainError('VALIDATION_FAILED', parsed.error.issues.map(describeIssue).join('; '))),
      };
    }
    const refusal = authorizeCommand(principal, parsed.data, this.config, this.day);
    const actor = actorOf(principal);
    // The policy's refusals are not logged, so that a flood of them writes nothing.
    if (refusal || !actor) return { reply: failure(refusal ?? domainError('UNAUTHENTICATED', 'no actor')) };
    const ctx = { config: this.config, now, actor, newId: this.newId };
    const decision = decide(
      this.day,
      parsed.data,
      this.heldSeats ? { ...ctx, heldSeats: this.heldSeats } : ctx,
    );
    const day = this.day.day;
    if (!decision.ok) {
      const reply = failure(decision.error);
      return { reply, record: { commandId, day, at: now, events: [], reply } };
    }
    const events = this.applyNew(decision.events, now);
    const reply: CommandReply = { ok: true, seq: this.day.seq, events };
    return { reply, record: { commandId, day, at: now, events, reply, actor: actorTag(actor) } };
  }

  /** Numbers new events after the last one and applies them. */
  private applyNew(events: readonly DomainEvent[], at: number): EventEnvelope[] {
    const envelopes = events.map((event, i) => ({ seq: this.day.seq + 1 + i, at, event }));
    for (const e of envelopes) this.day.apply(e);
    return envelopes;
  }

  /** Closes the hall day when local midnight has passed (also run by the hub's midnight timer). */
  closeDayIfDue(): void {
    const now = this.now();
    const events = rolloverEvents(this.day, this.config, now);
    if (events.length === 0) return;
    this.commitOwn(events, now);
    this.store.pruneReplies(now - REPLY_RETENTION_MS);
  }

  /**
   * Logs that a ticket printed after its print had failed (a staff reprint through `ticket:print`, or the kiosk
   * trying again), so that every staff screen drops the alert. Logs nothing for a ticket without an open alert.
   * Not a command: the print has already happened, so there is nothing to refuse and no retry to answer.
   */
  recordReprint(ticketId: string, kioskId: string, by: string): EventEnvelope[] {
    this.closeDayIfDue();
    const event = reprintEvent(this.day, ticketId, kioskId, by);
    return event ? this.commitOwn([event], this.now()) : [];
  }

  /**
   * Logs events another part of the hub decided with the domain (a survey response, a follow-up plan): they
   * take the next numbers of the one log, are applied to the day (which leaves the queue as it is) and are
   * announced like any other. The caller has decided them on the state of this same synchronous run.
   */
  append(events: readonly DomainEvent[]): EventEnvelope[] {
    this.closeDayIfDue();
    return this.commitOwn(events, this.now());
  }

  /** Logs the hub's own events (no command asked for them), then applies and announces them. */
  private commitOwn(events: readonly DomainEvent[], now: number): EventEnvelope[] {
    const day = this.day.day;
    const envelopes = events.map((event, i) => ({ seq: this.day.seq + 1 + i, at: now, event }));
    // Written before it is applied: the change is in the log first, or nowhere.
    this.store.commit([{ day, at: now, events: envelopes, actor: SYSTEM_TAG }]);
    for (const e of envelopes) this.day.apply(e);
    this.onEvents(envelopes);
    this.onLogged?.(envelopes.map((e) => withActor(e, SYSTEM_TAG)));
    this.snapshotIfDue();
    return envelopes;
  }

  /**
   * Decides one change to the hall config (config as data): parsed with the one schema, authorised by the
   * policy, decided by the config engine on today's queue; an accepted change is logged with its answer (a
   * retry gets it again) and only then applied to the config and the day, and broadcast. A refusal changes
   * nothing and is not logged.
   */
  changeConfig(principal: Principal, request: ParsedRequest<'config:change'>): ConfigChangeReply {
    this.closeDayIfDue();
    const first = this.store.findReply<ConfigChangeReply>(request.commandId);
    if (first) return first;
    const parsed = configChangeSchema.safeParse(request.change);
    if (!parsed.success) {
      // `item.value.prefix` is the form's `prefix`; `hall.name` its `name`.
      const [issue] = parsed.error.issues;
      const [field] = fieldIssues(parsed.error.issues, issue?.path[0] === 'item' ? 2 : 1);
      return configRefusal('VALIDATION_FAILED', field?.field ?? '', {
        id: field?.text.id ?? 'Tidak valid.',
        en: field?.text.en ?? 'Not valid.',
      });
    }
    const change = parsed.data;
    const refusal = authorizeConfigChange(principal, change, this.config);
    if (refusal || principal.kind !== 'staff') {
      return { ok: false, error: refusal ?? domainError('UNAUTHENTICATED', 'sign in') };
    }
    const decision = decideConfigChange(
      {
        config: withoutStaff(this.config),
        staff: this.config.staff.map((s) => ({ ...s, active: true })),
        version: this.live.version,
        changedIn: this.live.changedIn,
        day: this.day,
      },
      { expectedVersion: request.expectedVersion, change },
      principal.staff.username,
    );
    if (!decision.ok) return decision;
    return this.commitConfigEvent(request.commandId, decision.event, principal.staff);
  }

  /** Every staff account, active or not, without secrets, as the log has made them. */
  get staffAccounts(): readonly StaffRecord[] {
    return this.live.accounts;
  }

  /** What a staff change is decided on: the accounts, the config and its versions now. */
  staffContext(): StaffContext {
    return {
      accounts: this.live.accounts,
      config: withoutStaff(this.config),
      version: this.live.version,
      changedIn: this.live.changedIn,
    };
  }

  /**
   * Logs a config or staff event the domain decided on the state of this same synchronous run, with its answer
   * (a retry gets it again), then applies it to the config and the day and broadcasts it. `alsoWrite` runs in
   * the same transaction (a staff account's new PIN hash): both are stored, or neither.
   */
  commitConfigEvent(
    commandId: string,
    event: Extract<DomainEvent, { type: 'ConfigChanged' | 'StaffChanged' }>,
    by: SignedInStaff,
    alsoWrite?: () => void,
  ): ConfigChangeReply {
    const now = this.now();
    const envelope: EventEnvelope = { seq: this.day.seq + 1, at: now, event };
    const reply: ConfigChangeReply = { ok: true, version: event.version, seq: envelope.seq };
    // Written first: the change is in the log, or nowhere.
    const actor = actorTag({ kind: 'staff', username: by.username, role: by.role });
    this.store.db.transaction(() => {
      alsoWrite?.();
      this.store.commit([{ commandId, day: this.day.day, at: now, events: [envelope], reply, actor }]);
    })();
    this.live.apply(envelope.event);
    this.day.apply(envelope);
    this.onEvents([envelope]);
    this.onLogged?.([withActor(envelope, actor)]);
    return reply;
  }

  /**
   * The whole config in the file's format, for a hall supervisor: everything the store holds as config, so
   * without the staff accounts (the file's and the console's, `StaffChanged`) and their secrets.
   */
  exportConfig(principal: Principal): ConfigExportReply {
    const refusal = authorizeHallAdmin(principal);
    if (refusal) return { ok: false, error: refusal };
    return { ok: true, version: this.live.version, config: withoutStaff(this.config) };
  }

  /**
   * The audit trail, newest first, filtered; read from the log itself. A supervisor of one agency sees the
   * entries about their agency only.
   */
  audit(principal: Principal, input: ParsedRequest<'audit:query'>): AuditReply {
    const refusal = authorizeAdmin(principal);
    if (refusal || principal.kind !== 'staff') {
      return { ok: false, error: refusal ?? domainError('UNAUTHENTICATED', 'sign in') };
    }
    const query = auditQuerySchema.parse(input);
    const own = principal.staff.agencyId;
    const entries = [];
    let before = query.beforeSeq ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const page = this.store.auditEvents(before, 500);
      for (const envelope of page) {
        const entry = auditEntry(envelope);
        if (!entry || !auditMatches(entry, query)) continue;
        if (own !== undefined && !entry.agencies.includes(own)) continue;
        if (entries.length === query.limit) return { ok: true, entries, more: true };
        entries.push(entry);
      }
      const last = page.at(-1);
      if (page.length < 500 || !last) return { ok: true, entries, more: false };
      before = last.seq;
    }
  }

  /** What a client missed since `sinceSeq`: the events, or a snapshot when it is too far behind or ahead. */
  sync(sinceSeq: number): SyncReply {
    const seq = this.day.seq;
    const behind = seq - sinceSeq;
    // 0 is a client with no state yet; a client ahead of the hub saw a log this hub no longer has.
    if (sinceSeq === 0 || behind < 0 || behind > MAX_SYNC_EVENTS) {
      return { ok: true, kind: 'snapshot', seq, state: this.day.snapshot(), logId: this.store.logId };
    }
    const events = behind === 0 ? [] : this.store.eventsSince(sinceSeq, MAX_SYNC_EVENTS);
    return { ok: true, kind: 'events', events, seq, logId: this.store.logId };
  }
}

const REPLY_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** Resolves after the current turn of the event loop, once the I/O it queued has run. */
function afterTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The hub's own events (the day closing, a reprint noted): no command, no person. */
const SYSTEM_TAG = actorTag({ kind: 'system' });

function withActor(e: EventEnvelope, actor: string | undefined): StoredEvent {
  return actor === undefined ? e : { ...e, actor };
}

function failure(error: DomainError): CommandReply {
  return { ok: false, error };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
