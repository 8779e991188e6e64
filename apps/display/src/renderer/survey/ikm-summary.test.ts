import { describe, expect, it } from 'vitest';
import type { SkmAnswers } from '@antre/shared';
import { computeIkm } from '@antre/shared';
import { ikmSummaryOf } from './ikm-summary.js';

const reply = (answers: SkmAnswers[], sampleMet = true) => ({
  ok: true,
  report: { overall: { ikm: computeIkm(answers), visitors: 10, sampleNeeded: 10, sampleMet } },
});

describe("the wall's IKM summary", () => {
  it('takes the index as published, its grade and the respondents from the hub report', () => {
    // NRR 4 × 8 and 3 once: 35 / 9 × 25 = 97.222…, published 97.22, an A.
    const s = ikmSummaryOf(JSON.parse(JSON.stringify(reply([[4, 4, 4, 4, 4, 4, 4, 4, 3]]))));
    expect(s).toEqual({
      ikm: 97.22,
      grade: 'A',
      label: { id: 'Sangat Baik', en: 'Very good' },
      respondents: 1,
      sampleMet: true,
    });
    expect(ikmSummaryOf(reply([[2, 2, 2, 2, 2, 2, 2, 2, 2]], false))).toMatchObject({
      ikm: 50,
      grade: 'D',
      sampleMet: false,
    });
  });

  it('has nothing to show without an index, or for an answer that is not a report', () => {
    // U9 unanswered by everyone: no index yet.
    expect(ikmSummaryOf(JSON.parse(JSON.stringify(reply([[4, 4, 4, 4, 4, 4, 4, 4, null]]))))).toBeUndefined();
    expect(ikmSummaryOf({ ok: false, error: { code: 'VALIDATION_FAILED' } })).toBeUndefined();
    expect(ikmSummaryOf(null)).toBeUndefined();
    expect(ikmSummaryOf('<html>')).toBeUndefined();
    expect(
      ikmSummaryOf({
        ok: true,
        report: { overall: { ikm: { ikm: 80, respondents: 3, grade: { grade: 'E' } } } },
      }),
    ).toBeUndefined();
  });
});
