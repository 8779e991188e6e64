import { describe, expect, it } from 'vitest';
import { T, breakReasonText, fill } from './ui-text.js';

describe('ui text', () => {
  it('fills placeholders in both languages, localized values in their own language', () => {
    expect(fill(T.okCalled, { n: 'A-007', c: 5 })).toEqual({
      id: 'A-007 dipanggil ke loket 5.',
      en: 'A-007 called to counter 5.',
    });
    expect(fill(T.queuedOffline, { n: 'A-007', a: T.finish })).toEqual({
      id: 'A-007: Selesai — akan dikirim saat tersambung kembali.',
      en: 'A-007: Finish — will be sent on reconnect.',
    });
    expect(fill(T.okCalled, {}).id).toBe('{n} dipanggil ke loket {c}.');
  });

  it('writes antrean, never antrian', () => {
    for (const text of Object.values(T)) expect(text.id).not.toMatch(/antrian/i);
  });

  it('shows a known break reason in either language and an unknown one as typed', () => {
    expect(breakReasonText('Salat')).toEqual({ id: 'Salat', en: 'Prayer' });
    expect(breakReasonText('Servis printer')).toEqual({ id: 'Servis printer', en: 'Servis printer' });
    expect(breakReasonText(undefined)).toBeUndefined();
  });
});
