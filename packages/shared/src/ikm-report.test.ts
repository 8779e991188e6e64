import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './domain-events.js';
import { IkmReportBuilder, monthOf, periodDays } from './ikm-report.js';
import type { SkmAnswer } from './skm-questionnaire.js';
import { TestQueue, testHall } from './testing/index.js';

const START = Date.UTC(2026, 11, 5, 3, 0, 0); // 2026-12-05 10:00 WIB

function answered(serviceId: string, agencyId: string, counterId: string, score: SkmAnswer): DomainEvent {
  return {
    type: 'SurveyAnswered',
    responseId: `r-${counterId}-${String(score)}`,
    visitKey: `k-${counterId}-${String(score)}`,
    day: '2026-12-05',
    serviceId,
    agencyId,
    counterId,
    answers: Array<SkmAnswer>(9).fill(score),
    profile: { gender: 'female', age: '30-39', education: 'undisclosed', occupation: 'pns' },
    suggestion: 'Bagus',
  };
}

/** Three visits served (two Disdukcapil at c1, one Imigrasi at c4), two of them rated. */
function scene() {
  const q = new TestQueue(testHall(), START).open('c1', 'c4');
  q.issue('ktp');
  q.issue('ktp');
  q.issue('paspor');
  q.issue('paspor'); // never served: not a visitor of the population
  for (const c of ['c1', 'c1', 'c4']) {
    q.must({ type: 'callNext', counterId: c });
    q.must({ type: 'finish', counterId: c });
  }
  q.apply([answered('ktp', 'disdukcapil', 'c1', 4), answered('paspor', 'imigrasi', 'c4', 2)]);
  q.apply([
    {
      type: 'SurveyFollowUpRecorded',
      by: 'spv',
      plan: {
        planId: 'plan-0001',
        period: '2026-12',
        element: 'U9',
        action: 'Kursi',
        owner: 'Kepala',
        due: '2027-01-31',
        done: false,
      },
    },
  ]);
  q.apply([
    {
      type: 'SurveyFollowUpRecorded',
      by: 'spv',
      plan: {
        planId: 'plan-0001',
        period: '2026-12',
        element: 'U9',
        action: 'Kursi',
        owner: 'Kepala',
        due: '2027-01-31',
        done: true,
      },
    },
  ]);
  return q;
}

describe('IkmReportBuilder', () => {
  it('computes the hall, agency, service and counter index with visitors and the sample they need', () => {
    const q = scene();
    const b = new IkmReportBuilder(q.config, '2026-12', { from: '2026-12-01', to: '2026-12-31' });
    for (const e of q.log) b.add(e);
    const r = b.build();
    // (all-4 + all-2) / 2 = 3 per element; 3 × 9 / 9 × 25 = 75: C.
    expect(r.overall.ikm.ikm).toBe(75);
    expect(r.overall.ikm.grade?.grade).toBe('C');
    expect(r.overall).toMatchObject({ visitors: 3, sampleNeeded: 3, sampleMet: false });
    expect(r.byAgency.map((g) => [g.id, g.ikm.ikm, g.visitors])).toEqual([
      ['disdukcapil', 100, 2],
      ['imigrasi', 50, 1],
    ]);
    expect(r.byCounter.find((g) => g.id === 'c4')).toMatchObject({
      visitors: 1,
      sampleNeeded: 1,
      sampleMet: true,
    });
    expect(r.byService.map((g) => g.id)).toEqual(['ktp', 'paspor']);
    expect(r.profile.gender).toEqual([
      { value: 'male', count: 0 },
      { value: 'female', count: 2 },
      { value: 'undisclosed', count: 0 },
    ]);
    expect(r.suggestions).toBe(2);
    expect(r.followUps).toHaveLength(1);
    expect(r.followUps[0]).toMatchObject({ planId: 'plan-0001', done: true, by: 'spv' });
  });

  it('narrows to one agency, and leaves other periods out', () => {
    const q = scene();
    const b = new IkmReportBuilder(
      q.config,
      '2026-12',
      { from: '2026-12-01', to: '2026-12-31' },
      { agencyId: 'imigrasi' },
    );
    for (const e of q.log) b.add(e);
    expect(b.build().overall).toMatchObject({ visitors: 1 });
    expect(b.build().overall.ikm.ikm).toBe(50);
    const other = new IkmReportBuilder(q.config, '2026-11', { from: '2026-11-01', to: '2026-11-30' });
    for (const e of q.log) other.add(e);
    expect(other.build().overall.ikm.respondents).toBe(0);
    expect(other.build().overall.visitors).toBe(0);
    expect(other.build().followUps).toEqual([]);
  });
});

describe('IkmReportBuilder with visits of several legs', () => {
  it('counts each leg for its service and counter, and the visit once in the hall and in each agency', () => {
    const q = new TestQueue(testHall(), START).open('c1', 'c2', 'c4');
    // ktp (c1) → kk (c2), both Disdukcapil, then paspor (c4): three legs of one visit.
    q.issueVisit({ serviceIds: ['ktp', 'kk', 'paspor'] });
    for (const c of ['c1', 'c2', 'c4']) {
      q.must({ type: 'callNext', counterId: c });
      q.must({ type: 'finish', counterId: c });
    }
    const b = new IkmReportBuilder(q.config, '2026-12', { from: '2026-12-01', to: '2026-12-31' });
    for (const e of q.log) b.add(e);
    const r = b.build();
    expect(r.overall.visitors).toBe(1);
    expect(r.byAgency.map((g) => [g.id, g.visitors])).toEqual([
      ['disdukcapil', 1],
      ['imigrasi', 1],
    ]);
    expect(r.byService.map((g) => [g.id, g.visitors])).toEqual([
      ['kk', 1],
      ['ktp', 1],
      ['paspor', 1],
    ]);
    expect(r.byCounter.map((g) => [g.id, g.visitors])).toEqual([
      ['c1', 1],
      ['c2', 1],
      ['c4', 1],
    ]);
  });
});

describe('periodDays', () => {
  it('names the days of a year, a quarter and a month', () => {
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-13')).toBeUndefined();
    expect(periodDays('x')).toBeUndefined();
    expect(monthOf('2026-12-05')).toBe('2026-12');
  });
});
