import { describe, expect, it } from 'vitest';
import type { HallTimeZone, Weekday } from './hall-config.js';
import {
  clockText,
  hallClockText,
  hallDateText,
  hallTimeText,
  monthName,
  weekdayName,
} from './hall-date-text.js';

/** Monday 30 November 2026, 09.00 WIB (02.00 UTC). */
const MONDAY_9AM_WIB = Date.UTC(2026, 10, 30, 2, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('hallDateText and hallTimeText', () => {
  it('writes the date with the weekday and month in words, in either language', () => {
    expect(hallDateText(MONDAY_9AM_WIB, 'Asia/Jakarta', 'id')).toBe('Senin, 30 November 2026');
    expect(hallDateText(MONDAY_9AM_WIB, 'Asia/Jakarta', 'en')).toBe('Monday, 30 November 2026');
  });

  it('writes the time with a period and the zone, in the hall zone: WIB, WITA, WIT', () => {
    expect(hallTimeText(MONDAY_9AM_WIB + 14 * MINUTE, 'Asia/Jakarta')).toBe('09.14 WIB');
    expect(hallTimeText(MONDAY_9AM_WIB + 14 * MINUTE, 'Asia/Makassar')).toBe('10.14 WITA');
    expect(hallTimeText(MONDAY_9AM_WIB + 14 * MINUTE, 'Asia/Jayapura')).toBe('11.14 WIT');
    expect(hallTimeText(MONDAY_9AM_WIB, 'Asia/Makassar')).toBe('10.00 WITA');
  });

  it('pads hours and minutes to two digits, but not the day of the month', () => {
    // 00.05 WIB on Tuesday 1 December.
    const at = Date.UTC(2026, 10, 30, 17, 5);
    expect(hallTimeText(at, 'Asia/Jakarta')).toBe('00.05 WIB');
    expect(hallDateText(at, 'Asia/Jakarta', 'id')).toBe('Selasa, 1 Desember 2026');
    expect(hallTimeText(Date.UTC(2026, 10, 30, 16, 59), 'Asia/Jakarta')).toBe('23.59 WIB');
  });

  it('turns the date at the hall midnight, not UTC midnight, in each zone', () => {
    const cases: Array<[HallTimeZone, number, string]> = [
      ['Asia/Jakarta', 17, 'WIB'],
      ['Asia/Makassar', 16, 'WITA'],
      ['Asia/Jayapura', 15, 'WIT'],
    ];
    for (const [zone, midnightUtcHour, abbreviation] of cases) {
      const midnight = Date.UTC(2026, 10, 30, midnightUtcHour, 0);
      expect(hallDateText(midnight - MINUTE, zone, 'id')).toBe('Senin, 30 November 2026');
      expect(hallTimeText(midnight - MINUTE, zone)).toBe(`23.59 ${abbreviation}`);
      expect(hallDateText(midnight, zone, 'id')).toBe('Selasa, 1 Desember 2026');
      expect(hallDateText(midnight, zone, 'en')).toBe('Tuesday, 1 December 2026');
      expect(hallTimeText(midnight, zone)).toBe(`00.00 ${abbreviation}`);
    }
    // 23.30 WIB on Monday is already Tuesday in Jayapura.
    expect(hallDateText(Date.UTC(2026, 10, 30, 16, 30), 'Asia/Jakarta', 'id')).toBe(
      'Senin, 30 November 2026',
    );
    expect(hallDateText(Date.UTC(2026, 10, 30, 16, 30), 'Asia/Jayapura', 'id')).toBe(
      'Selasa, 1 Desember 2026',
    );
  });

  it('turns the year at the hall midnight too', () => {
    // 00.30 WITA on 1 January 2027 is still 31 December in UTC.
    const at = Date.UTC(2026, 11, 31, 16, 30);
    expect(hallDateText(at, 'Asia/Makassar', 'id')).toBe('Jumat, 1 Januari 2027');
    expect(hallDateText(at, 'Asia/Makassar', 'en')).toBe('Friday, 1 January 2027');
    expect(hallDateText(at, 'Asia/Jakarta', 'id')).toBe('Kamis, 31 Desember 2026');
  });

  it('names every weekday in both languages', () => {
    // Monday 30 November 2026 to Sunday 6 December 2026, 09.00 WIB.
    const id = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
    const en = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (let i = 0; i < 7; i++) {
      const date = i === 0 ? '30 November' : `${i} Desember`;
      const dateEn = i === 0 ? '30 November' : `${i} December`;
      expect(hallDateText(MONDAY_9AM_WIB + i * DAY, 'Asia/Jakarta', 'id')).toBe(`${id[i]}, ${date} 2026`);
      expect(hallDateText(MONDAY_9AM_WIB + i * DAY, 'Asia/Jakarta', 'en')).toBe(`${en[i]}, ${dateEn} 2026`);
    }
    const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    expect(weekdays.map((d) => weekdayName(d, 'id'))).toEqual(id);
    expect(weekdays.map((d) => weekdayName(d, 'en'))).toEqual(en);
  });

  it('names every month in both languages', () => {
    const id = [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ];
    const en = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    for (let m = 1; m <= 12; m++) {
      // The 15th, 09.00 WIB.
      const at = Date.UTC(2026, m - 1, 15, 2, 0);
      expect(hallDateText(at, 'Asia/Jakarta', 'id')).toMatch(new RegExp(`^[A-Za-z]+, 15 ${id[m - 1]} 2026$`));
      expect(hallDateText(at, 'Asia/Jakarta', 'en')).toMatch(new RegExp(`^[A-Za-z]+, 15 ${en[m - 1]} 2026$`));
      expect(monthName(m, 'id')).toBe(id[m - 1]);
      expect(monthName(m, 'en')).toBe(en[m - 1]);
    }
    expect(hallDateText(Date.UTC(2026, 0, 15, 2, 0), 'Asia/Jakarta', 'id')).toBe('Kamis, 15 Januari 2026');
    expect(hallDateText(Date.UTC(2026, 7, 17, 2, 0), 'Asia/Jakarta', 'id')).toBe('Senin, 17 Agustus 2026');
  });

  it('refuses a month outside 1 to 12', () => {
    expect(() => monthName(0, 'id')).toThrow(RangeError);
    expect(() => monthName(13, 'en')).toThrow(RangeError);
    expect(() => monthName(1.5, 'id')).toThrow(RangeError);
  });
});

describe('hallClockText', () => {
  it('gives the date, the time and the zone apart, in the hall zone', () => {
    expect(hallClockText(MONDAY_9AM_WIB + 14 * MINUTE, 'Asia/Jakarta', 'id')).toEqual({
      date: 'Senin, 30 November 2026',
      time: '09.14',
      zone: 'WIB',
    });
    expect(hallClockText(MONDAY_9AM_WIB, 'Asia/Makassar', 'id')).toEqual({
      date: 'Senin, 30 November 2026',
      time: '10.00',
      zone: 'WITA',
    });
    expect(hallClockText(MONDAY_9AM_WIB, 'Asia/Jayapura', 'en')).toEqual({
      date: 'Monday, 30 November 2026',
      time: '11.00',
      zone: 'WIT',
    });
  });

  it('agrees with hallDateText and hallTimeText', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
      for (const lang of ['id', 'en'] as const) {
        const at = MONDAY_9AM_WIB + 7 * MINUTE + 3 * DAY;
        const clock = hallClockText(at, zone, lang);
        expect(clock.date).toBe(hallDateText(at, zone, lang));
        expect(`${clock.time} ${clock.zone}`).toBe(hallTimeText(at, zone));
      }
    }
  });

  it('turns the date at the hall midnight, not UTC midnight', () => {
    // 17:30 UTC on Monday is 00:30 on Tuesday in Jakarta.
    expect(hallClockText(Date.UTC(2026, 10, 30, 17, 30), 'Asia/Jakarta', 'id')).toEqual({
      date: 'Selasa, 1 Desember 2026',
      time: '00.30',
      zone: 'WIB',
    });
  });
});

describe('clockText', () => {
  it('writes a config clock with a period', () => {
    expect(clockText('13:00')).toBe('13.00');
    expect(clockText('08:05')).toBe('08.05');
    expect(clockText('24:00')).toBe('24.00');
  });
});
