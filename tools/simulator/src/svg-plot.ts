import { quantile } from './stats.js';

/** Hand-written SVG charts: no plotting dependency for two kinds of chart. */

export interface BoxRow {
  label: string;
  color: string;
  values: readonly number[];
}

export interface LineSeries {
  label: string;
  color: string;
  values: readonly number[];
  width?: number;
}

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round step for an axis up to `max` with about `ticks` ticks. */
function niceStep(max: number, ticks = 8): number {
  const raw = Math.max(max, 1) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

/**
 * One horizontal box per row: whiskers p10–p90, box p25–p75, a bar at the median, a dot at p99, and n.
 * Rows with no values are listed with "no calls".
 */
export function boxPlotSvg(title: string, unit: string, rows: readonly BoxRow[]): string {
  const left = 360;
  const right = 90;
  const width = 1160;
  const rowH = 18;
  const top = 50;
  const height = top + rows.length * rowH + 50;
  const max = Math.max(1, ...rows.map((r) => quantile(r.values, 0.99)));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (v: number) => left + (Math.min(v, axisMax) / axisMax) * (width - left - right);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let v = 0; v <= axisMax + 1e-9; v += step) {
    parts.push(
      `<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${top + rows.length * rowH}" stroke="#ddd"/>`,
      `<text x="${x(v)}" y="${top + rows.length * rowH + 16}" text-anchor="middle">${+v.toFixed(2)}</text>`,
    );
  }
  parts.push(
    `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">${esc(unit)} (whiskers p10–p90, box p25–p75, | median, • p99)</text>`,
  );
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    parts.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(r.label)}</text>`);
    if (r.values.length === 0) {
      parts.push(`<text x="${left + 4}" y="${y + 4}" fill="#999">no calls</text>`);
      return;
    }
    const [p10, p25, p50, p75, p90, p99] = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map((p) =>
      quantile(r.values, p),
    ) as [number, number, number, number, number, number];
    parts.push(
      `<line x1="${x(p10)}" y1="${y}" x2="${x(p90)}" y2="${y}" stroke="${r.color}" stroke-width="1.5"/>`,
      `<rect x="${x(p25)}" y="${y - 6}" width="${Math.max(1, x(p75) - x(p25))}" height="12" fill="${r.color}" fill-opacity="0.35" stroke="${r.color}"/>`,
      `<line x1="${x(p50)}" y1="${y - 7}" x2="${x(p50)}" y2="${y + 7}" stroke="#000" stroke-width="2"/>`,
      `<circle cx="${x(p99)}" cy="${y}" r="2.5" fill="${r.color}"/>`,
      `<text x="${width - right + 8}" y="${y + 4}" fill="#555">n=${r.values.length}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Lines over a shared x axis (`xs`, e.g. times), with a legend; `xLabel` formats the ticks. */
export function lineChartSvg(
  title: string,
  yLabel: string,
  xs: readonly number[],
  series: readonly LineSeries[],
  xLabel: (x: number) => string,
  xTickEvery: number,
): string {
  const width = 1100;
  const height = 520;
  const left = 70;
  const right = 220;
  const top = 45;
  const bottom = 50;
  const x0 = xs[0] ?? 0;
  const x1 = xs.at(-1) ?? 1;
  const maxY = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(maxY, 6);
  const axisMax = Math.ceil(maxY / step) * step;
  const px = (v: number) => left + ((v - x0) / Math.max(1, x1 - x0)) * (width - left - right);
  const py = (v: number) => top + (1 - v / axisMax) * (height - top - bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${(left + width - right) / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
    `<text transform="translate(16 ${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  ];
  for (let v = 0; v <= axisMax + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" y1="${py(v)}" x2="${width - right}" y2="${py(v)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 6}" y="${py(v) + 4}" text-anchor="end">${+v.toFixed(2)}</text>`,
    );
  }
  for (let t = Math.ceil(x0 / xTickEvery) * xTickEvery; t <= x1; t += xTickEvery) {
    parts.push(
      `<line x1="${px(t)}" y1="${top}" x2="${px(t)}" y2="${height - bottom}" stroke="#f0f0f0"/>`,
      `<text x="${px(t)}" y="${height - bottom + 16}" text-anchor="middle">${esc(xLabel(t))}</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#333"/>`,
  );
  series.forEach((s, i) => {
    const points = s.values.map((v, j) => `${px(xs[j] ?? x0).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 1.5}"/>`,
      `<rect x="${width - right + 12}" y="${top + i * 17 - 9}" width="12" height="12" fill="${s.color}"/>`,
      `<text x="${width - right + 30}" y="${top + i * 17 + 1}">${esc(s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
