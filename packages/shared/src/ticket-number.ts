/** A ticket's digits as printed, shown and (when the hall reads leading zeros) spoken: `7` → `007`. */
export function ticketDigits(n: number): string {
  return String(n).padStart(3, '0');
}

/** `A-007`: the prefix, a dash, the number padded to three digits (more digits when it grows). */
export function formatTicketNumber(prefix: string, n: number): string {
  return `${prefix}-${ticketDigits(n)}`;
}

export interface ParsedTicketNumber {
  prefix: string;
  number: number;
}

/** Reads what staff type: `A-007`, `a7`, `A007`, `kt-12`. Undefined when it is not a ticket number. */
export function parseTicketNumber(text: string): ParsedTicketNumber | undefined {
  const m = /^\s*([A-Za-z]{1,2})\s*-?\s*(\d{1,5})\s*$/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const number = Number(m[2]);
  if (number < 1) return undefined;
  return { prefix: m[1].toUpperCase(), number };
}
