import type { HubConnection } from '@antre/client';
import type { ConfigChangeInput, LocalizedText, SchemaIssue } from '@antre/shared';
import { ERROR_TEXT, fieldIssues, refusalText } from '@antre/shared';

/** What a form shows after a submit: nothing wrong, a conflict, or errors at fields (`''`: the whole form). */
export type SubmitOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; text: LocalizedText }
  | { kind: 'refused'; errors: FieldErrors };

export type FieldErrors = Record<string, LocalizedText>;

/** The schema's issues as errors at fields, in both languages (`dropPrefix`: leading path parts to drop). */
export function schemaErrors(issues: readonly SchemaIssue[], dropPrefix = 0): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, text } of fieldIssues(issues, dropPrefix)) errors[field] = text;
  return errors;
}

/** The error for a field: its own, or the first of a field inside it (`hours.mon` shows `hours.mon.0.1`). */
export function errorAt(errors: FieldErrors, field: string): LocalizedText | undefined {
  if (errors[field]) return errors[field];
  const inside = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return inside === undefined ? undefined : errors[inside];
}

/**
 * Sends one config change with the version the form was filled in on. The hub answers as the one schema
 * and the policy decide: a refusal names its field, a version conflict says someone changed it meanwhile.
 */
export async function submitConfigChange(
  conn: HubConnection,
  change: ConfigChangeInput,
  expectedVersion: number,
): Promise<SubmitOutcome> {
  const reply = await conn.request('config:change', {
    commandId: crypto.randomUUID(),
    expectedVersion,
    change,
  });
  if (reply.ok) return { kind: 'saved', version: reply.version };
  const said = refusalText(reply.error);
  if (reply.error.code === 'CONFIG_CONFLICT') {
    return { kind: 'conflict', text: said?.text ?? ERROR_TEXT.CONFIG_CONFLICT };
  }
  return { kind: 'refused', errors: { [said?.field ?? '']: said?.text ?? ERROR_TEXT[reply.error.code] } };
}
