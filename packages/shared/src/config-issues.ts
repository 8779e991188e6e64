import type { LocalizedText } from './hall-config.js';

/** What a schema found wrong with one field, in words a hall's admin reads, in both languages. */
export interface FieldIssue {
  /** The field's path in the validated value, dotted: `prefix`, `name.id`, `hours.mon.0`. */
  field: string;
  text: LocalizedText;
}

/** The parts of a zod issue read here (zod 4's issues have these fields). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

/** The schemas' own messages for formats, in both languages. */
const FORMAT_TEXT: Record<string, LocalizedText> = {
  'lower-case letters, digits and "-"': {
    id: 'Hanya huruf kecil, angka dan "-", diawali huruf atau angka.',
    en: 'Lower-case letters, digits and "-" only, starting with a letter or digit.',
  },
  'HH:MM, 24-hour': { id: 'Tulis jam sebagai JJ:MM (24 jam).', en: 'Write the time as HH:MM (24-hour).' },
  'a period ends after it starts': {
    id: 'Jam selesai harus setelah jam mulai.',
    en: 'The end must be after the start.',
  },
  'YYYY-MM-DD': { id: 'Tulis tanggal sebagai TTTT-BB-HH.', en: 'Write the date as YYYY-MM-DD.' },
  'not a date in the calendar': { id: 'Tanggal ini tidak ada.', en: 'This date does not exist.' },
  'a-z, 0-9, ".", "_", "-"; 2–40': {
    id: 'Huruf kecil, angka, ".", "_" atau "-"; 2–40 karakter.',
    en: 'Lower-case letters, digits, ".", "_" or "-"; 2–40 characters.',
  },
};

/** Formats whose message is zod's own, by the field they are on. */
const FIELD_FORMAT_TEXT: Record<string, LocalizedText> = {
  prefix: { id: 'Satu atau dua huruf besar (A, KT).', en: 'One or two capital letters (A, KT).' },
  color: { id: 'Warna sebagai #rrggbb.', en: 'A colour as #rrggbb.' },
  name: {
    id: 'Nomor loket: 1–3 angka, boleh diikuti satu huruf besar (5, 12A).',
    en: 'Counter number: 1–3 digits, optionally one capital letter (5, 12A).',
  },
  pin: { id: 'PIN: 4–8 angka.', en: 'PIN: 4–8 digits.' },
};

/** One issue in both languages. */
export function localizeIssue(issue: SchemaIssue): LocalizedText {
  const known = FORMAT_TEXT[issue.message];
  if (known) return known;
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_format': {
      const byField = typeof last === 'string' ? FIELD_FORMAT_TEXT[last] : undefined;
      return byField ?? { id: 'Formatnya tidak sesuai.', en: 'The format is not right.' };
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { id: 'Wajib diisi.', en: 'Required.' }
          : { id: `Paling sedikit ${issue.minimum} karakter.`, en: `At least ${issue.minimum} characters.` };
      }
      if (issue.origin === 'array') {
        return { id: `Pilih paling sedikit ${issue.minimum}.`, en: `Choose at least ${issue.minimum}.` };
      }
      return { id: `Paling kecil ${issue.minimum}.`, en: `At least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') {
        return { id: `Paling banyak ${issue.maximum} karakter.`, en: `At most ${issue.maximum} characters.` };
      }
      if (issue.origin === 'array') {
        return { id: `Paling banyak ${issue.maximum}.`, en: `At most ${issue.maximum}.` };
      }
      return { id: `Paling besar ${issue.maximum}.`, en: `At most ${issue.maximum}.` };
    case 'invalid_type':
      return { id: 'Wajib diisi dengan nilai yang benar.', en: 'Required, with a valid value.' };
    case 'invalid_value':
      return { id: 'Pilih salah satu pilihan.', en: 'Choose one of the options.' };
    case 'unrecognized_keys':
      return { id: 'Ada kolom yang tidak dikenal.', en: 'There is an unknown field.' };
    default:
      return { id: `Tidak valid: ${issue.message}`, en: `Not valid: ${issue.message}` };
  }
}

/** Every issue with its field, in both languages; the first per field only, as a form shows one. */
export function fieldIssues(issues: readonly SchemaIssue[], dropPrefix = 0): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const field = issue.path.slice(dropPrefix).map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, text: localizeIssue(issue) });
  }
  return out;
}
