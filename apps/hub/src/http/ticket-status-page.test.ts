import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TestQueue, testHall } from '@antre/shared/testing';
import { STATUS_PAGE_SCRIPT } from './status-page-script.js';
import { STATUS_TEXT_PAIRS } from './status-page-style.js';
import { ticketStatusPage, ticketUpdate } from './ticket-status-page.js';

const config = testHall({
  hall: { name: 'MPP <Uji> & "Coba"' },
  agencies: [
    {
      id: 'disdukcapil',
      name: 'Dinas Kependudukan',
      shortName: 'Disdukcapil',
      color: '#1e88e5',
      zone: 'Lantai 1',
    },
    { id: 'imigrasi', name: 'Kantor Imigrasi', shortName: 'Imigrasi', color: '#3949ab', zone: 'Lantai 2' },
    { id: 'bpjs', name: 'BPJS Kesehatan', shortName: 'BPJS', color: '#43a047' },
  ],
});
const NOW = Date.UTC(2026, 10, 30, 2);

/** The card's text as a reader hears it: tags gone, entities read. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');

describe('the ticket status page', () => {
  it('tells a waiting visitor where to wait, how many are ahead and the wait, in both languages', () => {
    const q = new TestQueue(config, NOW).open('c1');
    q.issue('ktp');
    const t = q.advance(60_000).issue('ktp');
    const update = ticketUpdate(config, q.state, t.id, q.now);
    expect(update).toMatchObject({ status: 'waiting', calls: 0 });
    expect(update.title).toBe('A-002 · Menunggu · MPP <Uji> & "Coba"');
    const card = text(update.html);
    expect(card).toContain('A-002');
    expect(card).toContain('Menunggu · Waiting');
    expect(card).toContain('Loket 1–2 · Lantai 1');
    expect(card).toContain('Perhatikan layar panggilan');
    expect(card).toMatch(/Antrean di depan Anda Ahead of you 1/);
    expect(card).toMatch(/± \d+ menit/);
  });

  it('says the counters are not open rather than promising a wait', () => {
    const q = new TestQueue(config, NOW);
    const t = q.issue('kk');
    const card = text(ticketUpdate(config, q.state, t.id, q.now).html);
    expect(card).toContain('Loket belum buka');
    expect(card).not.toContain('± 0 menit');
    expect(card).not.toContain('Segera dilayani');
  });

  it('sends a called visitor to the counter, large, and counts each call for the phone to ring', () => {
    const q = new TestQueue(config, NOW).open('c2');
    const t = q.issue('kk');
    q.must({ type: 'callNext', counterId: 'c2' });
    const first = ticketUpdate(config, q.state, t.id, q.now);
    expect(first).toMatchObject({ status: 'called', calls: 1, title: '🔔 B-001 dipanggil · Loket 2' });
    expect(first.html).toMatch(/class="where go"[^>]*>Silakan menuju Loket 2 · Lantai 1/);
    expect(text(first.html)).toContain('Please go to Counter 2 · Lantai 1');
    q.must({ type: 'recall', counterId: 'c2' });
    expect(ticketUpdate(config, q.state, t.id, q.now).calls).toBe(2);
  });

  it('tells held, no-show and transferred visitors what to do now', () => {
    const q = new TestQueue(config, NOW).open('c1', 'c4');
    const held = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'hold', counterId: 'c1' });
    expect(text(ticketUpdate(config, q.state, held.id, q.now).html)).toContain('Ditahan · On hold');
    expect(text(ticketUpdate(config, q.state, held.id, q.now).html)).toContain('Anda akan dipanggil lagi');

    const moved = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' });
    const card = text(ticketUpdate(config, q.state, moved.id, q.now).html);
    expect(card).toContain('dipindahkan ke layanan Paspor');
    expect(card).toContain('Loket 4 · Lantai 2');

    q.must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'noShow', counterId: 'c4', confirm: true });
    expect(text(ticketUpdate(config, q.state, moved.id, q.now).html)).toContain('tidak hadir saat dipanggil');
  });

  it('follows a ticket the hub does not know yet, and escapes what it shows', () => {
    const q = new TestQueue(config, NOW);
    const update = ticketUpdate(config, q.state, 'an-offline-ticket', q.now);
    expect(update.status).toBe('unknown');
    expect(text(update.html)).toContain('belum ditemukan');
    const page = ticketStatusPage(config, q.state, '"><script>alert(1)</script>', q.now);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('MPP &#60;Uji&#62; &#38; &#34;Coba&#34;');
    expect(page).toContain(STATUS_PAGE_SCRIPT);
  });

  it('keeps its script tiny', () => {
    const bytes = Buffer.byteLength(STATUS_PAGE_SCRIPT);
    const gzipped = gzipSync(STATUS_PAGE_SCRIPT).length;
    expect(bytes).toBeLessThan(2048);
    expect(gzipped).toBeLessThan(1024);
  });

  it('meets WCAG AA (4.5:1) with every text on its background', () => {
    for (const [fg, bg] of STATUS_TEXT_PAIRS)
      expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

/** The WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
