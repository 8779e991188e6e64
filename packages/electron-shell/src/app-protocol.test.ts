import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ net: {}, protocol: {} }));
const { appUrl, resolveAppFile } = await import('./app-protocol.js');

describe('resolveAppFile', () => {
  const dist = mkdtempSync(join(tmpdir(), 'antre-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<html>');
  writeFileSync(join(dist, 'assets', 'app.js'), '');

  it('serves built files and falls back to index.html for app routes', () => {
    expect(appUrl('kiosk')).toBe('app://antre/kiosk/');
    expect(resolveAppFile('app://antre/kiosk/assets/app.js', 'kiosk', dist)).toBe(
      join(dist, 'assets', 'app.js'),
    );
    expect(resolveAppFile('app://antre/kiosk/', 'kiosk', dist)).toBe(join(dist, 'index.html'));
    expect(resolveAppFile('app://antre/kiosk/layanan/skck', 'kiosk', dist)).toBe(join(dist, 'index.html'));
  });

  it('refuses other apps, other hosts and paths out of the build', () => {
    expect(resolveAppFile('app://antre/counter/', 'kiosk', dist)).toBeUndefined();
    expect(resolveAppFile('app://other/kiosk/', 'kiosk', dist)).toBeUndefined();
    expect(resolveAppFile('app://antre/kiosk/%2e%2e/%2e%2e/etc/passwd', 'kiosk', dist)).toBeUndefined();
  });
});
