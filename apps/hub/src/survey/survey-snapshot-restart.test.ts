import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, HallConfig, Principal } from '@antre/shared';
import { TestClock, demoHall } from '@antre/hub/testing';
import { QueueService } from '../queue-service.js';
import { EventStore } from '../store/event-store.js';
import { SurveyService } from './survey-service.js';

let config: HallConfig;
const dirs: string[] = [];
const kiosk: Principal = { kind: 'kiosk', kioskId: 'kiosk-1' };
const citizen: Principal = { kind: 'public' };
const supervisor: Principal = {
  kind: 'staff',
  staff: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' },
};
const ALL_FOUR = [4, 4, 4, 4, 4, 4, 4, 4, 4];

beforeAll(async () => {
  ({ config } = await demoHall());
});

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'antre-survey-snapshot-'));
  dirs.push(dir);
  return dir;
}

/** The queue and the survey on one store, wired as the hub wires them. */
function open(dir: string, clock: TestClock, snapshotEvery = 1_000_000) {
  const store = new EventStore(join(dir, 'antre.sqlite'));
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  const service: QueueService = new QueueService(store, config, {
    now: clock.now,
    newId,
    snapshotEvery,
    onEvents: (events) => survey.observe(events),
    snapshotSurvey: (seq): (() => Uint8Array) => survey.snapshot(seq),
  });
  const survey: SurveyService = new SurveyService(store, service, config, newId);
  return { store, service, survey };
}

let n = 0;
function run(service: QueueService, principal: Principal, command: CommandInput) {
  return service.execute(principal, `cmd-${String(++n).padStart(8, '0')}`, command);
}

/** Visitors issued, called, served and finished at every counter; some of them answer the survey. */
function busy(h: ReturnType<typeof open>, clock: TestClock, rounds: number): void {
  const services = config.services.map((s) => s.id);
  const counters = config.counters.map((c) => c.id);
  for (const counterId of counters) {
    run(h.service, supervisor, { type: 'setCounterStatus', counterId, status: 'open' });
  }
  for (let i = 0; i < rounds; i += 1) {
    clock.advance(90_000);
    const serviceId = services[i % services.length] ?? '';
    run(h.service, kiosk, { type: 'issueTicket', serviceId });
    const counterId = config.counters.find((c) => c.serviceIds.includes(serviceId))?.id ?? '';
    const called = run(h.service, supervisor, { type: 'callNext', counterId, previous: 'served' });
    const call = called.ok ? called.events.find((e) => e.event.type === 'TicketCalled') : undefined;
    if (call?.event.type !== 'TicketCalled') continue;
    const ticketId = call.event.ticketId;
    if (i % 4 === 3) {
      run(h.service, supervisor, { type: 'transfer', counterId, toServiceId: services[0] ?? '' });
      continue;
    }
    run(h.service, supervisor, { type: 'startServing', counterId });
    run(h.service, supervisor, { type: 'finish', counterId });
    if (i % 3 === 0) {
      const answer = h.survey.submit(citizen, { ticketId, answers: ALL_FOUR }, h.survey.linkKey(ticketId));
      expect(answer.ok).toBe(true);
    }
  }
}

/** The ledger rebuilt from the log's window alone: the store's snapshots removed first. */
function fullReplay(dir: string, clock: TestClock) {
  const store = new EventStore(join(dir, 'antre.sqlite'));
  store.db.exec('DELETE FROM day_snapshots');
  store.close();
  const again = open(dir, clock);
  expect(again.survey.restoredFrom).toBeUndefined();
  const state = again.survey.ledgerState();
  again.store.close();
  return state;
}

describe("restart of the survey's ledger from the day's snapshot", () => {
  it('restores from the snapshot plus the events after it exactly what replaying the window gives', () => {
    const dir = folder();
    const clock = new TestClock();
    const h = open(dir, clock);
    busy(h, clock, 40);
    // The next day: yesterday's finished visits stay rateable within the window.
    clock.advance(20 * 3_600_000);
    busy(h, clock, 50);
    h.service.snapshotNow();
    const snapshotSeq = h.service.state.seq;
    busy(h, clock, 30);
    const answered = h.survey.ledgerState().rated.length;
    expect(answered).toBeGreaterThan(5);
    expect(h.survey.ledgerState().finished.length).toBeGreaterThan(30);
    h.store.close();

    clock.advance(3_600_000);
    const restarted = open(dir, clock);
    expect(restarted.survey.restoredFrom).toBe(snapshotSeq);
    const restored = restarted.survey.ledgerState();
    restarted.store.close();
    expect(restored.rated.length).toBe(answered);
    expect(restored).toEqual(fullReplay(dir, clock));
  });

  it('keeps the answers and visits it restored: a visit rated before the snapshot is refused again', () => {
    const dir = folder();
    const clock = new TestClock();
    const h = open(dir, clock);
    busy(h, clock, 20);
    const [rated] = h.survey.ledgerState().rated;
    const ratedTicket = h.service.state.allTickets().find((t) => h.survey.offerFor(t.id)?.rated === true)?.id;
    expect(rated).toBeDefined();
    expect(ratedTicket).toBeDefined();
    h.service.snapshotNow();
    h.store.close();
    const restarted = open(dir, clock);
    expect(restarted.survey.restoredFrom).toBe(restarted.service.state.seq);
    const id = ratedTicket ?? '';
    const again = restarted.survey.submit(
      citizen,
      { ticketId: id, answers: ALL_FOUR },
      restarted.survey.linkKey(id),
    );
    expect(again.ok).toBe(false);
    restarted.store.close();
  });

  it('copies the ledger a turn after the day was packed, and replays from its own event', async () => {
    const dir = folder();
    const clock = new TestClock();
    const h = open(dir, clock, 100);
    busy(h, clock, 40);
    const packedAt = h.service.state.seq;
    // One turn: the day is packed; the ledger is copied on the next, after this visitor's issue.
    await new Promise((resolve) => setImmediate(resolve));
    run(h.service, kiosk, { type: 'issueTicket', serviceId: config.services[0]?.id ?? '' });
    const copiedAt = h.service.state.seq;
    await h.service.snapshotSettled();
    expect(h.store.snapshots.latestAfter(0)?.seq).toBe(packedAt);
    busy(h, clock, 3);
    h.store.close();
    const restarted = open(dir, clock);
    expect(restarted.service.restoredFrom.snapshotSeq).toBe(packedAt);
    expect(restarted.survey.restoredFrom).toBe(copiedAt);
    const restored = restarted.survey.ledgerState();
    restarted.store.close();
    expect(restored).toEqual(fullReplay(dir, clock));
  });

  it.each([
    ['unreadable', (db: EventStore['db']) => db.exec("UPDATE day_snapshots SET survey = x'ff0d7b22'")],
    [
      'cut short',
      (db: EventStore['db']) =>
        db.exec('UPDATE day_snapshots SET survey = substr(survey, 1, length(survey) / 2)'),
    ],
    [
      'of another shape',
      (db: EventStore['db']) =>
        db
          .prepare('UPDATE day_snapshots SET survey = ?')
          .run(serialize({ seq: 1, shape: 'antre-survey-ledger/0' })),
    ],
    ['ahead of the log', (db: EventStore['db']) => db.exec('UPDATE day_snapshots SET seq = seq + 1000')],
    [
      'missing (an older snapshot)',
      (db: EventStore['db']) => db.exec('UPDATE day_snapshots SET survey = NULL'),
    ],
  ])('ignores a ledger snapshot %s and replays the window', (_name, spoil) => {
    const dir = folder();
    const clock = new TestClock();
    const h = open(dir, clock);
    busy(h, clock, 30);
    h.service.snapshotNow();
    busy(h, clock, 10);
    spoil(h.store.db);
    h.store.close();
    const restarted = open(dir, clock);
    expect(restarted.survey.restoredFrom).toBeUndefined();
    const replayed = restarted.survey.ledgerState();
    restarted.store.close();
    expect(replayed.finished.length).toBeGreaterThan(10);
    expect(replayed).toEqual(fullReplay(dir, clock));
  });

  it('ignores a ledger kept for another survey window', () => {
    const dir = folder();
    const clock = new TestClock();
    const h = open(dir, clock);
    busy(h, clock, 20);
    h.service.snapshotNow();
    h.store.close();
    const longer = { ...config, survey: { ...config.survey, windowHours: config.survey.windowHours + 24 } };
    const store = new EventStore(join(dir, 'antre.sqlite'));
    const service = new QueueService(store, longer, { now: clock.now });
    const survey = new SurveyService(store, service, longer);
    expect(survey.restoredFrom).toBeUndefined();
    store.close();
  });
});
