import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { resolvePublicUrl } from './public-url.js';

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const LAN = { lo: [nic('127.0.0.1', true)], eth0: [nic('fe80::1', false, 'IPv6'), nic('10.20.0.2')] };
const NO_LAN = { lo: [nic('127.0.0.1', true)] };

describe('resolvePublicUrl', () => {
  it('takes the hall’s ANTRE_PUBLIC_URL, without a trailing slash', () => {
    expect(resolvePublicUrl('https://antre.padangpanjang.go.id/', 3000, LAN)).toEqual({
      url: 'https://antre.padangpanjang.go.id',
      source: 'configured',
      loopback: false,
    });
    expect(resolvePublicUrl('http://10.20.0.2:3000/antre/', 3000, LAN).url).toBe(
      'http://10.20.0.2:3000/antre',
    );
  });

  it('flags a configured loopback address, which no phone can open', () => {
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://0.0.0.0',
    ]) {
      expect(resolvePublicUrl(url, 3000, LAN).loopback, url).toBe(true);
    }
  });

  it('falls back to this machine’s network address, and to localhost without one', () => {
    expect(resolvePublicUrl(undefined, 3000, LAN)).toEqual({
      url: 'http://10.20.0.2:3000',
      source: 'network',
      loopback: false,
    });
    expect(resolvePublicUrl('', 3100, NO_LAN)).toEqual({
      url: 'http://localhost:3100',
      source: 'loopback',
      loopback: true,
    });
  });

  it('refuses a value that is not an http(s) URL', () => {
    expect(() => resolvePublicUrl('antre.local', 3000, LAN)).toThrow(/not a URL/);
    expect(() => resolvePublicUrl('ftp://antre.local', 3000, LAN)).toThrow(/http or https/);
  });
});
