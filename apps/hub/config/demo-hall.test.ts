import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hallConfig, WEEKDAYS } from '@antre/shared';

const raw: unknown = JSON.parse(readFileSync(new URL('./demo-hall.json', import.meta.url), 'utf8'));
const config = hallConfig.parse(raw);

function minutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** WCAG 2 contrast ratio of a `#rrggbb` colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** Paths of keys in `input` that parsing dropped: a misspelt field is stripped by zod, not rejected. */
function droppedKeys(input: unknown, output: unknown, path = ''): string[] {
  if (Array.isArray(input)) {
    return input.flatMap((v, i) => droppedKeys(v, (output as unknown[])[i], `${path}[${i}]`));
  }
  if (input === null || typeof input !== 'object') return [];
  const out = output as Record<string, unknown>;
  return Object.entries(input).flatMap(([k, v]) =>
    k in out ? droppedKeys(v, out[k], `${path}.${k}`) : [`${path}.${k}`],
  );
}

describe('demo hall config', () => {
  it('parses with no field dropped', () => {
    expect(droppedKeys(raw, config)).toEqual([]);
    expect(config.hall.timeZone).toBe('Asia/Jakarta');
  });

  it('is the size of a real MPP', () => {
    expect(config.agencies.length).toBeGreaterThanOrEqual(12);
    expect(config.services.length).toBeGreaterThanOrEqual(30);
    expect(config.counters.length).toBeGreaterThanOrEqual(20);
  });

  it('gives every agency a counter and a staff member', () => {
    for (const agency of config.agencies) {
      expect(
        config.counters.some((c) => c.agencyId === agency.id),
        `counter for ${agency.id}`,
      ).toBe(true);
      expect(
        config.staff.some((s) => s.role === 'staff' && s.agencyId === agency.id),
        `staff for ${agency.id}`,
      ).toBe(true);
    }
  });

  it('serves every service at a counter of its own agency', () => {
    for (const service of config.services) {
      expect(
        config.counters.some((c) => c.serviceIds.includes(service.id)),
        `counter for ${service.id}`,
      ).toBe(true);
    }
    const agencyOf = new Map(config.services.map((s) => [s.id, s.agencyId]));
    for (const counter of config.counters) {
      for (const sid of counter.serviceIds)
        expect(agencyOf.get(sid), `${counter.id} ${sid}`).toBe(counter.agencyId);
    }
  });

  it('has a supervisor and distinct demo PINs', () => {
    expect(config.staff.some((s) => s.role === 'supervisor')).toBe(true);
    const pins = config.staff.map((s) => s.pin);
    expect(pins.every((p) => p !== undefined && /^[0-9]{6}$/.test(p))).toBe(true);
    expect(new Set(pins).size).toBe(pins.length);
  });

  it('lists requirements in both languages alike', () => {
    for (const service of config.services) {
      expect(service.requirements.en.length, service.id).toBe(service.requirements.id.length);
    }
  });

  it('writes "antrean", never "antrian", in Indonesian', () => {
    const indonesian = [
      config.hall.name,
      config.hall.runningText?.id ?? '',
      ...config.agencies.flatMap((a) => [a.name, a.shortName, a.zone ?? '']),
      ...config.services.flatMap((s) => [s.name.id, ...s.requirements.id]),
      ...config.kiosks.map((k) => k.name),
      ...config.packages.flatMap((p) => [p.name.id, p.description?.id ?? '']),
    ];
    expect(indonesian.filter((text) => /antrian/i.test(text))).toEqual([]);
    expect(config.hall.runningText?.id).toMatch(/antrean/);
  });

  it('gives agencies distinct colours readable with white text', () => {
    const colours = config.agencies.map((a) => a.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
    for (const agency of config.agencies) {
      expect(contrastWithWhite(agency.color), agency.id).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('offers the service packages of a real MPP, the KK before the KTP-el', () => {
    const packages = new Map(config.packages.map((p) => [p.id, p]));
    expect([...packages.keys()]).toEqual(['pindah-datang', 'kelahiran', 'kematian', 'usaha-baru']);
    expect(packages.get('pindah-datang')?.order).toContainEqual(['kartu-keluarga', 'cetak-ulang-ktp-el']);
    const agencyOf = new Map(config.services.map((s) => [s.id, s.agencyId]));
    for (const p of config.packages) {
      // One visit, several agencies: every package crosses at least two.
      expect(new Set(p.serviceIds.map((id) => agencyOf.get(id))).size, p.id).toBeGreaterThanOrEqual(2);
      expect(p.description?.id, p.id).toBeDefined();
    }
  });

  it('keeps service hours inside the hall hours', () => {
    for (const service of config.services) {
      if (!service.hours) continue;
      for (const day of WEEKDAYS) {
        for (const [from, to] of service.hours[day]) {
          expect(minutes(from), `${service.id} ${day}`).toBeLessThan(minutes(to));
          const inside = config.hall.hours[day].some(
            ([hFrom, hTo]) => minutes(hFrom) <= minutes(from) && minutes(to) <= minutes(hTo),
          );
          expect(inside, `${service.id} ${day} ${from}-${to}`).toBe(true);
        }
      }
    }
  });
});
