import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** One line of the hub's JSON log (pino). */
export type LogLine = Record<string, unknown> & { msg?: string };

/** A hub as its own OS process, run from source, so a test can kill it the hard way. */
export class HubProcess {
  private child: ChildProcess | undefined;
  readonly url: string;
  /** The hub's log lines, when started with `LOG_LEVEL` info or lower: read from its stdout. */
  readonly log: LogLine[] = [];
  /** What it printed on stderr (a refused start says why there). */
  readonly stderr: string[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const child = this.spawn();
    // Generous: a hub started from source on a loaded two-core machine can take tens of seconds.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('hub did not start in 60 s');
  }

  /** Runs the hub until it exits by itself (a refused start): its exit code. */
  async run(): Promise<number | null> {
    const child = this.spawn();
    // 'close': the process has exited and its output has been read to the end.
    return new Promise((resolve) => child.once('close', (code) => resolve(code)));
  }

  /** SIGKILL: no shutdown handler runs, as in a crash or a power cut of the process. */
  kill9(): Promise<number | null> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM, as a service manager stops it; resolves with the exit code once the process is gone. */
  stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  private spawn(): ChildProcess {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => this.log.push(logLine(line)));
    }
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => this.stderr.push(line));
    return child;
  }

  private signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return Promise.resolve(child?.exitCode ?? null);
    }
    return new Promise((resolve) => {
      child.once('close', (code) => resolve(code));
      child.kill(signal);
    });
  }
}

function logLine(line: string): LogLine {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return { raw: line };
  }
}
