import type { PublicHallConfig, ServiceConfig } from '@antre/shared';

/** Lower case, no accents, words of letters and digits: "KTP-el" → ["ktp", "el"]. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

interface Indexed {
  service: ServiceConfig;
  /** Words of the service's names, in the order that ranks a hit: current language first. */
  name: Record<'id' | 'en', string[]>;
  agency: string[];
  other: string[];
}

const indexes = new WeakMap<PublicHallConfig, Indexed[]>();

function indexOf(config: PublicHallConfig): Indexed[] {
  let index = indexes.get(config);
  if (!index) {
    index = config.services.map((service) => {
      const agency = config.agencies.find((a) => a.id === service.agencyId);
      return {
        service,
        name: { id: searchWords(service.name.id), en: searchWords(service.name.en) },
        agency: searchWords(`${agency?.shortName ?? ''} ${agency?.name ?? ''}`),
        other: [service.prefix.toLowerCase()],
      };
    });
    indexes.set(config, index);
  }
  return index;
}

/**
 * Services whose names (either language), agency or prefix contain every word typed as the start of a
 * word, best first: hits in the service's name in the visitor's language, then the other language,
 * then the agency. A hall with 250 services stays instant: the words are indexed once per config.
 */
export function searchServices(
  config: PublicHallConfig,
  query: string,
  lang: 'id' | 'en',
  limit = 12,
): ServiceConfig[] {
  const typed = searchWords(query);
  if (typed.length === 0) return [];
  const other = lang === 'id' ? 'en' : 'id';
  const scored: Array<{ service: ServiceConfig; score: number; order: number }> = [];
  indexOf(config).forEach((entry, order) => {
    let score = 0;
    for (const word of typed) {
      const hit = (words: string[]) => words.some((w) => w.startsWith(word));
      if (hit(entry.name[lang])) score += 4;
      else if (hit(entry.name[other])) score += 3;
      else if (hit(entry.agency)) score += 2;
      else if (hit(entry.other)) score += 1;
      else return;
    }
    scored.push({ service: entry.service, score, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.service);
}
