import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakePrinter } from './testing/fake-printer.js';
import { startFakePrinter } from './testing/fake-printer.js';
import { PrinterFault } from './printer-fault.js';
import { openReceiptPrinter } from './receipt-printer.js';
import { printOverTcp } from './tcp-transport.js';

const JOB = Uint8Array.from([0x1b, 0x40, ...new TextEncoder().encode('A-007\n'), 0x1d, 0x56, 0x01]);

let printer: FakePrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

async function faultOf(promise: Promise<unknown>): Promise<PrinterFault> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterFault);
  return err as PrinterFault;
}

describe('printOverTcp', () => {
  it('delivers the job byte for byte to a ready printer', async () => {
    printer = await startFakePrinter();
    await printOverTcp('127.0.0.1', printer.port, JOB);
    expect(await printer.waitForJobs(1)).toEqual([JOB]);
    // Asked first why it might be offline, then about its paper.
    expect(printer.statusRequests).toHaveLength(2);
  });

  it('prints to a printer that does not answer status requests', async () => {
    printer = await startFakePrinter('mute');
    await printOverTcp('127.0.0.1', printer.port, JOB, { statusTimeoutMs: 150 });
    expect(await printer.waitForJobs(1)).toEqual([JOB]);
    // One unanswered request, not two: a printer that ignores the first ignores the second too.
    expect(printer.statusRequests).toHaveLength(1);
  });

  it('refuses to print when the printer is out of paper, and sends nothing', async () => {
    printer = await startFakePrinter('paper-out');
    const fault = await faultOf(printOverTcp('127.0.0.1', printer.port, JOB));
    expect(fault.reason).toBe('paper-out');
    await new Promise((r) => setTimeout(r, 50));
    expect(printer.jobs).toEqual([]);
  });

  it('reports an open cover', async () => {
    printer = await startFakePrinter('cover-open');
    expect((await faultOf(printOverTcp('127.0.0.1', printer.port, JOB))).reason).toBe('cover-open');
  });

  it('skips the status check when told to', async () => {
    printer = await startFakePrinter('paper-out');
    await printOverTcp('127.0.0.1', printer.port, JOB, { checkStatus: false });
    expect(await printer.waitForJobs(1)).toEqual([JOB]);
  });

  it('says a printer nobody listens for is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    expect((await faultOf(printOverTcp('127.0.0.1', port, JOB))).reason).toBe('unreachable');
  });

  it('gives up on a printer that hangs up in the middle of the status check', async () => {
    const server = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const fault = await faultOf(
        printOverTcp('127.0.0.1', port, new Uint8Array(4 * 1024 * 1024), { statusTimeoutMs: 100 }),
      );
      expect(['io-error', 'unreachable']).toContain(fault.reason);
    } finally {
      server.close();
    }
  });
});

describe('openReceiptPrinter', () => {
  it('prints through the URL it was given', async () => {
    printer = await startFakePrinter();
    const receiptPrinter = openReceiptPrinter(printer.url);
    expect(receiptPrinter).toMatchObject({ configured: true, description: printer.url });
    await receiptPrinter.print(JOB);
    expect(await printer.waitForJobs(1)).toHaveLength(1);
  });

  it('without a URL, reports that there is no printer', async () => {
    const none = openReceiptPrinter(undefined);
    expect(none.configured).toBe(false);
    expect((await faultOf(none.print(JOB))).reason).toBe('not-configured');
  });

  it('throws at once on a malformed URL', () => {
    expect(() => openReceiptPrinter('lpt1')).toThrow();
  });
});

describe('a receipt printer', () => {
  it('sends jobs one after the other, never interleaved', async () => {
    printer = await startFakePrinter();
    const receiptPrinter = openReceiptPrinter(printer.url);
    const jobs = [1, 2, 3].map((n) => Uint8Array.from({ length: 64 * 1024 }, () => n));
    await Promise.all(jobs.map((j) => receiptPrinter.print(j)));
    const received = await printer.waitForJobs(3);
    expect(received.map((j) => [j.length, j[0], j.every((b) => b === j[0])])).toEqual([
      [65536, 1, true],
      [65536, 2, true],
      [65536, 3, true],
    ]);
  });
});
