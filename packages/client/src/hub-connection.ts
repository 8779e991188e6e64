import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Command,
  CommandInput,
  CommandReply,
  DayView,
  DomainError,
  EventEnvelope,
  Handshake,
  Principal,
  PublicHallConfig,
  ReplyOf,
  RequestEvent,
  RequestOf,
  ServerToClientEvents,
  SyncReply,
  Welcome,
} from '@antre/shared';
import { PROTOCOL_VERSION, domainError, followConfig } from '@antre/shared';
import { QueueMirror } from './queue-mirror.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HubConnectionOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:3000`; empty for the page's own origin. */
  url: string;
  /** Credentials for each (re)connect: read again every time, so a sign-in takes effect on reconnect. */
  credentials?: () => Omit<Handshake, 'protocol'>;
  /** How long to wait for an answer before treating the request as lost. */
  ackTimeoutMs?: number;
  /** Only for tests: socket.io-client options such as `reconnectionDelay`. */
  socketOptions?: Record<string, unknown>;
}

export interface CommandOptions {
  /** Kept and sent once the hub is back (finish, no-show); otherwise refused at once while offline. */
  queueWhileOffline?: boolean;
  commandId?: string;
}

interface PendingCommand {
  commandId: string;
  command: CommandInput;
  resolve: (reply: CommandReply) => void;
}

/** What changed in a connection: told to every listener, so that nobody has to guess it from the state. */
export interface ConnectionChange {
  /** Events the mirror applied in this change, in sequence order (none for a status or config change). */
  applied: readonly EventEnvelope[];
  /** How they arrived: live from the hub, in a command's answer, or in a catch-up after a cut. */
  via?: 'broadcast' | 'reply' | 'sync';
  /** The mirror was replaced by a snapshot, or dropped: whatever was derived from it must be read afresh. */
  reset: boolean;
}

type Listener = (change: ConnectionChange) => void;

const NOTHING_APPLIED: ConnectionChange = { applied: [], reset: false };

/**
 * One client's link to the hub: keeps a mirror of the queue in step (sync by sequence number after every
 * (re)connect and on any gap), and sends commands with ids so that a retry after a cut never acts twice.
 */
export class HubConnection {
  readonly mirror = new QueueMirror();
  readonly socket: HubSocket;
  status: ConnectionStatus = 'connecting';
  /** The hall config, kept in step with the hub's changes (`ConfigChanged` events) without a reload. */
  config: PublicHallConfig | undefined;
  /** The version `config` is at. */
  configVersion = 0;
  principal: Principal = { kind: 'public' };
  /** The hub's address as visitors' phones reach it (`welcome.publicUrl`): what a ticket's QR code links to. */
  publicUrl: string | undefined;
  /** Set when the hub refused the connection (wrong protocol, expired session). */
  refusal: DomainError | undefined;
  private readonly listeners = new Set<Listener>();
  /** Commands sent or waiting to be sent whose answer has not arrived. */
  private readonly outbox = new Map<string, PendingCommand>();
  private readonly ackTimeoutMs: number;
  private syncing = false;
  private syncAgain = false;
  /** The hub log the mirror follows; another one means the mirror is from a different history. */
  private logId: string | undefined;

  constructor(options: HubConnectionOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8000;
    const credentials = options.credentials ?? (() => ({}));
    this.socket = connectSocket(options.url, {
      auth: (cb: (data: object) => void) => cb({ protocol: PROTOCOL_VERSION, ...credentials() }),
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      ...options.socketOptions,
    });
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', (err: Error & { data?: DomainError }) => {
      if (err.data?.code) this.refusal = err.data;
      this.setStatus('offline');
      // A refusal while already offline changes no status, but the app must still learn of it.
      this.notify();
    });
    this.socket.on('welcome', (w: Welcome) => {
      this.principal = w.principal;
      this.publicUrl = w.publicUrl;
      this.notify();
    });
    this.socket.on('events', (events) => {
      const { result, applied } = this.mirror.receive(events);
      if (applied.length > 0) this.notify({ applied, via: 'broadcast', reset: false });
      if (result === 'gap') void this.sync();
    });
  }

  /** The mirrored hall day, read-only; undefined until the first sync. */
  get state(): DayView | undefined {
    return this.mirror.state;
  }

  /** Commands whose answer is still awaited (e.g. a finish made while offline). */
  get pendingCount(): number {
    return this.outbox.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command; resolves with the hub's answer, or HUB_UNREACHABLE when it cannot be sent now. */
  command(command: CommandInput | Command, options: CommandOptions = {}): Promise<CommandReply> {
    const commandId = options.commandId ?? crypto.randomUUID();
    if (!this.socket.connected && !options.queueWhileOffline) {
      return Promise.resolve({
        ok: false,
        error: domainError('HUB_UNREACHABLE', 'the hub is not connected'),
      });
    }
    return new Promise((resolve) => {
      const pending: PendingCommand = { commandId, command, resolve };
      this.outbox.set(commandId, pending);
      this.notify();
      if (this.socket.connected) this.send(pending);
    });
  }

  /** A request that is not a command (sign-in, enrolment, config). */
  async request<E extends Exclude<RequestEvent, 'command'>>(
    event: E,
    payload: RequestOf<E>,
  ): Promise<ReplyOf<E>> {
    if (!this.socket.connected) {
      return { ok: false, error: domainError('HUB_UNREACHABLE', 'the hub is not connected') };
    }
    try {
      return await requestSenders[event](this.socket.timeout(this.ackTimeoutMs), payload);
    } catch {
      return { ok: false, error: domainError('HUB_UNREACHABLE', 'no answer from the hub') };
    }
  }

  /** Reconnects with fresh credentials (after a sign-in or enrolment) so the hub knows who this is. */
  reconnect(): void {
    this.socket.disconnect();
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
    for (const p of this.outbox.values()) {
      p.resolve({ ok: false, error: domainError('HUB_UNREACHABLE', 'the connection was closed') });
    }
    this.outbox.clear();
    this.listeners.clear();
  }

  private send(pending: PendingCommand): void {
    const { commandId, command } = pending;
    requestSenders.command(this.socket.timeout(this.ackTimeoutMs), { commandId, command }).then(
      (reply) => {
        if (!this.outbox.delete(commandId)) return;
        const applied = reply.ok ? this.mirror.receive(reply.events).applied : [];
        pending.resolve(reply);
        this.notify(applied.length > 0 ? { applied, via: 'reply', reset: false } : NOTHING_APPLIED);
      },
      // No answer: the command stays in the outbox and goes again, with the same id, after the reconnect.
      () => {
        if (this.socket.connected) this.socket.disconnect().connect();
      },
    );
  }

  private async onConnect(): Promise<void> {
    this.refusal = undefined;
    this.setStatus('online');
    await Promise.all([this.sync(), this.config ? Promise.resolve() : this.loadConfig()]);
    for (const pending of this.outbox.values()) this.send(pending);
  }

  private async loadConfig(): Promise<void> {
    const reply = await this.request('config:get', {});
    if (reply.ok) {
      this.config = reply.config;
      this.configVersion = reply.version;
      this.listeners.forEach((l) => l(NOTHING_APPLIED));
    }
  }

  /** Catches up: the missed events, or a snapshot when too far behind. */
  async sync(): Promise<void> {
    if (this.syncing) {
      // Events that arrive during a sync may lie past its answer: catch up again once it is in.
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    let again: boolean;
    try {
      again = this.applySync(await this.request('sync', { sinceSeq: this.mirror.seq }));
    } finally {
      this.syncing = false;
    }
    again ||= this.syncAgain;
    this.syncAgain = false;
    if (again && this.socket.connected) await this.sync();
  }

  /** Applies a sync answer; true when another sync is needed. */
  private applySync(reply: SyncReply): boolean {
    if (!reply.ok) return false;
    // Another log (the hub's store was replaced or restored): our sequence numbers mean nothing there.
    const foreign = this.logId !== undefined && reply.logId !== this.logId;
    this.logId = reply.logId;
    if (reply.kind === 'snapshot') {
      this.mirror.load(reply.state);
      this.notify({ applied: [], reset: true });
    } else if (foreign) {
      this.mirror.reset();
      this.notify({ applied: [], reset: true });
    } else {
      const { result, applied } = this.mirror.receive(reply.events);
      if (result === 'gap') this.mirror.reset();
      this.notify({ applied, via: 'sync', reset: result === 'gap' });
    }
    return this.mirror.state === undefined;
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.notify();
  }

  private notify(change: ConnectionChange = NOTHING_APPLIED): void {
    this.followConfig(change);
    for (const l of this.listeners) l(change);
  }

  /**
   * Applies the config changes among the applied events to `config`, as the hub did; after a reset or a
   * missing version, the config is loaded afresh (a snapshot carries the queue, not the config's history).
   */
  private followConfig(change: ConnectionChange): void {
    if (!this.config) return;
    if (change.reset) {
      void this.loadConfig();
      return;
    }
    if (change.applied.length === 0) return;
    const followed = followConfig({ config: this.config, version: this.configVersion }, change.applied);
    if (followed.result === 'gap') void this.loadConfig();
    else if (followed.result === 'applied') {
      this.config = followed.current.config;
      this.configVersion = followed.current.version;
    }
  }
}

/** The socket with an ack timeout: an ack then gets an error first, set when no answer came in time. */
type TimedSocket = ReturnType<HubSocket['timeout']>;

/** Sends one request and resolves with the hub's answer; rejects when none came in time. */
type RequestSender<E extends RequestEvent> = (
  socket: TimedSocket,
  request: RequestOf<E>,
) => Promise<ReplyOf<E>>;

/**
 * One sender per event of the contract, each emitting its own event name, so that socket.io's typing checks the
 * payload and the reply of each; a generic `emitWithAck(event)` cannot relate an event name to its types.
 */
const requestSenders: { [E in RequestEvent]: RequestSender<E> } = {
  sync: (socket, request) => answer((ack) => socket.emit('sync', request, ack)),
  command: (socket, request) => answer((ack) => socket.emit('command', request, ack)),
  'config:get': (socket, request) => answer((ack) => socket.emit('config:get', request, ack)),
  'staff:signIn': (socket, request) => answer((ack) => socket.emit('staff:signIn', request, ack)),
  'staff:signOut': (socket, request) => answer((ack) => socket.emit('staff:signOut', request, ack)),
  'device:enrol': (socket, request) => answer((ack) => socket.emit('device:enrol', request, ack)),
  whoami: (socket, request) => answer((ack) => socket.emit('whoami', request, ack)),
  'ticket:print': (socket, request) => answer((ack) => socket.emit('ticket:print', request, ack)),
  'config:change': (socket, request) => answer((ack) => socket.emit('config:change', request, ack)),
  'config:export': (socket, request) => answer((ack) => socket.emit('config:export', request, ack)),
  'audit:query': (socket, request) => answer((ack) => socket.emit('audit:query', request, ack)),
  'survey:followUp': (socket, request) => answer((ack) => socket.emit('survey:followUp', request, ack)),
  'device:list': (socket, request) => answer((ack) => socket.emit('device:list', request, ack)),
  'device:revoke': (socket, request) => answer((ack) => socket.emit('device:revoke', request, ack)),
  'device:rotatePairingCode': (socket, request) =>
    answer((ack) => socket.emit('device:rotatePairingCode', request, ack)),
  'booking:checkIn': (socket, request) => answer((ack) => socket.emit('booking:checkIn', request, ack)),
  'staff:list': (socket, request) => answer((ack) => socket.emit('staff:list', request, ack)),
  'staff:change': (socket, request) => answer((ack) => socket.emit('staff:change', request, ack)),
  'staff:signInPassword': (socket, request) =>
    answer((ack) => socket.emit('staff:signInPassword', request, ack)),
};

function answer<R>(emit: (ack: (err: Error | null, reply: R) => void) => void): Promise<R> {
  return new Promise((resolve, reject) => emit((err, reply) => (err ? reject(err) : resolve(reply))));
}
