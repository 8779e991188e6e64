import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { printToFile } from './file-transport.js';
import { PrinterFault } from './printer-fault.js';
import { openReceiptPrinter } from './receipt-printer.js';

const dir = mkdtempSync(join(tmpdir(), 'antre-printer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printToFile', () => {
  it('appends each job to the device file', async () => {
    const device = join(dir, 'lp0');
    await printToFile(device, Uint8Array.of(1, 2));
    await openReceiptPrinter(pathToFileURL(device).href).print(Uint8Array.of(3));
    expect([...readFileSync(device)]).toEqual([1, 2, 3]);
  });

  it('says an unplugged printer (no device file) is unreachable', async () => {
    const err = await printToFile(join(dir, 'missing', 'lp0'), Uint8Array.of(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterFault);
    expect((err as PrinterFault).reason).toBe('unreachable');
  });
});
