import { describe, expect, it } from 'vitest';
import { agencyStyle, contrastRatio } from './agency-style.js';

describe('contrastRatio', () => {
  it('follows WCAG 2', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeCloseTo(6.67, 2);
    expect(contrastRatio('blue', '#ffffff')).toBeUndefined();
  });
});

describe('agencyStyle', () => {
  it('keeps white ink and the colour itself when they read', () => {
    expect(agencyStyle('#1565C0')).toEqual({
      '--agency': '#1565C0',
      '--agency-ink': 'var(--antre-on-fill)',
      '--agency-text': '#1565C0',
    });
  });

  it('writes dark ink on a light colour, and darkens it as text on white until it reads', () => {
    const style = agencyStyle('#FFD54F') as Record<string, string>;
    expect(style['--agency']).toBe('#FFD54F');
    expect(style['--agency-ink']).toBe('var(--antre-ink)');
    const text = style['--agency-text'] ?? '';
    expect(contrastRatio(text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Only as dark as needed: the same hue, not black.
    expect(text).not.toBe('#000000');
    expect(contrastRatio(text, '#ffffff')).toBeLessThan(6);
  });

  it('leaves the defaults to the tokens without a usable colour', () => {
    expect(agencyStyle(undefined)).toEqual({});
    expect(agencyStyle('red')).toEqual({});
  });
});
