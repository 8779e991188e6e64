import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** What the bench's child entries (hub-process, bare-broadcast-process) answer over IPC. */
export type ChildReply =
  | { type: 'listening' }
  | { type: 'ready'; url: string; startMs: number }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'cpu'; mainMs: number; totalMs: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export interface Child {
  pid: number | undefined;
  url: string;
  /** Inside the child: its start call until it serves (ms). */
  startMs: number;
  /** From spawning the process until it reported ready (ms): node boot, imports, start. */
  spawnMs: number;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** CPU time the child has used: its main thread's (NaN off Linux) and all its threads' (ms). */
  cpu(): Promise<{ mainMs: number; totalMs: number }>;
  /** Closes the server gracefully and waits for the process to exit; kills it after a timeout. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * The node flags of `npm start` (package.json): a young generation capped at 4 MB. Replaying a busy day at
 * start grows V8's default one to 32 MB that it then keeps, for 20 MB more RSS and no measurable speed.
 */
const HUB_NODE_FLAGS = ['--max-semi-space-size=4'];

/**
 * Runs `entry` (a compiled bench file next to this one) in its own node process, sends it `start` once it
 * says it is `listening`, and resolves once it serves. The server's CPU and memory are then its own, not
 * the load generator's. The child runs with the flags `npm start` gives the hub (HUB_NODE_FLAGS), so the
 * bench measures the hub as it runs; BENCH_CHILD_EXEC_ARGV (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 * adds flags, to profile it.
 */
export function spawnChild(entry: string, start: object): Promise<Child> {
  const t0 = performance.now();
  const extra = (process.env['BENCH_CHILD_EXEC_ARGV'] ?? '').split(' ').filter((a) => a !== '');
  const execArgv = [...HUB_NODE_FLAGS, ...extra];
  const proc = fork(new URL(entry, import.meta.url), [], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    const onMessage = (m: ChildReply) => {
      if (m.type === 'error') {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.kill('SIGKILL');
        reject(new Error(`${entry}: ${m.message}`));
      } else if (m.type === 'listening') {
        // Only now: a message sent before the child's module set its listener would be lost.
        proc.send({ type: 'start', ...start });
      } else if (m.type === 'ready') {
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve(handle(proc, m.url, m.startMs, performance.now() - t0));
      }
    };
    proc.on('message', onMessage);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${String(code)} before it was ready`));
    });
  });
}

function handle(proc: ChildProcess, url: string, startMs: number, spawnMs: number): Child {
  const next = <T extends ChildReply['type']>(type: T, timeoutMs = 20_000) =>
    new Promise<Extract<ChildReply, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.off('message', onMessage);
        reject(new Error(`no ${type} from the child`));
      }, timeoutMs);
      const onMessage = (m: ChildReply) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve(m as Extract<ChildReply, { type: T }>);
      };
      proc.on('message', onMessage);
    });
  return {
    pid: proc.pid,
    url,
    startMs,
    spawnMs,
    async memory() {
      const reply = next('memory');
      proc.send({ type: 'memory' });
      const { rss, heapUsed } = await reply;
      return { rss, heapUsed };
    },
    async cpu() {
      const reply = next('cpu');
      proc.send({ type: 'cpu' });
      const { mainMs, totalMs } = await reply;
      return { mainMs, totalMs };
    },
    async close() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.send({ type: 'close' });
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
