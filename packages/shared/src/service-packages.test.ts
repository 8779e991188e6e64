import { describe, expect, it } from 'vitest';
import type { HallConfigInput } from './hall-config.js';
import { hallConfig } from './hall-config.js';
import { testHall } from './testing/test-hall.js';

type PackageInput = NonNullable<HallConfigInput['packages']>[number];

/** The test hall (ktp, kk, akta, paspor, jkn) with these packages, as the hub reads it. */
function problems(...packages: PackageInput[]): string[] {
  const { packages: _none, ...base } = testHall();
  const result = hallConfig.safeParse({ ...base, packages });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const pkg = (id: string, serviceIds: string[], order: Array<[string, string]> = []): PackageInput => ({
  id,
  name: { id: `Paket ${id}`, en: `Package ${id}` },
  serviceIds,
  order,
});

describe('service packages in the hall config', () => {
  it('accepts packages with an order where the law fixes one, and none by default', () => {
    expect(problems(pkg('pindah', ['kk', 'ktp', 'jkn'], [['kk', 'ktp']]))).toEqual([]);
    expect(testHall().packages).toEqual([]);
    expect(
      problems(
        pkg(
          'lahir',
          ['akta', 'kk', 'jkn'],
          [
            ['akta', 'kk'],
            ['kk', 'jkn'],
            ['akta', 'jkn'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('names an unknown service, a service listed twice and an order outside the package', () => {
    expect(problems(pkg('a', ['kk', 'sim']))).toEqual(['packages: package a: unknown service sim']);
    expect(problems(pkg('b', ['kk', 'ktp', 'kk']))).toEqual([
      'packages: package b: service kk is listed twice',
    ]);
    expect(problems(pkg('c', ['kk', 'ktp'], [['kk', 'jkn']]))).toEqual([
      'packages: package c: the order names jkn, not in the package',
    ]);
    expect(problems(pkg('d', ['kk', 'ktp'], [['kk', 'kk']]))).toEqual([
      'packages: package d: kk cannot come before itself',
    ]);
  });

  it('names the services of an order that contradicts itself', () => {
    expect(
      problems(
        pkg(
          'e',
          ['akta', 'kk', 'ktp'],
          [
            ['akta', 'kk'],
            ['kk', 'ktp'],
            ['ktp', 'akta'],
          ],
        ),
      ),
    ).toEqual(['packages: package e: the order contradicts itself: akta → kk → ktp → akta']);
  });

  it('refuses a duplicate package, and a package of one service', () => {
    expect(problems(pkg('f', ['kk', 'ktp']), pkg('f', ['akta', 'kk']))).toEqual([
      'packages: duplicate package "f"',
    ]);
    expect(problems(pkg('g', ['kk']))).toHaveLength(1);
  });
});
