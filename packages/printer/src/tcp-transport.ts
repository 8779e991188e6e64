import { Socket } from 'node:net';
import { PrinterFault, toPrinterFault } from './printer-fault.js';
import {
  STATUS_OFFLINE_CAUSE,
  STATUS_PAPER,
  isStatusByte,
  offlineCauseFault,
  paperFault,
} from './printer-status.js';

export interface TcpPrintOptions {
  connectTimeoutMs?: number;
  /** How long to wait for each status answer; a printer that does not answer is printed to anyway. */
  statusTimeoutMs?: number;
  /** The whole job, from connect to the last byte handed over. */
  jobTimeoutMs?: number;
  /** Ask the printer for paper and cover status before printing (DLE EOT). */
  checkStatus?: boolean;
}

const DEFAULTS: Required<TcpPrintOptions> = {
  connectTimeoutMs: 3000,
  statusTimeoutMs: 700,
  jobTimeoutMs: 10_000,
  checkStatus: true,
};

/**
 * Sends one job to a raw network printer (port 9100): connect, ask its status, write, close.
 * Rejects with a PrinterFault when the printer is unreachable, reports a fault, or stalls.
 */
export async function printOverTcp(
  host: string,
  port: number,
  bytes: Uint8Array,
  options: TcpPrintOptions = {},
): Promise<void> {
  const o = { ...DEFAULTS, ...options };
  const where = `${host}:${port}`;
  const socket = new Socket();
  // Any socket error or the job timer ends every step at once.
  let fail: (err: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined);
  socket.on('error', (err) => fail(err));
  // A printer that hangs up before it has the whole job did not print it.
  const hungUp = () => fail(new PrinterFault('io-error', `printer ${where} closed the connection`));
  socket.once('end', hungUp);
  socket.once('close', hungUp);
  const jobTimer = setTimeout(() => {
    fail(new PrinterFault('timeout', `printer ${where} did not take the job within ${o.jobTimeoutMs} ms`));
    socket.destroy();
  }, o.jobTimeoutMs);
  const answers = new StatusAnswers(socket);
  try {
    await Promise.race([connect(socket, host, port, o.connectTimeoutMs), failure]);
    if (o.checkStatus) await Promise.race([checkStatus(socket, answers, o.statusTimeoutMs, where), failure]);
    await Promise.race([new Promise<void>((resolve) => socket.end(bytes, () => resolve())), failure]);
  } catch (err) {
    throw toPrinterFault(err);
  } finally {
    clearTimeout(jobTimer);
    // The kernel still delivers what was written before the close.
    socket.destroy();
  }
}

function connect(socket: Socket, host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new PrinterFault('unreachable', `printer ${host}:${port} did not answer within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    socket.connect(port, host, () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('close', () => clearTimeout(timer));
  });
}

async function checkStatus(
  socket: Socket,
  answers: StatusAnswers,
  timeoutMs: number,
  where: string,
): Promise<void> {
  socket.write(STATUS_OFFLINE_CAUSE);
  const cause = await answers.next(timeoutMs);
  // A printer that ignores the first request ignores the second too: do not wait twice.
  if (cause === undefined || !isStatusByte(cause)) return;
  const offline = offlineCauseFault(cause);
  if (offline) throw new PrinterFault(offline, `printer ${where} reports ${offline}`);
  socket.write(STATUS_PAPER);
  const paper = await answers.next(timeoutMs);
  const paperOut = paper !== undefined && isStatusByte(paper) ? paperFault(paper) : undefined;
  if (paperOut) throw new PrinterFault(paperOut, `printer ${where} reports ${paperOut}`);
}

/** The bytes a printer sends back, taken one status answer at a time. */
class StatusAnswers {
  private readonly bytes: number[] = [];
  private wake: (() => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.bytes.push(...chunk);
      this.wake?.();
    });
  }

  next(timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const take = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(this.bytes.shift());
      };
      const timer = setTimeout(take, timeoutMs);
      if (this.bytes.length > 0) take();
      else this.wake = take;
    });
  }
}
