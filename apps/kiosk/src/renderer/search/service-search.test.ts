import { beforeAll, describe, expect, it } from 'vitest';
import type { PublicHallConfig } from '@antre/shared';
import { publicHallConfig } from '@antre/shared';
import { demoHall } from '@antre/hub/testing';
import { searchServices, searchWords } from './service-search.js';

let config: PublicHallConfig;
beforeAll(async () => {
  config = publicHallConfig((await demoHall()).config);
});

const ids = (query: string, lang: 'id' | 'en' = 'id') => searchServices(config, query, lang).map((s) => s.id);

describe('searchServices', () => {
  it('splits text into plain words', () => {
    expect(searchWords('Perekaman KTP-el (Kartu Keluarga)')).toEqual([
      'perekaman',
      'ktp',
      'el',
      'kartu',
      'keluarga',
    ]);
    expect(searchWords('  Café ')).toEqual(['cafe']);
  });

  it('finds services by the start of any word of their name', () => {
    expect(ids('ktp')).toEqual(['perekaman-ktp-el', 'cetak-ulang-ktp-el']);
    expect(ids('pasp')).toEqual(['paspor-baru', 'penggantian-paspor']);
    expect(ids('SKCK')).toContain('skck');
  });

  it('needs every word typed', () => {
    expect(ids('paspor baru')).toEqual(['paspor-baru']);
    expect(ids('paspor zzz')).toEqual([]);
  });

  it('finds by the agency and by English names too, the visitor’s language first', () => {
    expect(ids('imigrasi')).toEqual(['paspor-baru', 'penggantian-paspor']);
    expect(ids('passport', 'en')).toEqual(['paspor-baru', 'penggantian-paspor']);
    expect(ids('samsat').length).toBeGreaterThanOrEqual(3);
  });

  it('gives nothing for an empty query and caps long lists', () => {
    expect(ids('  ')).toEqual([]);
    expect(searchServices(config, 'a', 'id', 5)).toHaveLength(5);
  });
});
