import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOKING_REFUSAL_TEXT, intakeBookingSchema } from '@antre/shared';

const doc = JSON.parse(
  readFileSync(new URL('../../../../docs/booking-api.openapi.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, unknown>;
  components: {
    schemas: Record<string, { required?: string[]; properties: Record<string, { enum?: string[] }> }>;
  };
};

describe('docs/booking-api.openapi.json', () => {
  it('describes the intake body the hub validates, and every refusal it can answer', () => {
    const body = doc.components.schemas['IntakeBooking'];
    const fields = Object.keys(intakeBookingSchema.shape);
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual([...fields].sort());
    // A service or a package, exactly one of them: neither is required on its own.
    const required = fields.filter((f) => f !== 'serviceId' && f !== 'packageId');
    expect([...(body?.required ?? [])].sort()).toEqual(required.sort());
    const refusals = doc.components.schemas['Failure']?.properties['refusal']?.enum ?? [];
    expect([...refusals].sort()).toEqual(Object.keys(BOOKING_REFUSAL_TEXT).sort());
    expect(Object.keys(doc.paths)).toContain('/api/intake/v1/bookings');
    expect(Object.keys(doc.paths)).toContain('/api/intake/keys/{clientId}/revoke');
  });
});
