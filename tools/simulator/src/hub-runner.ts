import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { HallConfig } from '@antre/shared';
import { REPO_ROOT } from './day-plan.js';
import type { CentralShipping, HubChildReply, HubChildRequest } from './hub-messages.js';
import type { SimClock } from './sim-clock.js';

const HUB_PROCESS = fileURLToPath(new URL('./hub-process.ts', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface HubRunnerOptions {
  config: HallConfig;
  dataDir: string;
  port: number;
  clock: SimClock;
  durability: 'FULL' | 'NORMAL' | 'OFF';
  /** The hub's stdout and stderr (pino JSON lines) are appended here. */
  logFile: string;
  /** Ship the hub's log to a central service. */
  central?: CentralShipping;
}

/** The simulator's kiosks issue a day's tickets in minutes: the hub's per-kiosk issue limit is raised for it. */
export const SIM_RATE_LIMITS = { issuePerSecond: 1000, issueBurst: 1000 };

export interface HubRestart {
  /** Hall time of the SIGKILL. */
  killedAt: number;
  /** Hall time the new process served again. */
  readyAt: number;
  realMs: number;
}

export interface HubCrash {
  at: number;
  code: number | null;
  signal: string | null;
}

/**
 * Runs the real hub as a child process (hub-process.ts, from source through tsx) on a fixed port, so
 * that clients reconnect to the same address after a restart. Kills it with SIGKILL when told to; any
 * other exit is a crash, recorded, and the hub is started again so the day can go on.
 */
export class HubRunner {
  readonly url: string;
  readonly crashes: HubCrash[] = [];
  readonly restarts: HubRestart[] = [];
  /** Log lines at level error or above (pino level ≥ 50). */
  readonly errorLines: string[] = [];
  /** Whatever the process wrote to stderr (a crash's stack trace; Node warnings). */
  readonly stderrLines: string[] = [];
  private child: ChildProcess | undefined;
  private expectingExit = false;
  private stopping = false;
  private readonly log: WriteStream;

  constructor(private readonly options: HubRunnerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    const child = fork(HUB_PROCESS, [], {
      cwd: REPO_ROOT,
      // --expose-gc: the soak reads the live heap after a full collection (`memory`).
      execArgv: ['--conditions=source', '--import', 'tsx', '--expose-gc'],
      env: { ...process.env, LOG_LEVEL: process.env['HUB_LOG_LEVEL'] ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    this.expectingExit = false;
    this.watchOutput(child);
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.expectingExit || this.stopping) return;
      this.crashes.push({ at: this.options.clock.now(), code, signal });
      this.errorLines.push(`hub exited by itself: code ${String(code)}, signal ${String(signal)}`);
      // Keep the day going, so that the report shows everything else too.
      void this.start().catch((err: unknown) =>
        this.errorLines.push(`hub restart after crash failed: ${String(err)}`),
      );
    });
    await this.request(
      child,
      {
        type: 'start',
        config: this.options.config,
        dataDir: this.options.dataDir,
        port: this.options.port,
        clock: this.options.clock.params,
        durability: this.options.durability,
        rateLimits: SIM_RATE_LIMITS,
        ...(this.options.central ? { central: this.options.central } : {}),
      },
      'ready',
      'listening',
    );
  }

  /** SIGKILL: no shutdown handler runs, as in a crash or a power cut of the hub process. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Kills the hub, waits `downSimMs` of hall time, and starts it again on the same store and port. */
  async restart(downSimMs: number): Promise<HubRestart> {
    const killedAt = this.options.clock.now();
    const t0 = performance.now();
    await this.kill9();
    await this.options.clock.sleep(downSimMs);
    await this.start();
    const restart = { killedAt, readyAt: this.options.clock.now(), realMs: performance.now() - t0 };
    this.restarts.push(restart);
    return restart;
  }

  /** The hub's resident set size, from /proc (Linux), in bytes. */
  rssBytes(): number | undefined {
    const pid = this.pid;
    if (pid === undefined) return undefined;
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m?.[1] ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The hub's memory after a full GC (the process's own view; RSS also comes from /proc). */
  async memory(): Promise<{ rss: number; heapUsed: number; heapTotal: number; external: number }> {
    const child = this.child;
    if (!child) throw new Error('the hub is not running');
    const { rss, heapUsed, heapTotal, external } = await this.request(child, { type: 'memory' }, 'memory');
    return { rss, heapUsed, heapTotal, external };
  }

  async dump(eventsFile: string, stateFile: string): Promise<{ events: number; seq: number }> {
    const child = this.child;
    if (!child) throw new Error('the hub is not running');
    const reply = await this.request(child, { type: 'dump', eventsFile, stateFile }, 'dumped');
    return { events: reply.events, seq: reply.seq };
  }

  /** Closes the hub gracefully; kills it if it does not go within 10 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' } satisfies HubChildRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private watchOutput(child: ChildProcess): void {
    for (const [stream, name] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.log.write(`${line}\n`);
        if (name === 'stderr') this.stderrLines.push(line.slice(0, 500));
        else if (isErrorLine(line)) this.errorLines.push(line.slice(0, 500));
      });
    }
  }

  /** Sends `request` (after `after`, when given) and resolves with the first reply of type `type`. */
  private request<T extends HubChildReply['type']>(
    child: ChildProcess,
    request: HubChildRequest,
    type: T,
    after?: HubChildReply['type'],
  ): Promise<Extract<HubChildReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`the hub gave no ${type} within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      const onMessage = (m: HubChildReply) => {
        if (after !== undefined && m.type === after) child.send(request);
        else if (m.type === 'error') done(new Error(`hub: ${m.message}`));
        else if (m.type === type) done(undefined, m as Extract<HubChildReply, { type: T }>);
      };
      const onExit = () => done(new Error(`the hub exited before ${type}`));
      const done = (err: Error | undefined, reply?: Extract<HubChildReply, { type: T }>) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err || !reply) reject(err ?? new Error('no reply'));
        else resolve(reply);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      // Only after `listening`: a message sent before the child's module set its listener would be lost.
      if (after === undefined) child.send(request);
    });
  }
}

function isErrorLine(line: string): boolean {
  try {
    const parsed = JSON.parse(line) as { level?: unknown };
    return typeof parsed.level === 'number' && parsed.level >= 50;
  } catch {
    return false;
  }
}
