import { HubConnection } from '@antre/client';
import type { CommandReply, DomainError, Handshake, PublicHallConfig, ReadonlyTicket } from '@antre/shared';
import {
  domainError,
  formatTicketNumber,
  hallDay,
  issueEstimate,
  issueRefusalError,
  numberKey,
  serviceWaitOutlook,
} from '@antre/shared';
import type { ReceiptPrinterOptions } from '@antre/printer';
import type {
  CheckInEntry,
  CheckInResult,
  IssueRequest,
  IssueResult,
  IssuedTicket,
  KioskLanguage,
  KioskSnapshot,
  PrintOutcome,
} from '../core/kiosk-backend.js';
import { waitRangeOf } from '../core/kiosk-backend.js';
import { checkInAtHub } from '../core/hub-check-in.js';
import { issueCommand } from '../core/issue-command.js';
import { kioskAvailability } from '../core/service-availability.js';
import type { AgentLog } from './agent-log.js';
import { consoleLog } from './agent-log.js';
import type { StoredTicket, StoredVisit } from './kiosk-store.js';
import { KioskStore } from './kiosk-store.js';
import { importLeases, topUpLeases } from './lease-keeper.js';
import { reportPrintFailures, syncOfflineTickets } from './offline-sync.js';
import { KioskTicketPrinter } from './ticket-printing.js';

export interface KioskAgentOptions {
  /** The hub, e.g. `http://10.0.0.2:3000`. */
  hubUrl: string;
  /** This kiosk's id in the hall config. */
  kioskId: string;
  /** The kiosk's SQLite file. */
  dbFile: string;
  /** The device token from enrolment, or (demo mode, same machine) `demoDevice`. */
  credentials: () => Omit<Handshake, 'protocol'>;
  /** Overrides the hall config's printer URL for this kiosk. */
  printerUrl?: string;
  /**
   * Overrides the hub's public URL for the QR code (the local `publicUrl` setting). Without it the kiosk uses
   * the one the hub announces (`welcome.publicUrl`, its ANTRE_PUBLIC_URL), kept for offline use, and `hubUrl`
   * only before the hub was ever reached.
   */
  publicUrl?: string;
  /** How long to wait for the hub to issue a ticket before issuing it offline. */
  issueTimeoutMs?: number;
  /** Offline numbers kept in reserve per service; the hall's lease block size by default. */
  offlineReserve?: number;
  now?: () => number;
  newId?: () => string;
  log?: AgentLog;
  printerOptions?: ReceiptPrinterOptions;
  /** For tests: quicker reconnects and acks. */
  connection?: { ackTimeoutMs?: number; socketOptions?: Record<string, unknown> };
}

/** Print outcomes kept for the screen to ask about; older ones are in the store. */
const KEPT_PRINT_JOBS = 50;
const MAINTAIN_EVERY_MS = 30_000;

/**
 * The kiosk's agent, in Node (the Electron main process; the tests): its link to the hub, its SQLite
 * store, the number blocks leased for offline use, and its printer. While the hub answers, tickets are
 * the hub's; while it does not, the agent issues from leased numbers, stores each ticket before printing
 * it, and sends it to the hub, exactly once, when the hub is back.
 */
export class KioskAgent {
  readonly conn: HubConnection;
  readonly store: KioskStore;
  private readonly options: KioskAgentOptions;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly log: AgentLog;
  private readonly printer: KioskTicketPrinter;
  private readonly printJobs = new Map<string, Promise<PrintOutcome>>();
  private readonly listeners = new Set<() => void>();
  private config: PublicHallConfig | undefined;
  /** The hub's public URL as it last announced it. */
  private hubPublicUrl: string | undefined;
  /** Issues go one at a time: two offline tickets must not take the same number. */
  private issuing: Promise<unknown> = Promise.resolve();
  private maintenance: Promise<void> | undefined;
  private maintainAgain: Promise<void> | undefined;
  private maintainTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(options: KioskAgentOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.log = options.log ?? consoleLog;
    this.printer = new KioskTicketPrinter(options.printerOptions);
    this.store = new KioskStore(options.dbFile);
    this.config = this.store.cachedConfig();
    this.hubPublicUrl = this.store.cachedPublicUrl();
    this.conn = new HubConnection({
      url: options.hubUrl,
      credentials: options.credentials,
      ackTimeoutMs: options.connection?.ackTimeoutMs ?? 4000,
      ...(options.connection?.socketOptions ? { socketOptions: options.connection.socketOptions } : {}),
    });
    let wasOnline = false;
    this.conn.subscribe(() => {
      if (this.conn.config && this.conn.config !== this.config) {
        this.config = this.conn.config;
        this.store.cacheConfig(this.conn.config);
      }
      if (this.conn.publicUrl !== undefined && this.conn.publicUrl !== this.hubPublicUrl) {
        this.hubPublicUrl = this.conn.publicUrl;
        this.store.cachePublicUrl(this.conn.publicUrl);
      }
      const online = this.hubReady();
      if (online && !wasOnline) this.log.info('hub reachable', { hub: options.hubUrl });
      if (!online && wasOnline) this.log.warn('hub unreachable: issuing offline', { hub: options.hubUrl });
      if (online) this.scheduleMaintain();
      wasOnline = online;
      this.notify();
    });
    // Also catches a new hall day (fresh leases) and a hub that came back without news.
    this.heartbeat = setInterval(() => this.scheduleMaintain(), MAINTAIN_EVERY_MS);
    this.heartbeat.unref();
  }

  get kioskId(): string {
    return this.options.kioskId;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): KioskSnapshot {
    const now = this.now();
    const unsyncedByService = this.store.unsyncedByService();
    const unsynced = Object.values(unsyncedByService).reduce((a, b) => a + b, 0);
    const snapshot: KioskSnapshot = {
      connection: this.conn.status,
      issuesOffline: true,
      unsynced,
      at: now,
    };
    if (this.conn.refusal) snapshot.refusal = this.conn.refusal;
    // Known to the hub as this kiosk, or (while the hub is away) trusted from the local settings.
    const refused = this.conn.status === 'online' && this.conn.principal.kind !== 'kiosk';
    if (!refused && !this.conn.refusal) snapshot.kioskId = this.options.kioskId;
    if (this.config) {
      snapshot.config = this.config;
      snapshot.availability = kioskAvailability(this.conn.state, this.config, now, unsyncedByService);
    }
    return snapshot;
  }

  issueTicket(request: IssueRequest): Promise<IssueResult> {
    const next = this.issuing.then(() => this.issue(request));
    this.issuing = next.catch(() => undefined);
    return next;
  }

  printOutcome(ticketId: string): Promise<PrintOutcome> {
    const job = this.printJobs.get(ticketId);
    if (job) return job;
    const stored = this.store.ticket(ticketId);
    if (!stored) return Promise.resolve({ ok: false, reason: 'io-error', message: 'unknown ticket' });
    if (stored.printState === 'printed') return Promise.resolve({ ok: true });
    return Promise.resolve({
      ok: false,
      reason: stored.printState === 'no-printer' ? 'not-configured' : (stored.printReason ?? 'io-error'),
      message: stored.printError ?? '',
    });
  }

  /**
   * Checks a citizen in for their appointment: only with the hub (the booking lives there). The hub's ticket is
   * kept and printed here like one this kiosk issued.
   */
  async checkIn(entry: CheckInEntry): Promise<CheckInResult> {
    if (!this.hubReady())
      return { ok: false, error: domainError('HUB_UNREACHABLE', 'check-in needs the hub') };
    const checkedIn = await checkInAtHub(this.conn, entry);
    if (!checkedIn.ok) return checkedIn;
    const { ticket } = checkedIn;
    const stored = this.storeHubTicket(ticket, entry.lang);
    this.log.info('appointment checked in', { ticket: stored.displayNumber, id: stored.id });
    void this.startPrint(stored);
    this.notify();
    const view = this.view(stored, false);
    return {
      ok: true,
      ticket: ticket.appointment ? { ...view, appointment: { ...ticket.appointment } } : view,
    };
  }

  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome> {
    const stored = this.store.ticket(ticketId);
    if (!stored) return Promise.resolve({ ok: false, reason: 'io-error', message: 'unknown ticket' });
    return this.startPrint({ ...stored, lang });
  }

  /**
   * Syncs offline tickets, reports print failures, keeps the lease reserve: whenever the hub is there.
   * One pass at a time; a call during a pass gets one more pass after it, and resolves when that is done.
   */
  maintain(): Promise<void> {
    if (this.maintenance) {
      // After the running pass, whether it succeeded or not.
      this.maintainAgain ??= this.maintenance
        .catch(() => undefined)
        .then(() => {
          this.maintainAgain = undefined;
          return this.maintain();
        });
      return this.maintainAgain;
    }
    this.maintenance = this.maintainOnce().finally(() => {
      this.maintenance = undefined;
    });
    return this.maintenance;
  }

  private async maintainOnce(): Promise<void> {
    const state = this.conn.state;
    if (!this.hubReady() || !state || !this.config || this.closed) return;
    importLeases(state, this.options.kioskId, this.store);
    const synced = await syncOfflineTickets(this.conn, this.store, this.log);
    if (synced) await reportPrintFailures(this.conn, this.store, this.log);
    const reserve = this.options.offlineReserve ?? this.config.settings.leaseBlockSize;
    if (this.hubReady() && !this.closed)
      await topUpLeases(this.conn, this.config, this.store, reserve, this.log);
    if (this.closed) return;
    this.store.prune(state.day);
    this.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.maintainTimer);
    this.conn.close();
    await Promise.allSettled([...this.printJobs.values(), this.maintenance, this.maintainAgain]);
    this.listeners.clear();
    this.store.close();
  }

  private hubReady(): boolean {
    return (
      this.conn.status === 'online' && this.conn.principal.kind === 'kiosk' && this.conn.state !== undefined
    );
  }

  private scheduleMaintain(): void {
    if (this.closed || this.maintainTimer) return;
    this.maintainTimer = setTimeout(() => {
      this.maintainTimer = undefined;
      this.maintain().catch((err: unknown) => this.log.warn('maintenance failed', { err: String(err) }));
    }, 0);
  }

  private async issue(request: IssueRequest): Promise<IssueResult> {
    const config = this.config;
    if (!config)
      return refuse(domainError('HUB_UNREACHABLE', 'no hall config yet: the hub was never reached'));
    const service = config.services.find((s) => s.id === request.serviceId);
    if (!service) return refuse(domainError('UNKNOWN_SERVICE', `no service ${request.serviceId}`));
    if (this.conn.socket.connected) {
      const online = await this.issueOnline(request);
      if (online) return online;
    }
    return this.issueOffline(request, config);
  }

  /** The hub's ticket; undefined when the hub cannot be reached, so the ticket is issued offline. */
  private async issueOnline(request: IssueRequest): Promise<IssueResult | undefined> {
    const sent = this.conn.command(issueCommand(request));
    let timer: NodeJS.Timeout | undefined;
    const reply = await Promise.race([
      sent,
      new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), this.options.issueTimeoutMs ?? 5000)),
      ),
    ]);
    clearTimeout(timer);
    if (reply === 'timeout') {
      // The command stays queued in the connection and may still be issued once the hub answers: a ticket
      // nobody holds. It is then stored and reported as not printed, so staff can cancel it.
      void sent.then((late) => this.adoptLateTicket(late, request));
      this.log.warn('hub too slow to issue: issuing offline', { service: request.serviceId });
      return undefined;
    }
    if (!reply.ok) return reply.error.code === 'HUB_UNREACHABLE' ? undefined : refuse(reply.error);
    const ticket = issuedTicket(reply);
    if (!ticket) return refuse(domainError('INTERNAL', 'the hub answered without a ticket'));
    const stored = this.storeHubTicket(ticket, request.lang);
    void this.startPrint(stored);
    return { ok: true, ticket: this.view(stored, false) };
  }

  private issueOffline(request: IssueRequest, config: PublicHallConfig): IssueResult {
    // A visit is numbered for the first of its services in the plan's order (the package's order puts a leg
    // that may go first there); its plan is kept with the ticket and travels with the sync.
    const visit = offlineVisit(request);
    const serviceId = visit?.serviceIds[0] ?? request.serviceId;
    const service = config.services.find((s) => s.id === serviceId);
    if (!service) return refuse(domainError('UNKNOWN_SERVICE', `no service ${serviceId}`));
    const now = this.now();
    const unsynced = this.store.unsyncedByService();
    const availability = kioskAvailability(this.conn.state, config, now, unsynced).services[service.id];
    // The hub's own refusal, counting the tickets issued here that the hub has not seen yet.
    if (availability?.refusal) return refuse(issueRefusalError(service.id, availability.refusal));
    const day = hallDay(now, config.hall.timeZone);
    const state = this.conn.state;
    // The hub's own estimate for this ticket: a priority ticket is placed by the calling rule.
    const estimate = issueEstimate(state, config, service.id, request.priority, now, unsynced);
    const stored = this.store.issueOffline(
      {
        id: this.newId(),
        day,
        serviceId: service.id,
        priority: request.priority,
        issuedAt: now,
        ahead: estimate.ahead,
        minutes: estimate.minutes,
        ...waitRangeOf(estimate),
        lang: request.lang,
        offline: true,
        syncState: 'pending',
        printState: 'pending',
        ...(visit ? { visit } : {}),
      },
      (n) => formatTicketNumber(service.prefix, n),
      (n) => state?.day === day && state.numbersUsed[numberKey(service.id, n)] !== undefined,
    );
    if (!stored) {
      return refuse(
        domainError('HUB_UNREACHABLE', `no offline numbers left for ${service.id}: the hub is needed`),
      );
    }
    this.log.info('ticket issued offline', { ticket: stored.displayNumber, id: stored.id });
    void this.startPrint(stored);
    this.scheduleMaintain();
    this.notify();
    return { ok: true, ticket: this.view(stored, true) };
  }

  private storeHubTicket(ticket: ReadonlyTicket, lang: KioskLanguage): StoredTicket {
    const stored: StoredTicket = {
      id: ticket.id,
      day: ticket.day,
      serviceId: ticket.serviceId,
      number: ticket.number,
      displayNumber: ticket.displayNumber,
      priority: ticket.priority,
      issuedAt: ticket.issuedAt,
      ahead: ticket.estimate.ahead,
      minutes: ticket.estimate.minutes,
      ...waitRangeOf(ticket.estimate),
      lang,
      offline: false,
      syncState: 'hub',
      printState: 'pending',
    };
    if (ticket.visit) {
      stored.visit = { serviceIds: ticket.visit.legs.map((l) => l.serviceId) };
      if (ticket.visit.packageId !== undefined) stored.visit.packageId = ticket.visit.packageId;
    }
    this.store.insert(stored);
    return stored;
  }

  /** A ticket the hub issued after the kiosk stopped waiting: nobody holds it; staff are told. */
  private adoptLateTicket(reply: CommandReply, request: IssueRequest): void {
    if (this.closed || !reply.ok) return;
    const ticket = issuedTicket(reply);
    if (!ticket) return;
    const stored = this.storeHubTicket(ticket, request.lang);
    this.store.setPrintFailed(
      stored.id,
      'timeout',
      'issued by the hub after the kiosk gave up waiting; not handed out',
      this.newId(),
    );
    this.log.warn('late ticket from the hub, not handed out', { ticket: ticket.displayNumber });
    this.scheduleMaintain();
  }

  private startPrint(ticket: StoredTicket): Promise<PrintOutcome> {
    const config = this.config;
    const job = (async (): Promise<PrintOutcome> => {
      if (!config) return { ok: false, reason: 'not-configured', message: 'no hall config' };
      const outcome = await this.printer.print(ticket, {
        config,
        kioskId: this.options.kioskId,
        printerUrl: this.options.printerUrl,
        publicUrl: this.publicUrl(),
        outlook: serviceWaitOutlook(
          this.conn.state,
          config,
          ticket.serviceId,
          { ahead: ticket.ahead, minutes: ticket.minutes, low: ticket.low, high: ticket.high },
          this.now(),
        ),
      });
      if (this.closed) return outcome;
      if (outcome.ok) {
        this.store.setPrinted(ticket.id, 'printed');
      } else if (outcome.reason === 'not-configured') {
        this.store.setPrinted(ticket.id, 'no-printer');
      } else {
        this.store.setPrintFailed(ticket.id, outcome.reason, outcome.message, this.newId());
        this.log.warn('ticket not printed', { ticket: ticket.displayNumber, reason: outcome.reason });
        this.scheduleMaintain();
      }
      return outcome;
    })();
    this.printJobs.set(ticket.id, job);
    if (this.printJobs.size > KEPT_PRINT_JOBS) {
      const oldest = this.printJobs.keys().next().value;
      if (oldest !== undefined) this.printJobs.delete(oldest);
    }
    return job;
  }

  /** Where the QR codes link: the local override, else the hub's announced public URL, else the hub. */
  private publicUrl(): string {
    return (this.options.publicUrl ?? this.hubPublicUrl ?? this.options.hubUrl).replace(/\/+$/, '');
  }

  private view(t: StoredTicket, offline: boolean): IssuedTicket {
    const base = this.publicUrl();
    return {
      id: t.id,
      serviceId: t.serviceId,
      displayNumber: t.displayNumber,
      priority: t.priority,
      issuedAt: t.issuedAt,
      ahead: t.ahead,
      minutes: t.minutes,
      ...waitRangeOf(t),
      offline,
      statusUrl: `${base}/t/${t.id}`,
      ...(t.visit ? { legs: [...t.visit.serviceIds] } : {}),
    };
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** The visit an offline ticket carries: its services once each, in the order the kiosk planned them. */
function offlineVisit(request: IssueRequest): StoredVisit | undefined {
  if (!request.visit || request.visit.serviceIds.length < 2) return undefined;
  const serviceIds = request.visit.serviceIds.filter((id, i, all) => all.indexOf(id) === i);
  const visit: StoredVisit = { serviceIds };
  if (request.visit.packageId !== undefined) visit.packageId = request.visit.packageId;
  return visit;
}

function refuse(error: DomainError): IssueResult {
  return { ok: false, error };
}

function issuedTicket(reply: CommandReply): ReadonlyTicket | undefined {
  if (!reply.ok) return undefined;
  const e = reply.events.find((x) => x.event.type === 'TicketIssued')?.event;
  return e?.type === 'TicketIssued' ? e.ticket : undefined;
}
