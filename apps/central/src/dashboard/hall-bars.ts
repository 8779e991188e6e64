/** One bar chart of halls side by side: one group of bars per hall, one bar per series. */
export interface HallBarsChart {
  /** What the chart shows (Indonesian · English): the figure's accessible name. */
  title: string;
  /** The axis runs from `min` to `max`; values outside are drawn at its ends. */
  min: number;
  max: number;
  /** Grid lines, in the axis' units, with the label written above each. */
  ticks: ReadonlyArray<{ at: number; label: string }>;
  /** The series, each drawn with `className` (the page's CSS gives its look: solid or hollow). */
  series: ReadonlyArray<{ name: string; className: string }>;
  /** Per hall its name and, per series, the value and how it is written beside its bar. */
  halls: ReadonlyArray<{ name: string; values: ReadonlyArray<{ value: number | null; label: string }> }>;
  /** Written where a hall has no value yet. */
  none: string;
}

/**
 * The chart as inline SVG text. Across, it is laid out in percent of its width; down, in `em` of its font:
 * it fills any column and grows with the page's zoom, and the hall's name stands above its bars so that long
 * names never crowd the axis. Every bar has its value written beside it, the series are told apart by their
 * look as well as their colour, and the `<title>` reads the whole chart to a screen reader.
 *
 * Pure and self-contained (no import, no outer name): the pages embed its source as their script, so that the
 * function tested here is the one the browser runs.
 */
export function hallBarsSvg(chart: HallBarsChart): string {
  const esc = (s: string): string =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
    );
  const AREA = 76; // percent of the width the axis takes; the rest is for the values written after the bars
  const TOP = 1.5; // em: the tick labels' row
  const NAME = 1.35; // em: a hall's name
  const BAR = 1.05; // em: one bar
  const GAP = 0.3; // em: between two bars of a hall
  const AFTER = 0.65; // em: after a hall
  const span = chart.max > chart.min ? chart.max - chart.min : 1;
  const x = (v: number): number => (Math.min(Math.max(v, chart.min), chart.max) - chart.min) / span;
  const pct = (f: number): string => `${(f * AREA).toFixed(2)}%`;
  const perHall = NAME + chart.series.length * (BAR + GAP) + AFTER;
  const height = TOP + chart.halls.length * perHall;
  const parts: string[] = [];
  const spoken: string[] = [];
  chart.ticks.forEach((t, i) => {
    const anchor = i === 0 ? 'start' : i === chart.ticks.length - 1 && x(t.at) === 1 ? 'end' : 'middle';
    parts.push(
      `<line class="grid" x1="${pct(x(t.at))}" x2="${pct(x(t.at))}" y1="${TOP - 0.2}em" y2="${height.toFixed(2)}em"/>`,
      `<text class="tick" x="${pct(x(t.at))}" y="1em" text-anchor="${anchor}">${esc(t.label)}</text>`,
    );
  });
  chart.halls.forEach((hall, h) => {
    const top = TOP + h * perHall;
    parts.push(`<text class="hall" x="0" y="${(top + NAME - 0.35).toFixed(2)}em">${esc(hall.name)}</text>`);
    const said: string[] = [];
    chart.series.forEach((s, i) => {
      const y = top + NAME + i * (BAR + GAP);
      const v = hall.values[i];
      const value = v && v.value !== null && Number.isFinite(v.value) ? v.value : null;
      const text = `<text class="value" y="${(y + BAR - 0.22).toFixed(2)}em"`;
      if (value === null) {
        parts.push(`${text} x="0">${esc(s.name)}: ${esc(chart.none)}</text>`);
        said.push(`${s.name} ${chart.none}`);
        return;
      }
      const f = x(value);
      parts.push(
        `<rect class="bar ${esc(s.className)}" x="0" y="${y.toFixed(2)}em" width="${pct(f)}" height="${BAR}em"/>`,
        `${text} x="${(f * AREA + 1).toFixed(2)}%">${esc(v?.label ?? '')}</text>`,
      );
      said.push(`${s.name} ${v?.label ?? ''}`);
    });
    spoken.push(`${hall.name}: ${said.join(', ')}`);
  });
  return (
    `<svg class="hall-bars" width="100%" height="${height.toFixed(2)}em" role="img">` +
    `<title>${esc(`${chart.title}. ${spoken.join('; ')}`)}</title>${parts.join('')}</svg>`
  );
}

/** A round top for an axis from 0 that holds `most`: 1, 2 or 5 times a power of ten, at least `floor`. */
export function roundAxisTop(most: number, floor: number): number {
  const v = Math.max(most, floor);
  const power = 10 ** Math.floor(Math.log10(v));
  const steps = [1, 2, 5, 10].map((m) => m * power);
  return steps.find((s) => s >= v) ?? 10 * power;
}

/** Grid lines for an axis from 0 to a `roundAxisTop`: round steps (a quarter of 2·10ⁿ, else a fifth). */
export function roundAxisTicks(top: number): number[] {
  const lead = Math.round(top / 10 ** Math.floor(Math.log10(top)));
  const n = lead === 2 ? 4 : 5;
  return Array.from({ length: n + 1 }, (_, i) => (top * i) / n);
}
