import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallConfig, IkmScope } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import type { StaffSessions } from '../auth/staff-sessions.js';
import { TokenBucket } from '../auth/token-bucket.js';
import { principalOf } from '../reports/report-routes.js';
import type { QueueService } from '../queue-service.js';
import { ikmToXlsx } from '../survey/ikm-xlsx.js';
import type { SurveyService } from '../survey/survey-service.js';
import { counterSurveyPage } from './counter-survey-page.js';
import { followUpPage } from './follow-up-page.js';
import { ikmPage } from './ikm-page.js';
import type { PageLang } from './survey-page.js';
import { ticketSurveyPage, ticketSurveyPath } from './ticket-survey-page.js';

/** A survey response is a small form; anything bigger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

export interface SurveyRouteDeps {
  survey: SurveyService;
  queue: QueueService;
  config: HallConfig;
  /**
   * Responses per address per second, sustained, and at once. Generous: a hall's Wi-Fi puts many phones
   * behind one address; the limit is there against a script, not a hall.
   */
  submitPerSecond?: number;
  /** Staff sessions, for the supervisor's follow-up form (`Authorization: Bearer`); absent: refused. */
  sessions?: StaffSessions;
  submitBurst?: number;
}

export type SurveyRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/**
 * The survey's HTTP face: the ticket page's survey (`/t/:id` once the visit has ended), the counter-facing
 * screen (`/survey?counter=`), the submit API (rate-limited), and the public IKM (`/ikm`, `/api/ikm`).
 * Answers true when it handled the request.
 */
export function surveyRoutes(deps: SurveyRouteDeps): SurveyRoute {
  const limiter = new TokenBucket(deps.submitPerSecond ?? 1, deps.submitBurst ?? 30, () => deps.queue.now());
  const { survey, queue, config } = deps;

  return async (req, res, url) => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const address = req.socket.remoteAddress ?? '?';

    if (path === '/api/survey' && method === 'POST') {
      if (!limiter.take(address)) return sendJson(res, 429, refusal('RATE_LIMITED'));
      const body = await readBody(req);
      if (body === undefined) return sendJson(res, 413, refusal('VALIDATION_FAILED'));
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return sendJson(res, 400, refusal('VALIDATION_FAILED'));
      }
      const { key, submission } = splitKey(input);
      const reply = survey.submit({ kind: 'public' }, submission, key);
      sendJson(res, reply.ok ? 200 : statusOf(reply.error.code), reply);
      return true;
    }

    if (path === '/api/survey/follow-up' && method === 'POST') {
      const body = await readBody(req);
      if (body === undefined) return sendJson(res, 413, refusal('VALIDATION_FAILED'));
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return sendJson(res, 400, refusal('VALIDATION_FAILED'));
      }
      const principal = deps.sessions
        ? principalOf(req, { sessions: deps.sessions, config: queue.config, now: () => queue.now() })
        : ({ kind: 'public' } as const);
      const reply = survey.recordFollowUp(principal, input);
      if (reply.ok) return sendJson(res, 200, reply);
      const { code } = reply.error;
      const status = code === 'UNAUTHENTICATED' ? 401 : statusOf(code);
      return sendJson(res, status, { ok: false, error: { ...reply.error, text: ERROR_TEXT[code] } });
    }

    const ticketSurvey = /^\/t\/([^/]{1,64})\/survey$/.exec(path);
    if (ticketSurvey?.[1] && method === 'POST') {
      const ticketId = decodeURIComponent(ticketSurvey[1]);
      if (!limiter.take(address)) return sendHtmlError(res, 429, 'RATE_LIMITED');
      const body = await readBody(req);
      if (body === undefined) return sendHtmlError(res, 413, 'VALIDATION_FAILED');
      const form = new URLSearchParams(body);
      const lang: PageLang = form.get('lang') === 'en' ? 'en' : 'id';
      const key = form.get('k') ?? '';
      const reply = survey.submit({ kind: 'public' }, submissionFromForm(ticketId, form), key);
      if (reply.ok || reply.error.code === 'SURVEY_ANSWERED') {
        res.writeHead(303, { location: ticketSurveyPath(ticketId, key, lang) });
        res.end();
        return true;
      }
      const offer = reply.error.code === 'SURVEY_LINK_INVALID' ? undefined : survey.offerFor(ticketId);
      if (!offer) return sendHtmlError(res, statusOf(reply.error.code), reply.error.code);
      const error = ERROR_TEXT[reply.error.code][lang];
      sendHtml(
        res,
        400,
        ticketSurveyPage({
          config,
          ticketId,
          displayNumber: displayNumberOf(queue, ticketId),
          linkKey: key,
          offer,
          lang,
          error,
        }),
      );
      return true;
    }

    if (method !== 'GET' && method !== 'HEAD') return false;

    const page = /^\/t\/([^/]{1,64})$/.exec(path);
    if (page?.[1]) {
      const ticketId = decodeURIComponent(page[1]);
      const key = url.searchParams.get('k');
      // Without its link key, or not ended, or past its window: the ticket's status page answers.
      if (!survey.linkOpens(ticketId, key)) return false;
      const offer = survey.offerFor(ticketId);
      if (!offer || key === null) return false;
      const lang: PageLang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
      sendHtml(
        res,
        200,
        ticketSurveyPage({
          config,
          ticketId,
          linkKey: key,
          displayNumber: displayNumberOf(queue, ticketId),
          offer,
          lang,
        }),
      );
      return true;
    }

    const counterOffer = /^\/api\/survey\/counter\/([^/]{1,64})$/.exec(path);
    if (counterOffer?.[1]) {
      const counterId = decodeURIComponent(counterOffer[1]);
      if (!config.counters.some((c) => c.id === counterId))
        return sendJson(res, 404, refusal('UNKNOWN_COUNTER'));
      const offer = survey.offerAtCounter(counterId);
      sendJson(res, 200, {
        ok: true,
        offer: offer
          ? {
              ticketId: offer.visit.ticketId,
              // The screen faces the citizen at the counter: it answers with the ticket's key, as the QR would.
              key: survey.linkKey(offer.visit.ticketId),
              serviceId: offer.visit.serviceId,
              rated: offer.rated,
              closesAt: offer.closesAt,
            }
          : null,
      });
      return true;
    }

    if (path === '/survey') {
      const counter = config.counters.find((c) => c.id === url.searchParams.get('counter'));
      if (!counter) return sendHtmlError(res, 404, 'UNKNOWN_COUNTER');
      sendHtml(res, 200, counterSurveyPage(config, counter));
      return true;
    }

    if (path === '/ikm/tindak-lanjut') {
      const reply = survey.report(url.searchParams.get('period') ?? undefined);
      if (!reply.ok) return sendHtmlError(res, 400, reply.error.code);
      const lang: PageLang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
      return sendHtml(res, 200, followUpPage(config, reply.report, lang));
    }

    if (path === '/api/ikm.xlsx') {
      const reply = survey.report(url.searchParams.get('period') ?? undefined, scopeOf(url));
      if (!reply.ok) return sendJson(res, 400, reply);
      const body = await ikmToXlsx(config, reply.report);
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="ikm-${reply.report.period}.xlsx"`,
        'cache-control': 'no-store',
      });
      res.end(body);
      return true;
    }

    if (path === '/ikm' || path === '/api/ikm') {
      const reply = survey.report(url.searchParams.get('period') ?? undefined, scopeOf(url));
      if (path === '/api/ikm') return sendJson(res, reply.ok ? 200 : 400, reply);
      if (!reply.ok) return sendHtmlError(res, 400, reply.error.code);
      const lang: PageLang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
      sendHtml(res, 200, ikmPage(config, reply.report, lang, url.search));
      return true;
    }
    return false;
  };
}

/** The phone's form as a submission: `u1`…`u9` (absent: skipped), the profile, the suggestion, `extra-<id>`. */
export function submissionFromForm(ticketId: string, form: URLSearchParams): Record<string, unknown> {
  const answers = Array.from({ length: 9 }, (_, i) => {
    const v = form.get(`u${i + 1}`);
    return v === null || v === '' ? null : Number(v);
  });
  const profile: Record<string, string> = {};
  for (const f of ['gender', 'age', 'education', 'occupation']) {
    const v = form.get(f);
    if (v) profile[f] = v;
  }
  const extra: Record<string, number> = {};
  for (const [k, v] of form) if (k.startsWith('extra-')) extra[k.slice('extra-'.length)] = Number(v);
  const suggestion = form.get('suggestion')?.trim();
  return { ticketId, answers, profile, extra, ...(suggestion ? { suggestion } : {}) };
}

/** The JSON body's `key` apart from the submission the domain checks (which takes no unknown field). */
function splitKey(input: unknown): { key: unknown; submission: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { key: undefined, submission: input };
  }
  const { key, ...submission } = input as Record<string, unknown>;
  return { key, submission };
}

function scopeOf(url: URL): IkmScope {
  const scope: IkmScope = {};
  const agency = url.searchParams.get('agency');
  const service = url.searchParams.get('service');
  const counter = url.searchParams.get('counter');
  if (agency) scope.agencyId = agency;
  if (service) scope.serviceId = service;
  if (counter) scope.counterId = counter;
  return scope;
}

function displayNumberOf(queue: QueueService, ticketId: string): string | undefined {
  return queue.state.ticket(ticketId)?.displayNumber;
}

function statusOf(code: string): number {
  switch (code) {
    case 'RATE_LIMITED':
      return 429;
    case 'UNKNOWN_TICKET':
      return 404;
    case 'SURVEY_ANSWERED':
    case 'SURVEY_NOT_OPEN':
      return 409;
    case 'FORBIDDEN':
    case 'SURVEY_LINK_INVALID':
      return 403;
    default:
      return 400;
  }
}

function refusal(code: keyof typeof ERROR_TEXT) {
  return { ok: false, error: { code, message: ERROR_TEXT[code].en } };
}

/** The body as text, or undefined past the limit. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends the answer; true: the request is handled. */
function sendJson(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}

function sendHtml(res: ServerResponse, status: number, body: string): true {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

function sendHtmlError(res: ServerResponse, status: number, code: keyof typeof ERROR_TEXT): true {
  const text = ERROR_TEXT[code];
  return sendHtml(
    res,
    status,
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SKM</title></head>
<body style="font-family:system-ui;margin:2rem"><p>${text.id}</p><p lang="en"><i>${text.en}</i></p></body></html>`,
  );
}
