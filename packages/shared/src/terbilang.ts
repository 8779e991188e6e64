// Indonesian number words (terbilang) as the chunks a clip-based announcer plays; joined by spaces, the text.

const ONE_TO_NINE = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const TWO_TO_NINE = ONE_TO_NINE.slice(1);

/** Largest number we can speak: the miliar group tops out at 999. */
export const TERBILANG_MAX = 999_999_999_999;

/**
 * Every chunk terbilangWords can return; an announcer needs exactly one audio clip per entry (41 clips).
 * Multiples of ten, eleven to nineteen and whole hundreds are single clips because the "se-" forms
 * (sepuluh, sebelas, seratus, seribu) and "belas" do not compose from a digit plus a suffix.
 */
export const NUMBER_CLIPS: readonly string[] = Object.freeze([
  'nol',
  ...ONE_TO_NINE,
  'sepuluh',
  'sebelas',
  ...TWO_TO_NINE.map((w) => `${w} belas`),
  ...TWO_TO_NINE.map((w) => `${w} puluh`),
  'seratus',
  ...TWO_TO_NINE.map((w) => `${w} ratus`),
  'seribu',
  'ribu',
  'juta',
  'miliar',
]);

function digitWord(d: number): string {
  const word = ONE_TO_NINE[d - 1];
  if (word === undefined) throw new RangeError(`Not a digit 1-9: ${d}`);
  return word;
}

function belowHundredChunks(n: number): string[] {
  if (n === 0) return [];
  if (n < 10) return [digitWord(n)];
  if (n === 10) return ['sepuluh'];
  if (n === 11) return ['sebelas'];
  if (n < 20) return [`${digitWord(n - 10)} belas`];
  const tens = `${digitWord(Math.floor(n / 10))} puluh`;
  const units = n % 10;
  return units === 0 ? [tens] : [tens, digitWord(units)];
}

/** Chunks for a three-digit group 0..999; empty for 0 so zero groups vanish from the output. */
function groupChunks(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const head = hundreds === 0 ? [] : hundreds === 1 ? ['seratus'] : [`${digitWord(hundreds)} ratus`];
  return [...head, ...belowHundredChunks(n % 100)];
}

function assertSpeakable(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > TERBILANG_MAX) {
    throw new RangeError(`terbilang needs an integer from 0 to ${TERBILANG_MAX}, got ${n}`);
  }
}

/**
 * The spoken chunks of n, each one of NUMBER_CLIPS, e.g. 2500 → ["dua", "ribu", "lima ratus"].
 * A thousands group of exactly one is the single clip "seribu"; larger groups are their own chunks
 * followed by "ribu". Juta and miliar always take a count ("satu juta", never "sejuta").
 */
export function terbilangWords(n: number): string[] {
  assertSpeakable(n);
  if (n === 0) return ['nol'];
  const miliar = Math.floor(n / 1e9);
  const juta = Math.floor(n / 1e6) % 1000;
  const ribu = Math.floor(n / 1000) % 1000;
  const chunks: string[] = [];
  if (miliar > 0) chunks.push(...groupChunks(miliar), 'miliar');
  if (juta > 0) chunks.push(...groupChunks(juta), 'juta');
  if (ribu === 1) chunks.push('seribu');
  else if (ribu > 1) chunks.push(...groupChunks(ribu), 'ribu');
  chunks.push(...groupChunks(n % 1000));
  return chunks;
}
