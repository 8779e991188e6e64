import type { Cell, ReportTable } from './report-table.js';

/**
 * A table as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads Indonesian text right):
 * a header of Indonesian labels, then the rows. Numbers are written plain with a decimal point; a text that
 * a spreadsheet would take for a formula is quoted with a leading apostrophe.
 */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.label.id)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line writer for row streams (raw exports). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
