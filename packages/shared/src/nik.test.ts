import { describe, expect, it } from 'vitest';
import { NIK_PROBLEM_TEXT, nikProblem, normalizeNik } from './nik.js';

describe('nikProblem', () => {
  it('accepts a plausible NIK of a man and of a woman (day + 40)', () => {
    expect(nikProblem('3171011708450001')).toBeUndefined();
    expect(nikProblem('3171015708450002')).toBeUndefined();
  });

  it('accepts 29 February, whose century is unknown', () => {
    expect(nikProblem('3273012902000003')).toBeUndefined();
  });

  it('says what is wrong', () => {
    expect(nikProblem('317101170845000')).toBe('length');
    expect(nikProblem('31710117084500012')).toBe('length');
    expect(nikProblem('31710117084500a1')).toBe('length');
    expect(nikProblem('9971011708450001')).toBe('province');
    expect(nikProblem('3100011708450001')).toBe('region');
    expect(nikProblem('3171001708450001')).toBe('region');
    expect(nikProblem('3171013208450001')).toBe('birthDate');
    expect(nikProblem('3171017208450001')).toBe('birthDate');
    expect(nikProblem('3171011713450001')).toBe('birthDate');
    expect(nikProblem('3171013004450001')).toBeUndefined();
    expect(nikProblem('3171013104450001')).toBe('birthDate');
    expect(nikProblem('3171011708450000')).toBe('serial');
  });

  it('takes the grouping people type out', () => {
    expect(normalizeNik('3171 0117 0845 0001')).toBe('3171011708450001');
    expect(normalizeNik('3171.0117-0845.0001')).toBe('3171011708450001');
  });

  it('has Indonesian and English text for every problem', () => {
    for (const text of Object.values(NIK_PROBLEM_TEXT)) {
      expect(text.id).not.toBe(text.en);
      expect(text.id.length).toBeGreaterThan(5);
    }
  });
});
