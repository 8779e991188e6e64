import { describe, expect, it } from 'vitest';
import { SurveyLinkKeys } from './survey-link.js';

const keys = new SurveyLinkKeys('a'.repeat(64));

describe('survey link keys', () => {
  it('gives each ticket its own 22-character key, the same every time', () => {
    const k = keys.keyOf('ticket-1');
    expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keys.keyOf('ticket-1')).toBe(k);
    expect(keys.keyOf('ticket-2')).not.toBe(k);
    expect(new SurveyLinkKeys('b'.repeat(64)).keyOf('ticket-1')).not.toBe(k);
  });

  it("accepts a ticket's own key only", () => {
    const k = keys.keyOf('ticket-1');
    expect(keys.verify('ticket-1', k)).toBe(true);
    expect(keys.verify('ticket-2', k)).toBe(false);
    expect(keys.verify('ticket-1', keys.keyOf('ticket-2'))).toBe(false);
    expect(keys.verify('ticket-1', undefined)).toBe(false);
    expect(keys.verify('ticket-1', '')).toBe(false);
    expect(keys.verify('ticket-1', k.slice(0, 21))).toBe(false);
    expect(keys.verify('ticket-1', `${k.slice(0, 21)}!`)).toBe(false);
    expect(keys.verify('ticket-1', 42)).toBe(false);
  });

  it('refuses to work without a secret', () => {
    expect(() => new SurveyLinkKeys('')).toThrow(/secret/);
  });
});
