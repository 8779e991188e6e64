import { monthName } from '@antre/shared';
import type { Cell, Report, ReportColumn, ReportTable } from './report-table.js';

/** Columns the printed breakdowns keep: what an MPP publishes, readable on A4. */
const PRINTED = new Set([
  'name',
  'targetMinutes',
  'transactions',
  'served',
  'servedPct',
  'noShow',
  'waitMean',
  'waitP90',
  'waitOverPct',
  'serviceMean',
  'serviceOverPct',
]);

/**
 * A report as a printable page: A4 portrait, black on white, the hall and period at the top, headline figures
 * for the monthly summary, the tables, the definitions at the foot. A head of MPP prints it from the browser
 * (Ctrl+P) or saves it as PDF. Labels Indonesian first, English small beneath.
 */
export function reportPage(report: Report): string {
  const summary = report.tables.find((t) => t.name === 'summary');
  const monthly = report.id === 'monthly-summary';
  const tables = report.tables.filter((t) => !(monthly && t.name === 'summary'));
  const body = [
    header(report),
    monthly && summary ? headline(summary) : '',
    monthly ? ikmSlot() : '',
    ...tables.map((t) => tableHtml(t, monthly)),
    `<footer>${report.notes.map((n) => `<p>${esc(n.id)}<br><span class="en">${esc(n.en)}</span></p>`).join('')}
      <p>Dihitung oleh Antre dari log peristiwa antrean. <span class="en">Computed by Antre from the queue's event log.</span></p></footer>`,
  ];
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>${esc(report.title.id)} · ${esc(report.hall.name)} · ${esc(periodText(report))}</title>
<style>${CSS}</style></head><body><main>${body.join('\n')}</main></body></html>`;
}

function periodText(r: Report): string {
  const { from, to, kind } = r.period;
  if (kind === 'month') return `${monthName(Number(from.slice(5, 7)), 'id')} ${from.slice(0, 4)}`;
  if (kind === 'year') return from.slice(0, 4);
  return from === to ? dateText(from) : `${dateText(from)} – ${dateText(to)}`;
}

function dateText(day: string): string {
  return `${Number(day.slice(8, 10))} ${monthName(Number(day.slice(5, 7)), 'id')} ${day.slice(0, 4)}`;
}

function header(r: Report): string {
  const filters = Object.entries(r.filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${esc(k)}: ${esc(String(v))}`)
    .join(' · ');
  return `<header><p class="hall">${esc(r.hall.name)}</p>
<h1>${esc(r.title.id)} <span class="en">${esc(r.title.en)}</span></h1>
<p class="period">Periode <b>${esc(periodText(r))}</b> (${esc(r.period.from)} s.d. ${esc(r.period.to)})${filters ? ` · ${filters}` : ''}</p></header>`;
}

const HEADLINE = [
  'visits',
  'visitsServedPct',
  'transactions',
  'agencies',
  'services',
  'waitMean',
  'waitP90',
  'waitOverPct',
  'serviceMean',
  'doneInOnePct',
];

function headline(summary: ReportTable): string {
  const rows = HEADLINE.map((k) => summary.rows.find((r) => r['key'] === k)).filter((r) => r !== undefined);
  return `<section class="headline">${rows
    .map(
      (
        r,
      ) => `<div class="figure"><div class="value">${esc(format(r['value'] ?? null, r['unit'] === '%' ? 'percent' : r['unit'] === 'menit' ? 'minutes' : 'integer'))}<small>${esc(String(r['unit'] ?? ''))}</small></div>
<div class="label">${esc(String(r['figure'] ?? ''))}<br><span class="en">${esc(String(r['figureEn'] ?? ''))}</span></div></div>`,
    )
    .join('')}</section>`;
}

/** Where the satisfaction index goes once the survey (SKM) is recorded: the regulation asks halls to publish it. */
function ikmSlot(): string {
  return `<section class="ikm" data-slot="ikm"><h2>Indeks Kepuasan Masyarakat (IKM) <span class="en">Satisfaction index</span></h2>
<p>Belum ada data survei kepuasan (SKM) pada periode ini. <span class="en">No satisfaction survey (SKM) data for this period yet.</span></p></section>`;
}

function tableHtml(t: ReportTable, printed: boolean): string {
  const cols = printed ? t.columns.filter((c) => PRINTED.has(c.key)) : t.columns;
  const head = cols
    .map((c) => `<th class="${c.type}">${esc(c.label.id)}<br><span class="en">${esc(c.label.en)}</span></th>`)
    .join('');
  const rows = t.rows
    .map((r) => {
      const total = r['name'] === 'Total' ? ' class="total"' : '';
      return `<tr${total}>${cols.map((c) => `<td class="${c.type}">${esc(format(r[c.key] ?? null, c.type))}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<section><h2>${esc(t.title.id)} <span class="en">${esc(t.title.en)}</span></h2>
<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function format(v: Cell, type: ReportColumn['type']): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  const id = (n: number, digits: number) =>
    n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (type) {
    case 'integer':
      return id(v, 0);
    case 'percent':
    case 'minutes':
    case 'hours':
    case 'number':
      return id(v, 1);
    default:
      return String(v);
  }
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const CSS = `
@page { size: A4 portrait; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", system-ui, sans-serif; color: #111; background: #fff; font-size: 10pt; line-height: 1.35; }
main { max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
@media print { main { padding: 0; } }
.en { color: #444; font-style: italic; font-weight: normal; font-size: 0.85em; }
header { border-bottom: 2px solid #111; margin-bottom: 5mm; padding-bottom: 2mm; }
.hall { margin: 0; font-weight: bold; letter-spacing: 0.02em; text-transform: uppercase; font-size: 9pt; }
h1 { margin: 1mm 0; font-size: 17pt; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
.period { margin: 0; }
.headline { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2.5mm; }
.figure { border: 1px solid #999; border-radius: 2mm; padding: 2mm; break-inside: avoid; }
.figure .value { font-size: 16pt; font-weight: bold; }
.figure .value small { font-size: 8pt; font-weight: normal; margin-left: 1mm; }
.figure .label { font-size: 8pt; }
.ikm { border: 1px dashed #666; padding: 1mm 3mm; margin-top: 4mm; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #bbb; padding: 1mm 1.2mm; vertical-align: top; }
th { text-align: left; background: #eee; }
td.integer, td.percent, td.minutes, td.hours, td.number, th.integer, th.percent, th.minutes, th.hours, th.number { text-align: right; }
tr.total td { font-weight: bold; border-top: 1.5px solid #111; }
footer { margin-top: 6mm; font-size: 7.5pt; color: #333; border-top: 1px solid #999; }
`;
