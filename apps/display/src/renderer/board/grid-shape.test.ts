import { describe, expect, it } from 'vitest';
import { gridShape } from './grid-shape.js';

describe('gridShape', () => {
  it('fills a landscape panel with wide tiles', () => {
    expect(gridShape(24, 900, 780)).toEqual({ columns: 4, rows: 6 });
    expect(gridShape(15, 900, 780)).toEqual({ columns: 3, rows: 5 });
    expect(gridShape(1, 900, 780)).toEqual({ columns: 1, rows: 1 });
  });

  it('uses more columns in a wide strip, as in portrait', () => {
    expect(gridShape(24, 1000, 500).columns).toBeGreaterThanOrEqual(5);
  });

  it('copes with nothing to lay out', () => {
    expect(gridShape(0, 900, 780)).toEqual({ columns: 1, rows: 1 });
    expect(gridShape(5, 0, 0)).toEqual({ columns: 1, rows: 1 });
  });
});
