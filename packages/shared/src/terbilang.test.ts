import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NUMBER_CLIPS, TERBILANG_MAX, terbilangWords } from './terbilang.js';

const CASES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['nol']],
  [1, ['satu']],
  [10, ['sepuluh']],
  [11, ['sebelas']],
  [12, ['dua belas']],
  [19, ['sembilan belas']],
  [20, ['dua puluh']],
  [21, ['dua puluh', 'satu']],
  [99, ['sembilan puluh', 'sembilan']],
  [100, ['seratus']],
  [101, ['seratus', 'satu']],
  [110, ['seratus', 'sepuluh']],
  [111, ['seratus', 'sebelas']],
  [123, ['seratus', 'dua puluh', 'tiga']],
  [199, ['seratus', 'sembilan puluh', 'sembilan']],
  [200, ['dua ratus']],
  [999, ['sembilan ratus', 'sembilan puluh', 'sembilan']],
  [1000, ['seribu']],
  [1001, ['seribu', 'satu']],
  [1010, ['seribu', 'sepuluh']],
  [1100, ['seribu', 'seratus']],
  [1999, ['seribu', 'sembilan ratus', 'sembilan puluh', 'sembilan']],
  [2000, ['dua', 'ribu']],
  [2500, ['dua', 'ribu', 'lima ratus']],
  [12_000, ['dua belas', 'ribu']],
  [100_000, ['seratus', 'ribu']],
  [101_000, ['seratus', 'satu', 'ribu']],
  [
    999_999,
    ['sembilan ratus', 'sembilan puluh', 'sembilan', 'ribu', 'sembilan ratus', 'sembilan puluh', 'sembilan'],
  ],
  [1_000_000, ['satu', 'juta']],
  [1_001_000, ['satu', 'juta', 'seribu']],
  [2_000_001, ['dua', 'juta', 'satu']],
  [1_000_000_000, ['satu', 'miliar']],
  [1_000_001_000, ['satu', 'miliar', 'seribu']],
];

// Independent oracle: read the chunks back to a number, so the property test checks meaning, not just shape.
const CLIP_VALUES = new Map<string, number>([
  ['nol', 0],
  ['sepuluh', 10],
  ['sebelas', 11],
  ['seratus', 100],
  ['seribu', 1000],
]);
['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'].forEach((w, i) => {
  const d = i + 1;
  CLIP_VALUES.set(w, d);
  if (d > 1) {
    CLIP_VALUES.set(`${w} belas`, 10 + d);
    CLIP_VALUES.set(`${w} puluh`, 10 * d);
    CLIP_VALUES.set(`${w} ratus`, 100 * d);
  }
});
const SCALES = new Map([
  ['ribu', 1e3],
  ['juta', 1e6],
  ['miliar', 1e9],
]);

function valueOfChunks(chunks: readonly string[]): number {
  let total = 0;
  let group = 0;
  for (const chunk of chunks) {
    const scale = SCALES.get(chunk);
    if (scale !== undefined) {
      total += group * scale;
      group = 0;
      continue;
    }
    const value = CLIP_VALUES.get(chunk);
    if (value === undefined) throw new Error(`unknown chunk ${chunk}`);
    group += value;
  }
  return total + group;
}

const anySpeakable = fc.bigInt({ min: 0n, max: BigInt(TERBILANG_MAX) }).map(Number);

describe('terbilang', () => {
  it.each(CASES)('speaks %i', (n, chunks) => {
    expect(terbilangWords(n)).toEqual(chunks);
  });

  it('speaks the largest number', () => {
    expect(terbilangWords(TERBILANG_MAX).join(' ')).toBe(
      'sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta ' +
        'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, TERBILANG_MAX + 1, 1e15])('rejects %s', (n) => {
    expect(() => terbilangWords(n)).toThrow(RangeError);
  });
});

describe('NUMBER_CLIPS', () => {
  it('has no duplicates', () => {
    expect(new Set(NUMBER_CLIPS).size).toBe(NUMBER_CLIPS.length);
    expect(NUMBER_CLIPS).toHaveLength(41);
  });

  it('is exactly the set of chunks in use', () => {
    const used = new Set<string>();
    for (const n of [...Array.from({ length: 3000 }, (_, i) => i), 1e6, 1e9]) {
      terbilangWords(n).forEach((chunk) => used.add(chunk));
    }
    expect([...used].sort()).toEqual([...NUMBER_CLIPS].sort());
  });
});

describe('terbilangWords properties', () => {
  it('uses only known clips, and reads back to n', () => {
    const clips = new Set(NUMBER_CLIPS);
    fc.assert(
      fc.property(fc.oneof(anySpeakable, fc.nat({ max: 1_000_000 })), (n) => {
        const chunks = terbilangWords(n);
        expect(chunks.every((chunk) => clips.has(chunk))).toBe(true);
        expect(valueOfChunks(chunks)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
