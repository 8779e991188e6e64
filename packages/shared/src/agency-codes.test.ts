import { describe, expect, it } from 'vitest';
import { agencyCodes } from './agency-codes.js';

const agency = (id: string, shortName: string, code?: string) =>
  code === undefined ? { id, shortName } : { id, shortName, code };

describe('agencyCodes', () => {
  it('gives every agency of a hall its own badge', () => {
    const codes = agencyCodes([
      agency('informasi-mpp', 'Informasi MPP'),
      agency('disdukcapil', 'Disdukcapil'),
      agency('samsat', 'Samsat'),
      agency('bapenda', 'Bapenda'),
      agency('bank-nagari', 'Bank Nagari'),
      agency('pdam', 'PDAM'),
      agency('bpjs-kesehatan', 'BPJS Kesehatan'),
      agency('polres', 'Polres (SKCK)'),
      agency('imigrasi', 'Imigrasi'),
      agency('dpmptsp', 'DPMPTSP'),
      agency('bpjs-ketenagakerjaan', 'BPJS TK'),
      agency('kpp-pratama', 'KPP Pratama'),
      agency('bpn', 'BPN'),
      agency('kemenag', 'Kemenag'),
    ]);
    expect(Object.fromEntries(codes)).toEqual({
      'informasi-mpp': 'IM',
      disdukcapil: 'DIS',
      samsat: 'SAM',
      bapenda: 'BAP',
      'bank-nagari': 'BN',
      pdam: 'PDAM',
      'bpjs-kesehatan': 'BK',
      polres: 'POL',
      imigrasi: 'IMI',
      dpmptsp: 'DPM',
      'bpjs-ketenagakerjaan': 'BT',
      'kpp-pratama': 'KP',
      bpn: 'BPN',
      kemenag: 'KEM',
    });
    expect(new Set(codes.values()).size).toBe(codes.size);
  });

  it('keeps the codes a hall chose, and steps around them and each other', () => {
    const codes = agencyCodes([
      agency('a', 'Disdukcapil'),
      agency('b', 'Dispenda', 'DIS'),
      agency('c', 'Dispora'),
      agency('d', 'Dis'),
      agency('e', 'Dis'),
    ]);
    expect(codes.get('b')).toBe('DIS');
    expect(new Set(codes.values()).size).toBe(5);
    expect(codes.get('a')).toBe('DISD');
    expect(codes.get('c')).toBe('DISP');
  });
});
