import { HubConnection } from '@antre/client';
import type { CommandReply, Handshake, Reply } from '@antre/shared';
import { domainError } from '@antre/shared';
import type {
  CheckInEntry,
  CheckInResult,
  EnrolRequest,
  IssueRequest,
  IssueResult,
  KioskBackend,
  KioskBehaviour,
  KioskLanguage,
  KioskSnapshot,
  PrintFaultReason,
  PrintOutcome,
} from '../../core/kiosk-backend.js';
import { checkInAtHub } from '../../core/hub-check-in.js';
import { issueCommand } from '../../core/issue-command.js';
import { DEFAULT_BEHAVIOUR, issuedTicketOf } from '../../core/kiosk-backend.js';
import { kioskAvailability } from '../../core/service-availability.js';
import { PRINTER_FAULT_REASONS } from '@antre/printer/printer-fault';

const TOKEN_KEY = 'antre.kiosk.deviceToken';
const FAULTS: ReadonlySet<string> = new Set<PrintFaultReason>(PRINTER_FAULT_REASONS);

/**
 * The kiosk in a plain browser, served by the hub at /kiosk: its own hub connection, printing through
 * the hub on the kiosk's configured printer. It cannot issue while the hub is away (no local store) and
 * says so. Settings come from the URL: `?kiosk=kiosk-2&idle=45`.
 */
export class BrowserBackend implements KioskBackend {
  readonly behaviour: KioskBehaviour;
  private readonly conn: HubConnection;
  private readonly listeners = new Set<() => void>();
  private readonly prints = new Map<string, Promise<PrintOutcome>>();
  private readonly requestedKiosk: string;
  private version = 0;
  private cached: { key: string; snapshot: KioskSnapshot } | undefined;
  private lastKioskId: string | undefined;

  constructor(
    url: URL,
    private readonly storage: Storage,
  ) {
    this.requestedKiosk = url.searchParams.get('kiosk') ?? 'kiosk-1';
    this.behaviour = {
      idleSeconds: positive(url.searchParams.get('idle')) ?? DEFAULT_BEHAVIOUR.idleSeconds,
      ticketSeconds: positive(url.searchParams.get('ticket')) ?? DEFAULT_BEHAVIOUR.ticketSeconds,
    };
    this.conn = new HubConnection({ url: '', credentials: () => this.credentials() });
    this.conn.subscribe(() => {
      // A token the hub no longer knows (its store was reset): forget it, so the kiosk can enrol again.
      if (this.conn.refusal?.code === 'UNAUTHENTICATED' && this.storage.getItem(TOKEN_KEY) !== null) {
        this.storage.removeItem(TOKEN_KEY);
        this.conn.reconnect();
      }
      this.changed();
    });
    // Opening hours move on with the clock even when nothing happens in the queue.
    setInterval(() => this.changed(), 20_000);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): KioskSnapshot {
    const now = Date.now();
    // Recomputed on every change of the queue, and each minute for the opening hours.
    const key = `${this.version}:${Math.floor(now / 60_000)}`;
    if (this.cached?.key === key) return this.cached.snapshot;
    const { conn } = this;
    const snapshot: KioskSnapshot = { connection: conn.status, issuesOffline: false, unsynced: 0, at: now };
    if (conn.refusal) snapshot.refusal = conn.refusal;
    // Online, the hub says who this is; offline, it is still the kiosk it was.
    if (conn.principal.kind === 'kiosk') this.lastKioskId = conn.principal.kioskId;
    else if (conn.status === 'online' && conn.config) this.lastKioskId = undefined;
    if (this.lastKioskId !== undefined) snapshot.kioskId = this.lastKioskId;
    if (conn.config) {
      snapshot.config = conn.config;
      snapshot.availability = kioskAvailability(conn.state, conn.config, now);
    }
    this.cached = { key, snapshot };
    return snapshot;
  }

  async issueTicket(request: IssueRequest): Promise<IssueResult> {
    const reply: CommandReply = await this.conn.command(issueCommand(request));
    if (!reply.ok) return reply;
    const issued = reply.events.find((e) => e.event.type === 'TicketIssued')?.event;
    if (issued?.type !== 'TicketIssued') {
      return { ok: false, error: domainError('INTERNAL', 'the hub answered without a ticket') };
    }
    const ticket = issuedTicketOf(issued.ticket, this.conn.publicUrl);
    // Printing starts now, whatever the screen does next: a ticket is never issued without a print attempt.
    this.prints.set(ticket.id, this.print(ticket.id, request.lang));
    return { ok: true, ticket };
  }

  async checkIn(entry: CheckInEntry): Promise<CheckInResult> {
    const checkedIn = await checkInAtHub(this.conn, entry);
    if (!checkedIn.ok) return checkedIn;
    const ticket = issuedTicketOf(checkedIn.ticket, this.conn.publicUrl);
    this.prints.set(ticket.id, this.print(ticket.id, entry.lang));
    return { ok: true, ticket };
  }

  printOutcome(ticketId: string): Promise<PrintOutcome> {
    return (
      this.prints.get(ticketId) ??
      Promise.resolve({ ok: false, reason: 'io-error', message: 'unknown ticket' })
    );
  }

  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome> {
    const job = this.print(ticketId, lang);
    this.prints.set(ticketId, job);
    return job;
  }

  async enrol(request: EnrolRequest): Promise<Reply<object>> {
    const reply = await this.conn.request('device:enrol', {
      pairingCode: request.pairingCode,
      kind: 'kiosk',
      deviceId: request.kioskId,
    });
    if (!reply.ok) return reply;
    this.storage.setItem(TOKEN_KEY, reply.deviceToken);
    this.conn.reconnect();
    return { ok: true };
  }

  private async print(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome> {
    const reply = await this.conn.request('ticket:print', { ticketId, lang });
    if (reply.ok) return { ok: true };
    const cause = reply.error.details?.['reason'];
    const reason: PrintFaultReason =
      reply.error.code === 'HUB_UNREACHABLE'
        ? 'unreachable'
        : typeof cause === 'string' && FAULTS.has(cause)
          ? (cause as PrintFaultReason)
          : 'io-error';
    if (reason !== 'not-configured') {
      // Staff are alerted through the hub; kept and sent once the hub is back if it is away now.
      void this.conn.command(
        { type: 'reportPrintFailure', ticketId, reason: `${reason}: ${reply.error.message}`.slice(0, 200) },
        { queueWhileOffline: true },
      );
    }
    return { ok: false, reason, message: reply.error.message };
  }

  private credentials(): Omit<Handshake, 'protocol'> {
    const token = this.storage.getItem(TOKEN_KEY);
    // In demo mode the hub trusts a kiosk on its own machine by name; elsewhere the token counts.
    return token !== null
      ? { deviceToken: token }
      : { demoDevice: { kind: 'kiosk', deviceId: this.requestedKiosk } };
  }

  private changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isFinite(n) && n > 0 ? n : undefined;
}
