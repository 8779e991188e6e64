import type { NetworkInterfaceInfo } from 'node:os';
import { networkInterfaces } from 'node:os';

/** The hub's address as visitors' phones reach it: what every ticket's QR code links to. */
export interface PublicUrl {
  /** `http://10.20.0.2:3000`, no trailing slash. */
  url: string;
  /** Where it came from: the hall's setting (`ANTRE_PUBLIC_URL`), this machine's network address, or neither. */
  source: 'configured' | 'network' | 'loopback';
  /** A loopback address (`localhost`, `127.x`, `::1`): no phone can open it. */
  loopback: boolean;
}

/**
 * The public URL: `configured` (ANTRE_PUBLIC_URL) when set, else the first IPv4 address of this machine on a
 * network, else `http://localhost:<port>`. A configured value that is not an http(s) URL throws: the hub then
 * refuses to start, rather than print tickets whose QR codes open nothing.
 */
export function resolvePublicUrl(
  configured: string | undefined,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): PublicUrl {
  if (configured !== undefined && configured.trim() !== '') {
    let parsed: URL;
    try {
      parsed = new URL(configured.trim());
    } catch {
      throw new Error(`ANTRE_PUBLIC_URL is not a URL: "${configured}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`ANTRE_PUBLIC_URL must be an http or https URL: "${configured}"`);
    }
    const url = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
    return { url, source: 'configured', loopback: isLoopbackHost(parsed.hostname) };
  }
  for (const list of Object.values(interfaces)) {
    const lan = list?.find((i) => i.family === 'IPv4' && !i.internal);
    if (lan) return { url: `http://${lan.address}:${port}`, source: 'network', loopback: false };
  }
  return { url: `http://localhost:${port}`, source: 'loopback', loopback: true };
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127\./.test(host) ||
    /^::ffff:127\./.test(host)
  );
}
