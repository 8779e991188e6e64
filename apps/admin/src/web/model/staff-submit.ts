import type { HubConnection } from '@antre/client';
import type { StaffChangeInput } from '@antre/shared';
import { ERROR_TEXT, refusalText, staffChangeSchema } from '@antre/shared';
import type { FieldErrors, SubmitOutcome } from './config-submit.js';
import { schemaErrors } from './config-submit.js';

/** A staff change's outcome: as a config change's, and the new PIN when the hub made one (shown once). */
export type StaffOutcome =
  (SubmitOutcome & { kind: 'conflict' | 'refused' }) | { kind: 'saved'; pin?: string };

/**
 * Checks a staff change with the hub's schema, then sends it with the config version the page was read on.
 * A refusal comes back at its field, in both languages.
 */
export async function submitStaffChange(
  conn: HubConnection,
  change: StaffChangeInput,
  expectedVersion: number,
): Promise<StaffOutcome> {
  const parsed = staffChangeSchema.safeParse(change);
  if (!parsed.success) return { kind: 'refused', errors: schemaErrors(parsed.error.issues) };
  const reply = await conn.request('staff:change', {
    commandId: crypto.randomUUID(),
    expectedVersion,
    change: parsed.data,
  });
  if (reply.ok) return reply.pin === undefined ? { kind: 'saved' } : { kind: 'saved', pin: reply.pin };
  const said = refusalText(reply.error);
  if (reply.error.code === 'CONFIG_CONFLICT') {
    return { kind: 'conflict', text: said?.text ?? ERROR_TEXT.CONFIG_CONFLICT };
  }
  const errors: FieldErrors = { [said?.field ?? '']: said?.text ?? ERROR_TEXT[reply.error.code] };
  return { kind: 'refused', errors };
}
