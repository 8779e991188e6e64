import { describe, expect, it } from 'vitest';
import type { HallConfigInput } from './hall-config.js';
import { hallConfig, publicHallConfig } from './hall-config.js';
import { testHall } from './testing/test-hall.js';

/** The smallest sensible hall: one agency, one service, one counter. */
function small(): HallConfigInput {
  return {
    hall: { id: 'mpp-padang', name: 'MPP Kota Padang', hours: { mon: [['08:00', '15:30']] } },
    agencies: [
      { id: 'disdukcapil', name: 'Disdukcapil Kota Padang', shortName: 'Disdukcapil', color: '#1E88E5' },
    ],
    services: [
      {
        id: 'ktp',
        agencyId: 'disdukcapil',
        prefix: 'A',
        name: { id: 'Perekaman KTP-el', en: 'e-ID recording' },
        requirements: { id: ['Kartu Keluarga'], en: ['Family card'] },
        targetMinutes: 10,
      },
    ],
    counters: [{ id: 'loket-1', name: '1', agencyId: 'disdukcapil', serviceIds: ['ktp'] }],
  };
}

/** The messages of a refused config, or [] when it is accepted. */
function problems(input: unknown): string[] {
  const result = hallConfig.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('hallConfig', () => {
  it('accepts a small hall and fills in the defaults', () => {
    const config = hallConfig.parse(small());
    expect(config.hall.timeZone).toBe('Asia/Jakarta');
    expect(config.hall.hours).toEqual({
      sun: [],
      mon: [['08:00', '15:30']],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
    });
    expect(config.settings).toEqual({
      priorityStreak: 3,
      readLeadingZeros: false,
      leaseBlockSize: 20,
      leaseStart: 501,
      estimateWindow: 10,
      waitTargetMinutes: 30,
      noShowMinSeconds: 60,
      noShowMinRecalls: 1,
    });
    expect(config.staff).toEqual([]);
    expect(config.holidays).toEqual([]);
    expect(config.displays).toEqual([]);
    expect(config.kiosks).toEqual([]);
  });

  it('accepts the shared test hall, with a two-letter prefix, staff and kiosks', () => {
    const config = testHall();
    expect(config.services.map((s) => s.prefix)).toEqual(['A', 'B', 'AK', 'P', 'BP']);
    expect(config.counters).toHaveLength(5);
    expect(config.agencies).toHaveLength(3);
    expect(config.kiosks.map((k) => [k.id, k.paperWidth])).toEqual([
      ['k1', 80],
      ['k2', 58],
    ]);
    expect(config.hall.hours.sun).toEqual([['00:00', '23:59']]);
    expect(testHall({ hall: { timeZone: 'Asia/Jayapura' }, settings: { priorityStreak: 0 } })).toMatchObject({
      hall: { timeZone: 'Asia/Jayapura', name: 'Mal Pelayanan Publik Uji' },
      settings: { priorityStreak: 0, leaseStart: 501 },
    });
    expect(testHall({ serviceChanges: { ktp: { dailyQuota: 5 } } }).services[0]?.dailyQuota).toBe(5);
  });

  it.each(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const)('accepts a hall in %s', (timeZone) => {
    const input = small();
    input.hall.timeZone = timeZone;
    expect(problems(input)).toEqual([]);
  });

  it('takes holidays as calendar dates, once each, and displays with unique ids', () => {
    const nyepi = { date: '2026-03-19', name: { id: 'Hari Suci Nyepi', en: 'Day of Silence' } };
    expect(problems({ ...small(), holidays: [nyepi] })).toEqual([]);
    expect(problems({ ...small(), holidays: [{ ...nyepi, date: '2026-02-30' }] })).toEqual([
      'not a date in the calendar',
    ]);
    expect(problems({ ...small(), holidays: [{ ...nyepi, date: '19-03-2026' }] })).toContain('YYYY-MM-DD');
    expect(problems({ ...small(), holidays: [nyepi, nyepi] })).toEqual(['duplicate holidays "2026-03-19"']);
    const lobby = { id: 'layar-lobi', name: 'Lobi' };
    expect(problems({ ...small(), displays: [lobby, lobby] })).toEqual(['duplicate displays "layar-lobi"']);
  });

  it('refuses a time zone outside Indonesia', () => {
    const input = small();
    expect(problems({ ...input, hall: { ...input.hall, timeZone: 'Asia/Singapore' } })).not.toEqual([]);
  });

  describe('refuses duplicates', () => {
    it.each([
      [
        'agency ids',
        (c: HallConfigInput) => c.agencies.push({ ...c.agencies[0]!, name: 'Lagi' }),
        /duplicate agencies/,
      ],
      [
        'service ids',
        (c: HallConfigInput) => c.services.push({ ...c.services[0]!, prefix: 'B' }),
        /duplicate services "ktp"/,
      ],
      [
        'prefixes',
        (c: HallConfigInput) => c.services.push({ ...c.services[0]!, id: 'kk' }),
        /duplicate prefix "A"/,
      ],
      [
        'counter ids',
        (c: HallConfigInput) => c.counters.push({ ...c.counters[0]!, name: '2' }),
        /duplicate counters "loket-1"/,
      ],
      [
        'counter names',
        (c: HallConfigInput) => c.counters.push({ ...c.counters[0]!, id: 'loket-2' }),
        /duplicate counter name "1"/,
      ],
      [
        'staff user names',
        (c: HallConfigInput) => {
          const st = { username: 'budi', name: 'Budi', role: 'supervisor' as const, pin: '1234' };
          c.staff = [st, { ...st, name: 'Budi lain' }];
        },
        /duplicate staff "budi"/,
      ],
      [
        'kiosk ids',
        (c: HallConfigInput) => {
          c.kiosks = [
            { id: 'k1', name: 'Lobi' },
            { id: 'k1', name: 'Lantai 2' },
          ];
        },
        /duplicate kiosks "k1"/,
      ],
    ])('%s', (_what, change, message) => {
      const input = small();
      change(input);
      expect(problems(input)).toEqual([expect.stringMatching(message)]);
    });
  });

  describe('refuses references to nothing', () => {
    it('a service of an unknown agency', () => {
      const input = small();
      input.services[0]!.agencyId = 'imigrasi';
      expect(problems(input)).toEqual(['service ktp: unknown agency imigrasi']);
    });

    it('a counter of an unknown agency, or serving an unknown service', () => {
      const input = small();
      input.counters.push({ id: 'loket-2', name: '2', agencyId: 'bpjs', serviceIds: ['ktp', 'paspor'] });
      expect(problems(input)).toEqual([
        'counter loket-2: unknown agency bpjs',
        'counter loket-2: unknown service paspor',
      ]);
    });

    it('staff of an unknown agency', () => {
      const input = small();
      input.staff = [{ username: 'budi', name: 'Budi', role: 'staff', agencyId: 'samsat', pin: '1234' }];
      expect(problems(input)).toEqual(['staff budi: unknown agency']);
    });
  });

  describe('staff', () => {
    it('a staff member needs an agency; a supervisor may work for the whole hall', () => {
      const input = small();
      input.staff = [
        { username: 'spv', name: 'Kepala MPP', role: 'supervisor', pin: '123456' },
        { username: 'budi', name: 'Budi', role: 'staff', pin: '1234' },
      ];
      expect(problems(input)).toEqual(['staff budi: staff need an agency']);
    });

    it('needs a PIN or a PIN hash, and a PIN of 4 to 8 digits', () => {
      const input = small();
      input.staff = [{ username: 'spv', name: 'Kepala MPP', role: 'supervisor' }];
      expect(problems(input)).toEqual(['staff spv: pin or pinHash required']);
      for (const pin of ['123', '123456789', '12a4']) {
        input.staff = [{ username: 'spv', name: 'Kepala MPP', role: 'supervisor', pin }];
        expect(problems(input)).not.toEqual([]);
      }
      input.staff = [{ username: 'spv', name: 'Kepala MPP', role: 'supervisor', pinHash: 'scrypt$00$11' }];
      expect(problems(input)).toEqual([]);
    });
  });

  describe('refuses bad times', () => {
    it.each([
      ['hour 25', ['08:00', '25:00']],
      ['past 24:00', ['08:00', '24:01']],
      ['a period starting at 24:00', ['24:00', '24:00']],
      ['a single-digit hour', ['8:00', '12:00']],
      ['minute 60', ['08:00', '12:60']],
      ['no colon', ['0800', '1200']],
      ['a period ending before it starts', ['15:30', '08:00']],
      ['an empty period', ['08:00', '08:00']],
    ] as const)('%s', (_what, period) => {
      const input = small();
      input.hall.hours = { mon: [[period[0], period[1]]] };
      expect(problems(input)).not.toEqual([]);
      const inService = small();
      inService.services[0]!.hours = { tue: [[period[0], period[1]]] };
      expect(problems(inService)).not.toEqual([]);
    });

    it('accepts a day split by a break, and days that run to 23:59 or to midnight', () => {
      const input = small();
      input.hall.hours = {
        fri: [
          ['08:00', '11:30'],
          ['13:30', '16:00'],
        ],
        sat: [['00:00', '23:59']],
        sun: [['00:00', '24:00']],
      };
      expect(problems(input)).toEqual([]);
    });
  });

  it.each([
    ['a lower-case prefix', (c: HallConfigInput) => (c.services[0]!.prefix = 'a')],
    ['a three-letter prefix', (c: HallConfigInput) => (c.services[0]!.prefix = 'ABC')],
    ['a prefix with a digit', (c: HallConfigInput) => (c.services[0]!.prefix = 'A1')],
    ['a counter name not starting with its number', (c: HallConfigInput) => (c.counters[0]!.name = 'A5')],
    ['a counter with no service', (c: HallConfigInput) => (c.counters[0]!.serviceIds = [])],
    ['an id with capitals', (c: HallConfigInput) => (c.agencies[0]!.id = 'Disdukcapil')],
    ['a colour name', (c: HallConfigInput) => (c.agencies[0]!.color = 'blue')],
    ['a zero target time', (c: HallConfigInput) => (c.services[0]!.targetMinutes = 0)],
    ['a zero quota', (c: HallConfigInput) => (c.services[0]!.dailyQuota = 0)],
    ['a lease start of 1', (c: HallConfigInput) => (c.settings = { leaseStart: 1 })],
    ['a negative priority streak', (c: HallConfigInput) => (c.settings = { priorityStreak: -1 })],
    [
      'a paper width of 70 mm',
      (c: HallConfigInput) => (c.kiosks = [{ id: 'k1', name: 'Lobi', paperWidth: 70 as 80 }]),
    ],
    ['no counters', (c: HallConfigInput) => (c.counters = [])],
  ])('refuses %s', (_what, change) => {
    const input = small();
    change(input);
    expect(problems(input)).not.toEqual([]);
  });

  it('accepts counter names like 12A', () => {
    const input = small();
    input.counters[0]!.name = '12A';
    expect(problems(input)).toEqual([]);
  });
});

describe('publicHallConfig', () => {
  it('leaves out PINs and PIN hashes', () => {
    const config = testHall({
      staff: [
        { username: 'spv', name: 'Kepala MPP', role: 'supervisor', pinHash: 'scrypt$00$11' },
        { username: 'budi', name: 'Budi', role: 'staff', agencyId: 'disdukcapil', pin: '1234' },
      ],
    });
    const shown = publicHallConfig(config);
    expect(shown.staff).toEqual([
      { username: 'spv', name: 'Kepala MPP', role: 'supervisor' },
      { username: 'budi', name: 'Budi', role: 'staff', agencyId: 'disdukcapil' },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/pin|scrypt|1234/i);
    expect(shown.services).toEqual(config.services);
  });
});
