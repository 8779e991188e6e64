/**
 * The gamma distribution, the shape the wait estimate gives a desk's time per visitor: its mean and its
 * spread (coefficient of variation, cv) fix it, shape k = 1/cv², scale θ = mean·cv². cv = 1 is the
 * exponential distribution (queueing theory's M/M/c); smaller cv, a desk whose visits take about the
 * same time; larger, a desk with the odd long case.
 */
export interface GammaShape {
  /** k = 1/cv² */
  k: number;
  /** θ = mean·cv², minutes */
  theta: number;
}

export function gammaShape(mean: number, cv: number): GammaShape {
  const cv2 = cv * cv;
  return { k: 1 / cv2, theta: mean * cv2 };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(a) for a > 0 (Lanczos, g = 7: about 15 digits). */
export function lnGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - lnGamma(1 - a);
  const x = a - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] ?? 0) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-10;
const MAX_ITERATIONS = 200;

/**
 * The upper tail Q(a, x) = Γ(a, x)/Γ(a) in logs, with `hazard` = xᵃe⁻ˣ / (Γ(a)·Q), which stays finite
 * far in the tail where Q itself underflows (series below a + 1, continued fraction above: Numerical
 * Recipes' gser and gcf).
 */
export function upperGamma(a: number, x: number): { lnQ: number; hazard: number } {
  if (x <= 0) return { lnQ: 0, hazard: 0 };
  const lnPrefactor = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const q = Math.max(1e-300, 1 - Math.exp(lnPrefactor) * sum);
    return { lnQ: Math.log(q), hazard: Math.exp(lnPrefactor) / q };
  }
  // Lentz's method for the continued fraction of Q.
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return { lnQ: lnPrefactor + Math.log(h), hazard: 1 / h };
}

/** ln P(S > t) for S ~ gamma. */
export function lnSurvival(g: GammaShape, t: number): number {
  // k = 1 is the exponential: no series needed.
  if (Math.abs(g.k - 1) < 1e-9) return -Math.max(0, t) / g.theta;
  return upperGamma(g.k, Math.max(0, t) / g.theta).lnQ;
}

/**
 * E[S − a | S > a]: how much longer a visit that has lasted `elapsed` minutes still takes. Equal to the
 * mean at 0; for cv < 1 it shrinks as the visit goes on, for cv > 1 it grows, for the exponential it stays.
 */
export function residualMean(g: GammaShape, elapsed: number): number {
  if (Math.abs(g.k - 1) < 1e-9 || elapsed <= 0) return g.k * g.theta;
  const x = elapsed / g.theta;
  // E[S − a | S > a] = θ·(k − x + xᵏe⁻ˣ/(Γ(k)·Q(k, x))), from ∫ₐ^∞ Q = θ·(k·Q(k+1, x) − x·Q(k, x)).
  return Math.max(0, g.theta * (g.k - x + upperGamma(g.k, x).hazard));
}

/** The standard normal's quantile at p (Acklam's rational approximation, about 9 digits). */
function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
    2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const poly = (k: readonly number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * The p-quantile of a gamma distribution with this mean and variance (Wilson–Hilferty: the cube root of a
 * gamma variable is nearly normal; within a few percent for shape ≥ 0.5, which covers a wait).
 */
export function gammaQuantile(mean: number, variance: number, p: number): number {
  if (mean <= 0) return 0;
  if (variance <= 0) return mean;
  const k = (mean * mean) / variance;
  const z = normalQuantile(p);
  const v = 1 / (9 * k);
  return Math.max(0, mean * (1 - v + z * Math.sqrt(v)) ** 3);
}
