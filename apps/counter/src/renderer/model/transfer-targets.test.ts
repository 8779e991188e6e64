import { describe, expect, it } from 'vitest';
import { publicHallConfig } from '@antre/shared';
import { TestQueue, testHall } from '@antre/shared/testing';
import { indexHall } from './hall-index.js';
import { initials, normalize } from './search-text.js';
import { searchTargets, transferTargets } from './transfer-targets.js';

const NINE = Date.UTC(2026, 10, 30, 2, 0);

function scene() {
  const config = testHall();
  const q = new TestQueue(config, NINE);
  const index = indexHall(publicHallConfig(config));
  q.open('c1', 'c4');
  const ticket = q.issue('ktp');
  q.issue('paspor');
  q.issue('paspor');
  q.must({ type: 'callNext', counterId: 'c1' });
  return { q, index, ticket: q.ticket(ticket.id) };
}

describe('transferTargets', () => {
  it('lists every other service of the hall with its queue, and every other counter with the service it would join', () => {
    const { q, index, ticket } = scene();
    const targets = transferTargets(q.state, index, 'c1', ticket);
    const services = targets.filter((t) => t.kind === 'service');
    expect(services.map((t) => t.service.id)).toEqual(['kk', 'akta', 'paspor', 'jkn']);
    const paspor = services.find((t) => t.service.id === 'paspor');
    expect([paspor?.waiting, paspor?.openCounters]).toEqual([2, 1]);
    // Closed: nobody open (or on a break) could call the visitor there, so the hub asks for a confirmation.
    expect(services.map((t) => [t.key, t.closed])).toEqual([
      ['service:kk', false],
      ['service:akta', true],
      ['service:paspor', false],
      ['service:jkn', true],
    ]);
    const counters = targets.flatMap((t) =>
      t.kind === 'counter' ? [[t.counter.id, t.serviceId, t.status, t.closed]] : [],
    );
    expect(counters).toEqual([
      ['c2', 'ktp', 'closed', true],
      ['c3', 'akta', 'closed', true],
      ['c4', 'paspor', 'open', false],
      ['c5', 'jkn', 'closed', true],
    ]);
  });
});

describe('searchTargets', () => {
  it('finds by words of the name, agency, prefix, counter number and spoken abbreviation', () => {
    const { q, index, ticket } = scene();
    const targets = transferTargets(q.state, index, 'c1', ticket);
    const keys = (query: string) => searchTargets(targets, query, index).map((t) => t.key);
    expect(keys('paspor')[0]).toBe('service:paspor');
    expect(keys('imigrasi')).toEqual(['service:paspor', 'counter:c4']);
    expect(keys('kk')[0]).toBe('service:kk');
    expect(keys('4')[0]).toBe('counter:c4');
    expect(keys('loket 5')).toEqual(['counter:c5']);
    expect(keys('BP')[0]).toBe('service:jkn');
    expect(keys('zzz')).toEqual([]);
    expect(keys('  ')).toHaveLength(targets.length);
  });
});

describe('text helpers', () => {
  it('normalizes case and diacritics, and abbreviates names without their brackets', () => {
    expect(normalize('Pelayanan É')).toBe('pelayanan e');
    expect(initials('Kartu Keluarga (baru/perubahan)')).toBe('kk');
    expect(initials('Surat keterangan kehilangan')).toBe('skk');
  });
});
