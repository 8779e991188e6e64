import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralRange, stablePort } from './stable-port.js';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('stablePort', () => {
  it('is free, and below the range the kernel gives to listen(0) and to outgoing connections', async () => {
    const [low, high] = ephemeralRange();
    expect(low).toBeLessThan(high);
    const ports = await Promise.all(Array.from({ length: 20 }, () => stablePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(low);
    }
    const server = await listen(ports[0] ?? 0);
    expect((server.address() as AddressInfo).port).toBe(ports[0]);
    await close(server);
  });

  it('is never what another test is given while a hub is down on it', async () => {
    const port = await stablePort();
    // Another worker's hubs, all asking for any port, while ours restarts.
    const others = await Promise.all(Array.from({ length: 200 }, () => listen(0)));
    try {
      expect(others.map((s) => (s.address() as AddressInfo).port)).not.toContain(port);
      const [low] = ephemeralRange();
      for (const s of others) expect((s.address() as AddressInfo).port).toBeGreaterThanOrEqual(low);
      // And ours gets it back.
      await close(await listen(port));
    } finally {
      await Promise.all(others.map(close));
    }
  });
});
