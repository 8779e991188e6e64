import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '@antre/shared';

/** A booking's row in `booking_people` (migration 8): the personal part, never logged nor broadcast. */
export interface BookingRow {
  bookingId: string;
  code: string;
  serviceId: string;
  day: string;
  slotStart: number;
  clientId: string | null;
  clientRef: string | null;
  cancelled: boolean;
  erased: boolean;
}

interface RawRow {
  booking_id: string;
  code: string;
  service_id: string;
  day: string;
  slot_start: number;
  client_id: string | null;
  client_ref: string | null;
  cancelled: number;
  erased_at: number | null;
}

const COLUMNS = 'booking_id, code, service_id, day, slot_start, client_id, client_ref, cancelled, erased_at';

/** The booking tables of the hub's SQLite file. Synchronous, like the event store it shares the file with. */
export class BookingStore {
  constructor(private readonly db: Database.Database) {}

  /** The log's booking events and check-ins, in order: what the booking ledger is rebuilt from at start. */
  bookingEvents(): EventEnvelope[] {
    const rows = this.db
      .prepare(
        `SELECT seq, at, payload FROM events
         WHERE type IN ('AppointmentBooked', 'AppointmentCancelled')
            OR (type = 'TicketIssued' AND json_extract(payload, '$.ticket.appointment') IS NOT NULL)
         ORDER BY seq`,
      )
      .all() as Array<{ seq: number; at: number; payload: string }>;
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      event: JSON.parse(r.payload) as EventEnvelope['event'],
    }));
  }

  insert(row: {
    bookingId: string;
    code: string;
    serviceId: string;
    day: string;
    slotStart: number;
    name: string;
    nik: string;
    phone: string;
    clientId?: string | undefined;
    clientRef?: string | undefined;
    createdAt: number;
    eraseAfter: number;
  }): void {
    this.db
      .prepare(
        `INSERT INTO booking_people (booking_id, code, service_id, day, slot_start, name, nik, phone, client_id,
           client_ref, created_at, erase_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.bookingId,
        row.code,
        row.serviceId,
        row.day,
        row.slotStart,
        row.name,
        row.nik,
        row.phone,
        row.clientId ?? null,
        row.clientRef ?? null,
        row.createdAt,
        row.eraseAfter,
      );
  }

  byCode(code: string): BookingRow | undefined {
    return toRow(this.db.prepare(`SELECT ${COLUMNS} FROM booking_people WHERE code = ?`).get(code));
  }

  byClientRef(clientId: string, clientRef: string): BookingRow | undefined {
    return toRow(
      this.db
        .prepare(`SELECT ${COLUMNS} FROM booking_people WHERE client_id = ? AND client_ref = ?`)
        .get(clientId, clientRef),
    );
  }

  /** Live (not cancelled, not erased) bookings of a NIK on a day, slot order. */
  byNik(nik: string, day: string): BookingRow[] {
    return (
      this.db
        .prepare(
          `SELECT ${COLUMNS} FROM booking_people
           WHERE nik = ? AND day = ? AND cancelled = 0 AND erased_at IS NULL ORDER BY slot_start`,
        )
        .all(nik, day) as RawRow[]
    ).map((r) => toRow(r) as BookingRow);
  }

  nikHasBooking(nik: string, serviceId: string, day: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM booking_people
           WHERE nik = ? AND service_id = ? AND day = ? AND cancelled = 0 AND erased_at IS NULL LIMIT 1`,
        )
        .get(nik, serviceId, day) !== undefined
    );
  }

  codeTaken(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM booking_people WHERE code = ?').get(code) !== undefined;
  }

  markCancelled(bookingId: string): void {
    this.db.prepare('UPDATE booking_people SET cancelled = 1 WHERE booking_id = ?').run(bookingId);
  }

  /** Erases name, NIK and phone of bookings past their retention; returns how many. */
  eraseExpired(now: number): number {
    return this.db
      .prepare(
        `UPDATE booking_people SET name = NULL, nik = NULL, phone = NULL, erased_at = ?
         WHERE erased_at IS NULL AND erase_after <= ?`,
      )
      .run(now, now).changes;
  }

  /** The personal columns of a booking, for tests and for staff who look a booking up. */
  person(bookingId: string): { name: string | null; nik: string | null; phone: string | null } | undefined {
    return this.db
      .prepare('SELECT name, nik, phone FROM booking_people WHERE booking_id = ?')
      .get(bookingId) as { name: string | null; nik: string | null; phone: string | null } | undefined;
  }

  // ---- Intake clients ----

  addClient(clientId: string, name: string, apiKey: string, now: number, by: string): void {
    this.db
      .prepare(
        'INSERT INTO intake_clients (client_id, name, key_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(clientId, name, hashKey(apiKey), now, by);
  }

  /**
   * Revokes a client's key from `now` on: its requests are refused as unknown. Revoking again changes
   * nothing. Answers when it was revoked, or undefined for an unknown client.
   */
  revokeClient(clientId: string, now: number): number | undefined {
    const row = this.db.prepare('SELECT revoked_at FROM intake_clients WHERE client_id = ?').get(clientId) as
      { revoked_at: number | null } | undefined;
    if (!row) return undefined;
    if (row.revoked_at !== null) return row.revoked_at;
    this.db.prepare('UPDATE intake_clients SET revoked_at = ? WHERE client_id = ?').run(now, clientId);
    return now;
  }

  /** The intake clients, oldest first: who was given a key, by whom, and whether it still works (no hashes). */
  clients(): Array<{
    clientId: string;
    name: string;
    createdAt: number;
    createdBy: string;
    revokedAt: number | null;
  }> {
    return (
      this.db
        .prepare(
          'SELECT client_id, name, created_at, created_by, revoked_at FROM intake_clients ORDER BY created_at, client_id',
        )
        .all() as Array<{
        client_id: string;
        name: string;
        created_at: number;
        created_by: string;
        revoked_at: number | null;
      }>
    ).map((r) => ({
      clientId: r.client_id,
      name: r.name,
      createdAt: r.created_at,
      createdBy: r.created_by,
      revokedAt: r.revoked_at,
    }));
  }

  clientOfKey(apiKey: string): string | undefined {
    const row = this.db
      .prepare('SELECT client_id FROM intake_clients WHERE key_hash = ? AND revoked_at IS NULL')
      .get(hashKey(apiKey)) as { client_id: string } | undefined;
    return row?.client_id;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

function hashKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

function toRow(raw: unknown): BookingRow | undefined {
  if (raw === undefined) return undefined;
  const r = raw as RawRow;
  return {
    bookingId: r.booking_id,
    code: r.code,
    serviceId: r.service_id,
    day: r.day,
    slotStart: r.slot_start,
    clientId: r.client_id,
    clientRef: r.client_ref,
    cancelled: r.cancelled === 1,
    erased: r.erased_at !== null,
  };
}
