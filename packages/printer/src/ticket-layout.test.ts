import { describe, expect, it } from 'vitest';
import type { ReceiptBlock, ReceiptRun } from './testing/escpos-decoder.js';
import { decodeEscPos, receiptText } from './testing/escpos-decoder.js';
import type { PrintableTicket } from './printable-ticket.js';
import { printableTicket } from './printable-ticket.js';
import { COLUMNS, encodeTicket } from './ticket-layout.js';

const TICKET: PrintableTicket = {
  lang: 'id',
  hallName: 'MPP Kota Padang Panjang',
  hallAddress: 'Kota Padang Panjang, Sumatera Barat',
  displayNumber: 'A-007',
  serviceName: 'Perekaman KTP-el',
  agencyName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Padang Panjang',
  date: 'Senin, 30 November 2026',
  time: '09.14 WIB',
  ahead: 3,
  wait: '± 30 menit',
  place: 'Loket 2–3 · Lantai 1',
  watch: 'Perhatikan layar panggilan',
  requirements: ['Berusia 17 tahun atau sudah menikah', 'Kartu Keluarga (KK)'],
  statusUrl: 'http://10.0.0.2:3000/t/0f8c2a3e-1234-4abc-9def-0123456789ab',
};

const lines = (blocks: ReceiptBlock[]) => blocks.filter((b) => b.kind === 'line');
const columnsUsed = (runs: ReceiptRun[]) => runs.reduce((n, r) => n + r.text.length * r.width, 0);

describe('encodeTicket', () => {
  for (const paper of [80, 58] as const) {
    it(`prints every part of the ticket on ${paper} mm paper`, () => {
      const doc = decodeEscPos(encodeTicket(TICKET, paper));
      const text = receiptText(doc);
      expect(doc.unknown).toEqual([]);
      expect(text).toContain('MPP KOTA PADANG PANJANG');
      expect(text).toContain('NOMOR ANTREAN');
      expect(text).toContain('Perekaman KTP-el');
      expect(text).toContain('Senin, 30 November 2026');
      expect(text).toContain('09.14 WIB');
      expect(text).toMatch(/Antrean di depan Anda +3/);
      expect(text).toMatch(/\+\/- 30 menit/);
      expect(text).toContain('LOKET 2-3, LANTAI 1');
      expect(text).toContain('Perhatikan layar panggilan');
      expect(text).toContain('- Kartu Keluarga (KK)');
      expect(text).toContain('Pindai untuk memantau');

      const qr = doc.blocks.filter((b) => b.kind === 'qr');
      expect(qr).toEqual([
        {
          kind: 'qr',
          align: 'center',
          payload: TICKET.statusUrl,
          moduleSize: paper === 80 ? 6 : 5,
          errorLevel: 'M',
        },
      ]);
      const cut = doc.blocks.findIndex((b) => b.kind === 'cut');
      expect(doc.blocks[cut]).toEqual({ kind: 'cut', partial: true });
      expect(cut).toBeGreaterThan(doc.blocks.findIndex((b) => b.kind === 'qr'));
      // Feed before the cut, so that the footer clears the blade; nothing printed after it.
      expect(doc.blocks.slice(cut - 3, cut).every((b) => b.kind === 'line' && b.runs.length === 0)).toBe(
        true,
      );
      expect(receiptText({ ...doc, blocks: doc.blocks.slice(cut + 1) }).trim()).toBe('');
    });

    it(`prints the number as large as ${paper} mm paper allows, and nothing past the edge`, () => {
      const doc = decodeEscPos(encodeTicket({ ...TICKET, displayNumber: 'KT-128' }, paper));
      const runs = lines(doc.blocks).flatMap((l) => l.runs);
      const number = runs.find((r) => r.text === 'KT-128');
      const scale = paper === 80 ? 8 : 5;
      expect(number).toMatchObject({ width: scale, height: scale, bold: true });
      expect(Math.max(...runs.map((r) => r.height))).toBe(scale);
      for (const line of lines(doc.blocks))
        expect(columnsUsed(line.runs)).toBeLessThanOrEqual(COLUMNS[paper]);
    });
  }

  it('marks a priority ticket in reverse print', () => {
    const doc = decodeEscPos(encodeTicket({ ...TICKET, priority: 'IBU HAMIL' }, 80));
    const run = lines(doc.blocks)
      .flatMap((l) => l.runs)
      .find((r) => r.text.includes('PRIORITAS: IBU HAMIL'));
    expect(run).toMatchObject({ invert: true, bold: true });
  });

  it('prints in English when the visitor chose English', () => {
    const text = receiptText(
      decodeEscPos(encodeTicket({ ...TICKET, lang: 'en', ahead: 0, wait: 'Served shortly' }, 80)),
    );
    expect(text).toContain('QUEUE NUMBER');
    expect(text).toMatch(/People ahead of you +0/);
    expect(text).toMatch(/Estimated wait +Served shortly/);
    expect(text).not.toContain('NOMOR ANTREAN');
  });

  it('keeps a long requirements list short', () => {
    const requirements = Array.from({ length: 9 }, (_, i) => `Dokumen ${i + 1}`);
    const text = receiptText(decodeEscPos(encodeTicket({ ...TICKET, requirements }, 58)));
    expect(text).toContain('- Dokumen 6');
    expect(text).not.toContain('Dokumen 7');
    expect(text).toContain('+ 3 persyaratan lain');
  });

  it('wraps a wait too long for the line under its label, within the paper', () => {
    const wait = 'Loket belum buka, dibuka besok pukul 08.00';
    const doc = decodeEscPos(encodeTicket({ ...TICKET, wait }, 58));
    const text = receiptText(doc);
    expect(text).toContain('Loket belum buka, dibuka besok');
    expect(text).toContain('pukul 08.00');
    for (const line of lines(doc.blocks)) expect(columnsUsed(line.runs)).toBeLessThanOrEqual(COLUMNS[58]);
  });

  it('lists a visit’s desks in order, one number for all, long names wrapped under their own number', () => {
    const legs = ['Surat pindah (SKPWNI) · Disdukcapil', 'Kartu Keluarga (baru/perubahan) · Disdukcapil'];
    const text = receiptText(decodeEscPos(encodeTicket({ ...TICKET, legs }, 58)));
    expect(text).toContain('Rencana kunjungan (satu nomor):');
    expect(text).toMatch(/1\. Surat pindah \(SKPWNI\)/);
    expect(text).toMatch(/2\. Kartu Keluarga/);
    expect(text.indexOf('1. Surat')).toBeLessThan(text.indexOf('2. Kartu'));
    expect(receiptText(decodeEscPos(encodeTicket(TICKET, 58)))).not.toContain('Rencana kunjungan');
  });

  it('prints typographic text as ASCII', () => {
    const doc = decodeEscPos(encodeTicket({ ...TICKET, serviceName: 'Legalisir – “asli”' }, 80));
    expect(receiptText(doc)).toContain('Legalisir - "asli"');
    expect(receiptText(doc)).not.toContain('\ufffd');
  });
});

describe('printableTicket', () => {
  const config = {
    hall: {
      id: 'mpp',
      name: 'MPP Kota Padang Panjang',
      timeZone: 'Asia/Jakarta' as const,
      hours: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
    },
    agencies: [
      {
        id: 'disdukcapil',
        name: 'Disdukcapil Kota Padang Panjang',
        shortName: 'Disdukcapil',
        color: '#1565C0',
      },
    ],
    services: [
      {
        id: 'ktp',
        agencyId: 'disdukcapil',
        prefix: 'A',
        name: { id: 'Perekaman KTP-el', en: 'KTP-el enrolment' },
        requirements: { id: ['Kartu Keluarga (KK)'], en: ['Family card (KK)'] },
        targetMinutes: 10,
      },
    ],
    counters: [
      { id: 'c2', name: '2', agencyId: 'disdukcapil', serviceIds: ['ktp'], zone: 'Lantai 1' },
      { id: 'c3', name: '3', agencyId: 'disdukcapil', serviceIds: ['ktp'], zone: 'Lantai 1' },
    ],
  };
  const ticket = {
    id: '0f8c2a3e-1234-4abc-9def-0123456789ab',
    serviceId: 'ktp',
    displayNumber: 'A-007',
    // Monday 30 November 2026, 09:14 WIB
    issuedAt: Date.UTC(2026, 10, 30, 2, 14),
    priority: 'elderly' as const,
  };

  it('takes the names, the hall time and the QR link from the config and the ticket', () => {
    const p = printableTicket({
      config,
      ticket,
      estimate: { ahead: 2, minutes: 20 },
      publicUrl: 'http://hub:3000/',
      lang: 'id',
    });
    expect(p).toMatchObject({
      hallName: 'MPP Kota Padang Panjang',
      serviceName: 'Perekaman KTP-el',
      agencyName: 'Disdukcapil Kota Padang Panjang',
      date: 'Senin, 30 November 2026',
      time: '09.14 WIB',
      priority: 'LANSIA',
      requirements: ['Kartu Keluarga (KK)'],
      statusUrl: 'http://hub:3000/t/0f8c2a3e-1234-4abc-9def-0123456789ab',
      wait: '± 20 menit',
      place: 'Loket 2–3 · Lantai 1',
      watch: 'Perhatikan layar panggilan',
    });
    expect(p.hallAddress).toBeUndefined();
  });

  it('prints the likely span when the estimate is uncertain (issue 12)', () => {
    const p = printableTicket({
      config,
      ticket,
      estimate: { ahead: 6, minutes: 17, low: 11, high: 24 },
      publicUrl: 'http://hub:3000/',
      lang: 'id',
    });
    expect(p.wait).toBe('± 10–25 menit');
  });

  it("puts the ticket's survey link key into the QR link when the hub gives one", () => {
    const p = printableTicket({
      config,
      ticket,
      estimate: { ahead: 2, minutes: 20 },
      publicUrl: 'http://hub:3000',
      linkKey: 'Ab-_0123456789abcdefgh',
      lang: 'id',
    });
    expect(p.statusUrl).toBe(
      'http://hub:3000/t/0f8c2a3e-1234-4abc-9def-0123456789ab?k=Ab-_0123456789abcdefgh',
    );
  });

  it('speaks English when asked, and has no priority line for a regular visitor', () => {
    const p = printableTicket({
      config,
      ticket: { ...ticket, priority: 'none' },
      estimate: { ahead: 0, minutes: 0 },
      publicUrl: 'http://hub:3000',
      lang: 'en',
    });
    expect(p.serviceName).toBe('KTP-el enrolment');
    expect(p.date).toBe('Monday, 30 November 2026');
    expect(p.priority).toBeUndefined();
    expect(p.legs).toBeUndefined();
    expect(p.wait).toBe('Served shortly');
    expect(p.place).toBe('Counters 2–3 · Lantai 1');
  });

  it('says the counters are closed rather than a wait, when told so', () => {
    const p = printableTicket({
      config,
      ticket: { ...ticket, targetCounterId: 'c3' },
      estimate: { ahead: 0, minutes: 0 },
      outlook: { kind: 'counters-closed', opens: { weekday: 'mon', at: '13:00', inDays: 0 } },
      publicUrl: 'http://hub:3000',
      lang: 'id',
    });
    expect(p.wait).toBe('Loket belum buka, dibuka pukul 13.00');
    expect(p.place).toBe('Loket 3 · Lantai 1');
  });

  it('lists a visit’s legs and their requirements once each', () => {
    const visitConfig = {
      ...config,
      services: [
        ...config.services,
        {
          id: 'kk',
          agencyId: 'disdukcapil',
          prefix: 'K',
          name: { id: 'Kartu Keluarga', en: 'Family card' },
          requirements: {
            id: ['Kartu Keluarga (KK)', 'Surat pindah'],
            en: ['Family card (KK)', 'Moving letter'],
          },
          targetMinutes: 10,
        },
      ],
    };
    const visit = { legs: [{ serviceId: 'kk' }, { serviceId: 'ktp' }] };
    const p = printableTicket({
      config: visitConfig,
      ticket: { ...ticket, serviceId: 'kk', visit },
      estimate: { ahead: 0, minutes: 0 },
      publicUrl: 'http://hub:3000',
      lang: 'id',
    });
    expect(p.legs).toEqual(['Kartu Keluarga · Disdukcapil', 'Perekaman KTP-el · Disdukcapil']);
    expect(p.requirements).toEqual(['Kartu Keluarga (KK)', 'Surat pindah']);
  });
});
