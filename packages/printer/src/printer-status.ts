import type { PrinterFaultReason } from './printer-fault.js';

/** DLE EOT n: real-time status requests that ESC/POS printers answer with one byte, even mid-job. */
export const STATUS_OFFLINE_CAUSE = Uint8Array.of(0x10, 0x04, 0x02);
export const STATUS_PAPER = Uint8Array.of(0x10, 0x04, 0x04);

/** Every status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status answer. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The fault an offline-cause answer (DLE EOT 2) reports, if any. */
export function offlineCauseFault(byte: number): PrinterFaultReason | undefined {
  if (byte & 0x04) return 'cover-open';
  if (byte & 0x20) return 'paper-out';
  if (byte & 0x40) return 'printer-error';
  return undefined;
}

/** The fault a paper-sensor answer (DLE EOT 4) reports: paper end (bits 5-6). Near end (bits 2-3) still prints. */
export function paperFault(byte: number): PrinterFaultReason | undefined {
  return byte & 0x60 ? 'paper-out' : undefined;
}
