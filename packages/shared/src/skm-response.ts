import { z } from 'zod';
import type { DomainEvent } from './domain-events.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { SurveySettings } from './skm-questionnaire.js';
import { SKM_ELEMENT_COUNT, respondentProfileSchema } from './skm-questionnaire.js';

/**
 * A citizen's answer to the survey, and the rule that accepts it: one response per visit, only for a visit
 * that has ended with service (`done`), within the hall's window. One response per ticket, not per leg: the
 * citizen is asked once, at the end, about the visit they had; it counts for the service and counter that
 * finished it.
 */

const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]);

export const surveySubmissionSchema = z.strictObject({
  ticketId: z.string().min(1).max(64),
  /** U1…U9 in order; null where the respondent skipped the question. */
  answers: z
    .array(score)
    .length(SKM_ELEMENT_COUNT)
    .refine((a) => a.some((x) => x !== null), 'answer at least one question'),
  profile: respondentProfileSchema.default({
    gender: 'undisclosed',
    age: 'undisclosed',
    education: 'undisclosed',
    occupation: 'undisclosed',
  }),
  suggestion: z.string().max(1000).optional(),
  /** The hall's own questions: question id → the chosen option's index. */
  extra: z.record(z.string().max(40), z.number().int().min(0).max(5)).optional(),
});
export type SurveySubmission = z.infer<typeof surveySubmissionSchema>;
export type SurveySubmissionInput = z.input<typeof surveySubmissionSchema>;

export type SurveyAnsweredEvent = Extract<DomainEvent, { type: 'SurveyAnswered' }>;

/** A visit that ended with service, as the survey knows it. */
export interface FinishedVisit {
  ticketId: string;
  /** The hall day of the visit: the period a response counts in. */
  day: string;
  serviceId: string;
  counterId: string;
  finishedAt: number;
}

/** Where a ticket stands for the survey. */
export type VisitStanding =
  { kind: 'unknown' } | { kind: 'in-progress' } | { kind: 'finished'; visit: FinishedVisit };

export interface SurveyContext {
  standing: VisitStanding;
  /** A response for this visit is already in the log. */
  answered: boolean;
  settings: SurveySettings;
  /** The agency of each service, for the figures. */
  agencyOf: (serviceId: string) => string | undefined;
  now: number;
  responseId: string;
  /** Names the visit in the log without naming the ticket (made by the hub from a secret). */
  visitKey: string;
}

export type SurveyDecision = { ok: true; event: SurveyAnsweredEvent } | { ok: false; error: DomainError };

/** Accepts a response or says why not; nothing is logged for a refusal. */
export function decideSurveyResponse(input: unknown, ctx: SurveyContext): SurveyDecision {
  const refuse = (error: DomainError): SurveyDecision => ({ ok: false, error });
  const parsed = surveySubmissionSchema.safeParse(input);
  if (!parsed.success) {
    return refuse(
      domainError(
        'VALIDATION_FAILED',
        parsed.error.issues.map((i) => describe(i.path, i.message)).join('; '),
      ),
    );
  }
  if (!ctx.settings.enabled) return refuse(domainError('SURVEY_NOT_OPEN', 'the hall runs no survey'));
  const { standing } = ctx;
  if (standing.kind === 'unknown')
    return refuse(domainError('UNKNOWN_TICKET', 'no such visit in the survey window'));
  if (standing.kind === 'in-progress') {
    return refuse(domainError('SURVEY_NOT_OPEN', 'the visit has not been served to its end yet'));
  }
  const { visit } = standing;
  if (ctx.now > visit.finishedAt + ctx.settings.windowHours * 3_600_000) {
    return refuse(domainError('SURVEY_NOT_OPEN', 'the survey window of this visit has passed'));
  }
  if (ctx.answered) return refuse(domainError('SURVEY_ANSWERED', 'this visit has already been rated'));
  const submission = parsed.data;
  const extra = checkExtra(submission.extra, ctx.settings);
  if (typeof extra === 'string') return refuse(domainError('VALIDATION_FAILED', extra));
  const suggestion = submission.suggestion === undefined ? '' : redactNumbers(submission.suggestion.trim());
  const event: SurveyAnsweredEvent = {
    type: 'SurveyAnswered',
    responseId: ctx.responseId,
    visitKey: ctx.visitKey,
    day: visit.day,
    serviceId: visit.serviceId,
    agencyId: ctx.agencyOf(visit.serviceId) ?? '',
    counterId: visit.counterId,
    answers: submission.answers,
    profile: submission.profile,
    ...(suggestion === '' ? {} : { suggestion }),
    ...(extra === undefined ? {} : { extra }),
  };
  return { ok: true, event };
}

function checkExtra(
  extra: Record<string, number> | undefined,
  settings: SurveySettings,
): Record<string, number> | undefined | string {
  if (extra === undefined || Object.keys(extra).length === 0) return undefined;
  for (const [id, choice] of Object.entries(extra)) {
    const question = settings.extraQuestions.find((q) => q.id === id);
    if (!question) return `extra.${id}: the hall asks no such question`;
    if (choice >= question.options.length) return `extra.${id}: no option ${choice}`;
  }
  return extra;
}

/**
 * A suggestion is free text a citizen types, and some type their phone number or NIK into it: runs of eight
 * or more digits (spaces, dots and dashes between them) are cut out before it reaches the log.
 */
export function redactNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s.-]*\d/g, (run) => (run.replace(/\D/g, '').length >= 8 ? '[…]' : run));
}

function describe(path: PropertyKey[], message: string): string {
  return path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
}
