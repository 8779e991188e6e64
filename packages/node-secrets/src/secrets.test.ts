import { describe, expect, it } from 'vitest';
import { hashSecret, newToken, tokenHash, verifySecret } from './index.js';

describe('secrets shared by the hub and the centre', () => {
  it('hashes a secret with a fresh salt and checks it', async () => {
    const a = await hashSecret('rahasia-123');
    const b = await hashSecret('rahasia-123');
    expect(a).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(await verifySecret('rahasia-123', a)).toBe(true);
    expect(await verifySecret('rahasia-124', a)).toBe(false);
  });

  it('refuses a stored form it does not know', async () => {
    expect(await verifySecret('x', 'plain$00$00')).toBe(false);
    expect(await verifySecret('x', 'scrypt$only-salt')).toBe(false);
  });

  it('makes distinct tokens and hashes them as hex SHA-256', () => {
    const t = newToken();
    expect(t).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(t);
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
