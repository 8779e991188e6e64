import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTicket } from './kiosk-store.js';
import { KioskStore } from './kiosk-store.js';

let dir: string;
let store: KioskStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antre-kiosk-store-'));
  store = new KioskStore(join(dir, 'kiosk.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let ids = 0;
function offlineTicket(
  serviceId = 'ktp',
  day = '2026-11-30',
): Omit<StoredTicket, 'number' | 'displayNumber'> {
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    day,
    serviceId,
    priority: 'none',
    issuedAt: 1_000 + ids,
    ahead: 0,
    minutes: 0,
    lang: 'id',
    offline: true,
    syncState: 'pending',
    printState: 'pending',
  };
}

const display = (n: number) => `A-${String(n).padStart(3, '0')}`;
const free = () => false;

describe('KioskStore', () => {
  it('issues offline numbers from the leased blocks, smallest first, and says when they run out', () => {
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 521, to: 522 });
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 501, to: 502 });
    expect(store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 501, to: 502 })).toBe(false);
    expect(store.offlineNumbersLeft('2026-11-30').get('ktp')).toBe(4);
    const numbers = [1, 2, 3, 4].map(() => store.issueOffline(offlineTicket(), display, free)?.displayNumber);
    expect(numbers).toEqual(['A-501', 'A-502', 'A-521', 'A-522']);
    expect(store.issueOffline(offlineTicket(), display, free)).toBeUndefined();
    expect(store.offlineNumbersLeft('2026-11-30').get('ktp')).toBe(0);
  });

  it('never issues a number of another day’s lease, nor one the hub already has', () => {
    store.addLease({ day: '2026-11-29', serviceId: 'ktp', from: 501, to: 520 });
    expect(store.issueOffline(offlineTicket(), display, free)).toBeUndefined();
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 501, to: 503 });
    expect(store.issueOffline(offlineTicket(), display, (n) => n < 503)?.number).toBe(503);
  });

  it('keeps unsynced tickets in issue order until the hub has them, across a restart', () => {
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 501, to: 520 });
    const a = store.issueOffline(offlineTicket(), display, free);
    const b = store.issueOffline(offlineTicket(), display, free);
    store.close();
    store = new KioskStore(join(dir, 'kiosk.sqlite'));
    expect(store.unsynced().map((t) => t.id)).toEqual([a?.id, b?.id]);
    expect(store.unsyncedByService()).toEqual({ ktp: 2 });
    store.setSync(a?.id ?? '', 'synced');
    expect(store.unsynced().map((t) => t.id)).toEqual([b?.id]);
  });

  it('reports a print failure once the hub knows the ticket, and forgets it once printed', () => {
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 501, to: 520 });
    const t = store.issueOffline(offlineTicket(), display, free);
    store.setPrintFailed(t?.id ?? '', 'paper-out', 'no paper', 'report-1');
    expect(store.failuresToReport()).toEqual([]);
    store.setSync(t?.id ?? '', 'synced');
    expect(store.failuresToReport()).toMatchObject([
      { id: t?.id, printReason: 'paper-out', failureReportId: 'report-1' },
    ]);
    store.setPrinted(t?.id ?? '', 'printed');
    expect(store.failuresToReport()).toEqual([]);
    expect(store.ticket(t?.id ?? '')).toMatchObject({ printState: 'printed' });
  });

  it('keeps the hall config for a start without the hub', () => {
    expect(store.cachedConfig()).toBeUndefined();
    store.cacheConfig({ hall: { name: 'MPP' } } as never);
    store.cacheConfig({ hall: { name: 'MPP Kota Padang Panjang' } } as never);
    expect(store.cachedConfig()?.hall.name).toBe('MPP Kota Padang Panjang');
  });

  it('forgets past days once nothing is left to send', () => {
    store.addLease({ day: '2026-11-29', serviceId: 'ktp', from: 501, to: 520 });
    const sent = store.issueOffline(offlineTicket('ktp', '2026-11-29'), display, free);
    const unsent = store.issueOffline(offlineTicket('ktp', '2026-11-29'), display, free);
    store.setSync(sent?.id ?? '', 'synced');
    store.prune('2026-11-30');
    expect(store.ticket(sent?.id ?? '')).toBeUndefined();
    expect(store.ticket(unsent?.id ?? '')).toBeDefined();
    expect(store.offlineNumbersLeft('2026-11-29').size).toBe(0);
  });
});

describe("the estimate's range (issue 12)", () => {
  it("keeps a ticket's likely limits, and none for a ticket that had none", () => {
    store.addLease({ day: '2026-11-30', serviceId: 'ktp', from: 1, to: 5 });
    const ranged = store.issueOffline(
      { ...offlineTicket(), minutes: 17, low: 11, high: 24 },
      (n) => `A-${n}`,
      () => false,
    );
    const plain = store.issueOffline(
      offlineTicket(),
      (n) => `A-${n}`,
      () => false,
    );
    expect(ranged && store.ticket(ranged.id)).toMatchObject({ minutes: 17, low: 11, high: 24 });
    expect(plain && store.ticket(plain.id)).not.toHaveProperty('low');
  });
});

describe('a visit kept with its ticket', () => {
  it('stores a visit’s services and package, and upgrades a store made before visits without losing a ticket', () => {
    const file = join(dir, 'kiosk.sqlite');
    const plain = { ...offlineTicket(), number: 501, displayNumber: 'A-501' };
    store.insert(plain);
    const visit = { ...offlineTicket('kk'), number: 502, displayNumber: 'B-502' };
    store.insert({ ...visit, visit: { serviceIds: ['kk', 'ktp', 'jkn'], packageId: 'pindah' } });
    expect(store.ticket(visit.id)?.visit).toEqual({ serviceIds: ['kk', 'ktp', 'jkn'], packageId: 'pindah' });
    expect(store.ticket(plain.id)?.visit).toBeUndefined();
    store.close();

    // The store as version 2 left it: no visit column.
    const db = new Database(file);
    db.prepare('DELETE FROM tickets WHERE id = ?').run(visit.id);
    db.exec('ALTER TABLE tickets DROP COLUMN visit');
    db.pragma('user_version = 2');
    db.close();

    store = new KioskStore(file);
    expect(store.ticket(plain.id)).toMatchObject({ displayNumber: 'A-501', syncState: 'pending' });
    expect(store.ticket(plain.id)?.visit).toBeUndefined();
    store.insert({ ...visit, visit: { serviceIds: ['kk', 'ktp'] } });
    expect(store.unsynced().map((t) => t.visit?.serviceIds)).toEqual([undefined, ['kk', 'ktp']]);
  });
});
