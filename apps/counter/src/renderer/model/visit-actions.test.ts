import { describe, expect, it } from 'vitest';
import type { Principal } from '@antre/shared';
import { commandVerdict } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { T } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';
import type { VisitSituation } from './visit-actions.js';
import { pendingOrder, visitOffers } from './visit-actions.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');
const DUKCAPIL: Principal = {
  kind: 'staff',
  staff: { username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil', name: 'Petugas Dukcapil 1' },
};
const BPJS: Principal = {
  kind: 'staff',
  staff: { username: 'bpjs1', role: 'staff', agencyId: 'bpjs', name: 'Petugas BPJS' },
};

/** The test hall with `pindah`: kk → ktp, jkn in any order. Counter c1 serves ktp and kk. */
function scene() {
  const q = new TestQueue(
    testHall({
      packages: [
        {
          id: 'pindah',
          name: { id: 'Pindah datang', en: 'Moving in' },
          serviceIds: ['kk', 'ktp', 'jkn'],
          order: [['kk', 'ktp']],
        },
      ],
      serviceChanges: { paspor: { dailyQuota: 1 } },
    }),
    MON_0800,
  );
  for (const counterId of ['c1', 'c4', 'c5']) {
    q.must({ type: 'setCounterStatus', counterId, status: 'open' });
  }
  q.issue('paspor');
  const visit = q.issueVisit({ packageId: 'pindah' });
  q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.id });
  q.must({ type: 'startServing', counterId: 'c1' });
  const situation = (
    principal: Principal = DUKCAPIL,
    connection: VisitSituation['connection'] = 'online',
  ) => ({
    principal,
    config: q.config,
    day: q.state,
    now: q.now,
    counterId: 'c1',
    connection,
  });
  return { q, ticket: () => q.ticket(visit.id), situation };
}

describe('visit offers at the counter', () => {
  it('offers exactly what the hub accepts, and each accepted offer changes the visit as it says', () => {
    const { q, ticket, situation } = scene();
    const offers = visitOffers(situation(), ticket());
    // Every offer's verdict is the dry run's own.
    const all = [...offers.add, ...offers.legs.flatMap((l) => [l.skip, l.earlier, l.later]), offers.end];
    for (const offer of all) {
      if (!offer) continue;
      const refusal = commandVerdict(DUKCAPIL, offer.command, { config: q.config, day: q.state, now: q.now });
      expect(offer.enabled, offer.command.type).toBe(refusal === undefined);
    }
    // Add: the services not yet planned; the passport's quota is used up, so it is offered with why.
    expect(offers.add.map((o) => (o.command.type === 'addVisitLeg' ? o.command.serviceId : ''))).toEqual([
      'akta',
      'paspor',
    ]);
    expect(offers.add[0]?.enabled).toBe(true);
    expect(offers.add[1]).toMatchObject({ enabled: false });
    expect(offers.add[1]?.reason?.id).toContain('Kuota');
    expect(offers.canAdd.enabled).toBe(true);

    // Legs still to go: ktp (1) and jkn (2), free among themselves (the law binds kk → ktp only).
    expect(pendingOrder(ticket())).toEqual([1, 2]);
    const ktp = offers.legs.find((l) => l.leg === 1);
    expect(ktp?.earlier).toBeUndefined();
    expect(ktp?.later?.enabled).toBe(true);
    expect(ktp?.skip.enabled).toBe(true);

    const later = ktp?.later;
    if (!later) throw new Error('no later offer');
    q.must(later.command, { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' });
    expect(pendingOrder(ticket())).toEqual([2, 1]);
    const after = visitOffers(situation(), ticket());
    expect(after.legs.find((l) => l.leg === 1)?.earlier?.enabled).toBe(true);
    expect(after.legs.find((l) => l.leg === 1)?.later).toBeUndefined();
    expect(after.end.enabled).toBe(true);
  });

  it('refuses with the reason: offline, another agency’s counter, no legs left to end', () => {
    const { q, ticket, situation } = scene();
    const offline = visitOffers(situation(DUKCAPIL, 'offline'), ticket());
    expect(offline.canAdd).toEqual({ enabled: false, reason: T.needsConnection });
    expect(offline.end.reason).toEqual(T.needsConnection);
    expect(offline.legs.every((l) => !l.skip.enabled)).toBe(true);

    const other = visitOffers(situation(BPJS), ticket());
    expect(other.canAdd.enabled).toBe(false);
    expect(other.legs.every((l) => !l.skip.enabled && !l.later?.enabled)).toBe(true);
    expect(other.end.enabled).toBe(false);

    const actor = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' } as const;
    for (const leg of [1, 2])
      q.must({ type: 'skipVisitLeg', counterId: 'c1', ticket: ticket().id, leg }, actor);
    const none = visitOffers(situation(), ticket());
    expect(none.legs).toEqual([]);
    expect(none.end).toMatchObject({ enabled: false, reason: VISIT_TEXT.noLegsToEnd });
  });

  it('offers a ticket for one service a second service, and nothing to skip, move or end', () => {
    const { q, situation } = scene();
    const actor = { kind: 'staff', username: 'dukcapil1', role: 'staff', agencyId: 'disdukcapil' } as const;
    q.must({ type: 'finish', counterId: 'c1' }, actor);
    const single = q.issue('ktp');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: single.id }, actor);
    const offers = visitOffers(situation(), q.ticket(single.id));
    expect(offers.legs).toEqual([]);
    expect(offers.end.enabled).toBe(false);
    const jkn = offers.add.find((o) => o.command.type === 'addVisitLeg' && o.command.serviceId === 'jkn');
    expect(jkn?.enabled).toBe(true);
    if (!jkn) throw new Error('no jkn offer');
    q.must(jkn.command, actor);
    expect(q.ticket(single.id).visit?.legs.map((l) => l.serviceId)).toEqual(['ktp', 'jkn']);
  });
});
