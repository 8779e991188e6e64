import type { GammaShape } from './gamma-distribution.js';
import { lnSurvival, residualMean } from './gamma-distribution.js';

/** A desk as the estimate sees it: the time its visits take, and how long the current one has lasted. */
export interface BusyDesk {
  shape: GammaShape;
  /** Minutes since the current visitor was called; 0 for a visit that starts now. */
  elapsed: number;
}

/** When the first of the busy desks comes free: the mean and the mean square, minutes. */
export interface FirstFree {
  mean: number;
  meanSquare: number;
}

const isExponential = (g: GammaShape) => Math.abs(g.k - 1) < 1e-9;

/**
 * The time until the first of `desks` comes free, each desk's visit lasting on from its `elapsed` minutes:
 * P(first > t) = Π P(Sᵢ > aᵢ + t | Sᵢ > aᵢ), integrated (E[T] = ∫P, E[T²] = ∫2tP). With exponential
 * visits that is queueing theory's 1/(c·μ); with steadier visits a desk near the end of its visit frees
 * sooner, and desks that all started together free later.
 */
export function firstFreeDesk(desks: readonly BusyDesk[]): FirstFree {
  if (desks.length === 0) return { mean: 0, meanSquare: 0 };
  if (desks.every((d) => isExponential(d.shape))) {
    const rate = desks.reduce((a, d) => a + 1 / d.shape.theta, 0);
    return { mean: 1 / rate, meanSquare: 2 / (rate * rate) };
  }
  const start = desks.map((d) => lnSurvival(d.shape, d.elapsed));
  const lnP = (t: number) =>
    desks.reduce((sum, d, i) => sum + lnSurvival(d.shape, d.elapsed + t) - (start[i] ?? 0), 0);
  // t = s·u/(1 − u) maps [0, 1) onto [0, ∞), with s near the answer so the integrand's drop lies mid-range.
  const scale = 1 / desks.reduce((a, d) => a + 1 / Math.max(0.01, residualMean(d.shape, d.elapsed)), 0);
  const f = (u: number): [number, number] => {
    if (u >= 1) return [0, 0];
    const t = (scale * u) / (1 - u);
    const p = Math.exp(lnP(t)) * (scale / ((1 - u) * (1 - u)));
    return [p, 2 * t * p];
  };
  const [mean, meanSquare] = adaptiveSimpson(f, 0, 1, 1e-4 * scale, 12);
  return { mean, meanSquare };
}

type Pair = [number, number];

/** ∫ₐᵇ of two integrands at once, to `tolerance` on the first; at most `depth` halvings. */
function adaptiveSimpson(
  f: (x: number) => Pair,
  a: number,
  b: number,
  tolerance: number,
  depth: number,
): Pair {
  const fa = f(a);
  const fb = f(b);
  const m = (a + b) / 2;
  const fm = f(m);
  return refine(f, a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), tolerance, depth);
}

function simpson(a: number, b: number, fa: Pair, fm: Pair, fb: Pair): Pair {
  const h = (b - a) / 6;
  return [h * (fa[0] + 4 * fm[0] + fb[0]), h * (fa[1] + 4 * fm[1] + fb[1])];
}

function refine(
  f: (x: number) => Pair,
  a: number,
  b: number,
  fa: Pair,
  fm: Pair,
  fb: Pair,
  whole: Pair,
  tolerance: number,
  depth: number,
): Pair {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = simpson(a, m, fa, flm, fm);
  const right = simpson(m, b, fm, frm, fb);
  const sum: Pair = [left[0] + right[0], left[1] + right[1]];
  if (depth <= 0 || Math.abs(sum[0] - whole[0]) <= 15 * tolerance) {
    return [sum[0] + (sum[0] - whole[0]) / 15, sum[1] + (sum[1] - whole[1]) / 15];
  }
  const l = refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1);
  const r = refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
  return [l[0] + r[0], l[1] + r[1]];
}
