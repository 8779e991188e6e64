import { describe, expect, it } from 'vitest';
import { spreadLine, toPrinterText, wrapWords } from './printer-text.js';

describe('toPrinterText', () => {
  it('keeps plain Indonesian as it is', () => {
    expect(toPrinterText('Perekaman KTP-el (Kartu Keluarga)')).toBe('Perekaman KTP-el (Kartu Keluarga)');
  });

  it('turns typography and accents into ASCII every printer has', () => {
    expect(toPrinterText('Senin–Kamis “08.00” … ± 5 × 6 café')).toBe(
      'Senin-Kamis "08.00" ... +/- 5 x 6 cafe',
    );
    expect(toPrinterText('  two\u00a0 spaces\n')).toBe('two spaces');
    expect(toPrinterText('安')).toBe('?');
  });
});

describe('wrapWords', () => {
  it('wraps at word boundaries', () => {
    expect(wrapWords('Dinas Kependudukan dan Pencatatan Sipil', 20)).toEqual([
      'Dinas Kependudukan',
      'dan Pencatatan Sipil',
    ]);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapWords('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
  });

  it('gives nothing for nothing', () => {
    expect(wrapWords('   ', 10)).toEqual([]);
  });
});

describe('spreadLine', () => {
  it('puts two texts at the two ends of a line', () => {
    expect(spreadLine('Antrean', '3', 10)).toBe('Antrean  3');
  });

  it('says when they do not fit', () => {
    expect(spreadLine('Antrean di depan', '3', 17)).toBeUndefined();
  });
});
