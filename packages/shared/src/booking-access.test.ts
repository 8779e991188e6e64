import { describe, expect, it } from 'vitest';
import type { BookingAction, IntakeClient, Principal } from './access-policy.js';
import { authorizeBooking } from './access-policy.js';

const ACTIONS: BookingAction[] = ['book', 'cancel', 'checkIn', 'lookUp', 'issueIntakeKey', 'revokeIntakeKey'];

function allowed(principal: Principal | IntakeClient, agencyId = 'disdukcapil'): BookingAction[] {
  return ACTIONS.filter((a) => authorizeBooking(principal, a, agencyId) === undefined);
}

describe('authorizeBooking', () => {
  it('lets each principal do its part only', () => {
    expect(allowed({ kind: 'public' })).toEqual(['book', 'cancel']);
    expect(allowed({ kind: 'intake', clientId: 'jaki' })).toEqual(['book', 'cancel', 'lookUp']);
    expect(allowed({ kind: 'kiosk', kioskId: 'k1' })).toEqual(['checkIn']);
    expect(allowed({ kind: 'display', displayId: 'd1' })).toEqual([]);
  });

  it('keeps staff to their agency; a hall supervisor does everything', () => {
    const staff: Principal = {
      kind: 'staff',
      staff: { username: 'd1', name: 'D', role: 'staff', agencyId: 'disdukcapil' },
    };
    expect(allowed(staff)).toEqual(['book', 'cancel', 'checkIn', 'lookUp']);
    expect(allowed(staff, 'imigrasi')).toEqual([]);
    const agencySpv: Principal = {
      kind: 'staff',
      staff: { username: 's', name: 'S', role: 'supervisor', agencyId: 'imigrasi' },
    };
    expect(allowed(agencySpv)).toEqual([]);
    const hallSpv: Principal = { kind: 'staff', staff: { username: 'spv', name: 'S', role: 'supervisor' } };
    expect(allowed(hallSpv)).toEqual(ACTIONS);
    expect(authorizeBooking(staff, 'issueIntakeKey')?.code).toBe('FORBIDDEN');
    // Keys are the hall's: an agency's supervisor neither issues nor revokes one, even for their own agency.
    expect(allowed(agencySpv, 'imigrasi')).toEqual(['book', 'cancel', 'checkIn', 'lookUp']);
  });
});
