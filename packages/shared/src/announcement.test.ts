import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { TicketNumber } from './domain-types.js';
import { formatTicketNumber } from './ticket-number.js';
import {
  ANNOUNCEMENT_OPENING,
  ANNOUNCEMENT_TO_COUNTER,
  announcementText,
  announcementWords,
  type AnnouncementOptions,
} from './announcement.js';

const PLAIN: AnnouncementOptions = { readLeadingZeros: false };
const ZEROS: AnnouncementOptions = { readLeadingZeros: true };

const ticket = (prefix: string, number: number): TicketNumber => ({ prefix, number });
const A1 = ticket('A', 1);

function counterPart(words: string[]): string[] {
  return words.slice(words.indexOf(ANNOUNCEMENT_TO_COUNTER) + 1);
}

describe('announcementWords', () => {
  it('calls a ticket to a numbered counter', () => {
    expect(announcementWords(ticket('A', 123), 5, PLAIN)).toEqual([
      'nomor antrean',
      'a',
      'seratus',
      'dua puluh',
      'tiga',
      'silakan menuju loket',
      'lima',
    ]);
  });

  it('frames every call with the fixed phrases', () => {
    const words = announcementWords(ticket('B', 1), 1, PLAIN);
    expect(words[0]).toBe(ANNOUNCEMENT_OPENING);
    expect(words).toContain(ANNOUNCEMENT_TO_COUNTER);
  });

  it.each<[string, number, AnnouncementOptions, string[]]>([
    ['A', 7, PLAIN, ['a', 'tujuh']],
    ['A', 7, ZEROS, ['a', 'nol', 'nol', 'tujuh']],
    ['A', 42, ZEROS, ['a', 'nol', 'empat puluh', 'dua']],
    ['A', 100, ZEROS, ['a', 'seratus']],
    ['A', 1000, ZEROS, ['a', 'seribu']],
    ['A', 0, PLAIN, ['a', 'nol']],
    ['A', 0, ZEROS, ['a', 'nol', 'nol', 'nol']],
    ['AB', 12, PLAIN, ['a', 'be', 'dua belas']],
    ['AB', 12, ZEROS, ['a', 'be', 'nol', 'dua belas']],
    ['Z', 2500, PLAIN, ['zet', 'dua', 'ribu', 'lima ratus']],
  ])('speaks %s %i (%o)', (prefix, number, opts, spoken) => {
    expect(announcementWords(ticket(prefix, number), 3, opts)).toEqual([
      'nomor antrean',
      ...spoken,
      'silakan menuju loket',
      'tiga',
    ]);
  });

  it('reads as many zeros as the ticket shows: the padding of formatTicketNumber, not a copy of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (number) => {
        const shown = formatTicketNumber('A', number).slice(2);
        const leading = shown.length - shown.replace(/^0+(?=[0-9])/, '').length;
        const spoken = announcementWords(ticket('A', number), 1, ZEROS).slice(2, -2);
        const plain = announcementWords(ticket('A', number), 1, PLAIN).slice(2, -2);
        expect(spoken).toEqual([...Array.from({ length: leading }, () => 'nol'), ...plain]);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string | number, string[]]>([
    [5, ['lima']],
    [12, ['dua belas']],
    ['5', ['lima']],
    ['05', ['lima']],
    ['12A', ['dua belas', 'a']],
    ['12a', ['dua belas', 'a']],
    ['A', ['a']],
    ['B2', ['be', 'dua']],
    ['1AB', ['satu', 'a', 'be']],
  ])('speaks counter %j', (counter, spoken) => {
    expect(counterPart(announcementWords(A1, counter, PLAIN))).toEqual(spoken);
  });

  it('does not apply readLeadingZeros to the counter', () => {
    expect(counterPart(announcementWords(A1, '05', ZEROS))).toEqual(['lima']);
  });

  it.each(['', 'a', 'ABC', 'A-', '1', 'Ä', ' A'])('rejects prefix %j', (prefix) => {
    expect(() => announcementWords(ticket(prefix, 1), 5, PLAIN)).toThrow(/Malformed ticket prefix/);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects ticket number %s', (number) => {
    expect(() => announcementWords(ticket('A', number), 5, PLAIN)).toThrow(RangeError);
  });

  it('rejects a ticket number too large to speak', () => {
    expect(() => announcementWords(ticket('A', 1_000_000_000_000), 5, PLAIN)).toThrow(RangeError);
    expect(announcementWords(ticket('A', 999_999_999_999), 5, PLAIN)).toContain('miliar');
  });

  it.each(['', 'Loket 5', '5-A', '١'])('rejects counter name %j', (counter) => {
    expect(() => announcementWords(A1, counter, PLAIN)).toThrow(/Malformed counter name/);
  });

  it.each([-1, 1.5, Number.NaN])('rejects counter number %s', (counter) => {
    expect(() => announcementWords(A1, counter, PLAIN)).toThrow(RangeError);
  });
});

describe('announcementText', () => {
  it.each<[TicketNumber, string | number, AnnouncementOptions, string]>([
    [ticket('A', 123), 5, PLAIN, 'Nomor antrean A seratus dua puluh tiga, silakan menuju loket lima'],
    [ticket('A', 7), 7, PLAIN, 'Nomor antrean A tujuh, silakan menuju loket tujuh'],
    [ticket('A', 7), 7, ZEROS, 'Nomor antrean A nol nol tujuh, silakan menuju loket tujuh'],
    [ticket('AB', 12), 5, PLAIN, 'Nomor antrean AB dua belas, silakan menuju loket lima'],
    [ticket('E', 1), '12A', PLAIN, 'Nomor antrean E satu, silakan menuju loket dua belas A'],
    [ticket('X', 2000), 'B2', PLAIN, 'Nomor antrean X dua ribu, silakan menuju loket B dua'],
  ])('writes %o at counter %j', (number, counter, opts, text) => {
    expect(announcementText(announcementWords(number, counter, opts))).toBe(text);
  });

  it('handles an empty word list', () => {
    expect(announcementText([])).toBe('');
  });
});
