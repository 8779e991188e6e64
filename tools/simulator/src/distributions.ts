import { z } from 'zod';

/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32): the same seed gives the same
 * visitors, service times and faults, so a run can be repeated. Math.random cannot be seeded.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** An independent stream for one part of the simulation (a service, the faults), so that adding a
   * service to the scenario does not change the draws of the others. */
  fork(label: string): Rng {
    let h = 2166136261;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new Rng((h ^ this.a ^ Math.imul(this.b, 31)) >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  exponential(mean: number): number {
    // 1 - next() is in (0, 1]: never log(0).
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given mean and coefficient of variation (sd / mean), the usual shape of service times. */
  lognormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * this.normal());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One key, chosen with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('weighted pick from no weights');
    return last[0];
  }
}

/** A duration distribution; its unit (minutes, seconds) is the one the scenario field names. */
export const distributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), mean: z.number().positive() }),
  z.strictObject({
    kind: z.literal('lognormal'),
    mean: z.number().positive(),
    /** Standard deviation over mean: 0.5 is a typical desk, 1 a desk with occasional long cases. */
    cv: z.number().positive().max(5),
  }),
  z.strictObject({ kind: z.literal('fixed'), value: z.number().nonnegative() }),
]);
export type Distribution = z.infer<typeof distributionSchema>;

/** One draw, in the distribution's unit. Capped at ten means: one 8-hour "service" would say nothing. */
export function sample(rng: Rng, d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return Math.min(rng.exponential(d.mean), 10 * d.mean);
    case 'lognormal':
      return Math.min(rng.lognormal(d.mean, d.cv), 10 * d.mean);
  }
}

/**
 * Arrival times of a Poisson process whose rate is constant within each segment: exponential gaps,
 * restarted at each boundary (exact, since the process is memoryless).
 */
export function poissonArrivals(
  rng: Rng,
  segments: ReadonlyArray<{ from: number; to: number; perHour: number }>,
): number[] {
  const times: number[] = [];
  for (const { from, to, perHour } of segments) {
    if (!(perHour > 0)) continue;
    const meanGap = 3_600_000 / perHour;
    for (let t = from + rng.exponential(meanGap); t < to; t += rng.exponential(meanGap)) times.push(t);
  }
  return times;
}
