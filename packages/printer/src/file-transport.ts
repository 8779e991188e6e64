import { open } from 'node:fs/promises';
import { PrinterFault, toPrinterFault } from './printer-fault.js';

export interface FilePrintOptions {
  /** A USB printer without paper may block the write; past this the job counts as failed. */
  timeoutMs?: number;
}

/**
 * Writes one job to a printer's device file (`/dev/usb/lp0`; a shared Windows printer's UNC path).
 * Appends, so that a plain file used instead of a device collects every job.
 */
export async function printToFile(
  path: string,
  bytes: Uint8Array,
  options: FilePrintOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 8000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PrinterFault('timeout', `device ${path} did not take the job within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const job = (async () => {
    const handle = await open(path, 'a');
    try {
      await handle.write(bytes);
    } finally {
      await handle.close();
    }
  })();
  // A write still blocked after the timeout finishes (or fails) on its own; nobody waits for it.
  job.catch(() => undefined);
  try {
    await Promise.race([job, timeout]);
  } catch (err) {
    throw toPrinterFault(err);
  } finally {
    clearTimeout(timer);
  }
}
