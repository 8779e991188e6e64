import { fileURLToPath } from 'node:url';

export type PrinterTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'file'; path: string };

/** The port raw ESC/POS network printers listen on (JetDirect / "AppSocket"). */
const RAW_PRINT_PORT = 9100;

/**
 * Reads a printer URL from the hall config or the environment: `tcp://host[:port]` for a network printer,
 * `file:///dev/usb/lp0` for a USB printer's device file (or `file://localhost/POS-80`, a shared Windows
 * printer). Throws a plain Error naming the problem, for the person who wrote the config.
 */
export function parsePrinterUrl(text: string): PrinterTarget {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`printer URL "${text}" is not a URL: use tcp://host:9100 or file:///dev/usb/lp0`);
  }
  if (url.protocol === 'tcp:') {
    // WHATWG URL keeps the brackets of an IPv6 host; net.connect wants it bare.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (host === '') throw new Error(`printer URL "${text}" has no host`);
    const port = url.port === '' ? RAW_PRINT_PORT : Number(url.port);
    return { kind: 'tcp', host, port };
  }
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    if (path === '' || path.endsWith('/')) throw new Error(`printer URL "${text}" names no device file`);
    return { kind: 'file', path };
  }
  throw new Error(`printer URL "${text}": only tcp:// and file:// are supported`);
}

/** The environment variable that overrides one kiosk's printer: `ANTRE_PRINTER_KIOSK_1` for `kiosk-1`. */
export function printerEnvName(kioskId: string): string {
  return `ANTRE_PRINTER_${kioskId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
