import { hallBarsSvg, roundAxisTicks, roundAxisTop } from './hall-bars.js';

/**
 * The dashboard's charts, as page script: `hallCharts(halls)` gives the HTML of three figures from the
 * `GET /api/central/v1/today` lines — waits (mean and 90th percentile), the share of waits within target, and
 * IKM — halls side by side. The SVG comes from `hallBarsSvg` (hall-bars.ts), embedded as its own source. Needs
 * `fmt` and `esc` (FORMAT_SCRIPT).
 */
export const HALL_CHARTS_SCRIPT = `
// A runner that keeps function names (tsx) may wrap inner functions in __name(): harmless here.
var __name = globalThis.__name || ((f) => f);
${hallBarsSvg.toString()}
${roundAxisTop.toString()}
${roundAxisTicks.toString()}
function hallCharts(halls) {
  const none = 'belum ada · none yet';
  const ticks = (top, unit) =>
    roundAxisTicks(top).map((v) => ({ at: v, label: fmt(v, Number.isInteger(v) ? 0 : 1) + unit }));
  const one = (value, digits) => ({ value: value === undefined ? null : value, label: fmt(value, digits) });
  const figure = (id, en, svg, key) =>
    '<figure><figcaption>' + id + ' <span class="en">· ' + en + '</span></figcaption>' + svg +
    (key ? '<p class="key">' + key + '</p>' : '') + '</figure>';
  const most = Math.max(0, ...halls.map((h) => Math.max(h.waitMeanMin || 0, h.waitP90Min || 0)));
  const waitTop = roundAxisTop(most, 10);
  const waits = hallBarsSvg({
    title: 'Waktu tunggu (menit) · Waiting time (minutes)',
    min: 0, max: waitTop, ticks: ticks(waitTop, ''),
    series: [
      { name: 'Rata-rata · Mean', className: 'solid' },
      { name: 'Persentil ke-90 · 90th percentile', className: 'hollow' },
    ],
    halls: halls.map((h) => ({ name: h.name, values: [one(h.waitMeanMin, 1), one(h.waitP90Min, 1)] })),
    none,
  });
  const met = hallBarsSvg({
    title: 'Tunggu sesuai target (%) · Waits within target (%)',
    min: 0, max: 100, ticks: ticks(100, ''),
    series: [{ name: 'Sesuai target · Within target', className: 'solid' }],
    halls: halls.map((h) => ({ name: h.name, values: [{ value: h.waitTargetMetPct, label: fmt(h.waitTargetMetPct, 0) + ' %' }] })),
    none,
  });
  const ikm = hallBarsSvg({
    title: 'Indeks Kepuasan Masyarakat (IKM, 25–100) · Satisfaction index',
    min: 0, max: 100, ticks: ticks(100, ''),
    series: [{ name: 'IKM', className: 'solid' }],
    halls: halls.map((h) => ({ name: h.name, values: [one(h.ikm, 1)] })),
    none,
  });
  return figure('Waktu tunggu (menit)', 'Waiting time (minutes)', waits,
      '<span class="swatch solid"></span>Rata-rata <span class="en">· Mean</span> ' +
      '<span class="swatch hollow"></span>Persentil ke-90 <span class="en">· 90th percentile</span>') +
    figure('Tunggu sesuai target (%)', 'Within target', met, '') +
    figure('IKM', 'Satisfaction index', ikm, '');
}
`;
