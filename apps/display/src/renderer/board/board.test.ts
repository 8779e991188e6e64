import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadonlyTicket } from '@antre/shared';
import { hallConfig, publicHallConfig } from '@antre/shared';
import { TestQueue, dayWith, testHall } from '@antre/shared/testing';
import { counterBoard } from './counter-board.js';
import { parseDisplayOptions } from './display-options.js';
import { resolveScope } from './display-scope.js';
import { waitingByAgency } from './waiting-counts.js';

const demo = publicHallConfig(
  hallConfig.parse(
    JSON.parse(readFileSync(new URL('../../../../hub/config/demo-hall.json', import.meta.url), 'utf8')),
  ),
);
const MONDAY_9AM_WIB = Date.UTC(2026, 10, 30, 2, 0);

describe('resolveScope', () => {
  it('covers the whole hall without a filter', () => {
    const scope = resolveScope(demo, {});
    expect(scope.counters).toHaveLength(24);
    expect(scope.agencies).toHaveLength(14);
    expect(scope.label).toBeUndefined();
    expect(scope.unknown).toEqual([]);
  });

  it('limits to a floor, matching the zone name whatever its case', () => {
    const scope = resolveScope(demo, { zone: 'lantai 2' });
    expect(scope.label).toBe('Lantai 2');
    expect(scope.counters.map((c) => c.name)).toEqual(['16', '17', '18', '19', '20', '21', '22', '23', '24']);
    expect(scope.agencies.map((a) => a.id)).toEqual([
      'imigrasi',
      'dpmptsp',
      'bpjs-ketenagakerjaan',
      'kpp-pratama',
      'bpn',
      'kemenag',
    ]);
    expect(scope.counterIds.has('loket-16')).toBe(true);
    expect(scope.counterIds.has('loket-2')).toBe(false);
  });

  it('limits to agencies, and to the agencies within a floor', () => {
    const two = resolveScope(demo, { agencyIds: ['disdukcapil', 'samsat'] });
    expect(two.counters.map((c) => c.id)).toEqual([
      'loket-2',
      'loket-3',
      'loket-4',
      'loket-5',
      'loket-6',
      'loket-7',
    ]);
    expect(two.label).toBe('Disdukcapil · Samsat');
    const none = resolveScope(demo, { zone: 'Lantai 2', agencyIds: ['disdukcapil'] });
    expect(none.counters).toEqual([]);
    expect(none.label).toBe('Lantai 2');
  });

  it('reports filter values that match nothing, such as a typo in the URL', () => {
    const scope = resolveScope(demo, { zone: 'Lantai 9', agencyIds: ['dukcapil'], counterIds: ['loket-99'] });
    expect(scope.unknown).toEqual(['dukcapil', 'loket-99', 'Lantai 9']);
    expect(scope.counters).toEqual([]);
  });

  it('takes a counter zone before its agency zone', () => {
    const config = publicHallConfig(
      testHall({
        agencies: [
          { id: 'disdukcapil', name: 'Disdukcapil', shortName: 'Dukcapil', color: '#123456', zone: 'A' },
        ],
        services: [
          {
            id: 'ktp',
            agencyId: 'disdukcapil',
            prefix: 'A',
            name: { id: 'KTP', en: 'ID' },
            requirements: { id: [], en: [] },
            targetMinutes: 5,
          },
        ],
        counters: [
          { id: 'c1', name: '1', agencyId: 'disdukcapil', serviceIds: ['ktp'] },
          { id: 'c2', name: '2', agencyId: 'disdukcapil', serviceIds: ['ktp'], zone: 'B' },
        ],
        staff: [],
      }),
    );
    expect(resolveScope(config, { zone: 'A' }).counters.map((c) => c.id)).toEqual(['c1']);
    expect(resolveScope(config, { zone: 'B' }).counters.map((c) => c.id)).toEqual(['c2']);
  });
});

describe('counterBoard and waitingByAgency', () => {
  it('shows each counter with the visitor it called or serves, and the waiting per agency', () => {
    const config = testHall();
    const q = new TestQueue(config, MONDAY_9AM_WIB);
    q.open('c1', 'c2', 'c4');
    q.must({ type: 'setCounterStatus', counterId: 'c4', status: 'paused', reason: 'istirahat' });
    const a1 = q.issue('ktp');
    const a2 = q.issue('ktp');
    const b1 = q.issue('kk');
    q.issue('paspor');
    q.issue('jkn');
    q.must({ type: 'callNext', counterId: 'c1' });
    q.must({ type: 'callNext', counterId: 'c2' });
    q.must({ type: 'startServing', counterId: 'c2' });
    // c2 prefers Kartu Keluarga: it took B-001, leaving A-002 waiting.
    expect(q.ticket(a2.id).status).toBe('waiting');

    const rows = counterBoard(q.state, config.counters, config.agencies);
    expect(rows.map((r) => [r.counter.id, r.activity, r.ticket?.displayNumber])).toEqual([
      ['c1', 'called', a1.displayNumber],
      ['c2', 'serving', b1.displayNumber],
      ['c3', 'closed', undefined],
      ['c4', 'paused', undefined],
      ['c5', 'closed', undefined],
    ]);
    expect(rows[0]?.agency?.shortName).toBe('Disdukcapil');

    q.must({ type: 'finish', counterId: 'c1' });
    expect(counterBoard(q.state, config.counters, config.agencies)[0]).toMatchObject({ activity: 'idle' });

    const waiting = waitingByAgency(q.state, config.agencies, config.services);
    expect(waiting.map((w) => [w.agency.id, w.waiting])).toEqual([
      ['disdukcapil', 1],
      ['imigrasi', 1],
      ['bpjs', 1],
    ]);
    expect(waiting[0]?.services.map((s) => [s.service.id, s.waiting])).toEqual([
      ['ktp', 1],
      ['kk', 0],
      ['akta', 0],
    ]);
  });

  it('counts 15,000 tickets in one pass', () => {
    const config = testHall();
    const q = new TestQueue(config, MONDAY_9AM_WIB);
    const template = q.issue('ktp');
    let statusReads = 0;
    const extra: ReadonlyTicket[] = [];
    for (let i = 0; i < 15_000; i++) {
      const ticket = { ...template, id: `t${i}` };
      const status = i % 3 === 0 ? 'waiting' : 'done';
      Object.defineProperty(ticket, 'status', {
        enumerable: true,
        get: () => {
          statusReads += 1;
          return status;
        },
      });
      extra.push(ticket);
    }
    const waiting = waitingByAgency(dayWith(q.state, extra), config.agencies, config.services);
    expect(waiting[0]?.waiting).toBe(5001);
    // One look at each ticket, however many agencies and services the display covers.
    expect(config.agencies.length * config.services.length).toBeGreaterThan(1);
    expect(statusReads).toBe(15_000);
  });
});

describe('parseDisplayOptions', () => {
  it('reads zone, agencies, counters, sound, language and the speech age limit', () => {
    expect(
      parseDisplayOptions(
        '?zone=Lantai%201&agencies=disdukcapil,%20samsat,&counters=loket-2&chime=0&speech=on&lang=en&maxAge=90&ikm=1',
      ),
    ).toEqual({
      scope: { zone: 'Lantai 1', agencyIds: ['disdukcapil', 'samsat'], counterIds: ['loket-2'] },
      sound: { chime: false, speech: true },
      lang: 'en',
      speakWithinMs: 90_000,
      ikm: true,
    });
  });

  it('falls back to defaults on bad or missing values', () => {
    expect(parseDisplayOptions('?zone=%20&chime=maybe&lang=fr&maxAge=abc')).toEqual({
      scope: {},
      sound: {},
      lang: undefined,
      speakWithinMs: 60_000,
      ikm: false,
    });
    expect(parseDisplayOptions('?maxAge=1').speakWithinMs).toBe(10_000);
    expect(parseDisplayOptions('?maxAge=99999').speakWithinMs).toBe(600_000);
    expect(parseDisplayOptions('?maxAge=-5').speakWithinMs).toBe(60_000);
  });
});
