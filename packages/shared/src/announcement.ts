// The clip sequence and display sentence for calling a ticket to a counter.

import type { TicketNumber } from './domain-types.js';
import { letterForSpoken, spellPrefix } from './spoken-letters.js';
import { TERBILANG_MAX, terbilangWords } from './terbilang.js';
import { ticketDigits } from './ticket-number.js';

export interface AnnouncementOptions {
  /** Read "A-007" as "a, nol, nol, tujuh" instead of "a, tujuh"; halls differ, so it is a setting. */
  readLeadingZeros: boolean;
}

/** Fixed phrase clips; together with SPOKEN_LETTERS and NUMBER_CLIPS they make up the whole clip set. */
export const ANNOUNCEMENT_OPENING = 'nomor antrean';
export const ANNOUNCEMENT_TO_COUNTER = 'silakan menuju loket';

const PREFIX = /^[A-Z]{1,2}$/;
const COUNTER_NAME = /^[0-9A-Za-z]+$/;
const MAX_DIGITS = String(TERBILANG_MAX).length;

/** Words for a digit string, its leading zeros read as "nol" or not. */
function digitsWords(digits: string, readLeadingZeros: boolean): string[] {
  // Keep at least one digit so "000" still has a value (zero) after the leading zeros.
  const significant = digits.replace(/^0+(?=[0-9])/, '');
  if (significant.length > MAX_DIGITS) throw new RangeError(`Number too large to speak: ${digits}`);
  const value = terbilangWords(Number(significant));
  if (!readLeadingZeros) return value;
  const zeros: string[] = Array.from({ length: digits.length - significant.length }, () => 'nol');
  return [...zeros, ...value];
}

/**
 * The ticket's prefix spelled, then its number. The zeros that can be read are the ones the ticket shows:
 * the same padding as `formatTicketNumber`, so "A-007" is "a, nol, nol, tujuh" when the hall reads them.
 */
function ticketWords(ticket: TicketNumber, opts: AnnouncementOptions): string[] {
  if (!PREFIX.test(ticket.prefix)) {
    throw new Error(
      `Malformed ticket prefix ${JSON.stringify(ticket.prefix)}: expected 1-2 uppercase letters`,
    );
  }
  if (!Number.isSafeInteger(ticket.number) || ticket.number < 0) {
    throw new RangeError(`Not a ticket number: ${ticket.number}`);
  }
  return [...spellPrefix(ticket.prefix), ...digitsWords(ticketDigits(ticket.number), opts.readLeadingZeros)];
}

/** A number is spoken whole; a string like "12A" speaks each digit run as a number and spells letters. */
function counterWords(counterName: string | number): string[] {
  if (typeof counterName === 'number') return terbilangWords(counterName);
  if (!COUNTER_NAME.test(counterName)) {
    throw new Error(
      `Malformed counter name ${JSON.stringify(counterName)}: expected letters and digits only`,
    );
  }
  const runs = counterName.match(/[0-9]+|[A-Za-z]+/g) ?? [];
  return runs.flatMap((run) =>
    /^[0-9]/.test(run) ? digitsWords(run, false) : spellPrefix(run.toUpperCase()),
  );
}

/**
 * Clip sequence for calling a ticket, e.g. ({ prefix: "A", number: 123 }, 5) →
 * ["nomor antrean", "a", "seratus", "dua puluh", "tiga", "silakan menuju loket", "lima"].
 */
export function announcementWords(
  ticket: TicketNumber,
  counterName: string | number,
  opts: AnnouncementOptions,
): string[] {
  return [
    ANNOUNCEMENT_OPENING,
    ...ticketWords(ticket, opts),
    ANNOUNCEMENT_TO_COUNTER,
    ...counterWords(counterName),
  ];
}

/**
 * The sentence for screens and captions, e.g. "Nomor antrean A seratus dua puluh tiga, silakan menuju loket lima".
 * Letter clips turn back into uppercase letters, and adjacent ones join so "AB-012" reads "AB" as written.
 */
export function announcementText(words: readonly string[]): string {
  const tokens: string[] = [];
  let letters = '';
  for (const word of words) {
    const letter = letterForSpoken(word);
    if (letter !== undefined) {
      letters += letter;
      continue;
    }
    if (letters !== '') tokens.push(letters);
    letters = '';
    tokens.push(word);
  }
  if (letters !== '') tokens.push(letters);
  const sentence = tokens
    .map((token, i) => (tokens[i + 1] === ANNOUNCEMENT_TO_COUNTER ? `${token},` : token))
    .join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
