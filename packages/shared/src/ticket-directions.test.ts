import { describe, expect, it } from 'vitest';
import { testHall } from './testing/test-hall.js';
import { counterRange, countersText, goText, placeText, whereToGo } from './ticket-directions.js';

const hall = testHall({
  agencies: [
    {
      id: 'disdukcapil',
      name: 'Dinas Kependudukan',
      shortName: 'Disdukcapil',
      color: '#1e88e5',
      zone: 'Lantai 1',
    },
    { id: 'imigrasi', name: 'Kantor Imigrasi', shortName: 'Imigrasi', color: '#3949ab', zone: 'Lantai 2' },
    { id: 'bpjs', name: 'BPJS Kesehatan', shortName: 'BPJS', color: '#43a047' },
  ],
  counters: [
    { id: 'c3', name: '3', agencyId: 'disdukcapil', serviceIds: ['ktp', 'kk'] },
    { id: 'c2', name: '2', agencyId: 'disdukcapil', serviceIds: ['kk', 'ktp', 'akta'] },
    { id: 'c12a', name: '12A', agencyId: 'disdukcapil', serviceIds: ['akta'], zone: 'Lantai 1, sayap timur' },
    { id: 'c4', name: '4', agencyId: 'imigrasi', serviceIds: ['paspor'] },
    { id: 'c5', name: '5', agencyId: 'bpjs', serviceIds: ['paspor'] },
  ],
});

describe('whereToGo', () => {
  it('names the counters of a waiting ticket’s service, in counting order, and their floor', () => {
    const where = whereToGo(hall, { serviceId: 'ktp', status: 'waiting' });
    expect(where).toEqual({ kind: 'wait', counters: ['2', '3'], zones: ['Lantai 1'] });
    expect(placeText(where, 'id')).toBe('Loket 2–3 · Lantai 1');
    expect(placeText(where, 'en')).toBe('Counters 2–3 · Lantai 1');
  });

  it('takes a counter’s own zone over its agency’s, and lists each floor once', () => {
    expect(whereToGo(hall, { serviceId: 'akta' })).toEqual({
      kind: 'wait',
      counters: ['2', '12A'],
      zones: ['Lantai 1', 'Lantai 1, sayap timur'],
    });
    // A counter with no zone of its own nor its agency's adds no floor.
    expect(whereToGo(hall, { serviceId: 'paspor' }).zones).toEqual(['Lantai 2']);
  });

  it('sends a called, served or held ticket to its one counter', () => {
    for (const status of ['called', 'serving', 'held'] as const) {
      const where = whereToGo(hall, { serviceId: 'ktp', status, counterId: 'c3' });
      expect(where).toEqual({ kind: 'go', counters: ['3'], zones: ['Lantai 1'] });
    }
    expect(goText(whereToGo(hall, { serviceId: 'ktp', status: 'called', counterId: 'c3' }), 'id')).toBe(
      'Silakan menuju Loket 3 · Lantai 1',
    );
    expect(goText(whereToGo(hall, { serviceId: 'ktp', status: 'called', counterId: 'c3' }), 'en')).toBe(
      'Please go to Counter 3 · Lantai 1',
    );
  });

  it('keeps a ticket sent to one counter waiting for that counter only', () => {
    const where = whereToGo(hall, { serviceId: 'ktp', status: 'waiting', targetCounterId: 'c2' });
    expect(where).toEqual({ kind: 'wait', counters: ['2'], zones: ['Lantai 1'] });
  });

  it('falls back to the agency’s floor when no counter serves the service', () => {
    expect(whereToGo(hall, { serviceId: 'jkn' })).toEqual({ kind: 'wait', counters: [], zones: [] });
    const noCounter = { ...hall, counters: hall.counters.filter((c) => c.id !== 'c4' && c.id !== 'c5') };
    expect(whereToGo(noCounter, { serviceId: 'paspor' })).toEqual({
      kind: 'wait',
      counters: [],
      zones: ['Lantai 2'],
    });
    expect(countersText([], 'id')).toBe('Loket');
  });
});

describe('counterRange', () => {
  it('joins runs of consecutive numbers with an en dash', () => {
    expect(counterRange(['2'])).toBe('2');
    expect(counterRange(['2', '3'])).toBe('2–3');
    expect(counterRange(['2', '3', '4', '7', '9', '10'])).toBe('2–4, 7, 9–10');
    expect(counterRange(['11', '12', '12A', '13'])).toBe('11–12, 12A, 13');
    expect(counterRange([])).toBe('');
  });
});
