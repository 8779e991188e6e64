import type { LocalizedText } from './hall-config.js';
import type { SkmAnswers, SkmElementId } from './skm-questionnaire.js';
import { SKM_ELEMENT_COUNT, SKM_ELEMENT_IDS } from './skm-questionnaire.js';

/**
 * The satisfaction index (IKM) of Permenpan RB 14/2017, exactly: the NRR of an element is the mean of the
 * answers given to it (a skipped answer counts neither way); IKM = Σ NRR × 1/9, × 25. The weight is the exact
 * 1/9, never the rounded 0.111 often seen, which shifts the index (all-4 would give 99.9, not 100).
 */

export const IKM_WEIGHT = 1 / SKM_ELEMENT_COUNT;
export const IKM_SCALE = 25;

export type IkmGradeLetter = 'A' | 'B' | 'C' | 'D';

export interface IkmGrade {
  grade: IkmGradeLetter;
  /** The lowest index of the band, as the regulation writes it. */
  from: number;
  label: LocalizedText;
}

/** The conversion bands, best first: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. */
export const IKM_GRADES: readonly IkmGrade[] = [
  { grade: 'A', from: 88.31, label: { id: 'Sangat Baik', en: 'Very good' } },
  { grade: 'B', from: 76.61, label: { id: 'Baik', en: 'Good' } },
  { grade: 'C', from: 65.0, label: { id: 'Kurang Baik', en: 'Poor' } },
  { grade: 'D', from: 25.0, label: { id: 'Tidak Baik', en: 'Very poor' } },
];

/**
 * The band of an index. The bands are written to two decimals, so an index is graded as it is published:
 * rounded to two decimals (88.305 is published 88.31, an A; 88.304 is 88.30, a B).
 */
export function ikmGrade(ikm: number): IkmGrade {
  const hundredths = roundedHundredths(ikm);
  const band = IKM_GRADES.find((g) => hundredths >= Math.round(g.from * 100));
  return band ?? (IKM_GRADES[IKM_GRADES.length - 1] as IkmGrade);
}

/** The index as it is published: two decimals. */
export function publishedIkm(ikm: number): number {
  return roundedHundredths(ikm) / 100;
}

function roundedHundredths(value: number): number {
  // The epsilon keeps 88.305 (stored as 88.30499…) on the side a hand computation puts it.
  return Math.round(value * 100 + 1e-7);
}

export interface ElementScore {
  id: SkmElementId;
  /** Respondents who answered this element. */
  answered: number;
  /** Mean of the answers given (1–4); undefined when nobody answered. */
  nrr: number | undefined;
  /** NRR × 1/9, the element's share of the index before × 25. */
  weighted: number | undefined;
}

export interface IkmResult {
  respondents: number;
  elements: ElementScore[];
  /** Undefined when an element has no answer at all: the index needs all nine. */
  ikm: number | undefined;
  grade: IkmGrade | undefined;
  /** The element(s) with the lowest NRR: what the hall must act on first. */
  weakest: SkmElementId[];
}

/** The index of a set of responses. */
export function computeIkm(responses: Iterable<SkmAnswers>): IkmResult {
  const tally = new IkmTally();
  for (const r of responses) tally.add(r);
  return tally.result();
}

/**
 * A tally as numbers: respondents, and per element (U1…U9) the answers given and their sum. Tallies of
 * disjoint sets of responses add up to the tally of their union, so a store may keep one per day and sum them
 * (the central IKM rollup) instead of keeping the responses.
 */
export interface IkmSums {
  respondents: number;
  answered: number[];
  sums: number[];
}

/** Counts responses one at a time (a report streams them from the log) and gives the index at the end. */
export class IkmTally {
  private respondents = 0;
  private readonly sums = new Array<number>(SKM_ELEMENT_COUNT).fill(0);
  private readonly counts = new Array<number>(SKM_ELEMENT_COUNT).fill(0);

  /** The tally so far, as numbers to keep. */
  totals(): IkmSums {
    return { respondents: this.respondents, answered: [...this.counts], sums: [...this.sums] };
  }

  /** Adds a tally kept as numbers (of responses not added otherwise). */
  addTotals(t: IkmSums): void {
    this.respondents += t.respondents;
    for (let i = 0; i < SKM_ELEMENT_COUNT; i += 1) {
      this.sums[i] = (this.sums[i] ?? 0) + (t.sums[i] ?? 0);
      this.counts[i] = (this.counts[i] ?? 0) + (t.answered[i] ?? 0);
    }
  }

  add(answers: SkmAnswers): void {
    this.respondents += 1;
    for (let i = 0; i < SKM_ELEMENT_COUNT; i += 1) {
      const a = answers[i];
      if (a === null || a === undefined) continue;
      this.sums[i] = (this.sums[i] ?? 0) + a;
      this.counts[i] = (this.counts[i] ?? 0) + 1;
    }
  }

  result(): IkmResult {
    const elements: ElementScore[] = SKM_ELEMENT_IDS.map((id, i) => {
      const answered = this.counts[i] ?? 0;
      const nrr = answered === 0 ? undefined : (this.sums[i] ?? 0) / answered;
      return { id, answered, nrr, weighted: nrr === undefined ? undefined : nrr * IKM_WEIGHT };
    });
    const complete = elements.every((e) => e.nrr !== undefined);
    // Σ NRR / 9 × 25: dividing the sum once keeps the exact weight and the least rounding.
    const ikm = complete
      ? (elements.reduce((s, e) => s + (e.nrr ?? 0), 0) / SKM_ELEMENT_COUNT) * IKM_SCALE
      : undefined;
    const scored = elements.filter((e) => e.nrr !== undefined);
    const lowest = Math.min(...scored.map((e) => e.nrr ?? Infinity));
    return {
      respondents: this.respondents,
      elements,
      ikm,
      grade: ikm === undefined ? undefined : ikmGrade(ikm),
      weakest: scored.filter((e) => e.nrr === lowest).map((e) => e.id),
    };
  }
}

/**
 * The Krejcie–Morgan sample size for a population of `population` visitors: s = χ²NP(1−P) / (d²(N−1) +
 * χ²P(1−P)), χ² = 3.841, P = 0.5, d = 0.05, rounded as their table is (100 → 80, 1,000 → 278, 10,000 → 370,
 * and 384 for a very large population).
 */
export function krejcieMorganSampleSize(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  const n = Math.floor(population);
  return Math.round((chi2 * n * p * (1 - p)) / (d * d * (n - 1) + chi2 * p * (1 - p)));
}
