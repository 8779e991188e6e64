import { describe, expect, it } from 'vitest';
import { normalizeHubUrl } from './hub-url.js';

describe('normalizeHubUrl', () => {
  it("keeps an http(s) hub's origin", () => {
    expect(normalizeHubUrl(' http://192.168.1.10:3000/counter/ ')).toBe('http://192.168.1.10:3000');
    expect(normalizeHubUrl('https://antre.mpp.go.id')).toBe('https://antre.mpp.go.id');
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'hub',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ftp://x',
      'http://user:pw@x',
    ]) {
      expect(normalizeHubUrl(bad)).toBeUndefined();
    }
  });
});
