import type { AgencyConfig } from './hall-config.js';

/**
 * Each agency's badge: its `code` from the config, else one made from its short name that no other agency
 * has: the initials of a name of several words ("Bank Nagari" → "BN"), an acronym as it is ("PDAM"), else
 * the first letters ("Disdukcapil" → "DIS", "DPMPTSP" → "DPM"). Two agencies never share a badge, so a
 * citizen tells "Disdukcapil" from "DPMPTSP" by more than their colour.
 */
export function agencyCodes(agencies: readonly Pick<AgencyConfig, 'id' | 'shortName' | 'code'>[]) {
  const codes = new Map<string, string>();
  const taken = new Set(agencies.flatMap((a) => (a.code === undefined ? [] : [a.code])));
  for (const a of agencies) if (a.code !== undefined) codes.set(a.id, a.code);
  for (const a of agencies) {
    if (a.code !== undefined) continue;
    const code = candidates(a.shortName).find((c) => !taken.has(c)) ?? fallback(a.shortName, taken);
    taken.add(code);
    codes.set(a.id, code);
  }
  return codes;
}

function words(shortName: string): string[] {
  return shortName
    .replace(/\(.*?\)/g, ' ')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function candidates(shortName: string): string[] {
  const ws = words(shortName);
  const first = ws[0] ?? '';
  const list: string[] = [];
  if (ws.length >= 2)
    list.push(
      ws
        .map((w) => w[0] ?? '')
        .join('')
        .slice(0, 4),
    );
  if (/^[A-Z0-9]{2,4}$/.test(first)) list.push(first);
  for (let n = 3; n <= 4; n++) list.push(first.slice(0, n));
  if (ws.length >= 2) list.push(`${first.slice(0, 2)}${(ws[1] ?? '')[0] ?? ''}`);
  return list.map((c) => c.toUpperCase()).filter((c) => c !== '');
}

function fallback(shortName: string, taken: ReadonlySet<string>): string {
  const stem = (words(shortName)[0] ?? 'A').slice(0, 3).toUpperCase();
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}
