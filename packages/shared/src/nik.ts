import type { LocalizedText } from './hall-config.js';

/**
 * The NIK (*Nomor Induk Kependudukan*): 16 digits — province (2), regency or city (2), district (2), birth
 * date DDMMYY (women add 40 to the day), serial (4). No check digit exists, so "valid" means plausible:
 * a province Indonesia has, non-zero regency and district, a birth date in the calendar, a non-zero serial.
 */
export type NikProblem = 'length' | 'province' | 'region' | 'birthDate' | 'serial';

/** Province codes of Dukcapil (Aceh 11 … Papua Barat Daya 96). */
const PROVINCES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'],
  ...['31', '32', '33', '34', '35', '36', '51', '52', '53'],
  ...['61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76'],
  ...['81', '82', '91', '92', '93', '94', '95', '96'],
]);

/** The NIK as typed, without the spaces, dots or dashes people group digits with. */
export function normalizeNik(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/** What is wrong with a NIK (after `normalizeNik`), or undefined when it is plausible. */
export function nikProblem(nik: string): NikProblem | undefined {
  if (!/^\d{16}$/.test(nik)) return 'length';
  if (!PROVINCES.has(nik.slice(0, 2))) return 'province';
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return 'region';
  const rawDay = Number(nik.slice(6, 8));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  // The century is unknown: 29 February is allowed, as some year of the two centuries has it.
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return 'birthDate';
  if (nik.slice(12) === '0000') return 'serial';
  return undefined;
}

export const NIK_PROBLEM_TEXT: Record<NikProblem, LocalizedText> = {
  length: { id: 'NIK harus 16 angka.', en: 'The NIK must be 16 digits.' },
  province: {
    id: 'Dua angka pertama NIK bukan kode provinsi. Periksa kembali KTP Anda.',
    en: 'The first two digits of the NIK are not a province code. Please check your ID card.',
  },
  region: {
    id: 'Kode kabupaten/kota atau kecamatan pada NIK tidak valid.',
    en: 'The regency/city or district code in the NIK is not valid.',
  },
  birthDate: {
    id: 'Angka tanggal lahir pada NIK (angka ke-7 s.d. 12) tidak valid.',
    en: 'The birth-date digits of the NIK (7th to 12th) are not valid.',
  },
  serial: {
    id: 'Empat angka terakhir NIK tidak valid.',
    en: 'The last four digits of the NIK are not valid.',
  },
};
