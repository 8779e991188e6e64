import type { DomainError, ErrorCode } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { LocalizedText } from './hall-config.js';

/** A refused config or staff change: the error carries what a person reads, and the field it is about. */
export interface ConfigRefusal {
  ok: false;
  error: DomainError;
}

/**
 * A refusal of a config or staff change. `details.field` is the form field it is about (`prefix`,
 * `hours.mon.0`; empty for the whole change), `details.textId` and `details.textEn` what the admin console
 * shows there, in both languages.
 */
export function configRefusal(code: ErrorCode, field: string, text: LocalizedText): ConfigRefusal {
  return { ok: false, error: domainError(code, text.en, { field, textId: text.id, textEn: text.en }) };
}

/** The field and the text of a refusal made by `configRefusal`; undefined for any other error. */
export function refusalText(error: DomainError): { field: string; text: LocalizedText } | undefined {
  const d = error.details;
  if (!d || typeof d['textId'] !== 'string' || typeof d['textEn'] !== 'string') return undefined;
  return {
    field: typeof d['field'] === 'string' ? d['field'] : '',
    text: { id: d['textId'], en: d['textEn'] },
  };
}
