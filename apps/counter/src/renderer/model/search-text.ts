/** Lower case without diacritics, so "penerbitan" finds "Penerbitan" and "e" finds "é". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** "Kartu Keluarga (baru/perubahan)" → "kk": staff search by the abbreviations they speak (KK, SKCK). */
export function initials(name: string): string {
  return normalize(name)
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
}
