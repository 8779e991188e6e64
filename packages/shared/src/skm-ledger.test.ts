import { describe, expect, it } from 'vitest';
import { TestQueue, testHall } from './testing/index.js';
import { SURVEY_LEDGER_EVENT_TYPES, SurveyLedger } from './skm-ledger.js';

const DAY = 24 * 3_600_000;
// 2026-12-05 10:00 in Jakarta.
const START = Date.UTC(2026, 11, 5, 3, 0, 0);

function scene() {
  const q = new TestQueue(testHall(), START).open('c1', 'c4');
  const ledger = new SurveyLedger(DAY);
  const feed = () => {
    for (const e of q.log.splice(0)) ledger.apply(e);
  };
  return { q, ledger, feed };
}

describe('SurveyLedger', () => {
  it('knows a ticket in progress, then the finished visit with its service, counter and day', () => {
    const { q, ledger, feed } = scene();
    const t = q.issue('ktp');
    feed();
    expect(ledger.standing(t.id)).toEqual({ kind: 'in-progress' });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(300_000).must({ type: 'finish', counterId: 'c1' });
    feed();
    expect(ledger.standing(t.id)).toEqual({
      kind: 'finished',
      visit: { ticketId: t.id, day: '2026-12-05', serviceId: 'ktp', counterId: 'c1', finishedAt: q.now },
    });
    expect(ledger.standing('nope')).toEqual({ kind: 'unknown' });
  });

  it('counts a transferred visit for the service that finished it', () => {
    const { q, ledger, feed } = scene();
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' });
    q.must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'finish', counterId: 'c4' });
    feed();
    const s = ledger.standing(t.id);
    expect(s.kind === 'finished' && [s.visit.serviceId, s.visit.counterId]).toEqual(['paspor', 'c4']);
  });

  it('offers the newest visit of a counter for a while only', () => {
    const { q, ledger, feed } = scene();
    const a = q.issue('ktp');
    const b = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    feed();
    expect(ledger.latestAt('c1', q.now, 60_000)?.ticketId).toBe(b.id);
    expect(ledger.latestAt('c1', q.now + 60_001, 60_000)).toBeUndefined();
    expect(ledger.latestAt('c4', q.now, 60_000)).toBeUndefined();
    expect(a.id).not.toBe(b.id);
  });

  it('rates a visit of several legs once its last leg is finished, for that leg’s service and counter', () => {
    const { q, ledger, feed } = scene();
    const t = q.issueVisit({ serviceIds: ['ktp', 'paspor'] });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    feed();
    // The first leg's finish routes the ticket on: the visit goes on, nothing to rate yet.
    expect(q.ticket(t.id).status).toBe('waiting');
    expect(ledger.standing(t.id)).toEqual({ kind: 'in-progress' });
    expect(ledger.latestAt('c1', q.now, 60_000)).toBeUndefined();
    q.must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'finish', counterId: 'c4' });
    feed();
    const s = ledger.standing(t.id);
    expect(s.kind === 'finished' && [s.visit.serviceId, s.visit.counterId]).toEqual(['paspor', 'c4']);
    expect(ledger.latestAt('c4', q.now, 60_000)?.ticketId).toBe(t.id);
  });

  it('does not treat a no-show or a cancelled ticket as a finished visit', () => {
    const { q, ledger, feed } = scene();
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    feed();
    expect(ledger.standing(t.id).kind).toBe('in-progress');
  });

  it('remembers ratings by visit key, and forgets visits and ratings past the window', () => {
    const { q, ledger, feed } = scene();
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'finish', counterId: 'c1' });
    q.apply([
      {
        type: 'SurveyAnswered',
        responseId: 'r1',
        visitKey: 'k1',
        day: '2026-12-05',
        serviceId: 'ktp',
        agencyId: 'disdukcapil',
        counterId: 'c1',
        answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
        profile: {
          gender: 'undisclosed',
          age: 'undisclosed',
          education: 'undisclosed',
          occupation: 'undisclosed',
        },
      },
    ]);
    feed();
    expect(ledger.isRated('k1')).toBe(true);
    expect(ledger.isRated('k2')).toBe(false);
    // A day later the day has closed (open tickets dropped) and the window has passed.
    q.advance(DAY + 120_000).rollover();
    q.issue('kk');
    feed();
    expect(ledger.standing(t.id)).toEqual({ kind: 'unknown' });
    expect(ledger.isRated('k1')).toBe(false);
  });

  it('ends the same fed only the events it names as fed the whole log (what a restart reads)', () => {
    const q = new TestQueue(testHall(), START).open('c1', 'c4');
    const whole = new SurveyLedger(DAY);
    const named = new SurveyLedger(DAY);
    const names: readonly string[] = SURVEY_LEDGER_EVENT_TYPES;
    const ids = [
      q.issue('ktp'),
      q.issueVisit({ serviceIds: ['ktp', 'paspor'] }),
      q.issue('ktp'),
      q.issue('ktp'),
    ];
    for (const step of [
      { type: 'callNext', counterId: 'c1' },
      { type: 'recall', counterId: 'c1' },
      { type: 'startServing', counterId: 'c1' },
      { type: 'finish', counterId: 'c1' },
      { type: 'callNext', counterId: 'c1' },
      { type: 'finish', counterId: 'c1' },
      { type: 'callNext', counterId: 'c1' },
      { type: 'transfer', counterId: 'c1', toServiceId: 'paspor' },
      { type: 'callNext', counterId: 'c4' },
      { type: 'finish', counterId: 'c4' },
      { type: 'callNext', counterId: 'c4' },
      { type: 'finish', counterId: 'c4' },
      { type: 'callNext', counterId: 'c1' },
      { type: 'noShow', counterId: 'c1', confirm: true },
    ] as const) {
      q.advance(120_000).run(step);
    }
    const log = q.log.splice(0);
    const types = new Set(log.map((e) => e.event.type));
    for (const type of [
      'TicketRecalled',
      'VisitRouted',
      'TicketTransferred',
      'TicketFinished',
      'TicketNoShow',
    ]) {
      expect(types).toContain(type);
    }
    for (const e of log) {
      whole.apply(e);
      if (names.includes(e.event.type)) named.apply(e);
    }
    for (const t of ids) expect(named.standing(t.id)).toEqual(whole.standing(t.id));
    for (const c of ['c1', 'c4'])
      expect(named.latestAt(c, q.now, DAY)).toEqual(whole.latestAt(c, q.now, DAY));
  });
});
