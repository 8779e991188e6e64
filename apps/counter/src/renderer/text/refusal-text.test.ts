import { describe, expect, it } from 'vitest';
import { domainError, publicHallConfig } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { indexHall } from '../model/hall-index.js';
import { explainRefusal } from './refusal-text.js';

const NINE = Date.UTC(2026, 10, 30, 2, 0);

function scene() {
  const config = testHall();
  const q = new TestQueue(config, NINE);
  q.open('c1', 'c2');
  return { q, index: indexHall(publicHallConfig(config)) };
}

describe('explainRefusal', () => {
  it('says which counter already took a ticket', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c2' });
    const text = explainRefusal(domainError('TICKET_NOT_CALLABLE', 'x'), {
      state: q.state,
      index,
      counterId: 'c1',
      ticketRef: 'a1',
    });
    expect(text.id).toBe(
      'Antrean ini tidak dapat dipanggil (sudah dipanggil atau selesai). A-001 sudah dipanggil di loket 2.',
    );
    expect(text.en).toBe(
      'This ticket cannot be called (already called or finished). A-001 is already called at counter 2.',
    );
  });

  it('names the service and agency of a ticket the counter does not serve', () => {
    const { q, index } = scene();
    q.issue('paspor');
    const text = explainRefusal(domainError('TICKET_NOT_CALLABLE', 'x'), {
      state: q.state,
      index,
      counterId: 'c1',
      ticketRef: 'P-001',
    });
    expect(text.id).toContain(
      'P-001 adalah antrean Paspor baru (Imigrasi); loket ini tidak melayani layanan itu.',
    );
    expect(text.en).toContain('P-001 is a ticket for New passport (Imigrasi)');
  });

  it('points a no-show to put back, and a sent ticket to its counter', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c2' });
    const ctx = { state: q.state, index, counterId: 'c1' };
    expect(
      explainRefusal(domainError('TICKET_NOT_CALLABLE', 'x'), { ...ctx, ticketRef: 'A-001' }).id,
    ).toContain('A-001 tercatat tidak hadir: kembalikan dulu ke antrean (F9).');
    expect(
      explainRefusal(domainError('TICKET_NOT_CALLABLE', 'x'), { ...ctx, ticketRef: 'A-002' }).id,
    ).toContain('A-002 dialihkan khusus ke loket 2.');
  });

  it('says whose a forbidden ticket or counter is', () => {
    const { q, index } = scene();
    q.issue('jkn');
    expect(
      explainRefusal(domainError('FORBIDDEN', 'x'), {
        state: q.state,
        index,
        counterId: 'c1',
        ticketRef: 'BP-001',
      }).id,
    ).toBe('Anda tidak berwenang untuk tindakan ini. BP-001 milik BPJS, bukan instansi loket ini.');
    expect(explainRefusal(domainError('FORBIDDEN', 'x'), { state: q.state, index, counterId: 'c4' }).en).toBe(
      'You are not allowed to do this. Counter 4 belongs to Imigrasi.',
    );
  });

  it('keeps the general reason when there is nothing more to say, and reads retry delays', () => {
    expect(explainRefusal(domainError('QUEUE_EMPTY', 'x'), { state: undefined, index: undefined }).id).toBe(
      'Tidak ada antrean yang menunggu.',
    );
    expect(
      explainRefusal(domainError('RATE_LIMITED', 'x', { retryAfterMs: 29_001 }), {
        state: undefined,
        index: undefined,
      }).id,
    ).toBe('Terlalu banyak permintaan. Coba lagi sebentar. Coba lagi dalam 30 detik.');
    expect(
      explainRefusal(domainError('COUNTER_BUSY', 'x', { ticket: 'A-007' }), {
        state: undefined,
        index: undefined,
      }).en,
    ).toBe('Finish the current ticket first. A-007 is still active at this counter.');
  });
});
