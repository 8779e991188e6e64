import type { DomainError, LocalizedText } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { T, fill } from './ui-text.js';

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** Printer fault reasons (`@antre/printer`'s PrinterFaultReason, plus `offline`) in words staff understand. */
const REASONS: ReadonlyMap<string, LocalizedText> = new Map([
  ['paper-out', l('kertas habis', 'out of paper')],
  ['cover-open', l('penutup printer terbuka', 'printer cover open')],
  ['unreachable', l('printer tidak terjangkau', 'printer unreachable')],
  ['offline', l('printer tidak terjangkau', 'printer unreachable')],
  ['timeout', l('printer tidak merespons', 'printer did not respond')],
  ['printer-error', l('printer mengalami gangguan', 'printer error')],
  ['io-error', l('sambungan printer terganggu', 'printer connection error')],
  ['not-configured', l('kios tidak memiliki printer', 'the kiosk has no printer')],
]);

/**
 * Why a ticket did not print. Kiosks send the fault reason first and the technical message after a colon
 * (`paper-out: …`); a known reason reads in the chosen language, anything else is shown as the kiosk sent it.
 */
export function printFaultReasonText(reason: string): LocalizedText {
  const code = (reason.split(':', 1)[0] ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return REASONS.get(code) ?? { id: reason, en: reason };
}

/**
 * The answer line when a reprint did not print. A printer still at fault is news, not a refusal (amber, with
 * what is wrong now); any other answer is a refusal with the hub's reason.
 */
export function reprintFailureText(
  displayNumber: string,
  error: DomainError,
): { tone: 'info' | 'error'; text: LocalizedText } {
  const base = ERROR_TEXT[error.code];
  const n = displayNumber;
  if (error.code !== 'PRINTER_FAULT') return { tone: 'error', text: fill(T.reprintRefused, { n, base }) };
  const reason = error.details?.['reason'];
  return {
    tone: 'info',
    text:
      typeof reason === 'string'
        ? fill(T.notReprintedCause, { n, base, why: printFaultReasonText(reason) })
        : fill(T.notReprinted, { n, base }),
  };
}
