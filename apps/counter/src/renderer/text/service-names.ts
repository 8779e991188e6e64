import type { AgencyConfig, LocalizedText } from '@antre/shared';

const fold = (s: string) => s.toLocaleLowerCase('id').normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The agency's short name as it reads beside a service name in one language, without repeating it: a
 * bracketed part the service name already holds is dropped ("Polres (SKCK)" beside "SKCK (…)" is "Polres"),
 * and nothing is left when the service name holds the rest too.
 */
function agencyBesideText(shortName: string, serviceName: string): string | undefined {
  const name = fold(serviceName);
  const bracket = /\(([^)]+)\)/.exec(shortName);
  const label =
    bracket?.[1] !== undefined && name.includes(fold(bracket[1]))
      ? shortName.replace(bracket[0], '').replace(/\s+/g, ' ').trim()
      : shortName;
  return label === '' || name.includes(fold(label)) ? undefined : label;
}

/** "Service · Agency", each name once, in both languages: for messages and lists that show both. */
export function serviceWithAgency(
  serviceName: LocalizedText,
  agency: Pick<AgencyConfig, 'shortName'> | undefined,
): LocalizedText {
  const part = (lang: 'id' | 'en') => {
    const beside = agency ? agencyBesideText(agency.shortName, serviceName[lang]) : undefined;
    return beside === undefined ? serviceName[lang] : `${serviceName[lang]} · ${beside}`;
  };
  return { id: part('id'), en: part('en') };
}

/** The agency's name beside a service, or undefined when the service name already says it. */
export function agencyBeside(
  serviceName: LocalizedText,
  agency: Pick<AgencyConfig, 'shortName'> | undefined,
  lang: 'id' | 'en',
): string | undefined {
  return agency ? agencyBesideText(agency.shortName, serviceName[lang]) : undefined;
}
