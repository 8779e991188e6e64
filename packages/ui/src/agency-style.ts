import type { CSSProperties } from 'react';

/** WCAG AA for body text. */
const AA = 4.5;

function channels(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)] : undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21; undefined when one is not such a colour. */
export function contrastRatio(a: string, b: string): number | undefined {
  const ca = channels(a);
  const cb = channels(b);
  if (!ca || !cb) return undefined;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function hex(c: [number, number, number]): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour darkened just enough to read as text on white. */
function readableOnWhite(color: string): string {
  const c = channels(color);
  if (!c) return color;
  for (let keep = 1; keep > 0; keep -= 0.05) {
    const darker = hex([c[0] * keep, c[1] * keep, c[2] * keep]);
    if ((contrastRatio(darker, '#ffffff') ?? 0) >= AA) return darker;
  }
  return '#000000';
}

/**
 * The CSS variables for an agency's colour from the hall config: `--agency` (the fill), `--agency-ink`
 * (text on the fill: white when it reads, else the dark ink) and `--agency-text` (the colour as text on
 * white, darkened when too light). A hall may choose any colour; what is written on it stays WCAG AA.
 * Without a colour, the tokens' defaults (the primary blue) apply.
 */
export function agencyStyle(color: string | undefined): CSSProperties {
  if (color === undefined || !channels(color)) return {};
  const onWhite = contrastRatio(color, '#ffffff') ?? 0;
  return {
    '--agency': color,
    '--agency-ink': onWhite >= AA ? 'var(--antre-on-fill)' : 'var(--antre-ink)',
    '--agency-text': onWhite >= AA ? color : readableOnWhite(color),
  } as CSSProperties;
}
