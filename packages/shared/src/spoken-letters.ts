// Letter names as spoken in Indonesian, used to announce ticket prefixes ("A" is "a", "B" is "be").

export const SPOKEN_LETTERS: Record<string, string> = Object.freeze({
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 'fe',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
});

// Names are all distinct, so a spoken name maps back to exactly one letter.
const LETTER_BY_SPOKEN: ReadonlyMap<string, string> = new Map(
  Object.entries(SPOKEN_LETTERS).map(([letter, spoken]) => [spoken, letter]),
);

/** Spoken names of each letter, e.g. "AB" → ["a", "be"]. Only uppercase A–Z; an empty prefix gives []. */
export function spellPrefix(prefix: string): string[] {
  return Array.from(prefix, (letter) => {
    // Each item is one code point, so it can never hit a multi-character Object.prototype key.
    const spoken = SPOKEN_LETTERS[letter];
    if (spoken === undefined) {
      throw new RangeError(`Cannot spell ${JSON.stringify(prefix)}: only uppercase letters A-Z are allowed`);
    }
    return spoken;
  });
}

/** The uppercase letter whose spoken name is `word` ("be" → "B"), or undefined if it is not a letter name. */
export function letterForSpoken(word: string): string | undefined {
  return LETTER_BY_SPOKEN.get(word);
}
