import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from './domain-types.js';
import { TestQueue, testHall } from './testing/test-hall.js';
import { TICKET_STATUS_TEXT, ticketGuidance } from './ticket-guidance.js';

const config = testHall({
  agencies: [
    {
      id: 'disdukcapil',
      name: 'Dinas Kependudukan',
      shortName: 'Disdukcapil',
      color: '#1e88e5',
      zone: 'Lantai 1',
    },
    { id: 'imigrasi', name: 'Kantor Imigrasi', shortName: 'Imigrasi', color: '#3949ab', zone: 'Lantai 2' },
    { id: 'bpjs', name: 'BPJS Kesehatan', shortName: 'BPJS', color: '#43a047', zone: 'Lantai 2' },
  ],
});
const NOW = Date.UTC(2026, 10, 30, 2);

describe('ticketGuidance', () => {
  it('follows a ticket from waiting to called, held, served and done', () => {
    const q = new TestQueue(config, NOW).open('c1', 'c2');
    const t = q.issue('ktp');
    expect(ticketGuidance(config, q.ticket(t.id), 'id')).toEqual({
      headline: 'Loket 1–2 · Lantai 1',
      detail: 'Perhatikan layar panggilan: nomor Anda akan dipanggil ke Loket 1–2.',
    });
    q.must({ type: 'callNext', counterId: 'c2' });
    expect(ticketGuidance(config, q.ticket(t.id), 'id').headline).toBe('Silakan menuju Loket 2 · Lantai 1');
    expect(ticketGuidance(config, q.ticket(t.id), 'en').headline).toBe('Please go to Counter 2 · Lantai 1');
    q.must({ type: 'hold', counterId: 'c2' });
    expect(ticketGuidance(config, q.ticket(t.id), 'id').detail).toContain('ditahan di Loket 2');
    q.must({ type: 'callTicket', counterId: 'c2', ticket: t.id });
    q.must({ type: 'startServing', counterId: 'c2' });
    expect(ticketGuidance(config, q.ticket(t.id), 'id').detail).toBe('Anda sedang dilayani di Loket 2.');
    q.must({ type: 'finish', counterId: 'c2' });
    expect(ticketGuidance(config, q.ticket(t.id), 'id').headline).toBe('Layanan selesai');
  });

  it('tells a transferred visitor the new service and where to wait, and a no-show what to do', () => {
    const q = new TestQueue(config, NOW).open('c1', 'c4');
    const t = q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toServiceId: 'paspor' });
    const moved = ticketGuidance(config, q.ticket(t.id), 'id');
    expect(moved.headline).toBe('Loket 4 · Lantai 2');
    expect(moved.detail).toContain('dipindahkan ke layanan Paspor');
    expect(moved.detail).toContain(t.displayNumber);

    q.must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'noShow', counterId: 'c4', confirm: true });
    const missed = ticketGuidance(config, q.ticket(t.id), 'id');
    expect(missed.headline).toBe('Anda tidak hadir saat dipanggil');
    expect(missed.detail).toContain('Loket 4');
  });

  it('has one word for every status, and calls a held ticket "Ditahan"', () => {
    for (const s of TICKET_STATUSES) {
      expect(TICKET_STATUS_TEXT[s].id).not.toBe('');
      expect(TICKET_STATUS_TEXT[s].en).not.toBe('');
    }
    expect(TICKET_STATUS_TEXT.held.id).toBe('Ditahan');
  });
});
