import Database from 'better-sqlite3';
import type { PriorityGroup, PublicHallConfig } from '@antre/shared';
import type { KioskLanguage, PrintFaultReason } from '../core/kiosk-backend.js';

/** hub: the hub issued it; pending/synced/rejected: issued offline, and whether the hub has it. */
export type SyncState = 'hub' | 'pending' | 'synced' | 'rejected';
export type PrintState = 'pending' | 'printed' | 'failed' | 'no-printer';

export interface StoredTicket {
  id: string;
  day: string;
  serviceId: string;
  number: number;
  displayNumber: string;
  priority: PriorityGroup;
  issuedAt: number;
  ahead: number;
  minutes: number;
  /** The estimate's likely limits (20th/80th percentile), minutes, when it had them. */
  low?: number;
  high?: number;
  lang: KioskLanguage;
  offline: boolean;
  syncState: SyncState;
  syncError?: string;
  printState: PrintState;
  printReason?: PrintFaultReason;
  printError?: string;
  /** Set while a print failure still has to be reported to the hub (staff alert): the report's command id. */
  failureReportId?: string;
  /**
   * A visit of several services: its services in the plan's order (the numbered one first for a ticket issued
   * offline, where the plan travels with the sync), and its package.
   */
  visit?: StoredVisit;
}

export interface StoredVisit {
  serviceIds: string[];
  packageId?: string;
}

interface TicketRow {
  id: string;
  day: string;
  service_id: string;
  number: number;
  display_number: string;
  priority: string;
  issued_at: number;
  ahead: number;
  minutes: number;
  wait_low: number | null;
  wait_high: number | null;
  lang: string;
  offline: number;
  sync_state: string;
  sync_error: string | null;
  print_state: string;
  print_reason: string | null;
  print_error: string | null;
  failure_report_id: string | null;
  visit: string | null;
}

export interface Lease {
  day: string;
  serviceId: string;
  from: number;
  to: number;
}

/** Versioned schema changes, applied in order; the database's user_version says how many ran. */
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE leases (
     day TEXT NOT NULL,
     service_id TEXT NOT NULL,
     from_number INTEGER NOT NULL,
     to_number INTEGER NOT NULL,
     PRIMARY KEY (day, service_id, from_number)
   );
   CREATE TABLE tickets (
     id TEXT PRIMARY KEY,
     day TEXT NOT NULL,
     service_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     display_number TEXT NOT NULL,
     priority TEXT NOT NULL,
     issued_at INTEGER NOT NULL,
     ahead INTEGER NOT NULL,
     minutes INTEGER NOT NULL,
     lang TEXT NOT NULL,
     offline INTEGER NOT NULL,
     sync_state TEXT NOT NULL,
     sync_error TEXT,
     print_state TEXT NOT NULL,
     print_reason TEXT,
     print_error TEXT,
     failure_report_id TEXT,
     UNIQUE (day, service_id, number)
   );
   CREATE INDEX tickets_sync ON tickets (sync_state, issued_at);
   CREATE INDEX tickets_failure ON tickets (failure_report_id) WHERE failure_report_id IS NOT NULL;`,
  // The estimate's range, so the screen and the paper can say "± 10–25 menit" (issue 12).
  `ALTER TABLE tickets ADD COLUMN wait_low INTEGER;
   ALTER TABLE tickets ADD COLUMN wait_high INTEGER;`,
  // A visit's services travel with its ticket: shown on screen, and sent with an offline ticket's sync.
  `ALTER TABLE tickets ADD COLUMN visit TEXT;`,
];

/**
 * The kiosk's own SQLite file: the hall config (to start without the hub), the number blocks the hub
 * leased to this kiosk, and every ticket it issued — stored before it is printed, synced when the hub is back.
 */
export class KioskStore {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A ticket in the citizen's hand must survive a power cut of the kiosk.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 2000');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] ?? '');
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  cachedConfig(): PublicHallConfig | undefined {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get('config');
    return row ? (JSON.parse(row.value) as PublicHallConfig) : undefined;
  }

  cacheConfig(config: PublicHallConfig): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run('config', JSON.stringify(config));
  }

  /** The hub's public URL as it last told it (`welcome.publicUrl`), for QR codes printed while it is away. */
  cachedPublicUrl(): string | undefined {
    return this.db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get('publicUrl')?.value;
  }

  cachePublicUrl(url: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run('publicUrl', url);
  }

  addLease(lease: Lease): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO leases (day, service_id, from_number, to_number) VALUES (?, ?, ?, ?)')
        .run(lease.day, lease.serviceId, lease.from, lease.to).changes > 0
    );
  }

  /** Leased numbers not yet used, per service, for the day. */
  offlineNumbersLeft(day: string): Map<string, number> {
    const rows = this.db
      .prepare<[string, string], { service_id: string; left: number }>(
        `SELECT l.service_id, SUM(l.to_number - l.from_number + 1) - COALESCE(
           (SELECT COUNT(*) FROM tickets t WHERE t.day = ? AND t.service_id = l.service_id AND t.offline = 1), 0) AS left
         FROM leases l WHERE l.day = ? GROUP BY l.service_id`,
      )
      .all(day, day);
    return new Map(rows.map((r) => [r.service_id, r.left]));
  }

  /**
   * Stores a ticket issued offline under the smallest leased number still free for its service today,
   * in one transaction; undefined when the leased blocks are used up. `takenAtHub` skips numbers the hub
   * already has (after this kiosk's store was lost, say).
   */
  issueOffline(
    ticket: Omit<StoredTicket, 'number' | 'displayNumber'>,
    display: (n: number) => string,
    takenAtHub: (n: number) => boolean,
  ): StoredTicket | undefined {
    return this.db.transaction(() => {
      const leases = this.db
        .prepare<[string, string], { from_number: number; to_number: number }>(
          'SELECT from_number, to_number FROM leases WHERE day = ? AND service_id = ? ORDER BY from_number',
        )
        .all(ticket.day, ticket.serviceId);
      const used = new Set(
        this.db
          .prepare<[string, string], { number: number }>(
            'SELECT number FROM tickets WHERE day = ? AND service_id = ?',
          )
          .all(ticket.day, ticket.serviceId)
          .map((r) => r.number),
      );
      for (const lease of leases) {
        for (let n = lease.from_number; n <= lease.to_number; n++) {
          if (used.has(n) || takenAtHub(n)) continue;
          const stored: StoredTicket = { ...ticket, number: n, displayNumber: display(n) };
          this.insert(stored);
          return stored;
        }
      }
      return undefined;
    })();
  }

  insert(t: StoredTicket): void {
    this.db
      .prepare(
        `INSERT INTO tickets (id, day, service_id, number, display_number, priority, issued_at, ahead, minutes, wait_low,
           wait_high, lang, offline, sync_state, sync_error, print_state, print_reason, print_error, failure_report_id,
           visit)
         VALUES (@id, @day, @serviceId, @number, @displayNumber, @priority, @issuedAt, @ahead, @minutes, @low,
           @high, @lang, @offline, @syncState, @syncError, @printState, @printReason, @printError, @failureReportId,
           @visit)`,
      )
      .run({
        ...t,
        offline: t.offline ? 1 : 0,
        low: t.low ?? null,
        high: t.high ?? null,
        syncError: t.syncError ?? null,
        printReason: t.printReason ?? null,
        printError: t.printError ?? null,
        failureReportId: t.failureReportId ?? null,
        visit: t.visit ? JSON.stringify(t.visit) : null,
      });
  }

  ticket(id: string): StoredTicket | undefined {
    const row = this.db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?').get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Offline tickets the hub has not acknowledged, oldest first: the order they join the queue in. */
  unsynced(): StoredTicket[] {
    return this.db
      .prepare<[], TicketRow>("SELECT * FROM tickets WHERE sync_state = 'pending' ORDER BY issued_at, number")
      .all()
      .map(fromRow);
  }

  unsyncedByService(): Record<string, number> {
    const rows = this.db
      .prepare<[], { service_id: string; n: number }>(
        "SELECT service_id, COUNT(*) AS n FROM tickets WHERE sync_state = 'pending' GROUP BY service_id",
      )
      .all();
    return Object.fromEntries(rows.map((r) => [r.service_id, r.n]));
  }

  setSync(id: string, state: SyncState, error?: string): void {
    this.db
      .prepare('UPDATE tickets SET sync_state = ?, sync_error = ? WHERE id = ?')
      .run(state, error ?? null, id);
  }

  /** Printed (or nothing to print on): a staff alert not sent yet is no longer needed. */
  setPrinted(id: string, state: 'printed' | 'no-printer'): void {
    this.db
      .prepare(
        'UPDATE tickets SET print_state = ?, print_reason = NULL, print_error = NULL, failure_report_id = NULL WHERE id = ?',
      )
      .run(state, id);
  }

  /** A failed print, and a staff alert still to send (under `reportId`, so a retry is not a second alert). */
  setPrintFailed(id: string, reason: PrintFaultReason, error: string, reportId: string): void {
    this.db
      .prepare(
        "UPDATE tickets SET print_state = 'failed', print_reason = ?, print_error = ?, failure_report_id = ? WHERE id = ?",
      )
      .run(reason, error, reportId, id);
  }

  /** Print failures to report, for tickets the hub knows. */
  failuresToReport(): StoredTicket[] {
    return this.db
      .prepare<[], TicketRow>(
        "SELECT * FROM tickets WHERE failure_report_id IS NOT NULL AND sync_state IN ('hub', 'synced') ORDER BY issued_at",
      )
      .all()
      .map(fromRow);
  }

  failureReported(id: string): void {
    this.db.prepare('UPDATE tickets SET failure_report_id = NULL WHERE id = ?').run(id);
  }

  /** Forgets tickets and leases of days before `day`, once nothing about them is left to send. */
  prune(day: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          "DELETE FROM tickets WHERE day < ? AND sync_state <> 'pending' AND failure_report_id IS NULL",
        )
        .run(day);
      this.db.prepare('DELETE FROM leases WHERE day < ?').run(day);
    })();
  }
}

function fromRow(r: TicketRow): StoredTicket {
  const t: StoredTicket = {
    id: r.id,
    day: r.day,
    serviceId: r.service_id,
    number: r.number,
    displayNumber: r.display_number,
    priority: r.priority as PriorityGroup,
    issuedAt: r.issued_at,
    ahead: r.ahead,
    minutes: r.minutes,
    lang: r.lang === 'en' ? 'en' : 'id',
    offline: r.offline === 1,
    syncState: r.sync_state as SyncState,
    printState: r.print_state as PrintState,
  };
  if (r.wait_low !== null) t.low = r.wait_low;
  if (r.wait_high !== null) t.high = r.wait_high;
  if (r.sync_error !== null) t.syncError = r.sync_error;
  if (r.print_reason !== null) t.printReason = r.print_reason as PrintFaultReason;
  if (r.print_error !== null) t.printError = r.print_error;
  if (r.failure_report_id !== null) t.failureReportId = r.failure_report_id;
  if (r.visit !== null) t.visit = JSON.parse(r.visit) as StoredVisit;
  return t;
}
