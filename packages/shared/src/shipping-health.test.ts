import { describe, expect, it } from 'vitest';
import type { PublicShippingStatus } from './shipping-health.js';
import { SHIPPING_LAG_WARN_MS, shippingHealth } from './shipping-health.js';

const keepingUp: PublicShippingStatus = {
  ackSeq: 120,
  localSeq: 121,
  lagEvents: 1,
  lagMs: 800,
  lastAckAt: 1_000,
  lastError: null,
};

describe('shipping health', () => {
  it('tells a hall alone, keeping up, behind past a minute, and failing', () => {
    expect(shippingHealth(null)).toBe('alone');
    expect(shippingHealth(keepingUp)).toBe('ok');
    expect(shippingHealth({ ...keepingUp, lagMs: SHIPPING_LAG_WARN_MS })).toBe('ok');
    expect(shippingHealth({ ...keepingUp, lagMs: SHIPPING_LAG_WARN_MS + 1 })).toBe('behind');
    expect(shippingHealth({ ...keepingUp, lastError: 'ECONNREFUSED' })).toBe('failing');
  });
});
