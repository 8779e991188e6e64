import { describe, expect, it } from 'vitest';
import { parsePrinterUrl, printerEnvName } from './printer-url.js';

describe('parsePrinterUrl', () => {
  it('reads a network printer, port 9100 unless named', () => {
    expect(parsePrinterUrl('tcp://10.0.0.20:9100')).toEqual({ kind: 'tcp', host: '10.0.0.20', port: 9100 });
    expect(parsePrinterUrl('tcp://printer-lobi')).toEqual({ kind: 'tcp', host: 'printer-lobi', port: 9100 });
    expect(parsePrinterUrl(' tcp://127.0.0.1:9200 ')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9200 });
    expect(parsePrinterUrl('tcp://[::1]:9100')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
  });

  it('reads a device file', () => {
    expect(parsePrinterUrl('file:///dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it('refuses what it cannot print to, naming the problem', () => {
    expect(() => parsePrinterUrl('/dev/usb/lp0')).toThrow(/not a URL/);
    expect(() => parsePrinterUrl('http://10.0.0.20')).toThrow(/only tcp:\/\/ and file:\/\//);
    expect(() => parsePrinterUrl('tcp://:9100')).toThrow();
    expect(() => parsePrinterUrl('file:///dev/usb/')).toThrow(/no device file/);
  });
});

describe('printerEnvName', () => {
  it('makes an environment variable name of a kiosk id', () => {
    expect(printerEnvName('kiosk-1')).toBe('ANTRE_PRINTER_KIOSK_1');
    expect(printerEnvName('lobi-utama-2')).toBe('ANTRE_PRINTER_LOBI_UTAMA_2');
  });
});
