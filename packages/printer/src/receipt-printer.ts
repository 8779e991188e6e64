import { printToFile } from './file-transport.js';
import type { FilePrintOptions } from './file-transport.js';
import { PrinterFault } from './printer-fault.js';
import { parsePrinterUrl } from './printer-url.js';
import type { PrinterTarget } from './printer-url.js';
import { printOverTcp } from './tcp-transport.js';
import type { TcpPrintOptions } from './tcp-transport.js';

/** Somewhere ESC/POS bytes can be sent. */
export interface ReceiptPrinter {
  /** For logs: `tcp://10.0.0.20:9100`, `file:///dev/usb/lp0`, `none`. */
  readonly description: string;
  readonly configured: boolean;
  /** Resolves when the printer has the job; rejects with a PrinterFault. */
  print(bytes: Uint8Array): Promise<void>;
}

export type ReceiptPrinterOptions = TcpPrintOptions & FilePrintOptions;

/**
 * The printer a URL names; no URL gives a printer that always reports `not-configured`, so that a kiosk
 * without one still issues tickets and shows them on screen. A malformed URL throws at once.
 * Jobs go one at a time: a printer takes one connection, and two tickets must not interleave.
 */
export function openReceiptPrinter(
  url: string | undefined,
  options: ReceiptPrinterOptions = {},
): ReceiptPrinter {
  if (url === undefined || url.trim() === '') return NO_PRINTER;
  return printerFor(parsePrinterUrl(url), options);
}

function printerFor(target: PrinterTarget, options: ReceiptPrinterOptions = {}): ReceiptPrinter {
  const send =
    target.kind === 'tcp'
      ? (bytes: Uint8Array) => printOverTcp(target.host, target.port, bytes, options)
      : (bytes: Uint8Array) => printToFile(target.path, bytes, options);
  let last: Promise<unknown> = Promise.resolve();
  return {
    description: target.kind === 'tcp' ? `tcp://${target.host}:${target.port}` : `file://${target.path}`,
    configured: true,
    print(bytes) {
      const job = last.then(() => send(bytes));
      last = job.catch(() => undefined);
      return job;
    },
  };
}

const NO_PRINTER: ReceiptPrinter = {
  description: 'none',
  configured: false,
  print: () => Promise.reject(new PrinterFault('not-configured', 'no printer is configured for this kiosk')),
};
