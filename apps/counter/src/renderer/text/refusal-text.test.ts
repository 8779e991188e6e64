import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@antre/shared';
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

/** The hub's own refusal of a command, as the counter receives it. */
function refusalOf(q: TestQueue, input: CommandInput) {
  const decision = q.decide(input);
  if (decision.ok) throw new Error(`${input.type} was accepted`);
  return decision.error;
}

describe('explainRefusal: one sentence, the right one', () => {
  it('says which counter already took a ticket, and nothing else', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c2' });
    const error = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'a1' });
    const text = explainRefusal(error, { state: q.state, index, counterId: 'c1', ticketRef: 'a1' });
    expect(text).toEqual({
      id: 'A-001 sudah dipanggil di loket 2.',
      en: 'A-001 is already called at counter 2.',
    });
  });

  it('a ticket of another service says that, not "already called or finished"', () => {
    const { q, index } = scene();
    q.issue('paspor');
    const error = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'P-001' });
    expect(error.code).toBe('TICKET_NOT_FOR_COUNTER');
    expect(explainRefusal(error, { state: q.state, index, counterId: 'c1', ticketRef: 'P-001' })).toEqual({
      id: 'P-001 adalah antrean Paspor baru · Imigrasi; loket ini tidak melayani layanan itu.',
      en: 'P-001 is a ticket for New passport · Imigrasi; this counter does not serve it.',
    });
    // The same when that ticket has ended: first of all it is not this counter's.
    q.open('c4').must({ type: 'callNext', counterId: 'c4' });
    q.must({ type: 'finish', counterId: 'c4' });
    const ended = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'P-001' });
    expect(explainRefusal(ended, { state: q.state, index, counterId: 'c1' }).id).toContain(
      'loket ini tidak melayani',
    );
  });

  it('points a no-show to put back, and a sent ticket to its counter', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'noShow', counterId: 'c1', confirm: true });
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'transfer', counterId: 'c1', toCounterId: 'c2' });
    const ctx = { state: q.state, index, counterId: 'c1' };
    const noShow = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-001' });
    expect(explainRefusal(noShow, { ...ctx, ticketRef: 'A-001' }).id).toBe(
      'A-001 tercatat tidak hadir: kembalikan dulu ke antrean (F9).',
    );
    const sent = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'A-002' });
    expect(explainRefusal(sent, { ...ctx, ticketRef: 'A-002' }).id).toBe(
      'A-002 dialihkan khusus ke loket 2.',
    );
  });

  it('names an unknown number once, as typed', () => {
    const { q, index } = scene();
    const error = refusalOf(q, { type: 'callTicket', counterId: 'c1', ticket: 'a99' });
    expect(explainRefusal(error, { state: q.state, index, counterId: 'c1', ticketRef: 'a99' })).toEqual({
      id: 'A99 tidak ada hari ini.',
      en: 'A99 does not exist today.',
    });
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
    ).toBe('BP-001 milik BPJS, bukan instansi loket ini.');
    expect(explainRefusal(domainError('FORBIDDEN', 'x'), { state: q.state, index, counterId: 'c4' }).en).toBe(
      'Counter 4 belongs to Imigrasi; you cannot act there.',
    );
  });

  it('explains a call next while the visitor was only called, and an early no-show with the hall’s rule', () => {
    const { q, index } = scene();
    q.issue('ktp');
    q.issue('ktp');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.advance(25_000);
    const ctx = { state: q.state, index, counterId: 'c1' };
    expect(explainRefusal(refusalOf(q, { type: 'callNext', counterId: 'c1' }), ctx).id).toBe(
      'A-001 dipanggil tetapi belum mulai dilayani: mulai layani (F3), atau catat tidak hadir.',
    );
    expect(explainRefusal(refusalOf(q, { type: 'noShow', counterId: 'c1' }), ctx)).toEqual({
      id: 'A-001 baru dipanggil 25 detik lalu dan belum dipanggil ulang. Aturan aula: tunggu 60 detik dan panggil ulang 1× sebelum mencatat tidak hadir.',
      en: 'A-001 was called only 25 seconds ago and not recalled yet. Hall rule: wait 60 seconds and recall 1× before recording a no-show.',
    });
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
    ).toBe('Terlalu banyak permintaan. Coba lagi dalam 30 detik.');
    expect(
      explainRefusal(domainError('COUNTER_BUSY', 'x', { ticket: 'A-007' }), {
        state: undefined,
        index: undefined,
      }).en,
    ).toBe('Finish, hold or transfer A-007 first: it is still active at this counter.');
  });
});
