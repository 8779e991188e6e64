import { describe, expect, it } from 'vitest';
import type { SkmAnswer, SkmAnswers } from './skm-questionnaire.js';
import { IkmTally, computeIkm, ikmGrade, krejcieMorganSampleSize, publishedIkm } from './ikm.js';

const all = (score: SkmAnswer): SkmAnswer[] => Array<SkmAnswer>(9).fill(score);

/** `respondents` full answer sets whose answers add up to `total` (each cell 1–4). */
function totalling(respondents: number, total: number): SkmAnswers[] {
  const cells = respondents * 9;
  const base = Math.floor(total / cells);
  let extra = total - base * cells;
  return Array.from({ length: respondents }, () =>
    Array.from({ length: 9 }, () => {
      const v = base + (extra > 0 ? 1 : 0);
      extra -= 1;
      return v as SkmAnswer;
    }),
  );
}

describe('computeIkm', () => {
  it('gives 100 and A when everyone answers 4 (the exact weight: 0.111 would give 99.9)', () => {
    const r = computeIkm([all(4), all(4), all(4)]);
    expect(r.ikm).toBe(100);
    expect(r.grade?.grade).toBe('A');
    expect(r.grade?.label.id).toBe('Sangat Baik');
    expect(r.elements.every((e) => e.nrr === 4 && e.answered === 3)).toBe(true);
  });

  it('gives 25 and D when everyone answers 1', () => {
    const r = computeIkm([all(1), all(1)]);
    expect(r.ikm).toBe(25);
    expect(r.grade?.grade).toBe('D');
    expect(r.grade?.label.id).toBe('Tidak Baik');
  });

  it('matches a hand computation with a skipped answer', () => {
    // NRR: U1 9/3=3, U2 11/3, U3 3, U4 3, U5 7/3, U6 11/3, U7 4, U8 5/2 (one skipped), U9 10/3.
    // Σ NRR = 28.5; IKM = 28.5 / 9 × 25 = 79.1666…: 79.17, B. The weakest is U5.
    const r = computeIkm([
      [4, 4, 3, 3, 2, 4, 4, 3, 3],
      [3, 3, 3, 2, 2, 4, 4, null, 3],
      [2, 4, 3, 4, 3, 3, 4, 2, 4],
    ]);
    expect(r.respondents).toBe(3);
    expect(r.elements.map((e) => e.answered)).toEqual([3, 3, 3, 3, 3, 3, 3, 2, 3]);
    expect(r.elements[7]?.nrr).toBe(2.5);
    expect(r.elements[4]?.nrr).toBeCloseTo(7 / 3, 12);
    expect(r.elements[4]?.weighted).toBeCloseTo(7 / 27, 12);
    expect(r.ikm).toBeCloseTo(79.16666666666667, 10);
    expect(publishedIkm(r.ikm ?? 0)).toBe(79.17);
    expect(r.grade?.grade).toBe('B');
    expect(r.weakest).toEqual(['U5']);
  });

  it('leaves a skipped answer out of its element instead of counting it as a low score', () => {
    // U1–U8: (4 + 2) / 2 = 3; U9: only the first answered, 4. Σ = 28; 28 / 9 × 25 = 77.78.
    const r = computeIkm([all(4), [2, 2, 2, 2, 2, 2, 2, 2, null]]);
    expect(r.elements[8]).toMatchObject({ answered: 1, nrr: 4 });
    expect(publishedIkm(r.ikm ?? 0)).toBe(77.78);
    expect(r.grade?.grade).toBe('B');
  });

  it('gives no index while an element has no answer at all', () => {
    const r = computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, null]]);
    expect(r.ikm).toBeUndefined();
    expect(r.grade).toBeUndefined();
    expect(r.elements[8]?.nrr).toBeUndefined();
    expect(computeIkm([]).respondents).toBe(0);
  });

  it('falls on either side of each band edge as computed by hand', () => {
    // Four full respondents whose answers total T: IKM = T / 4 / 9 × 25 = 25T/36.
    const at = (total: number) => computeIkm(totalling(4, total));
    expect(at(128).ikm).toBeCloseTo(88.8889, 4); // A
    expect(at(128).grade?.grade).toBe('A');
    expect(at(127).ikm).toBeCloseTo(88.1944, 4); // just under 88.31
    expect(at(127).grade?.grade).toBe('B');
    expect(at(111).grade?.grade).toBe('B'); // 77.08
    expect(at(110).ikm).toBeCloseTo(76.3889, 4);
    expect(at(110).grade?.grade).toBe('C');
    expect(at(94).grade?.grade).toBe('C'); // 65.28
    expect(at(93).ikm).toBeCloseTo(64.5833, 4);
    expect(at(93).grade?.grade).toBe('D');
  });
});

describe('IkmTally totals', () => {
  it('adds up tallies kept as numbers to the tally of all their responses', () => {
    const monday: SkmAnswers[] = [
      [4, 3, 3, 4, 3, 4, 4, null, 3],
      [2, 3, 4, 4, 1, 4, 3, 3, 2],
    ];
    const tuesday: SkmAnswers[] = [[3, null, 3, 3, 4, 2, 4, 4, 4]];
    const kept = [monday, tuesday].map((day) => {
      const t = new IkmTally();
      for (const r of day) t.add(r);
      return t.totals();
    });
    expect(kept[0]?.answered).toEqual([2, 2, 2, 2, 2, 2, 2, 1, 2]);
    expect(kept[0]?.sums[0]).toBe(6);
    const summed = new IkmTally();
    for (const k of kept) if (k) summed.addTotals(k);
    const whole = computeIkm([...monday, ...tuesday]);
    expect(summed.result()).toEqual(whole);
    expect(whole.respondents).toBe(3);
    expect(whole.ikm).toBeGreaterThan(0);
  });
});

describe('ikmGrade', () => {
  it('grades the band edges as the regulation writes them', () => {
    expect(ikmGrade(100).grade).toBe('A');
    expect(ikmGrade(88.31).grade).toBe('A');
    expect(ikmGrade(88.3).grade).toBe('B');
    expect(ikmGrade(76.61).grade).toBe('B');
    expect(ikmGrade(76.6).grade).toBe('C');
    expect(ikmGrade(65).grade).toBe('C');
    expect(ikmGrade(64.99).grade).toBe('D');
    expect(ikmGrade(25).grade).toBe('D');
  });

  it('grades an index as published, rounded to two decimals', () => {
    expect(ikmGrade(88.305).grade).toBe('A');
    expect(ikmGrade(88.3049).grade).toBe('B');
    expect(ikmGrade(64.995).grade).toBe('C');
    expect(ikmGrade(64.994).grade).toBe('D');
    expect(ikmGrade(76.6).label).toEqual({ id: 'Kurang Baik', en: 'Poor' });
  });
});

describe('krejcieMorganSampleSize', () => {
  it('matches the Krejcie–Morgan table', () => {
    expect(krejcieMorganSampleSize(100)).toBe(80);
    expect(krejcieMorganSampleSize(1000)).toBe(278);
    expect(krejcieMorganSampleSize(10_000)).toBe(370);
    expect(krejcieMorganSampleSize(10_000_000)).toBe(384);
    expect(krejcieMorganSampleSize(10)).toBe(10);
    expect(krejcieMorganSampleSize(0)).toBe(0);
  });
});
