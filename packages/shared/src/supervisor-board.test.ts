import { describe, expect, it } from 'vitest';
import type { Actor } from './access-policy.js';
import { DEVICE_OFFLINE_GRACE_MS, deviceAlerts, supervisorBoard, waitTargetMs } from './supervisor-board.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const K1: Actor = { kind: 'kiosk', kioskId: 'k1' };
const DUKCAPIL1: Actor = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' };

/** ktp waits against its own 20-minute target; kk against the hall's 30 minutes. */
function morning(): TestQueue {
  const config = testHall({ serviceChanges: { ktp: { waitTargetMinutes: 20 } } });
  return new TestQueue(config, T0);
}

describe('the supervisor board', () => {
  it('counts waiting visitors per service and agency, and the longest wait against the target', () => {
    const q = morning();
    q.issue('ktp', 'none', K1);
    q.advance(5 * MINUTE).issue('ktp', 'none', K1);
    q.issue('kk', 'none', K1);
    q.advance(10 * MINUTE);
    const board = supervisorBoard(q.state, q.config, q.now);
    const dukcapil = board.agencies.find((a) => a.agencyId === 'disdukcapil');
    expect(dukcapil?.waiting).toBe(3);
    expect(dukcapil?.longestWaitMs).toBe(15 * MINUTE);
    expect(dukcapil?.services.find((s) => s.serviceId === 'ktp')).toEqual({
      serviceId: 'ktp',
      waiting: 2,
      longestWaitMs: 15 * MINUTE,
      targetMs: 20 * MINUTE,
      overTarget: false,
    });
    expect(dukcapil?.services.find((s) => s.serviceId === 'kk')?.targetMs).toBe(30 * MINUTE);
    expect(board.waitAlerts).toEqual([]);
    expect(board.agencies.find((a) => a.agencyId === 'imigrasi')?.waiting).toBe(0);
  });

  it('alerts once a wait passes its service target, naming the ticket that waited longest', () => {
    const q = morning();
    const first = q.issue('ktp', 'none', K1);
    q.advance(21 * MINUTE);
    const board = supervisorBoard(q.state, q.config, q.now);
    expect(board.waitAlerts).toEqual([
      {
        agencyId: 'disdukcapil',
        serviceId: 'ktp',
        displayNumber: first.displayNumber,
        waitedMs: 21 * MINUTE,
        targetMs: 20 * MINUTE,
      },
    ]);
    expect(board.agencies.find((a) => a.agencyId === 'disdukcapil')?.overTarget).toBe(true);
  });

  it('stops counting a visitor once called, and shows who is at which counter', () => {
    const q = morning();
    q.issue('ktp', 'none', K1);
    q.must({ type: 'setCounterStatus', counterId: 'c1', status: 'open' }, DUKCAPIL1);
    q.advance(25 * MINUTE).must({ type: 'callNext', counterId: 'c1' }, DUKCAPIL1);
    const board = supervisorBoard(q.state, q.config, q.now);
    const dukcapil = board.agencies.find((a) => a.agencyId === 'disdukcapil');
    expect(dukcapil?.waiting).toBe(0);
    expect(board.waitAlerts).toEqual([]);
    expect(dukcapil?.counters.find((c) => c.counterId === 'c1')).toEqual({
      counterId: 'c1',
      name: '1',
      status: 'open',
      staff: 'dukcapil1',
      current: 'A-001',
    });
    expect(dukcapil?.counters.find((c) => c.counterId === 'c2')?.status).toBe('closed');
    expect(board.counts).toEqual({ open: 1, paused: 0, closed: 4 });
  });

  it('lists open print faults, and for an agency supervisor only their agency', () => {
    const q = morning();
    const ktp = q.issue('ktp', 'none', K1);
    const paspor = q.issue('paspor', 'none', K1);
    q.must({ type: 'reportPrintFailure', ticketId: ktp.id, reason: 'paper-out' }, K1);
    q.must({ type: 'reportPrintFailure', ticketId: paspor.id, reason: 'paper-out' }, K1);
    expect(supervisorBoard(q.state, q.config, q.now).printAlerts.map((a) => a.displayNumber)).toEqual([
      ktp.displayNumber,
      paspor.displayNumber,
    ]);
    const imigrasi = supervisorBoard(q.state, q.config, q.now, 'imigrasi');
    expect(imigrasi.printAlerts.map((a) => a.displayNumber)).toEqual([paspor.displayNumber]);
    expect(imigrasi.agencies.map((a) => a.agencyId)).toEqual(['imigrasi']);
  });

  it("takes the hall's wait target when the service has none", () => {
    const config = testHall({ settings: { waitTargetMinutes: 45 } });
    expect(waitTargetMs(config.services[0] ?? { waitTargetMinutes: 1 }, config)).toBe(45 * MINUTE);
  });
});

describe('device alerts on the board', () => {
  const config = {
    kiosks: [
      { id: 'k1', name: 'Kios pintu utama' },
      { id: 'k2', name: 'Kios lantai 2' },
      { id: 'k3', name: 'Kios lama' },
    ],
    displays: [
      { id: 'tv-1', name: 'Layar ruang tunggu' },
      { id: 'tv-2', name: 'Layar lantai 2' },
    ],
  };

  it('names kiosks offline and displays disconnected past the grace, and never-seen ones', () => {
    const now = T0 + 10 * MINUTE;
    const alerts = deviceAlerts(
      [
        { kind: 'kiosk', deviceId: 'k1', online: true, lastSeenAt: T0 },
        { kind: 'kiosk', deviceId: 'k2', online: false, lastSeenAt: now - DEVICE_OFFLINE_GRACE_MS },
        { kind: 'display', deviceId: 'tv-1', online: false, lastSeenAt: now - DEVICE_OFFLINE_GRACE_MS + 1 },
        // Not in the config: someone else's, no alert.
        { kind: 'display', deviceId: 'lobby-tv', online: false, lastSeenAt: T0 },
      ],
      config,
      now,
    );
    expect(alerts).toEqual([
      { kind: 'kiosk', deviceId: 'k2', name: 'Kios lantai 2', lastSeenAt: now - DEVICE_OFFLINE_GRACE_MS },
      { kind: 'kiosk', deviceId: 'k3', name: 'Kios lama' },
      { kind: 'display', deviceId: 'tv-2', name: 'Layar lantai 2' },
    ]);
  });

  it('does not miss a revoked device, and is empty when everything is connected', () => {
    const now = T0;
    const online = [
      { kind: 'kiosk' as const, deviceId: 'k1', online: true },
      { kind: 'kiosk' as const, deviceId: 'k2', online: true },
      { kind: 'kiosk' as const, deviceId: 'k3', online: false, revokedAt: T0 - MINUTE },
      { kind: 'display' as const, deviceId: 'tv-1', online: true },
      { kind: 'display' as const, deviceId: 'tv-2', online: true },
    ];
    expect(deviceAlerts(online, config, now)).toEqual([]);
  });
});
