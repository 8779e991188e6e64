import type { GammaShape } from './gamma-distribution.js';
import { gammaShape } from './gamma-distribution.js';

/** A service's time per visitor at a desk, as the estimate models it. */
export interface DeskTimeModel {
  /** Minutes. */
  mean: number;
  /** Coefficient of variation (standard deviation ÷ mean); 1 is the exponential. */
  cv: number;
  /** Real visits it learnt from. */
  visits: number;
  shape: GammaShape;
}

/** Pseudo-visits of the config's `targetMinutes` the mean starts from: a few real visits outweigh it. */
const PRIOR_VISITS = 3;
/** Pseudo-visits of an exponential spread (cv = 1) the spread starts from, as queueing theory does. */
const PRIOR_SPREAD_VISITS = 5;
const MIN_CV = 0.15;
const MAX_CV = 2;

/**
 * The desk time of a service from its last `window` visits (`DayView.deskTimes`, ms): mean and spread,
 * each pulled towards a prior — the service's `targetMinutes` and the exponential's spread — by a few
 * pseudo-visits, so that the first visits of the day do not swing the estimate, and with none it is
 * the exponential of the target (the fallback).
 */
export function deskTimeModel(
  recentMs: readonly number[],
  window: number,
  targetMinutes: number,
): DeskTimeModel {
  const xs = recentMs.slice(-window).map((ms) => ms / 60_000);
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  const mean = Math.max(0.1, (sum + PRIOR_VISITS * targetMinutes) / (n + PRIOR_VISITS));
  let cv2 = 1;
  if (n >= 2) {
    const sampleMean = sum / n;
    const variance = xs.reduce((a, x) => a + (x - sampleMean) ** 2, 0) / (n - 1);
    const sampleCv2 = sampleMean > 0 ? variance / (sampleMean * sampleMean) : 1;
    cv2 = (n * sampleCv2 + PRIOR_SPREAD_VISITS) / (n + PRIOR_SPREAD_VISITS);
  }
  const cv = Math.min(MAX_CV, Math.max(MIN_CV, Math.sqrt(cv2)));
  return { mean, cv, visits: n, shape: gammaShape(mean, cv) };
}
