import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, HallConfig, Principal } from '@antre/shared';
import { TestClock, demoHall } from '@antre/hub/testing';
import { QueueService } from './queue-service.js';
import { DAY_SNAPSHOT_FORMAT } from './store/day-snapshots.js';
import { EventStore } from './store/event-store.js';

let config: HallConfig;
const dirs: string[] = [];
const kiosk: Principal = { kind: 'kiosk', kioskId: 'kiosk-1' };
const supervisor: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};

beforeAll(async () => {
  ({ config } = await demoHall());
});

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-snapshot-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string, clock: TestClock, snapshotEvery = 1_000_000) {
  const store = new EventStore(join(dir, 'antre.sqlite'));
  let ids = 0;
  const service = new QueueService(store, config, {
    now: clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    snapshotEvery,
  });
  return { store, service };
}

let n = 0;
function run(service: QueueService, principal: Principal, command: CommandInput) {
  return service.execute(principal, `cmd-${String(++n).padStart(8, '0')}`, command);
}

/**
 * A busy stretch of a hall day: issues (priority ones too) over every service, and every counter calling,
 * recalling, serving, finishing, holding and putting back, marking no-shows and transferring.
 */
function busy(service: QueueService, clock: TestClock, rounds: number): void {
  const services = config.services.map((s) => s.id);
  const counters = config.counters.map((c) => c.id);
  for (const counterId of counters) {
    run(service, supervisor, { type: 'setCounterStatus', counterId, status: 'open' });
  }
  for (let i = 0; i < rounds; i += 1) {
    clock.advance(40_000);
    const serviceId = services[i % services.length] ?? '';
    run(service, kiosk, { type: 'issueTicket', serviceId, ...(i % 7 === 0 ? { priority: 'elderly' } : {}) });
    const counterId = counters[(i * 3) % counters.length] ?? '';
    switch (i % 6) {
      case 0:
        run(service, supervisor, { type: 'callNext', counterId, previous: 'served' });
        run(service, supervisor, { type: 'recall', counterId });
        break;
      case 1:
        run(service, supervisor, { type: 'startServing', counterId });
        run(service, supervisor, { type: 'finish', counterId });
        break;
      case 2:
        run(service, supervisor, { type: 'noShow', counterId, confirm: true });
        break;
      case 3:
        run(service, supervisor, { type: 'hold', counterId });
        break;
      case 4:
        run(service, supervisor, { type: 'transfer', counterId, toServiceId: services[0] ?? '' });
        break;
      default:
        run(service, supervisor, { type: 'callNext', counterId });
    }
  }
}

/** The day as a restart finds it: everything the service holds about it, indexes included. */
function dayOf(service: QueueService) {
  return {
    seq: service.state.seq,
    day: structuredClone(service.state),
    config: service.config,
    configVersion: service.configVersion,
  };
}

/** The day rebuilt from the whole log: the store's snapshots removed first. */
function fullReplay(dir: string, clock: TestClock) {
  const store = new EventStore(join(dir, 'antre.sqlite'));
  store.db.exec('DELETE FROM day_snapshots');
  store.close();
  const again = open(dir, clock);
  const day = dayOf(again.service);
  expect(again.service.restoredFrom.snapshotSeq).toBeUndefined();
  again.store.close();
  return day;
}

describe('restart from a snapshot of the day', () => {
  it('restores from a snapshot taken mid-day plus the events after it exactly what a full replay gives', () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock);
    busy(service, clock, 60);
    service.snapshotNow();
    const snapshotSeq = service.state.seq;
    busy(service, clock, 45);
    // A config change after the snapshot: the restored day and config must take it from the log.
    const added = service.changeConfig(supervisor, {
      commandId: 'config-1',
      expectedVersion: service.configVersion,
      change: {
        type: 'add',
        item: {
          kind: 'service',
          value: {
            id: 'legalisir-akta',
            agencyId: config.services[0]?.agencyId ?? '',
            prefix: 'LA',
            name: { id: 'Legalisir akta', en: 'Certificate legalisation' },
            requirements: { id: [], en: [] },
            targetMinutes: 5,
          },
        },
      },
    });
    expect(added.ok).toBe(true);
    run(service, kiosk, { type: 'issueTicket', serviceId: 'legalisir-akta' });
    const live = dayOf(service);
    store.close();

    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom.snapshotSeq).toBe(snapshotSeq);
    expect(restarted.service.restoredFrom.replayed).toBe(live.seq - snapshotSeq);
    expect(restarted.service.restoredFrom.replayed).toBeGreaterThan(0);
    const restored = dayOf(restarted.service);
    restarted.store.close();

    expect(restored).toEqual(live);
    expect(restored).toEqual(fullReplay(dir, clock));
  });

  it('takes a snapshot by itself every `snapshotEvery` events, after the batch that crossed the mark', async () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock, 50);
    busy(service, clock, 40);
    expect(store.snapshots.latestAfter(0)).toBeUndefined();
    await service.snapshotSettled();
    const taken = store.snapshots.latestAfter(0);
    expect(taken?.seq).toBe(service.state.seq);
    busy(service, clock, 40);
    await service.snapshotSettled();
    // Only the newest is kept.
    expect(store.db.prepare('SELECT count(*) AS n FROM day_snapshots').get()).toEqual({ n: 1 });
    const live = dayOf(service);
    store.close();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom.snapshotSeq).toBeGreaterThan(taken?.seq ?? 0);
    expect(dayOf(restarted.service)).toEqual(live);
    restarted.store.close();
  });

  it('replays the whole day from an older store with no snapshot, and snapshots it after its first command', async () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock);
    busy(service, clock, 50);
    const live = dayOf(service);
    store.close();
    const restarted = open(dir, clock, 20);
    expect(restarted.service.restoredFrom).toEqual({ snapshotSeq: undefined, replayed: live.seq });
    expect(dayOf(restarted.service)).toEqual(live);
    // Not during the start, which it would slow: after the first command.
    await restarted.service.snapshotSettled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(restarted.store.snapshots.latestAfter(0)).toBeUndefined();
    run(restarted.service, kiosk, { type: 'issueTicket', serviceId: config.services[0]?.id ?? '' });
    await restarted.service.snapshotSettled();
    expect(restarted.store.snapshots.latestAfter(0)?.seq).toBe(restarted.service.state.seq);
    restarted.store.close();
  });

  it('stores the day as it stood when packed: a command logged before the write is replayed after it', async () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock, 50);
    busy(service, clock, 30);
    const packedAt = service.state.seq;
    // One turn: the hub packs the day; the write waits for the next.
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.snapshots.latestAfter(0)).toBeUndefined();
    run(service, kiosk, { type: 'issueTicket', serviceId: config.services[0]?.id ?? '' });
    expect(service.state.seq).toBeGreaterThan(packedAt);
    await service.snapshotSettled();
    expect(store.snapshots.latestAfter(0)?.seq).toBe(packedAt);
    const live = dayOf(service);
    store.close();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom).toEqual({ snapshotSeq: packedAt, replayed: live.seq - packedAt });
    expect(dayOf(restarted.service)).toEqual(live);
    restarted.store.close();
    expect(dayOf(restarted.service)).toEqual(fullReplay(dir, clock));
  });

  it('keeps the older snapshot when the hub stops between packing the day and storing it', async () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock, 50);
    busy(service, clock, 30);
    await service.snapshotSettled();
    const older = store.snapshots.latestAfter(0)?.seq;
    expect(older).toBe(service.state.seq);
    busy(service, clock, 30);
    // The day is packed; the store closes (the hub stopping) before the write.
    await new Promise((resolve) => setImmediate(resolve));
    const live = dayOf(service);
    store.close();
    await service.snapshotSettled();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom).toEqual({ snapshotSeq: older, replayed: live.seq - (older ?? 0) });
    expect(dayOf(restarted.service)).toEqual(live);
    restarted.store.close();
    expect(live).toEqual(fullReplay(dir, clock));
  });

  it.each([
    ['unreadable', (db: EventStore['db']) => db.exec("UPDATE day_snapshots SET state = x'ff0d7b22'")],
    [
      'cut short',
      (db: EventStore['db']) =>
        db.exec('UPDATE day_snapshots SET state = substr(state, 1, length(state) / 2)'),
    ],
    ['of another format', (db: EventStore['db']) => db.exec('UPDATE day_snapshots SET format = format + 1')],
    [
      'of another shape',
      (db: EventStore['db']) =>
        db.prepare('UPDATE day_snapshots SET state = ?').run(serialize({ seq: 1, shape: 'antre-day/0' })),
    ],
    ['ahead of the log', (db: EventStore['db']) => db.exec('UPDATE day_snapshots SET seq = seq + 1000')],
  ])('ignores a snapshot %s and replays the whole day', (_name, spoil) => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock);
    busy(service, clock, 30);
    service.snapshotNow();
    busy(service, clock, 10);
    const live = dayOf(service);
    spoil(store.db);
    store.close();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom).toEqual({ snapshotSeq: undefined, replayed: live.seq });
    expect(dayOf(restarted.service)).toEqual(live);
    restarted.store.close();
  });

  it("ignores yesterday's snapshot after the day closed", () => {
    const dir = folder();
    const clock = new TestClock();
    const { store, service } = open(dir, clock);
    busy(service, clock, 20);
    service.snapshotNow();
    clock.advance(24 * 60 * 60_000);
    busy(service, clock, 12);
    const live = dayOf(service);
    expect(store.snapshots.latestAfter(0)?.format).toBe(DAY_SNAPSHOT_FORMAT);
    store.close();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom.snapshotSeq).toBeUndefined();
    expect(dayOf(restarted.service)).toEqual(live);
    restarted.store.close();
  });
});
