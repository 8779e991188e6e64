/** Why a ticket did not print. `not-configured` is no fault of the printer: the kiosk has none. */
export const PRINTER_FAULT_REASONS = [
  'not-configured',
  'unreachable',
  'timeout',
  'paper-out',
  'cover-open',
  'printer-error',
  'io-error',
] as const;
export type PrinterFaultReason = (typeof PRINTER_FAULT_REASONS)[number];

export class PrinterFault extends Error {
  override readonly name = 'PrinterFault';

  constructor(
    readonly reason: PrinterFaultReason,
    message: string,
  ) {
    super(message);
  }
}

/** Any error from a transport as a PrinterFault: node's error codes say which kind. */
export function toPrinterFault(err: unknown): PrinterFault {
  if (err instanceof PrinterFault) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new PrinterFault('unreachable', message);
    case 'ETIMEDOUT':
      return new PrinterFault('timeout', message);
    default:
      return new PrinterFault('io-error', message);
  }
}
