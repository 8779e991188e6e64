import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export type FakePrinterCondition = 'ready' | 'paper-out' | 'cover-open' | 'mute';

/** A network receipt printer on 127.0.0.1 for tests and demos: answers status requests, keeps every job. */
export interface FakePrinter {
  /** `tcp://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Each connection's print data, status requests removed, in arrival order. */
  readonly jobs: Uint8Array[];
  /** The `n` of every status request (DLE EOT n) received, answered or not, in arrival order. */
  readonly statusRequests: number[];
  /** What the printer reports when asked (DLE EOT); `mute` never answers, as some printers do. */
  condition: FakePrinterCondition;
  /** Resolves with the jobs once there are at least `count`. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/** Status bytes: fixed bits 0x12, plus the fault bits the transports check (see printer-status.ts). */
const ANSWERS: Record<Exclude<FakePrinterCondition, 'mute'>, Record<number, number>> = {
  ready: { 1: 0x12, 2: 0x12, 4: 0x12 },
  'paper-out': { 1: 0x1a, 2: 0x32, 4: 0x72 },
  'cover-open': { 1: 0x1a, 2: 0x16, 4: 0x12 },
};

export async function startFakePrinter(condition: FakePrinterCondition = 'ready'): Promise<FakePrinter> {
  const jobs: Uint8Array[] = [];
  const statusRequests: number[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const data: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i++) {
        // A status request is answered at once and is not part of the job.
        if (chunk[i] === 0x10 && chunk[i + 1] === 0x04 && chunk[i + 2] !== undefined) {
          const n = chunk[i + 2] ?? 0;
          statusRequests.push(n);
          if (printer.condition !== 'mute')
            socket.write(Uint8Array.of(ANSWERS[printer.condition][n] ?? 0x12));
          i += 2;
        } else {
          data.push(chunk[i] ?? 0);
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (data.length === 0) return;
      jobs.push(Uint8Array.from(data));
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const printer: FakePrinter = {
    url: `tcp://127.0.0.1:${port}`,
    port,
    jobs,
    statusRequests,
    condition,
    waitForJobs(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${jobs.length} of ${count} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}
