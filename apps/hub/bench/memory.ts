import { cpSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import type { BenchHall } from './bench-hall.js';
import { removeDir, sleep, tempDir } from './bench-hall.js';
import type { Child } from './child-process.js';
import { startHubChild } from './hub-child.js';
import { closeSockets, openSockets } from './sockets.js';

export interface HubMemory {
  /** The hub process's RSS with the day loaded and `clients` connected (MB, the highest of a few samples). */
  rssMb: number;
  /** The same before any client connected. */
  idleRssMb: number;
  heapUsedMb: number;
  clients: number;
}

const MB = 1024 * 1024;

/** The hub, FULL, in its own process on a copy of `filledDir`, with `clients` public connections from this process. */
export async function hubMemory(hall: BenchHall, filledDir: string, clients = 500): Promise<HubMemory> {
  const dataDir = tempDir('memory');
  let hub: Child | undefined;
  let sockets: Socket[] = [];
  try {
    cpSync(filledDir, dataDir, { recursive: true });
    hub = await startHubChild(hall, dataDir, 'FULL');
    await sleep(500);
    const idle = await hub.memory();
    sockets = await openSockets(hub.url, clients);
    let rss = 0;
    let heapUsed = 0;
    for (let i = 0; i < 4; i += 1) {
      await sleep(500);
      const m = await hub.memory();
      rss = Math.max(rss, m.rss);
      heapUsed = Math.max(heapUsed, m.heapUsed);
    }
    return { rssMb: rss / MB, idleRssMb: idle.rss / MB, heapUsedMb: heapUsed / MB, clients: sockets.length };
  } finally {
    closeSockets(sockets);
    await hub?.close();
    removeDir(dataDir);
  }
}
