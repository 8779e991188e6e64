import { describe, expect, it } from 'vitest';
import { commandSchema } from './commands.js';
import type { CommandInput } from './commands.js';
import type { ErrorCode } from './error-codes.js';
import { QueueDay } from './queue-day.js';
import { destinationStatus, transferDestination } from './transfer-rule.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const NINE = Date.UTC(2026, 2, 2, 2, 0);

/** c1 (ktp, kk) serves A-001; c2 (kk, ktp, akta) is open, the rest closed. */
function serving(): TestQueue {
  const q = new TestQueue(testHall(), NINE).open('c1', 'c2');
  q.issue('ktp');
  q.must({ type: 'callNext', counterId: 'c1' });
  q.must({ type: 'startServing', counterId: 'c1' });
  return q;
}

function refusedWith(q: TestQueue, input: CommandInput, code: ErrorCode) {
  const before = structuredClone(q.state.snapshot());
  const decision = q.run(input);
  expect(decision.ok ? 'ok' : decision.error.code).toBe(code);
  expect(q.state.snapshot()).toEqual(before);
  return decision.ok ? undefined : decision.error;
}

describe('transfer to a closed target', () => {
  it('needs a confirmation when every counter of the target service is closed', () => {
    const q = serving();
    const error = refusedWith(
      q,
      { type: 'transfer', counterId: 'c1', toServiceId: 'paspor' },
      'TARGET_CLOSED',
    );
    expect(error?.details).toEqual({ serviceId: 'paspor' });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor', confirm: true });
    expect(q.byNumber('A-001')).toMatchObject({ status: 'waiting', serviceId: 'paspor' });
  });

  it('needs one when the target counter is closed, and none when it is open or on a break', () => {
    const q = serving();
    const error = refusedWith(q, { type: 'transfer', counterId: 'c1', toCounterId: 'c3' }, 'TARGET_CLOSED');
    expect(error?.details).toEqual({ serviceId: 'akta', counterId: 'c3' });
    // A break ends: the counter will call the visitor after it.
    q.must({ type: 'setCounterStatus', counterId: 'c3', status: 'paused', reason: 'ishoma' });
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c3' });
    expect(q.byNumber('A-001')).toMatchObject({ serviceId: 'akta', targetCounterId: 'c3' });
  });

  it('counts the sending counter among those that can call the ticket in its new service', () => {
    const q = new TestQueue(testHall(), NINE).open('c1');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    // c1 serves kk too: it is open for the visitor's next errand.
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'kk' });
    expect(q.byNumber('A-001').serviceId).toBe('kk');
  });
});

describe('a note for the next counter', () => {
  it('travels with the event and stays in the ticket’s transfers', () => {
    const q = serving();
    const events = q.must({
      type: 'transfer',
      counterId: 'c1',
      toServiceId: 'kk',
      note: '  KK lama sudah diperiksa, tinggal cetak  ',
    });
    expect(events).toEqual([
      expect.objectContaining({ type: 'TicketTransferred', note: 'KK lama sudah diperiksa, tinggal cetak' }),
    ]);
    expect(q.byNumber('A-001').transfers.at(-1)?.note).toBe('KK lama sudah diperiksa, tinggal cetak');
  });

  it('is refused when too long, empty, or holding a NIK or phone number; dates and counters are fine', () => {
    const note = (text: string) =>
      commandSchema.safeParse({ type: 'transfer', counterId: 'c1', toServiceId: 'kk', note: text }).success;
    expect(note('x'.repeat(200))).toBe(true);
    expect(note('x'.repeat(201))).toBe(false);
    expect(note('   ')).toBe(false);
    expect(note('NIK 3171234567890001')).toBe(false);
    expect(note('HP 0812-3456-7890')).toBe(false);
    expect(note('hubungi 0812 3456 789')).toBe(false);
    expect(note('kembali 28-11-2026 ke loket 12, pukul 08.00')).toBe(true);
  });

  it('an old log without notes replays to the same day, with no note key', () => {
    const q = serving();
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'kk' });
    const replayed = QueueDay.empty(q.config, q.state.day);
    for (const e of q.log) replayed.apply(e);
    expect(replayed.snapshot()).toEqual(q.state.snapshot());
    expect(replayed.ticket(q.byNumber('A-001').id)?.transfers[0]).not.toHaveProperty('note');
  });
});

describe('transferDestination and destinationStatus', () => {
  it('say where a ticket would wait and who could call it there, as the engine decides', () => {
    const q = serving();
    const config = q.config;
    const c1 = config.counters.find((c) => c.id === 'c1');
    const ticket = q.byNumber('A-001');
    if (!c1) throw new Error('no c1');
    expect(transferDestination(config, c1, ticket, { toCounterId: 'c2' })).toEqual({
      ok: true,
      destination: { serviceId: 'ktp', counterId: 'c2' },
    });
    expect(transferDestination(config, c1, ticket, { toCounterId: 'c4' })).toEqual({
      ok: true,
      destination: { serviceId: 'paspor', counterId: 'c4' },
    });
    const own = transferDestination(config, c1, ticket, { toServiceId: 'ktp' });
    expect(own.ok ? 'ok' : own.error.code).toBe('INVALID_TRANSFER');
    expect(destinationStatus(q.state, config, { serviceId: 'ktp' })).toEqual({
      open: 2,
      paused: 0,
      closed: 0,
    });
    expect(destinationStatus(q.state, config, { serviceId: 'akta' })).toEqual({
      open: 1,
      paused: 0,
      closed: 1,
    });
  });
});
