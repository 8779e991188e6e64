/** `A-007`: the prefix, a dash, the number padded to three digits (more digits when it grows). */
export function formatTicketNumber(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(3, '0')}`;
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
