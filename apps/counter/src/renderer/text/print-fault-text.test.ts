import { describe, expect, it } from 'vitest';
import { domainError } from '@antre/shared';
import { printFaultReasonText, reprintFailureText } from './print-fault-text.js';

describe('printFaultReasonText', () => {
  it('reads the reason a kiosk sends, before its technical message, in both languages', () => {
    expect(printFaultReasonText('paper-out: the printer reports no paper')).toEqual({
      id: 'kertas habis',
      en: 'out of paper',
    });
    expect(printFaultReasonText('cover-open')).toEqual({
      id: 'penutup printer terbuka',
      en: 'printer cover open',
    });
    expect(printFaultReasonText('unreachable: connect ECONNREFUSED 10.0.0.9:9100').id).toBe(
      'printer tidak terjangkau',
    );
    expect(printFaultReasonText('offline').id).toBe('printer tidak terjangkau');
    // Written by hand or by an older kiosk: spaces and capitals are the same reason.
    expect(printFaultReasonText('Paper out').id).toBe('kertas habis');
  });

  it('shows any other reason as the kiosk sent it', () => {
    expect(printFaultReasonText('printer dimatikan petugas')).toEqual({
      id: 'printer dimatikan petugas',
      en: 'printer dimatikan petugas',
    });
    expect(printFaultReasonText('constructor')).toEqual({ id: 'constructor', en: 'constructor' });
  });
});

describe('reprintFailureText', () => {
  it('says what is wrong with the printer now, as news rather than a refusal', () => {
    expect(
      reprintFailureText('A-004', domainError('PRINTER_FAULT', 'no paper', { reason: 'paper-out' })),
    ).toEqual({
      tone: 'info',
      text: {
        id: 'A-004 belum tercetak. Printer tiket bermasalah. Penyebab: kertas habis.',
        en: 'A-004 is not printed yet. The ticket printer has a problem. Cause: out of paper.',
      },
    });
    expect(reprintFailureText('A-004', domainError('PRINTER_FAULT', '?')).text.id).toBe(
      'A-004 belum tercetak. Printer tiket bermasalah.',
    );
  });

  it("gives any other answer as a refusal with the hub's reason", () => {
    expect(reprintFailureText('A-004', domainError('FORBIDDEN', 'another agency'))).toEqual({
      tone: 'error',
      text: {
        id: 'A-004: Anda tidak berwenang untuk tindakan ini.',
        en: 'A-004: You are not allowed to do this.',
      },
    });
    expect(reprintFailureText('A-004', domainError('HUB_UNREACHABLE', 'no answer')).text.id).toMatch(
      /^A-004: Tidak terhubung/,
    );
  });
});
