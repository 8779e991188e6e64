import type { HallConfig } from '@antre/shared';
import { hallDateText, hallTimeText } from '@antre/shared';
import type { SurveyOffer } from '../survey/survey-service.js';
import type { PageLang } from './survey-page.js';
import { SURVEY_CSS, SURVEY_TEXT, both, escapeHtml, surveyFieldsets } from './survey-page.js';

/**
 * What a ticket's page (`/t/:id`) becomes once the visit has ended: the survey, on the citizen's phone, until
 * its window closes; then thanks once it is answered. A plain form: it works without JavaScript.
 */
export function ticketSurveyPage(options: {
  config: HallConfig;
  ticketId: string;
  /** The ticket's survey link key (`?k=`), carried by the language toggle and the form. */
  linkKey: string;
  displayNumber: string | undefined;
  offer: SurveyOffer;
  lang: PageLang;
  error?: string | undefined;
}): string {
  const { config, ticketId, offer, lang } = options;
  const service = config.services.find((s) => s.id === offer.visit.serviceId);
  const id = encodeURIComponent(ticketId);
  const other = lang === 'id' ? 'en' : 'id';
  const head = `<a class="toggle" href="${escapeHtml(ticketSurveyPath(ticketId, options.linkKey, other))}">${both(SURVEY_TEXT.toggle)}</a>
<p class="hall">${escapeHtml(config.hall.name)}</p><h1>${both(SURVEY_TEXT.title)}</h1>
<p class="intro">${escapeHtml(options.displayNumber ?? '')}${options.displayNumber ? ' · ' : ''}${service ? both(service.name) : ''}</p>`;
  const body = offer.rated
    ? `<div class="thanks" role="status"><p class="big">${both(SURVEY_TEXT.thanks)}</p><p>${both(SURVEY_TEXT.thanksMore)}</p></div>`
    : `<p class="intro">${both(SURVEY_TEXT.intro)} ${both(SURVEY_TEXT.skip)}</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/t/${id}/survey">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="k" value="${escapeHtml(options.linkKey)}">
${surveyFieldsets(config)}
<button class="send" type="submit">${both(SURVEY_TEXT.send)}</button>
<p class="closes">${both(SURVEY_TEXT.closes)} ${closesText(offer.closesAt, config)}</p>
</form>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SKM · ${escapeHtml(config.hall.name)}</title><style>${SURVEY_CSS}</style></head>
<body class="${lang === 'en' ? 'en' : ''}"><main>${head}${body}</main></body></html>`;
}

/** The ticket page's address with its survey key, as the QR code prints it. */
export function ticketSurveyPath(ticketId: string, key: string, lang: PageLang): string {
  return `/t/${encodeURIComponent(ticketId)}?k=${encodeURIComponent(key)}&lang=${lang}`;
}

function closesText(at: number, config: HallConfig): string {
  const zone = config.hall.timeZone;
  const time = hallTimeText(at, zone);
  return both({
    id: `${hallDateText(at, zone, 'id')}, ${time}`,
    en: `${hallDateText(at, zone, 'en')}, ${time}`,
  });
}
