import { describe, expect, it } from 'vitest';
import { isNavigationAllowed } from './navigation-guard.js';

describe('isNavigationAllowed', () => {
  const hub = ['http://192.168.1.10:3000'];
  it('allows the app itself and the hub', () => {
    expect(isNavigationAllowed('app://antre/kiosk/index.html', hub)).toBe(true);
    expect(isNavigationAllowed('http://192.168.1.10:3000/t/abc', hub)).toBe(true);
  });
  it('refuses the web, other hosts, other ports and junk', () => {
    expect(isNavigationAllowed('https://example.com/', hub)).toBe(false);
    expect(isNavigationAllowed('http://192.168.1.10:8080/', hub)).toBe(false);
    expect(isNavigationAllowed('app://evil/kiosk/', hub)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', hub)).toBe(false);
    expect(isNavigationAllowed('not a url', hub)).toBe(false);
    expect(isNavigationAllowed('http://192.168.1.10:3000/', ['::bad origin::'])).toBe(false);
  });
});
