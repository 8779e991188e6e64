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

/**
 * What citizens type at the kiosk (from halls' search logs and the issue's list), and the service they mean:
 * it must come first. Abbreviations, everyday words, words inside longer ones, misspellings, English.
 */
const REAL_QUERIES: ReadonlyArray<[query: string, first: string, lang?: 'id' | 'en']> = [
  ['kk', 'kartu-keluarga'],
  ['KK', 'kartu-keluarga'],
  ['kartu keluarga', 'kartu-keluarga'],
  ['kartu kelurga', 'kartu-keluarga'],
  ['lahir', 'akta-kelahiran'],
  ['akte lahir', 'akta-kelahiran'],
  ['akta kelahiran', 'akta-kelahiran'],
  ['Akte Kelahiran', 'akta-kelahiran'],
  ['kelahiran', 'akta-kelahiran'],
  ['akte kematian', 'akta-kematian'],
  ['meninggal', 'akta-kematian'],
  ['buku nikah', 'legalisir-dokumen'],
  ['e-ktp', 'perekaman-ktp-el'],
  ['ektp', 'perekaman-ktp-el'],
  ['e ktp', 'perekaman-ktp-el'],
  ['ktp', 'perekaman-ktp-el'],
  ['KTP hilang', 'cetak-ulang-ktp-el'],
  ['ktp anak', 'kartu-identitas-anak'],
  ['kia', 'kartu-identitas-anak'],
  ['paspor', 'paspor-baru'],
  ['pasport', 'paspor-baru'],
  ['pasopr', 'paspor-baru'],
  ['pspor', 'paspor-baru'],
  ['passport', 'paspor-baru', 'en'],
  ['perpanjang paspor', 'penggantian-paspor'],
  ['npwp', 'aktivasi-npwp-efin'],
  ['NPWP', 'aktivasi-npwp-efin'],
  ['efin', 'aktivasi-npwp-efin'],
  ['spt', 'konsultasi-spt'],
  ['skck', 'skck'],
  ['kelakuan baik', 'skck'],
  ['surat hilang', 'surat-kehilangan'],
  ['pajak motor', 'pajak-kendaraan-tahunan'],
  ['stnk', 'pengesahan-stnk-5-tahunan'],
  ['balik nama', 'balik-nama-kendaraan'],
  ['pbb', 'pbb-bphtb'],
  ['bpjs', 'pendaftaran-jkn-mandiri'],
  ['jht', 'klaim-jht'],
  ['sertifikat', 'pengecekan-sertifikat'],
  ['sertipikat', 'pengecekan-sertifikat'],
  ['tanah', 'pengecekan-sertifikat'],
  ['ijin usaha', 'perizinan-berusaha'],
  ['nib', 'perizinan-berusaha'],
  ['imb', 'konsultasi-pbg'],
  ['haji', 'pendaftaran-haji'],
  ['legalisir', 'legalisir-dokumen'],
  ['pindah', 'surat-pindah'],
  ['air', 'pengaduan-pembayaran-air'],
  ['pasang air', 'sambungan-air-baru'],
  ['pdam', 'sambungan-air-baru'],
  ['rekening', 'pembukaan-rekening'],
  ['tabungan', 'pembukaan-rekening'],
  ['informasi', 'informasi-pengaduan'],
  ['pengaduan', 'informasi-pengaduan'],
];

describe('searchServices', () => {
  it('splits text into plain words and mends common misspellings', () => {
    expect(searchWords('Perekaman KTP-el (Kartu Keluarga)')).toEqual([
      'perekaman',
      'ktp',
      'el',
      'kartu',
      'keluarga',
    ]);
    expect(searchWords('  Café ')).toEqual(['cafe']);
    expect(searchWords('Akte, ijin, sertipikat')).toEqual(['akta', 'izin', 'sertifikat']);
  });

  it.each(REAL_QUERIES)('"%s" finds %s first', (query, first, lang = 'id') => {
    expect(ids(query, lang)[0]).toBe(first);
  });

  it('finds words inside longer ones from three letters on, short ones only at a word’s start', () => {
    expect(ids('lahir')).toEqual(['akta-kelahiran']);
    expect(ids('hilang')).toEqual(expect.arrayContaining(['cetak-ulang-ktp-el', 'surat-kehilangan']));
    // "kk" is nowhere inside a word: only the alias KK.
    expect(ids('kk')).toEqual(['kartu-keluarga']);
    // Newly-weds: a new family card, or their marriage book legalised.
    expect(ids('nikah').sort()).toEqual(['kartu-keluarga', 'legalisir-dokumen']);
    expect(ids('menikah').sort()).toEqual(['kartu-keluarga', 'legalisir-dokumen']);
  });

  it('finds nothing for a service the hall does not give, and ignores case and accents', () => {
    expect(ids('sim')).toEqual([]);
    expect(ids('zzz')).toEqual([]);
    expect(ids('PASPÓR')).toEqual(ids('paspor'));
  });

  it('needs every word typed', () => {
    expect(ids('paspor baru')).toEqual(['paspor-baru']);
    expect(ids('paspor zzz')).toEqual([]);
  });

  it('ranks the name in the visitor’s language first, then aliases and the agency', () => {
    expect(ids('ktp').slice(0, 2)).toEqual(['perekaman-ktp-el', 'cetak-ulang-ktp-el']);
    expect(ids('ktp')).toContain('kartu-identitas-anak');
    expect(ids('imigrasi')).toEqual(['paspor-baru', 'penggantian-paspor']);
    expect(ids('passport', 'en')).toEqual(['paspor-baru', 'penggantian-paspor']);
    expect(ids('samsat').length).toBeGreaterThanOrEqual(3);
  });

  it('matches the aliases a hall adds to its config', () => {
    const custom: PublicHallConfig = {
      ...config,
      services: config.services.map((s) => (s.id === 'skck' ? { ...s, aliases: ['SIM keliling'] } : s)),
    };
    expect(searchServices(custom, 'sim', 'id').map((s) => s.id)).toEqual(['skck']);
  });

  it('gives nothing for an empty query and caps long lists', () => {
    expect(ids('  ')).toEqual([]);
    expect(searchServices(config, 'a', 'id', 5)).toHaveLength(5);
  });
});
