import { describe, expect, it } from 'vitest';
import { hallInfo } from '@antre/shared';
import { hoursToText, textToHours } from './hours-text.js';

const EMPTY = { sun: '', mon: '', tue: '', wed: '', thu: '', fri: '', sat: '' };

describe('hours as typed', () => {
  it('reads periods with a break and writes them back the same', () => {
    const text = { ...EMPTY, mon: '08:00-12:00, 13:00 – 15:30' };
    const hours = textToHours(text);
    expect(hours.mon).toEqual([
      ['08:00', '12:00'],
      ['13:00', '15:30'],
    ]);
    expect(hours.sun).toEqual([]);
    expect(hoursToText(hours).mon).toBe('08:00-12:00, 13:00-15:30');
  });

  it('keeps a piece it cannot read, so the schema refuses it at its field', () => {
    const hours = textToHours({ ...EMPTY, tue: '08:00 to 12:00' });
    const parsed = hallInfo.safeParse({ id: 'h', name: 'H', hours });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.slice(0, 3)).toEqual(['hours', 'tue', 0]);
  });
});
