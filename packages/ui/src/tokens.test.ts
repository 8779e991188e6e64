import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './agency-style.js';

/** The colour tokens of tokens.css, `#rrggbb` or `rgb(r g b / a)`, by name. */
function colourTokens(): Map<string, string> {
  const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
  const tokens = new Map<string, string>();
  for (const m of css.matchAll(/(--[a-z0-9-]+):\s*(#[0-9a-f]{6}|rgb\([^)]*\))\s*;/gi)) {
    tokens.set(m[1] ?? '', m[2] ?? '');
  }
  return tokens;
}

const tokens = colourTokens();

function hex(name: string): string {
  const value = tokens.get(`--antre-${name}`);
  if (value === undefined) throw new Error(`no colour token --antre-${name}`);
  return value;
}

/** A token as the opaque colour it shows over `background` (for the translucent ones). */
function over(name: string, background: string): string {
  const value = hex(name);
  const m = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(value);
  if (!m) return value;
  const alpha = Number(m[4]);
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  const mixed = [m[1], m[2], m[3]].map((c, i) => Math.round(Number(c) * alpha + (bg[i] ?? 0) * (1 - alpha)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

// Every pair of text and background the three apps put together; large text (24 px, or 19 px bold) needs 3:1.
const BODY = 4.5;
const LARGE = 3;
const PAIRS: Array<[text: string, backgrounds: string[], min: number]> = [
  ['ink', ['bg', 'surface', 'surface-soft', 'surface-sunken', 'primary-soft'], BODY],
  ['muted', ['bg', 'surface', 'surface-soft', 'surface-sunken', 'primary-soft', 'warn-faint'], BODY],
  ['faint', ['surface'], BODY],
  [
    'on-fill',
    [
      'navy',
      'primary',
      'primary-strong',
      'ok',
      'ok-strong',
      'warn',
      'warn-fill',
      'danger',
      'priority-strong',
    ],
    BODY,
  ],
  ['on-fill-soft', ['primary', 'ok'], BODY],
  ['on-fill', ['off', 'board-unassigned'], LARGE],
  ['primary', ['surface', 'primary-soft'], BODY],
  ['primary-strong', ['primary-soft'], BODY],
  ['ok', ['surface', 'ok-soft'], BODY],
  ['ok-strong', ['ok-soft'], BODY],
  ['warn', ['surface', 'warn-soft', 'warn-faint'], BODY],
  ['warn-strong', ['surface', 'warn-soft', 'warn-faint'], BODY],
  ['danger', ['surface', 'danger-soft'], BODY],
  ['danger-strong', ['danger-soft'], BODY],
  ['priority', ['surface', 'priority-soft'], BODY],
  ['amber-ink', ['amber'], BODY],
  ['disabled', ['surface'], LARGE],
  ['board-muted', ['ink'], BODY],
  ['board-text', ['board-bg', 'board-panel', 'board-tile'], BODY],
  ['board-muted', ['board-bg', 'board-panel', 'board-tile'], BODY],
  ['board-dim', ['board-bg', 'board-panel', 'board-tile'], BODY],
  ['board-warn', ['board-tile'], BODY],
  ['accent', ['board-bg', 'board-panel', 'board-tile', 'hero-ink'], BODY],
  ['accent-ink', ['accent'], BODY],
  ['hero-ink', ['hero'], BODY],
  ['board-danger-ink', ['board-danger'], BODY],
];

describe('the colour tokens', () => {
  it.each(PAIRS.flatMap(([text, backgrounds, min]) => backgrounds.map((bg) => [text, bg, min] as const)))(
    '%s on %s meets %d:1 (WCAG AA)',
    (text, background, min) => {
      const bg = hex(background);
      expect(contrastRatio(over(text, bg), bg)).toBeGreaterThanOrEqual(min);
    },
  );

  it('are all read, so that a renamed token fails here rather than passing unchecked', () => {
    expect(tokens.size).toBeGreaterThan(40);
    expect(() => hex('no-such-colour')).toThrow(/no colour token/);
  });
});
