import { describe, expect, it } from 'vitest';
import type { SurveyContext, FinishedVisit } from './skm-response.js';
import { decideSurveyResponse, redactNumbers } from './skm-response.js';
import { DEFAULT_SURVEY_SETTINGS } from './skm-questionnaire.js';

const HOUR = 3_600_000;
const visit: FinishedVisit = {
  ticketId: 't-1',
  day: '2026-12-05',
  serviceId: 'ktp',
  counterId: 'c1',
  finishedAt: 1_000 * HOUR,
};

function ctx(over: Partial<SurveyContext> = {}): SurveyContext {
  return {
    standing: { kind: 'finished', visit },
    answered: false,
    settings: DEFAULT_SURVEY_SETTINGS,
    agencyOf: (id) => (id === 'ktp' ? 'disdukcapil' : undefined),
    now: visit.finishedAt + 60_000,
    responseId: 'r-1',
    visitKey: 'key-1',
    ...over,
  };
}

const answers = [4, 3, 3, 4, 3, 4, 4, null, 3];

describe('decideSurveyResponse', () => {
  it('accepts a response for a finished visit and records it without the ticket', () => {
    const d = decideSurveyResponse(
      {
        ticketId: 't-1',
        answers,
        profile: { gender: 'female', age: '30-39' },
        suggestion: '  Ruang tunggu nyaman ',
      },
      ctx(),
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.event).toEqual({
      type: 'SurveyAnswered',
      responseId: 'r-1',
      visitKey: 'key-1',
      day: '2026-12-05',
      serviceId: 'ktp',
      agencyId: 'disdukcapil',
      counterId: 'c1',
      answers,
      profile: { gender: 'female', age: '30-39', education: 'undisclosed', occupation: 'undisclosed' },
      suggestion: 'Ruang tunggu nyaman',
    });
    expect(JSON.stringify(d.event)).not.toContain('t-1');
  });

  it('refuses a second response for the same visit', () => {
    const d = decideSurveyResponse({ ticketId: 't-1', answers }, ctx({ answered: true }));
    expect(d.ok || d.error.code).toBe('SURVEY_ANSWERED');
  });

  it('refuses a visit that is not finished, unknown, or past its window', () => {
    const inProgress = decideSurveyResponse(
      { ticketId: 't-1', answers },
      ctx({ standing: { kind: 'in-progress' } }),
    );
    expect(inProgress.ok || inProgress.error.code).toBe('SURVEY_NOT_OPEN');
    const unknown = decideSurveyResponse(
      { ticketId: 't-1', answers },
      ctx({ standing: { kind: 'unknown' } }),
    );
    expect(unknown.ok || unknown.error.code).toBe('UNKNOWN_TICKET');
    const late = decideSurveyResponse(
      { ticketId: 't-1', answers },
      ctx({ now: visit.finishedAt + 24 * HOUR + 1 }),
    );
    expect(late.ok || late.error.code).toBe('SURVEY_NOT_OPEN');
    const inTime = decideSurveyResponse(
      { ticketId: 't-1', answers },
      ctx({ now: visit.finishedAt + 24 * HOUR }),
    );
    expect(inTime.ok).toBe(true);
  });

  it('refuses everything when the hall runs no survey', () => {
    const settings = { ...DEFAULT_SURVEY_SETTINGS, enabled: false };
    const d = decideSurveyResponse({ ticketId: 't-1', answers }, ctx({ settings }));
    expect(d.ok || d.error.code).toBe('SURVEY_NOT_OPEN');
  });

  it.each([
    ['eight answers', { ticketId: 't-1', answers: answers.slice(1) }, 'answers'],
    ['a score of 5', { ticketId: 't-1', answers: [5, ...answers.slice(1)] }, 'answers.0'],
    ['no answer at all', { ticketId: 't-1', answers: Array(9).fill(null) }, 'answer at least one'],
    ['an unknown profile value', { ticketId: 't-1', answers, profile: { gender: 'x' } }, 'profile.gender'],
    ['an unknown field (a NIK)', { ticketId: 't-1', answers, nik: '3174011201900001' }, 'nik'],
    ['a long suggestion', { ticketId: 't-1', answers, suggestion: 'x'.repeat(1001) }, 'suggestion'],
    ['an unknown extra question', { ticketId: 't-1', answers, extra: { parkir: 1 } }, 'extra.parkir'],
  ])('refuses %s with a clear error', (_name, input, fragment) => {
    const d = decideSurveyResponse(input, ctx());
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.error.code).toBe('VALIDATION_FAILED');
    expect(d.error.message).toContain(fragment);
  });

  it("keeps the hall's extra questions apart from the nine, within their options", () => {
    const settings = {
      ...DEFAULT_SURVEY_SETTINGS,
      extraQuestions: [
        {
          id: 'parkir',
          question: { id: 'Apakah parkir mudah?', en: 'Was parking easy?' },
          options: [
            { id: 'Ya', en: 'Yes' },
            { id: 'Tidak', en: 'No' },
          ],
        },
      ],
    };
    const ok = decideSurveyResponse({ ticketId: 't-1', answers, extra: { parkir: 1 } }, ctx({ settings }));
    expect(ok.ok && ok.event.extra).toEqual({ parkir: 1 });
    expect(ok.ok && ok.event.answers).toEqual(answers);
    const bad = decideSurveyResponse({ ticketId: 't-1', answers, extra: { parkir: 2 } }, ctx({ settings }));
    expect(bad.ok || bad.error.message).toContain('no option 2');
  });
});

describe('redactNumbers', () => {
  it('cuts phone numbers and NIKs out of a suggestion, keeps short numbers', () => {
    expect(redactNumbers('Hubungi saya 0812-3456-7890 ya')).toBe('Hubungi saya […] ya');
    expect(redactNumbers('NIK 3174011201900001')).toBe('NIK […]');
    expect(redactNumbers('+62 812 3456 7890')).toBe('[…]');
    expect(redactNumbers('Loket 5 menunggu 30 menit, 2 jam total')).toBe(
      'Loket 5 menunggu 30 menit, 2 jam total',
    );
  });
});
