import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CommandReply } from '@antre/shared';
import { ERROR_CODES, PROTOCOL_VERSION } from '@antre/shared';
import type { Rng } from './distributions.js';
import type { FuzzCategory, FuzzIdentity, MessageCase } from './fuzz-cases.js';
import { HANDSHAKE_CASES, messageCases } from './fuzz-cases.js';
import type { ReplayPool } from './replay-pool.js';
import type { SimClock } from './sim-clock.js';

export type FuzzOutcome =
  /** An error reply, or a connection refused with a code. */
  | { kind: 'error'; code: string }
  /** The hub closed the connection (an oversized message). */
  | { kind: 'closed' }
  /** Accepted: wrong for a hostile message. */
  | { kind: 'ok' }
  | { kind: 'no-answer' }
  /** A replay answered with the first answer: nothing ran again. */
  | { kind: 'first-answer' }
  /** A replay answered with something new: it ran again. */
  | { kind: 'new-answer'; detail: string }
  /** No ack was sent, so no answer can come (by design); the hub must simply stay up. */
  | { kind: 'unanswerable' };

export interface FuzzResult {
  name: string;
  category: FuzzCategory;
  outcome: FuzzOutcome;
  /** The code was one of those the contract leads one to expect. */
  expectedCode: boolean;
  at: number;
}

// Generous: a loaded CI machine must not turn a slow answer into a "no answer" finding.
const ANSWER_TIMEOUT_MS = 8000;
/** The log's sequence number as each hostile connection last heard it (welcome, broadcasts). */
const latestSeq = new WeakMap<Socket, number>();
const FLOOD_SIZE = 300;

/**
 * A hostile client: raw socket.io-client, no Antre client library, fuzzing the contract in bursts. It never
 * sends a message that would be a legitimate change of the queue (no valid ticket, no lease): the day's
 * invariants then also prove that none of its messages changed anything.
 */
export class Fuzzer {
  readonly results: FuzzResult[] = [];
  bursts = 0;
  skippedBursts = 0;

  constructor(
    private readonly url: string,
    private readonly clock: SimClock,
    private readonly pool: ReplayPool,
    private readonly rng: Rng,
  ) {}

  /** One round of every hostile message, handshake, a flood, and replays of real commands. */
  async burst(): Promise<void> {
    const sockets: Partial<Record<FuzzIdentity, Socket>> = {};
    try {
      for (const as of ['public', 'kiosk', 'display'] as const) {
        const s = await this.open(as);
        if (!s) {
          this.skippedBursts += 1;
          return;
        }
        sockets[as] = s;
      }
      this.bursts += 1;
      for (const c of messageCases(this.clock.now())) {
        if (c.ownConnection) await this.sendAlone(c);
        else {
          const socket = sockets[c.as];
          if (socket?.connected)
            this.record(c.name, c.category, await ask(socket, c.event, c.args), c.expect);
        }
      }
      for (const h of HANDSHAKE_CASES)
        this.record(h.name, 'handshake', await handshake(this.url, h.auth), h.expect);
      if (sockets.public) await this.flood(sockets.public);
      if (sockets.public) await this.replays(sockets.public, latestSeq.get(sockets.public) ?? 0);
      if (sockets.kiosk) this.noAck(sockets.kiosk);
    } finally {
      for (const s of Object.values(sockets)) s.close();
    }
  }

  private async sendAlone(c: MessageCase): Promise<void> {
    const socket = await this.open(c.as);
    if (!socket) return;
    try {
      this.record(c.name, c.category, await ask(socket, c.event, c.args), c.expect);
    } finally {
      socket.close();
    }
  }

  /** Hundreds of bad commands at once: each is refused as bad, or as too many. */
  private async flood(socket: Socket): Promise<void> {
    const outcomes = await Promise.all(
      Array.from({ length: FLOOD_SIZE }, () =>
        ask(socket, 'command', [{ commandId: crypto.randomUUID(), command: { type: 'closeDay' } }]),
      ),
    );
    for (const o of outcomes)
      this.record('flood of refused commands', 'flood', o, ['UNAUTHENTICATED', 'RATE_LIMITED']);
  }

  /**
   * Real commands of counters and kiosks sent again under their ids, by a stranger, with the same body and
   * with a different one (`closeDay`): the first answer comes back and nothing runs again.
   */
  private async replays(socket: Socket, seqNow: number): Promise<void> {
    for (const sent of this.pool.sample(this.rng, 6)) {
      for (const body of [{ type: sent.type }, { type: 'closeDay' }]) {
        const reply = await askRaw(socket, 'command', [{ commandId: sent.commandId, command: body }]);
        this.record(`replay of ${sent.type}`, 'replay', judgeReplay(reply, sent.reply, seqNow), []);
      }
    }
  }

  /** Messages without an ack: the hub cannot answer them and drops them; it must stay up. */
  private noAck(socket: Socket): void {
    socket.emit('command', { commandId: crypto.randomUUID(), command: { type: 'closeDay' } });
    socket.emit('hack', 'x');
    socket.emit('sync', { sinceSeq: -5 });
    for (let i = 0; i < 3; i++) this.record('message without an ack', 'no-ack', { kind: 'unanswerable' }, []);
  }

  private record(
    name: string,
    category: FuzzCategory,
    outcome: FuzzOutcome,
    expect: readonly string[],
  ): void {
    const expectedCode =
      outcome.kind === 'error'
        ? expect.includes(outcome.code) || outcome.code === 'RATE_LIMITED'
        : outcome.kind !== 'ok';
    this.results.push({ name, category, outcome, expectedCode, at: this.clock.now() });
  }

  private open(as: FuzzIdentity): Promise<Socket | undefined> {
    const auth =
      as === 'public'
        ? { protocol: PROTOCOL_VERSION }
        : {
            protocol: PROTOCOL_VERSION,
            demoDevice: { kind: as, deviceId: as === 'kiosk' ? 'kiosk-2' : 'fuzz-display' },
          };
    const socket = io(this.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('welcome', (w: { seq: number }) => latestSeq.set(socket, w.seq));
    socket.on('events', (events: Array<{ seq: number }>) => latestSeq.set(socket, events.at(-1)?.seq ?? 0));
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), ANSWER_TIMEOUT_MS);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        socket.off('connect');
        socket.off('connect_error');
        if (!ok) socket.close();
        resolve(ok ? socket : undefined);
      };
      socket.once('connect', () => done(true));
      socket.once('connect_error', () => done(false));
    });
  }
}

/** Sends one message with an ack; the outcome is the hub's answer, a closed connection, or silence. */
async function ask(socket: Socket, event: string, args: unknown[]): Promise<FuzzOutcome> {
  const reply = await askRaw(socket, event, args);
  if (reply === 'closed') return { kind: 'closed' };
  if (reply === 'no-answer') return { kind: 'no-answer' };
  return classify(reply);
}

function askRaw(socket: Socket, event: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const finish = (r: unknown) => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(r);
    };
    const onDisconnect = () => finish('closed');
    const timer = setTimeout(() => finish('no-answer'), ANSWER_TIMEOUT_MS);
    socket.once('disconnect', onDisconnect);
    socket.emit(event, ...args, (reply: unknown) => finish(reply));
  });
}

function classify(reply: unknown): FuzzOutcome {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true) return { kind: 'ok' };
    const code = (reply as { error?: { code?: unknown } }).error?.code;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code))
      return { kind: 'error', code };
  }
  return { kind: 'no-answer' };
}

/** The replay's answer must be the recorded first answer: equal to what the sender got, or older than now. */
function judgeReplay(reply: unknown, original: CommandReply | undefined, seqBefore: number): FuzzOutcome {
  if (reply === 'closed' || reply === 'no-answer')
    return { kind: reply === 'closed' ? 'closed' : 'no-answer' };
  if (original !== undefined) {
    return JSON.stringify(reply) === JSON.stringify(original)
      ? { kind: 'first-answer' }
      : { kind: 'new-answer', detail: JSON.stringify(reply).slice(0, 200) };
  }
  const r = reply as CommandReply;
  // Without the original at hand (a kiosk's), an answer that ran now would carry a sequence number past `seqBefore`.
  if (r.ok && r.seq > seqBefore) return { kind: 'new-answer', detail: `seq ${r.seq} > ${seqBefore}` };
  return { kind: 'first-answer' };
}

/** Connects with a hostile `auth`; the refusal's code is the outcome. */
function handshake(url: string, auth: unknown): Promise<FuzzOutcome> {
  const socket = io(url, {
    auth: auth as object,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => done({ kind: 'no-answer' }), ANSWER_TIMEOUT_MS);
    const done = (o: FuzzOutcome) => {
      clearTimeout(timer);
      socket.close();
      resolve(o);
    };
    socket.once('connect', () => done({ kind: 'ok' }));
    socket.once('connect_error', (err: Error & { data?: { code?: unknown } }) =>
      done(typeof err.data?.code === 'string' ? { kind: 'error', code: err.data.code } : { kind: 'closed' }),
    );
  });
}
