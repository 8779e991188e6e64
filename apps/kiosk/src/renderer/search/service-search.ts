import type { PublicHallConfig, ServiceConfig } from '@antre/shared';

/**
 * Spellings citizens type for the words in service names: the hall config's names use one, visitors the
 * other. Both the query and the indexed text are read through this table.
 */
const SPELLINGS: Readonly<Record<string, string>> = {
  akte: 'akta',
  sertipikat: 'sertifikat',
  ijin: 'izin',
  nomer: 'nomor',
  pasport: 'paspor',
  // One word for marriage, whichever a visitor or a hall wrote.
  perkawinan: 'nikah',
  menikah: 'nikah',
  kawin: 'nikah',
};

/** Lower case, no accents, words of letters and digits, common misspellings mended: "KTP-el" → ["ktp", "el"]. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => SPELLINGS[w] ?? w);
}

/** The words run together, to match what is typed without its hyphen or space ("ektp", "e ktp", "e-KTP"). */
function compact(words: readonly string[]): string {
  return words.join('');
}

type Field = 'name' | 'otherName' | 'alias' | 'agency' | 'prefix';

/** How much a hit in each field counts: the name in the visitor's language first. */
const FIELD_WEIGHT: Record<Field, number> = { name: 8, otherName: 6, alias: 6, agency: 4, prefix: 2 };

interface IndexedField {
  field: Field;
  words: string[];
  compact: string;
  /** Where each word starts in `compact`. */
  starts: number[];
}

interface Indexed {
  service: ServiceConfig;
  /** Per language of the visitor: the fields, the visitor's name first. */
  fields: Record<'id' | 'en', IndexedField[]>;
}

const indexes = new WeakMap<PublicHallConfig, Indexed[]>();

function field(field: Field, text: string): IndexedField {
  const words = searchWords(text);
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length;
  }
  return { field, words, compact: compact(words), starts };
}

function indexOf(config: PublicHallConfig): Indexed[] {
  let index = indexes.get(config);
  if (!index) {
    index = config.services.map((service) => {
      const agency = config.agencies.find((a) => a.id === service.agencyId);
      const common = [
        ...(service.aliases ?? []).map((a) => field('alias', a)),
        field('agency', `${agency?.shortName ?? ''} ${agency?.name ?? ''}`),
        field('prefix', service.prefix),
      ];
      return {
        service,
        fields: {
          id: [field('name', service.name.id), field('otherName', service.name.en), ...common],
          en: [field('name', service.name.en), field('otherName', service.name.id), ...common],
        },
      };
    });
    indexes.set(config, index);
  }
  return index;
}

/**
 * How well one typed word matches a word of the index: 1 for the start of the word, 0.6 inside it (three
 * letters or more: "lahir" in "kelahiran"), 0.4 for one slip of the finger after a right first letter (four
 * letters or more: "pasopr", "kartu kelurga"), 0 for no match. Short words must start a word: "kk" is not
 * inside "bukku".
 */
function wordMatch(typed: string, word: string): number {
  if (word.startsWith(typed)) return 1;
  if (typed.length >= 3 && word.includes(typed)) return 0.6;
  if (typed.length >= 4 && typed[0] === word[0] && nearlyStarts(typed, word)) return 0.4;
  return 0;
}

/** Whether `word`, or its start, is one edit (a letter added, dropped, changed or two swapped) from `typed`. */
function nearlyStarts(typed: string, word: string): boolean {
  for (let len = typed.length - 1; len <= typed.length + 1; len++) {
    if (len <= word.length && withinOneEdit(typed, word.slice(0, len))) return true;
  }
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One letter changed, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The best a typed word scores in any field of the service, 0 when it matches none. */
function bestHit(typed: string, fields: readonly IndexedField[]): number {
  let best = 0;
  for (const f of fields) {
    if (f.field === 'prefix') {
      if (f.compact === typed) best = Math.max(best, FIELD_WEIGHT.prefix);
      continue;
    }
    for (const word of f.words) {
      const m = wordMatch(typed, word);
      if (m > 0) best = Math.max(best, m * FIELD_WEIGHT[f.field]);
    }
  }
  return best;
}

/**
 * The query run together, from the start of a word of a name or an alias run together: "ektp" and "e ktp"
 * find the alias "e-KTP". Agencies are left out: their long names run together contain almost anything.
 */
function compactHit(typed: string, fields: readonly IndexedField[]): number {
  if (typed.length < 3) return 0;
  let best = 0;
  for (const f of fields) {
    if (f.field === 'prefix' || f.field === 'agency') continue;
    if (f.starts.some((at) => f.compact.startsWith(typed, at))) best = Math.max(best, FIELD_WEIGHT[f.field]);
  }
  return best;
}

/**
 * Services matching everything typed, best first. A typed word matches the start of a word of the
 * service's name (either language), its aliases from the hall config or its agency, anywhere inside such
 * a word from three letters on, with one slip from four letters on, or the prefix exactly; case, accents,
 * hyphens and common misspellings ("akte", "ijin", "sertipikat") do not matter. Ranked by where the words
 * hit: the name in the visitor's language, then the other name and the aliases, then the agency; on a tie,
 * the shorter name. A hall
 * with 250 services stays instant: the words are indexed once per config.
 */
export function searchServices(
  config: PublicHallConfig,
  query: string,
  lang: 'id' | 'en',
  limit = 12,
): ServiceConfig[] {
  const typed = searchWords(query);
  if (typed.length === 0) return [];
  const together = compact(typed);
  const scored: Array<{ service: ServiceConfig; score: number; length: number; order: number }> = [];
  indexOf(config).forEach((entry, order) => {
    const fields = entry.fields[lang];
    let score = 0;
    for (const word of typed) {
      const hit = bestHit(word, fields);
      if (hit === 0) {
        score = 0;
        break;
      }
      score += hit;
    }
    if (score === 0) score = compactHit(together, fields);
    // On a tie the shorter name goes first: the query says more of it ("rekening": "Pembukaan rekening").
    const length = fields[0]?.words.length ?? 0;
    if (score > 0) scored.push({ service: entry.service, score, length, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.length - b.length || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.service);
}
