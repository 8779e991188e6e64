import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldIssues } from './config-issues.js';
import { counterConfig, hallInfo, serviceConfig } from './hall-config.js';

function issues(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? [] : fieldIssues(r.error.issues);
}

describe('schema issues in words, at their field', () => {
  it('names the field and says what is wrong in Indonesian and English', () => {
    const found = issues(serviceConfig, {
      id: 'Paspor Baru',
      agencyId: 'imigrasi',
      prefix: 'p1',
      name: { id: '', en: 'New passport' },
      requirements: { id: [], en: [] },
      targetMinutes: 0,
    });
    expect(Object.fromEntries(found.map((f) => [f.field, f.text.id]))).toEqual({
      id: 'Hanya huruf kecil, angka dan "-", diawali huruf atau angka.',
      prefix: 'Satu atau dua huruf besar (A, KT).',
      'name.id': 'Wajib diisi.',
      targetMinutes: 'Paling kecil 0.',
    });
    expect(found.find((f) => f.field === 'prefix')?.text.en).toBe('One or two capital letters (A, KT).');
  });

  it('reads the hours of a day and a counter with no service', () => {
    const hours = issues(hallInfo, {
      id: 'mpp',
      name: 'MPP',
      hours: { mon: [['12:00', '08:00']], tue: [['8:00', '12:00']] },
    });
    expect(hours.map((f) => [f.field, f.text.en])).toEqual([
      ['hours.mon.0', 'The end must be after the start.'],
      ['hours.tue.0.0', 'Write the time as HH:MM (24-hour).'],
      // "8:00" also sorts after "12:00": the period check speaks up too, at the period.
      ['hours.tue.0', 'The end must be after the start.'],
    ]);
    const counter = issues(counterConfig, { id: 'c9', name: 'Sembilan', agencyId: 'bpjs', serviceIds: [] });
    expect(counter.map((f) => [f.field, f.text.id])).toEqual([
      ['name', 'Nomor loket: 1–3 angka, boleh diikuti satu huruf besar (5, 12A).'],
      ['serviceIds', 'Pilih paling sedikit 1.'],
    ]);
  });
});
