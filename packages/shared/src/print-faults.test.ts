import { describe, expect, it } from 'vitest';
import type { Actor } from './access-policy.js';
import { openPrintFaults, reprintEvent } from './print-faults.js';
import { TestQueue, testHall, testUuid } from './testing/test-hall.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const K1: Actor = { kind: 'kiosk', kioskId: 'k1' };
const K2: Actor = { kind: 'kiosk', kioskId: 'k2' };

/** A morning where two tickets of three did not print: A-002 first, then A-001. */
function hallWithFaults(): { q: TestQueue; ids: string[] } {
  const q = new TestQueue(testHall(), T0).open('c1');
  const ids = [1, 2, 3].map(() => q.issue('ktp', 'none', K1).id);
  q.advance(MINUTE).must({ type: 'reportPrintFailure', ticketId: ids[1] ?? '', reason: 'paper-out' }, K1);
  q.advance(MINUTE).must({ type: 'reportPrintFailure', ticketId: ids[0] ?? '', reason: 'cover-open' }, K2);
  return { q, ids };
}

describe('print alerts', () => {
  it('lists the open faults, oldest failure first, with the kiosk that reported each', () => {
    const { q } = hallWithFaults();
    expect(openPrintFaults(q.state).map((t) => [t.displayNumber, t.printFault])).toEqual([
      ['A-002', { kioskId: 'k1', reason: 'paper-out', at: T0 + MINUTE }],
      ['A-001', { kioskId: 'k2', reason: 'cover-open', at: T0 + 2 * MINUTE }],
    ]);
  });

  it('drops a ticket whose visit has ended: it needs no paper any more', () => {
    const { q } = hallWithFaults();
    q.must({ type: 'callNext', counterId: 'c1' });
    expect(q.currentAt('c1')).toBe('A-001');
    q.must({ type: 'finish', counterId: 'c1' });
    expect(openPrintFaults(q.state).map((t) => t.displayNumber)).toEqual(['A-002']);
    expect(q.byNumber('A-001').printFault).toBeDefined();
  });

  it('a reprint of a faulted ticket ends its alert; any other print logs nothing', () => {
    const { q, ids } = hallWithFaults();
    const [first = '', second = '', third = ''] = ids;
    expect(reprintEvent(q.state, second, 'k1', 'dukcapil1')).toEqual({
      type: 'TicketReprinted',
      ticketId: second,
      kioskId: 'k1',
      by: 'dukcapil1',
    });
    // Pure: deciding changes nothing.
    expect(openPrintFaults(q.state)).toHaveLength(2);
    const event = reprintEvent(q.state, second, 'k1', 'dukcapil1');
    if (event) q.apply([event]);
    expect(openPrintFaults(q.state).map((t) => t.id)).toEqual([first]);
    // Printed again, already cleared, never faulted, unknown, or not a ticket id at all: nothing to log.
    expect(reprintEvent(q.state, second, 'k1', 'dukcapil1')).toBeUndefined();
    expect(reprintEvent(q.state, third, 'k1', 'kiosk:k1')).toBeUndefined();
    expect(reprintEvent(q.state, testUuid(99), 'k1', 'dukcapil1')).toBeUndefined();
    expect(reprintEvent(q.state, 'constructor', 'k1', 'dukcapil1')).toBeUndefined();
  });

  it('a print failure of an ended ticket raises no alert', () => {
    const q = new TestQueue(testHall(), T0);
    const t = q.issue('ktp', 'none', K1);
    q.must({ type: 'cancelTicket', ticket: t.displayNumber });
    q.must({ type: 'reportPrintFailure', ticketId: t.id, reason: 'paper-out' }, K1);
    expect(openPrintFaults(q.state)).toEqual([]);
    expect(q.ticket(t.id).printFault).toBeUndefined();
    expect(reprintEvent(q.state, t.id, 'k1', 'spv')).toBeUndefined();
  });
});
