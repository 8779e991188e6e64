export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Mean and percentiles (nearest rank) of a sample; zeros for an empty one. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return {
    n: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export interface ErrorSummary {
  n: number;
  /** Mean absolute error, minutes. */
  mae: number;
  /** Mean of estimate − actual: negative when the kiosk promised less wait than there was. */
  bias: number;
  /** 90th percentile of the absolute error. */
  p90abs: number;
  /** Share of tickets whose real wait was within ±5 minutes of the estimate, or within ±25 % of it. */
  withinTolerance: number;
}

export function errorSummary(pairs: ReadonlyArray<{ estimate: number; actual: number }>): ErrorSummary {
  if (pairs.length === 0) return { n: 0, mae: 0, bias: 0, p90abs: 0, withinTolerance: 0 };
  const errors = pairs.map((p) => p.estimate - p.actual);
  const abs = errors.map(Math.abs);
  const within = pairs.filter((p) => Math.abs(p.estimate - p.actual) <= Math.max(5, 0.25 * p.actual)).length;
  return {
    n: pairs.length,
    mae: abs.reduce((a, b) => a + b, 0) / abs.length,
    bias: errors.reduce((a, b) => a + b, 0) / errors.length,
    p90abs: quantile(abs, 0.9),
    withinTolerance: within / pairs.length,
  };
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
