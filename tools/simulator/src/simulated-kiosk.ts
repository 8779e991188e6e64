import { join } from 'node:path';
import type { ErrorCode } from '@antre/shared';
import type { AgentLog, IssueResult } from '@antre/kiosk/agent';
import { KioskAgent } from '@antre/kiosk/agent';
import { cutConnection } from './connection-wait.js';
import type { ReplayPool } from './replay-pool.js';
import type { SimClock } from './sim-clock.js';
import type { Visitor } from './visitors.js';

/** A ticket as the visitor holds it: what the kiosk printed, the estimate among it. */
export interface HandedOutTicket {
  ticketId: string;
  kioskId: string;
  visitorIndex: number;
  serviceId: string;
  displayNumber: string;
  offline: boolean;
  issuedAt: number;
  ahead: number;
  estimateMinutes: number;
  /** The estimate's likely span (20th–80th percentile), minutes, when it had one. */
  estimateSpan?: { low: number; high: number };
}

export interface KioskRefusal {
  visitorIndex: number;
  serviceId: string;
  code: ErrorCode;
  at: number;
}

/**
 * A kiosk of the hall: the real kiosk agent (hub connection, SQLite outbox, leased numbers, offline
 * issuing and sync), without a printer, on the simulated clock. Records every ticket it hands out.
 */
export class SimulatedKiosk {
  readonly agent: KioskAgent;
  readonly handedOut: HandedOutTicket[] = [];
  readonly refusals: KioskRefusal[] = [];
  /** What the agent logged, counted by message ("ticket issued offline", "late ticket from the hub…"). */
  readonly logCounts = new Map<string, number>();
  readonly outages: Array<{ from: number; to: number }> = [];

  constructor(
    readonly kioskId: string,
    hubUrl: string,
    private readonly clock: SimClock,
    dataDir: string,
    pool: ReplayPool,
  ) {
    const count = (message: string) => this.logCounts.set(message, (this.logCounts.get(message) ?? 0) + 1);
    const log: AgentLog = { info: count, warn: count };
    this.agent = new KioskAgent({
      hubUrl,
      kioskId,
      dbFile: join(dataDir, `${kioskId}.sqlite`),
      credentials: () => ({ demoDevice: { kind: 'kiosk', deviceId: kioskId } }),
      // No printer: the kiosk stores and hands out the ticket; ESC/POS output is tested elsewhere.
      printerUrl: '',
      now: clock.now,
      log,
      // Real milliseconds: a visitor does not wait at the screen for more than a few seconds.
      issueTimeoutMs: 3000,
      connection: {
        ackTimeoutMs: 3000,
        socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 500 },
      },
    });
    this.agent.conn.socket.onAnyOutgoing((event: string, envelope: unknown) => {
      if (event !== 'command' || typeof envelope !== 'object' || envelope === null) return;
      const { commandId, command } = envelope as { commandId?: unknown; command?: { type?: unknown } };
      if (typeof commandId === 'string') {
        pool.add({ commandId, type: String(command?.type), source: kioskId, sentAt: performance.now() });
      }
    });
  }

  /** The visitor touches the screen: a ticket (from the hub, or offline from a leased block), or a refusal. */
  async issue(visitor: Visitor): Promise<IssueResult> {
    const result = await this.agent.issueTicket({
      serviceId: visitor.serviceId,
      priority: visitor.priority,
      lang: 'id',
      ...(visitor.visit ? { visit: { serviceIds: visitor.legs.map((l) => l.serviceId) } } : {}),
    });
    if (result.ok) {
      const t = result.ticket;
      this.handedOut.push({
        ticketId: t.id,
        kioskId: this.kioskId,
        visitorIndex: visitor.index,
        serviceId: t.serviceId,
        displayNumber: t.displayNumber,
        offline: t.offline,
        issuedAt: t.issuedAt,
        ahead: t.ahead,
        estimateMinutes: t.minutes,
        ...(t.low !== undefined && t.high !== undefined
          ? { estimateSpan: { low: t.low, high: t.high } }
          : {}),
      });
    } else {
      this.refusals.push({
        visitorIndex: visitor.index,
        serviceId: visitor.serviceId,
        code: result.error.code,
        at: this.clock.now(),
      });
    }
    return result;
  }

  /** The kiosk's network is down for `simMs` of hall time: it issues from its leases meanwhile. */
  async outage(simMs: number): Promise<void> {
    const from = this.clock.now();
    const reconnect = cutConnection(this.agent.conn);
    await this.clock.sleep(simMs);
    reconnect();
    this.outages.push({ from, to: this.clock.now() });
  }

  /** Offline tickets the hub has not acknowledged yet. */
  unsynced(): number {
    return this.agent.store.unsynced().length;
  }

  /** The kiosk's own record of a ticket: whether it reached the hub, and whether it was handed out. */
  stored(ticketId: string): ReturnType<KioskAgent['store']['ticket']> {
    return this.agent.store.ticket(ticketId);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
