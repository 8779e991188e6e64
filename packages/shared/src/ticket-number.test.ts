import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber } from './ticket-number.js';

describe('formatTicketNumber', () => {
  it.each([
    ['A', 1, 'A-001'],
    ['A', 7, 'A-007'],
    ['B', 42, 'B-042'],
    ['A', 999, 'A-999'],
    ['A', 1000, 'A-1000'],
    ['AK', 12, 'AK-012'],
    ['BP', 12345, 'BP-12345'],
  ])('%s %i is %s', (prefix, n, shown) => {
    expect(formatTicketNumber(prefix, n)).toBe(shown);
  });
});

describe('parseTicketNumber', () => {
  it.each([
    ['A-007', 'A', 7],
    ['a7', 'A', 7],
    ['A007', 'A', 7],
    ['a-7', 'A', 7],
    ['  A - 7  ', 'A', 7],
    ['kt-12', 'KT', 12],
    ['KT012', 'KT', 12],
    ['Ak 3', 'AK', 3],
    ['A-1000', 'A', 1000],
    ['B99999', 'B', 99_999],
  ])('reads %j as %s %i', (text, prefix, number) => {
    expect(parseTicketNumber(text)).toEqual({ prefix, number });
  });

  it.each([
    '',
    'A',
    '7',
    'A-',
    '-7',
    'A-0',
    'A000',
    'ABC-1',
    'A-123456',
    'A-7b',
    'A--7',
    'A7-',
    '1A',
    'Ä-7',
    'A 7 8',
  ])('refuses %j', (text) => {
    expect(parseTicketNumber(text)).toBeUndefined();
  });

  it('reads back every number it formats, also typed in lower case without the dash', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{1,2}$/),
        fc.integer({ min: 1, max: 99_999 }),
        (prefix, number) => {
          expect(parseTicketNumber(formatTicketNumber(prefix, number))).toEqual({ prefix, number });
          expect(parseTicketNumber(`${prefix.toLowerCase()}${number}`)).toEqual({ prefix, number });
        },
      ),
      { numRuns: 200 },
    );
  });
});
