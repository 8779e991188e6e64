import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A free port for a hub that a test stops and starts again on the same address, as clients expect of a
 * restarted hub. Taken below the kernel's ephemeral range, never from it: the kernel hands ephemeral ports
 * to every `listen(0)` and outgoing connection on the machine, so while the hub is down another test's
 * hub could take its port (and its clients would then reach that hub, be refused and stop reconnecting),
 * or a client reconnecting to it could be given that very port and connect to itself; then the hub cannot
 * listen again. A port outside the range is only ever taken by someone who asks for it by number.
 */
export async function stablePort(attempts = 50): Promise<number> {
  const [ephemeralLow] = ephemeralRange();
  const low = 10_000;
  const high = Math.min(ephemeralLow, 65_536) - 1;
  for (let i = 0; i < attempts; i++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high} after ${attempts} tries`);
}

/** Linux's `ip_local_port_range`; elsewhere the IANA range (49152–65535), which Windows and macOS use. */
export function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    if (low !== undefined && high !== undefined && Number(low) > 10_000) return [Number(low), Number(high)];
  } catch {
    // not Linux
  }
  return [49_152, 65_535];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
