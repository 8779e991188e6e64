import { describe, expect, it } from 'vitest';
import type { SignedInStaff } from './access-policy.js';
import { refusalText } from './config-refusal.js';
import { PASSWORD_MIN_LENGTH, applyStaffChange, staffChangeSchema } from './staff-change.js';
import { TestHallAdmin } from './testing/test-hall-admin.js';
import { TestQueue, testHall } from './testing/test-hall.js';

const MON_0900 = Date.parse('2026-03-02T09:00:00+07:00');
const admin = () => new TestHallAdmin(new TestQueue(testHall(), MON_0900));
const outcome = (d: ReturnType<TestHallAdmin['staff']>) =>
  d.ok ? 'ok' : `${d.error.code}${refusalText(d.error)?.field ? `@${refusalText(d.error)?.field}` : ''}`;

describe('staff accounts', () => {
  it('creates an account with a new PIN to make, and the event holds no secret', () => {
    const a = admin();
    const d = a.staff({
      type: 'create',
      username: 'pajak1',
      name: 'Petugas Pajak',
      role: 'staff',
      agencyId: 'bpjs',
    });
    expect(d).toMatchObject({ ok: true, secret: 'newPin', signsOut: false });
    if (!d.ok) return;
    expect(d.event).toEqual({
      type: 'StaffChanged',
      version: 2,
      action: 'create',
      username: 'pajak1',
      before: null,
      after: {
        username: 'pajak1',
        name: 'Petugas Pajak',
        role: 'staff',
        agencyId: 'bpjs',
        active: true,
        hasPassword: false,
      },
      by: 'spv',
    });
    expect(JSON.stringify(d.event)).not.toMatch(/"pin"|pinHash|scrypt/);
  });

  it('refuses a taken user name, an unknown one, staff without an agency, an unknown agency', () => {
    const a = admin();
    expect(
      outcome(a.staff({ type: 'create', username: 'bpjs1', name: 'X', role: 'staff', agencyId: 'bpjs' })),
    ).toBe('DUPLICATE_ID@username');
    expect(outcome(a.staff({ type: 'resetPin', username: 'nobody' }))).toBe('UNKNOWN_ITEM@username');
    expect(outcome(a.staff({ type: 'create', username: 'x1', name: 'X', role: 'staff' }))).toBe(
      'VALIDATION_FAILED@agencyId',
    );
    expect(
      outcome(a.staff({ type: 'create', username: 'x1', name: 'X', role: 'staff', agencyId: 'pajak' })),
    ).toBe('VALIDATION_FAILED@agencyId');
    expect(a.version).toBe(1);
  });

  it('deactivates and signs out, but never oneself nor the last hall supervisor', () => {
    const a = admin();
    const bpjs1: SignedInStaff = { username: 'bpjs1', name: 'B', role: 'staff', agencyId: 'bpjs' };
    expect(a.staff({ type: 'deactivate', username: 'dukcapil1' })).toMatchObject({
      ok: true,
      signsOut: true,
    });
    expect(outcome(a.staff({ type: 'deactivate', username: 'dukcapil1' }))).toBe(
      'VALIDATION_FAILED@username',
    );
    expect(outcome(a.staff({ type: 'deactivate', username: 'spv' }))).toBe('FORBIDDEN@username');
    // Another supervisor may not take away the last one either.
    expect(outcome(a.staff({ type: 'deactivate', username: 'spv' }, a.version, bpjs1))).toBe('IN_USE@role');
    expect(
      outcome(a.staff({ type: 'update', username: 'spv', name: 'S', role: 'supervisor', agencyId: 'bpjs' })),
    ).toBe('IN_USE@role');
    a.staff({ type: 'create', username: 'spv2', name: 'S2', role: 'supervisor' });
    expect(
      outcome(a.staff({ type: 'update', username: 'spv', name: 'S', role: 'supervisor', agencyId: 'bpjs' })),
    ).toBe('ok');
    expect(outcome(a.staff({ type: 'reactivate', username: 'dukcapil1' }))).toBe('ok');
  });

  it('a PIN reset signs out without moving the config version; a role change signs out and moves it', () => {
    const a = admin();
    expect(a.staff({ type: 'resetPin', username: 'bpjs1' })).toMatchObject({
      ok: true,
      secret: 'newPin',
      signsOut: true,
      event: { version: 1 },
    });
    expect(a.version).toBe(1);
    expect(
      a.staff({ type: 'update', username: 'bpjs1', name: 'B', role: 'staff', agencyId: 'imigrasi' }),
    ).toMatchObject({
      ok: true,
      signsOut: true,
      event: { version: 2 },
    });
    expect(
      a.staff({ type: 'update', username: 'bpjs1', name: 'B baru', role: 'staff', agencyId: 'imigrasi' }),
    ).toMatchObject({
      signsOut: false,
    });
  });

  it('passwords are for supervisors, at least 10 characters', () => {
    const a = admin();
    expect(
      staffChangeSchema.safeParse({
        type: 'setPassword',
        username: 'spv',
        password: 'x'.repeat(PASSWORD_MIN_LENGTH - 1),
      }).success,
    ).toBe(false);
    expect(
      a.staff({ type: 'setPassword', username: 'spv', password: 'x'.repeat(PASSWORD_MIN_LENGTH) }),
    ).toMatchObject({
      ok: true,
      secret: 'password',
      account: { hasPassword: true },
    });
    expect(outcome(a.staff({ type: 'setPassword', username: 'bpjs1', password: 'x'.repeat(12) }))).toBe(
      'FORBIDDEN@password',
    );
    expect(outcome(a.staff({ type: 'clearPassword', username: 'spv' }))).toBe('ok');
    expect(outcome(a.staff({ type: 'clearPassword', username: 'spv' }))).toBe('VALIDATION_FAILED@username');
  });

  it('refuses a change to an account someone changed since the version it names', () => {
    const a = admin();
    const seen = a.version;
    a.staff({ type: 'update', username: 'bpjs1', name: 'Satu', role: 'staff', agencyId: 'bpjs' }, seen);
    expect(
      outcome(
        a.staff({ type: 'update', username: 'bpjs1', name: 'Dua', role: 'staff', agencyId: 'bpjs' }, seen),
      ),
    ).toBe('CONFIG_CONFLICT');
    expect(
      outcome(
        a.staff(
          { type: 'update', username: 'imigrasi1', name: 'Dua', role: 'staff', agencyId: 'imigrasi' },
          seen,
        ),
      ),
    ).toBe('ok');
  });

  it('keeps the public staff list: active accounts only, in place', () => {
    const a = admin();
    const d = a.staff({
      type: 'update',
      username: 'dukcapil2',
      name: 'Baru',
      role: 'staff',
      agencyId: 'disdukcapil',
    });
    if (!d.ok) throw new Error('refused');
    const list = [{ username: 'a' }, { username: 'dukcapil2', name: 'Lama' }, { username: 'b' }];
    expect(applyStaffChange(list, d.event).map((s) => s.username)).toEqual(['a', 'dukcapil2', 'b']);
    const off = a.staff({ type: 'deactivate', username: 'dukcapil2' });
    if (!off.ok) throw new Error('refused');
    expect(applyStaffChange(list, off.event).map((s) => s.username)).toEqual(['a', 'b']);
  });
});
