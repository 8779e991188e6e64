import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const T0 = Date.parse('2026-03-02T08:00:00+07:00');

/** A ticket as logged before migration 3: no prefix. */
function oldTicket(id: string, displayNumber: string, number: number) {
  return {
    id,
    serviceId: 'ktp',
    number,
    displayNumber,
    day: '2026-03-02',
    issuedAt: T0,
    origin: { kind: 'kiosk', kioskId: 'k1', offline: false },
    priority: 'none',
    status: 'waiting',
    rank: T0,
    calls: [],
    transfers: [],
    estimate: { ahead: 0, minutes: 0 },
  };
}

describe('migration 3: call facts', () => {
  it('numbers every call of a ticket and gives every ticket its prefix, in a log written before it', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 3),
    );
    const insert = db.prepare(
      'INSERT INTO events (seq, at, day, type, command_id, payload) VALUES (?, ?, ?, ?, NULL, ?)',
    );
    const old: Array<Record<string, unknown>> = [
      { type: 'TicketIssued', ticket: oldTicket('t1', 'A-001', 1) },
      { type: 'TicketIssued', ticket: oldTicket('t2', 'KT-012', 12) },
      { type: 'TicketCalled', ticketId: 't1', counterId: 'c1', via: 'next', priorityStreak: 0 },
      { type: 'TicketRecalled', ticketId: 't1', counterId: 'c1' },
      { type: 'TicketCalled', ticketId: 't2', counterId: 'c2', via: 'next', priorityStreak: 0 },
      { type: 'TicketHeld', ticketId: 't1', counterId: 'c1' },
      { type: 'TicketCalled', ticketId: 't1', counterId: 'c1', via: 'specific', priorityStreak: 0 },
      { type: 'LateTicketExpired', ticket: oldTicket('t3', 'B-501', 501) },
    ];
    old.forEach((event, i) =>
      insert.run(i + 1, T0 + i, '2026-03-02', String(event['type']), JSON.stringify(event)),
    );

    // Later migrations run too; this test is about 3.
    expect(migrate(db, MIGRATIONS)).toContain(3);
    const payloads = (
      db.prepare('SELECT payload FROM events ORDER BY seq').all() as Array<{ payload: string }>
    ).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
    expect(payloads.map((p) => p['callIndex'])).toEqual([
      undefined,
      undefined,
      0,
      1,
      0,
      undefined,
      2,
      undefined,
    ]);
    const prefixes = payloads.map((p) => (p['ticket'] as { prefix?: string } | undefined)?.prefix);
    expect(prefixes).toEqual(['A', 'KT', undefined, undefined, undefined, undefined, undefined, 'B']);
    // Nothing else in the events changed.
    payloads.forEach((p, i) => {
      const { callIndex: _c, ...rest } = p;
      const before = old[i] ?? {};
      if (p['ticket'] !== undefined) {
        const { prefix: _p, ...ticket } = p['ticket'] as Record<string, unknown>;
        expect({ ...rest, ticket }).toEqual(before);
      } else {
        expect(rest).toEqual(before);
      }
    });
    // The temporary index is gone.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{
      name: string;
    }>;
    expect(indexes.map((i) => i.name)).not.toContain('events_calls_by_ticket');
    db.close();
  });
});
