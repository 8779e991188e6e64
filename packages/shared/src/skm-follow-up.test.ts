import { describe, expect, it } from 'vitest';
import { decideFollowUp } from './skm-follow-up.js';

const known = (id: string) => id === 'imigrasi';
const plan = {
  planId: 'plan-0001',
  period: '2026-12',
  element: 'U9',
  action: 'Tambah kursi ruang tunggu',
  owner: 'Kepala MPP',
  due: '2027-01-31',
};

describe('decideFollowUp', () => {
  it('records a plan for a weak element, open until marked done, with who recorded it', () => {
    const d = decideFollowUp(plan, 'spv', known);
    expect(d).toEqual({
      ok: true,
      event: { type: 'SurveyFollowUpRecorded', plan: { ...plan, done: false }, by: 'spv' },
    });
    const done = decideFollowUp({ ...plan, done: true, agencyId: 'imigrasi' }, 'spv', known);
    expect(done.ok && done.event.plan).toMatchObject({ done: true, agencyId: 'imigrasi' });
  });

  it.each([
    ['an unknown element', { ...plan, element: 'U10' }, 'element'],
    ['a bad due date', { ...plan, due: '31-01-2027' }, 'due'],
    ['a bad period', { ...plan, period: '2026-13' }, 'period'],
    ['an empty action', { ...plan, action: '  ' }, 'action'],
    ['an unknown agency', { ...plan, agencyId: 'pajak' }, 'agencyId'],
  ])('refuses %s', (_name, input, fragment) => {
    const d = decideFollowUp(input, 'spv', known);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.message).toContain(fragment);
  });
});
