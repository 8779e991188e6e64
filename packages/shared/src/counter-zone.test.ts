import { describe, expect, it } from 'vitest';
import { counterZone } from './counter-zone.js';

const agencies = [
  { id: 'disdukcapil', zone: 'Lantai 1' },
  { id: 'imigrasi', zone: 'Lantai 2' },
  { id: 'info' },
];

describe('counterZone', () => {
  it("takes the counter's own zone before its agency's", () => {
    expect(counterZone({ agencyId: 'disdukcapil', zone: 'Lantai 3' }, agencies)).toBe('Lantai 3');
  });

  it("falls back to the agency's zone", () => {
    expect(counterZone({ agencyId: 'imigrasi' }, agencies)).toBe('Lantai 2');
  });

  it('is undefined when neither has one, or the agency is unknown', () => {
    expect(counterZone({ agencyId: 'info' }, agencies)).toBeUndefined();
    expect(counterZone({ agencyId: 'nowhere' }, agencies)).toBeUndefined();
  });
});
