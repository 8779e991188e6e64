import { describe, expect, it } from 'vitest';
import type { HallBarsChart } from './hall-bars.js';
import { hallBarsSvg, roundAxisTicks, roundAxisTop } from './hall-bars.js';

const waits: HallBarsChart = {
  title: 'Waktu tunggu · Waiting time',
  min: 0,
  max: 20,
  ticks: [
    { at: 0, label: '0' },
    { at: 10, label: '10' },
    { at: 20, label: '20' },
  ],
  series: [
    { name: 'Rata-rata', className: 'solid' },
    { name: 'P90', className: 'hollow' },
  ],
  halls: [
    {
      name: 'MPP Kota Padang Panjang',
      values: [
        { value: 5, label: '5,0' },
        { value: 12, label: '12,0' },
      ],
    },
    {
      name: 'MPP <Bukittinggi> & "Agam"',
      values: [
        { value: null, label: '–' },
        { value: 40, label: '40,0' },
      ],
    },
  ],
  none: 'belum ada',
};

/** The chart as a DOM-free list of its elements' attributes. */
function elements(svg: string, tag: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('hallBarsSvg', () => {
  it('draws one bar per hall and series, its length in proportion, clamped to the axis', () => {
    const bars = elements(hallBarsSvg(waits), 'rect');
    // Hall 2 has no mean yet: three bars, not four.
    expect(bars.map((b) => b['class'])).toEqual(['bar solid', 'bar hollow', 'bar hollow']);
    const widths = bars.map((b) => Number.parseFloat(b['width'] ?? ''));
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) * (12 / 5), 1);
    // 40 on an axis up to 20 is drawn at the axis' end, and its label still says 40.
    expect(widths[2]).toBeCloseTo((widths[0] ?? 0) * (20 / 5), 1);
    expect(hallBarsSvg(waits)).toContain('>40,0</text>');
    // Down the chart in em (grows with zoom), across in percent (fills its column).
    for (const b of bars) {
      expect(b['y']).toMatch(/em$/);
      expect(b['width']).toMatch(/%$/);
    }
    const ys = bars.map((b) => Number.parseFloat(b['y'] ?? ''));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('writes every value, says where there is none, and escapes names', () => {
    const svg = hallBarsSvg(waits);
    const texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      '0',
      '10',
      '20',
      'MPP Kota Padang Panjang',
      '5,0',
      '12,0',
      'MPP &lt;Bukittinggi&gt; &amp; &quot;Agam&quot;',
      'Rata-rata: belum ada',
      '40,0',
    ]);
    // The accessible name reads the whole chart.
    const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
    expect(title).toBe(
      'Waktu tunggu · Waiting time. MPP Kota Padang Panjang: Rata-rata 5,0, P90 12,0; ' +
        'MPP &lt;Bukittinggi&gt; &amp; &quot;Agam&quot;: Rata-rata belum ada, P90 40,0',
    );
    expect(svg).toMatch(/^<svg class="hall-bars" width="100%" height="[\d.]+em" role="img">/);
  });

  it('grows by the same height for each hall', () => {
    const height = (n: number) =>
      Number.parseFloat(
        /height="([\d.]+)em" role/.exec(hallBarsSvg({ ...waits, halls: waits.halls.slice(0, n) }))?.[1] ?? '',
      );
    expect(height(2) - height(1)).toBeCloseTo(height(1) - height(0), 5);
    expect(height(1)).toBeGreaterThan(height(0));
  });

  it('runs alone, as the page embeds it: its source names nothing outside itself', () => {
    const alone = new Function(`${hallBarsSvg.toString()}; return hallBarsSvg;`)() as typeof hallBarsSvg;
    expect(alone(waits)).toBe(hallBarsSvg(waits));
    const top = new Function(`${roundAxisTop.toString()}; return roundAxisTop;`)() as typeof roundAxisTop;
    expect(top(37, 10)).toBe(roundAxisTop(37, 10));
    const ticks = new Function(
      `${roundAxisTicks.toString()}; return roundAxisTicks;`,
    )() as typeof roundAxisTicks;
    expect(ticks(20)).toEqual(roundAxisTicks(20));
  });
});

describe('roundAxisTop', () => {
  it('rounds up to 1, 2 or 5 times a power of ten, never below the floor', () => {
    expect([0, 3, 10, 11, 23, 37, 51, 0.4].map((v) => roundAxisTop(v, 10))).toEqual([
      10, 10, 10, 20, 50, 50, 100, 10,
    ]);
    expect(roundAxisTop(0.3, 0.2)).toBe(0.5);
  });
});

describe('roundAxisTicks', () => {
  it('steps by round numbers from 0 to the top', () => {
    expect(roundAxisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(roundAxisTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(roundAxisTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(roundAxisTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    const small = roundAxisTicks(0.5);
    expect(small).toHaveLength(6);
    small.forEach((v, i) => expect(v).toBeCloseTo(i / 10, 10));
  });
});
