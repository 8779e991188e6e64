import { describe, it, expect } from 'vitest';
import {
  ANNOUNCEMENT_OPENING,
  ANNOUNCEMENT_TO_COUNTER,
  announcementText,
  announcementWords,
  type AnnouncementOptions,
} from './announcement.js';

const PLAIN: AnnouncementOptions = { readLeadingZeros: false };
const ZEROS: AnnouncementOptions = { readLeadingZeros: true };

function counterPart(words: string[]): string[] {
  return words.slice(words.indexOf(ANNOUNCEMENT_TO_COUNTER) + 1);
}

describe('announcementWords', () => {
  it('calls a ticket to a numbered counter', () => {
    expect(announcementWords('A-123', 5, PLAIN)).toEqual([
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
    const words = announcementWords('B-1', 1, PLAIN);
    expect(words[0]).toBe(ANNOUNCEMENT_OPENING);
    expect(words).toContain(ANNOUNCEMENT_TO_COUNTER);
  });

  it.each<[string, AnnouncementOptions, string[]]>([
    ['A-007', PLAIN, ['a', 'tujuh']],
    ['A-007', ZEROS, ['a', 'nol', 'nol', 'tujuh']],
    ['A-100', ZEROS, ['a', 'seratus']],
    ['A-0100', ZEROS, ['a', 'nol', 'seratus']],
    ['A-000', PLAIN, ['a', 'nol']],
    ['A-000', ZEROS, ['a', 'nol', 'nol', 'nol']],
    ['AB-012', PLAIN, ['a', 'be', 'dua belas']],
    ['AB-012', ZEROS, ['a', 'be', 'nol', 'dua belas']],
    ['Z-2500', PLAIN, ['zet', 'dua', 'ribu', 'lima ratus']],
  ])('speaks %s (%o)', (displayNumber, opts, ticket) => {
    expect(announcementWords(displayNumber, 3, opts)).toEqual([
      'nomor antrean',
      ...ticket,
      'silakan menuju loket',
      'tiga',
    ]);
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
    expect(counterPart(announcementWords('A-1', counter, PLAIN))).toEqual(spoken);
  });

  it('does not apply readLeadingZeros to the counter', () => {
    expect(counterPart(announcementWords('A-1', '05', ZEROS))).toEqual(['lima']);
  });

  it.each(['', 'a-123', 'A123', 'ABC-1', 'A-', '-123', 'A-12x', ' A-1', 'A-1 ', 'A--1', 'A-1.5', 'A-١٢'])(
    'rejects display number %j',
    (displayNumber) => {
      expect(() => announcementWords(displayNumber, 5, PLAIN)).toThrow(/Malformed display number/);
    },
  );

  it('rejects a ticket number too large to speak', () => {
    expect(() => announcementWords('A-1000000000000', 5, PLAIN)).toThrow(RangeError);
    // Leading zeros alone do not make it too large.
    expect(announcementWords('A-0000000000001', 5, PLAIN)).toContain('satu');
  });

  it.each(['', 'Loket 5', '5-A', '١'])('rejects counter name %j', (counter) => {
    expect(() => announcementWords('A-1', counter, PLAIN)).toThrow(/Malformed counter name/);
  });

  it.each([-1, 1.5, Number.NaN])('rejects counter number %s', (counter) => {
    expect(() => announcementWords('A-1', counter, PLAIN)).toThrow(RangeError);
  });
});

describe('announcementText', () => {
  it.each<[string, string | number, AnnouncementOptions, string]>([
    ['A-123', 5, PLAIN, 'Nomor antrean A seratus dua puluh tiga, silakan menuju loket lima'],
    ['A-007', 7, PLAIN, 'Nomor antrean A tujuh, silakan menuju loket tujuh'],
    ['A-007', 7, ZEROS, 'Nomor antrean A nol nol tujuh, silakan menuju loket tujuh'],
    ['AB-012', 5, PLAIN, 'Nomor antrean AB dua belas, silakan menuju loket lima'],
    ['E-1', '12A', PLAIN, 'Nomor antrean E satu, silakan menuju loket dua belas A'],
    ['X-2000', 'B2', PLAIN, 'Nomor antrean X dua ribu, silakan menuju loket B dua'],
  ])('writes %s at counter %j', (displayNumber, counter, opts, text) => {
    expect(announcementText(announcementWords(displayNumber, counter, opts))).toBe(text);
  });

  it('handles an empty word list', () => {
    expect(announcementText([])).toBe('');
  });
});
