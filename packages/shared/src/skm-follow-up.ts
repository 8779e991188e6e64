import { z } from 'zod';
import type { DomainEvent } from './domain-events.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import { SKM_ELEMENT_IDS } from './skm-questionnaire.js';

/**
 * The follow-up plan the annual evaluation (PEKPPP) asks for: per weak element, what will be done, by whom,
 * by when, and whether it is done. A plan is recorded again (same `planId`) to change it or mark it done.
 */
export const surveyFollowUpSchema = z.strictObject({
  /** Made by the client; the same id again replaces that plan. */
  planId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  /** The period the plan answers: a year (`2026`), a quarter (`2026-Q4`) or a month (`2026-12`). */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/),
  element: z.enum(SKM_ELEMENT_IDS),
  action: z.string().trim().min(3).max(500),
  owner: z.string().trim().min(2).max(120),
  due: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD'),
  done: z.boolean().default(false),
  /** Limits the plan to one agency's services; absent: the whole hall. */
  agencyId: z.string().min(1).max(64).optional(),
});
export type SurveyFollowUp = z.infer<typeof surveyFollowUpSchema>;
export type SurveyFollowUpInput = z.input<typeof surveyFollowUpSchema>;

export type SurveyFollowUpEvent = Extract<DomainEvent, { type: 'SurveyFollowUpRecorded' }>;

/** Validates a plan and makes its event; `by` is the supervisor the policy let through. */
export function decideFollowUp(
  input: unknown,
  by: string,
  knownAgency: (agencyId: string) => boolean,
): { ok: true; event: SurveyFollowUpEvent } | { ok: false; error: DomainError } {
  const parsed = surveyFollowUpSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
      .join('; ');
    return { ok: false, error: domainError('VALIDATION_FAILED', message) };
  }
  const plan = parsed.data;
  if (plan.agencyId !== undefined && !knownAgency(plan.agencyId)) {
    return { ok: false, error: domainError('VALIDATION_FAILED', `agencyId: no agency ${plan.agencyId}`) };
  }
  return { ok: true, event: { type: 'SurveyFollowUpRecorded', plan, by } };
}
