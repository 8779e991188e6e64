import { describe, expect, it } from 'vitest';
import type { VisitPosition } from './visit-position.js';
import { followVisit, hasSeveralLegs, visitPositionOf } from './visit-position.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');
const DUKCAPIL = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' } as const;

/** Follows every ticket of the log, as the projections do, and says where each one is. */
function follow(q: TestQueue): Map<string, VisitPosition> {
  const positions = new Map<string, VisitPosition>();
  for (const { event } of q.log) {
    if (event.type === 'TicketIssued') positions.set(event.ticket.id, visitPositionOf(event.ticket));
    else if ('ticketId' in event) {
      const p = positions.get(event.ticketId);
      if (p) followVisit(p, event);
    }
  }
  return positions;
}

describe('which service a visit is on now', () => {
  it('agrees with the queue at every step: routing, a leg added at the counter, a transfer', () => {
    const q = new TestQueue(
      testHall({
        packages: [
          {
            id: 'pindah',
            name: { id: 'Pindah', en: 'Moving' },
            serviceIds: ['kk', 'ktp', 'jkn'],
            order: [
              ['kk', 'ktp'],
              ['ktp', 'jkn'],
            ],
          },
        ],
      }),
      MON_0800,
    );
    for (const counterId of ['c1', 'c2', 'c4', 'c5']) {
      q.must({ type: 'setCounterStatus', counterId, status: 'open' }, DUKCAPIL);
    }
    const visit = q.issueVisit({ packageId: 'pindah' });
    const single = q.issue('akta');
    const check = () => {
      const positions = follow(q);
      for (const id of [visit.id, single.id]) {
        expect(positions.get(id)?.serviceId).toBe(q.ticket(id).serviceId);
        expect(positions.get(id)?.legs).toEqual(
          q.ticket(id).visit?.legs.map((l) => l.serviceId) ?? [q.ticket(id).serviceId],
        );
      }
    };
    check();
    // The KK leg served: routed to the KTP-el.
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.id }, DUKCAPIL);
    q.must({ type: 'startServing', counterId: 'c1' }, DUKCAPIL);
    q.must({ type: 'finish', counterId: 'c1' }, DUKCAPIL);
    check();
    expect(q.ticket(visit.id).serviceId).toBe('ktp');
    // A ticket for one service gets a second at the counter, then moves on to it.
    q.must({ type: 'callTicket', counterId: 'c2', ticket: single.id }, DUKCAPIL);
    q.must({ type: 'startServing', counterId: 'c2' }, DUKCAPIL);
    q.must({ type: 'addVisitLeg', counterId: 'c2', serviceId: 'paspor' }, DUKCAPIL);
    check();
    expect(hasSeveralLegs(follow(q).get(single.id) ?? { serviceId: '', legs: [] })).toBe(true);
    q.must({ type: 'finish', counterId: 'c2' }, DUKCAPIL);
    check();
    expect(q.ticket(single.id).serviceId).toBe('paspor');
    // A transfer moves it off its plan's service.
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.id }, DUKCAPIL);
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'kk', front: true }, DUKCAPIL);
    check();
    expect(q.ticket(visit.id).serviceId).toBe('kk');
  });

  it('ignores a routing to a leg it does not know, and events that move nothing', () => {
    const p: VisitPosition = { serviceId: 'ktp', legs: ['ktp'] };
    expect(followVisit(p, { type: 'VisitRouted', ticketId: 'x', leg: 3, rank: 0 })).toBe(false);
    expect(followVisit(p, { type: 'ServingStarted', ticketId: 'x', counterId: 'c1' })).toBe(false);
    expect(p).toEqual({ serviceId: 'ktp', legs: ['ktp'] });
    expect(hasSeveralLegs(p)).toBe(false);
  });
});
