import { describe, expect, it } from 'vitest';
import { TestQueue, testHall } from './testing/test-hall.js';
import { visitMeasures, visitProgress, visitRequirements } from './visit-progress.js';

const MON_0800 = Date.parse('2026-03-02T08:00:00+07:00');
const MINUTE = 60_000;

/** `pindah`: kk before ktp, jkn free. Counters: c1 [ktp, kk], c2 [kk, ktp, akta], c5 [jkn]. */
function queue(): TestQueue {
  const config = testHall({
    packages: [
      {
        id: 'pindah',
        name: { id: 'Pindah datang', en: 'Moving in' },
        serviceIds: ['kk', 'ktp', 'jkn'],
        order: [['kk', 'ktp']],
      },
    ],
  });
  return new TestQueue(config, MON_0800);
}

function serve(q: TestQueue, counterId: string, number: string, minutes: number): void {
  q.must({ type: 'callTicket', counterId, ticket: number });
  q.must({ type: 'startServing', counterId });
  q.advance(minutes * MINUTE);
  q.must({ type: 'finish', counterId });
}

describe('visitProgress', () => {
  it('is undefined for a ticket for one service', () => {
    const q = queue();
    const t = q.issue('ktp');
    expect(visitProgress(q.state, q.config, t, q.now)).toBeUndefined();
    expect(visitMeasures(t, q.now)).toBeUndefined();
  });

  it('names the leg the ticket joins next: the package’s order first, then the shortest wait now', () => {
    const q = queue().open('c1', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah' });
    expect(visit.serviceId).toBe('kk');
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    // ktp waits for kk; then the shorter queue: jkn's desk is idle, while c1 (ktp) is busy with this visit.
    let p = visitProgress(q.state, q.config, q.ticket(visit.id), q.now);
    expect(p).toMatchObject({ current: 0, done: 0, toGo: 3, next: 2 });
    expect(p?.legs.map((l) => [l.serviceId, l.status, l.next])).toEqual([
      ['kk', 'active', false],
      ['ktp', 'pending', false],
      ['jkn', 'pending', true],
    ]);
    expect(p?.legs[0]?.counterId).toBe('c1');
    expect(p?.legs[0]?.minutes).toBeUndefined();
    // A long jkn queue makes ktp next.
    for (let i = 0; i < 5; i++) q.issue('jkn');
    p = visitProgress(q.state, q.config, q.ticket(visit.id), q.now);
    expect(p?.next).toBe(1);
    expect(p?.legs[2]?.minutes).toBeGreaterThan(p?.legs[1]?.minutes ?? Infinity);
  });

  it('names no next leg while the ticket waits to be put back, and none at the last leg', () => {
    const q = queue().open('c1', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah', serviceIds: ['kk', 'ktp'] });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    const p = visitProgress(q.state, q.config, q.ticket(visit.id), q.now);
    expect(p?.next).toBeUndefined();
    expect(p?.legs.map((l) => l.status)).toEqual(['missed', 'pending']);
    q.must({ type: 'putBack', counterId: 'c1', ticket: visit.displayNumber });
    serve(q, 'c1', visit.displayNumber, 4);
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    const last = visitProgress(q.state, q.config, q.ticket(visit.id), q.now);
    expect(last).toMatchObject({ current: 1, done: 1, toGo: 1 });
    expect(last?.next).toBeUndefined();
  });
});

describe('visitRequirements', () => {
  it('lists each document once, in the order of the legs, whatever its case', () => {
    const config = testHall();
    // kk: KK lama, Buku nikah; akta: Surat keterangan lahir, KK, KTP-el orang tua; jkn: KTP-el, KK.
    expect(visitRequirements(config, ['kk', 'akta', 'jkn'], 'id')).toEqual([
      'KK lama',
      'Buku nikah',
      'Surat keterangan lahir',
      'KK',
      'KTP-el orang tua',
      'KTP-el',
    ]);
    expect(visitRequirements(config, ['jkn', 'paspor'], 'en')).toEqual(['KTP-el', 'KK', 'Akta kelahiran']);
    expect(visitRequirements(config, ['nope'], 'id')).toEqual([]);
  });
});

describe('visitMeasures', () => {
  it('counts legs done, time in the hall and the waits between legs', () => {
    const q = queue().open('c1', 'c2', 'c5');
    const visit = q.issueVisit({ packageId: 'pindah', serviceIds: ['kk', 'jkn'] });
    q.advance(3 * MINUTE);
    serve(q, 'c1', visit.displayNumber, 10);
    expect(q.ticket(visit.id).serviceId).toBe('jkn');
    q.advance(7 * MINUTE);
    let m = visitMeasures(q.ticket(visit.id), q.now);
    expect(m).toMatchObject({ legs: 2, legsDone: 1, doneInOneVisit: false, inHallMs: 20 * MINUTE });
    expect(m?.waitsBetweenLegsMs).toEqual([]);
    serve(q, 'c5', visit.displayNumber, 5);
    q.advance(30 * MINUTE);
    m = visitMeasures(q.ticket(visit.id), q.now);
    // Issued at 0, kk called at 3 and done at 13, jkn called at 20 and done at 25: the hall's clock stops there.
    expect(m).toEqual({
      legs: 2,
      legsDone: 2,
      doneInOneVisit: true,
      inHallMs: 25 * MINUTE,
      waitsBetweenLegsMs: [7 * MINUTE],
    });
  });

  it('does not count a visit whose legs were cancelled as done in one visit', () => {
    const q = queue().open('c1');
    const visit = q.issueVisit({ packageId: 'pindah' });
    q.must({ type: 'callTicket', counterId: 'c1', ticket: visit.displayNumber });
    q.must({ type: 'noShow', counterId: 'c1', endVisit: true, confirm: true });
    const m = visitMeasures(q.ticket(visit.id), q.now);
    expect(m).toMatchObject({ legs: 3, legsDone: 0, doneInOneVisit: false });
  });
});
