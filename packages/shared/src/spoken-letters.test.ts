import { describe, it, expect } from 'vitest';
import { SPOKEN_LETTERS, letterForSpoken, spellPrefix } from './spoken-letters.js';

// The table from DOMAIN.md, "Speaking a call".
const DOMAIN_TABLE =
  'A a, B be, C ce, D de, E e, F ef, G ge, H ha, I i, J je, K ka, L el, M em, N en, O o, P pe, Q ki, R er, ' +
  'S es, T te, U u, V fe, W we, X eks, Y ye, Z zet';

describe('SPOKEN_LETTERS', () => {
  it('matches the domain table for A-Z and nothing else', () => {
    const expected = Object.fromEntries(DOMAIN_TABLE.split(', ').map((pair) => pair.split(' ')));
    expect(SPOKEN_LETTERS).toEqual(expected);
    expect(Object.keys(SPOKEN_LETTERS)).toHaveLength(26);
  });

  it('has distinct names, so they map back to letters', () => {
    expect(new Set(Object.values(SPOKEN_LETTERS)).size).toBe(26);
    for (const [letter, spoken] of Object.entries(SPOKEN_LETTERS)) {
      expect(letterForSpoken(spoken)).toBe(letter);
    }
    expect(letterForSpoken('satu')).toBeUndefined();
    expect(letterForSpoken('A')).toBeUndefined();
  });
});

describe('spellPrefix', () => {
  it('spells each letter', () => {
    expect(spellPrefix('A')).toEqual(['a']);
    expect(spellPrefix('AB')).toEqual(['a', 'be']);
    expect(spellPrefix('QXZ')).toEqual(['ki', 'eks', 'zet']);
  });

  it('gives no words for an empty prefix', () => {
    expect(spellPrefix('')).toEqual([]);
  });

  it.each(['a', 'Ab', 'A1', 'A-', ' A', 'É', 'Ａ'])('rejects %j', (prefix) => {
    expect(() => spellPrefix(prefix)).toThrow(/only uppercase letters A-Z/);
  });
});
