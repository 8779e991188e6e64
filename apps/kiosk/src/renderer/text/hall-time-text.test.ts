import { describe, expect, it } from 'vitest';
import { MONDAY_9AM_WIB } from '@antre/hub/testing';
import { hoursToday, opensShortText, opensText, periodsText } from './hall-time-text.js';

describe('hall time text', () => {
  it('says when a service opens again', () => {
    expect(opensText({ weekday: 'mon', at: '13:00', inDays: 0 }, 'id')).toBe('Buka kembali pukul 13.00');
    expect(opensText({ weekday: 'tue', at: '08:00', inDays: 1 }, 'id')).toBe(
      'Buka besok, Selasa pukul 08.00',
    );
    expect(opensText({ weekday: 'mon', at: '08:00', inDays: 2 }, 'en')).toBe('Opens Monday at 08.00');
    expect(opensText(undefined, 'id')).toBe('Tidak melayani dalam minggu ini');
    expect(opensShortText({ weekday: 'mon', at: '13:00', inDays: 0 }, 'id')).toBe('buka 13.00');
    expect(opensShortText({ weekday: 'sat', at: '08:00', inDays: 5 }, 'en')).toBe('opens Saturday 08.00');
    expect(opensShortText({ weekday: 'mon', at: '08:00', inDays: 3 }, 'id')).toBe('buka Senin 08.00');
  });

  it('lists a day’s opening hours', () => {
    const hours = {
      sun: [],
      mon: [
        ['08:00', '12:00'],
        ['13:00', '15:30'],
      ] as Array<[string, string]>,
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
    };
    expect(periodsText(hoursToday(hours, MONDAY_9AM_WIB, 'Asia/Jakarta'))).toBe('08.00–12.00, 13.00–15.30');
    expect(hoursToday(hours, MONDAY_9AM_WIB + 86_400_000, 'Asia/Jakarta')).toEqual([]);
  });
});
