import type { EndedDeskTime } from './desk-times.js';
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
 * Visits that ended this recently all count, beyond the last `window`. A wait of n visitors ahead scales
 * with the mean, so a mean learnt from w visits errs by about 1/√w of the whole wait: ten visits make a
 * long queue's estimate swing by a third. A busy service ends dozens of visits an hour, so the last hour
 * steadies its mean while still following a slower afternoon; a quiet one keeps its last `window`.
 */
const RECENT_MS = 60 * 60_000;

/**
 * The desk time of a service from its recent visits (`DayView.deskTimes`): those of the last hour, and at
 * least the last `window`. Mean and spread, each pulled towards a prior — the service's `targetMinutes`
 * and the exponential's spread — by a few pseudo-visits, so that the first visits of the day do not swing
 * the estimate, and with none it is the exponential of the target (the fallback).
 */
export function deskTimeModel(
  recent: readonly EndedDeskTime[],
  window: number,
  targetMinutes: number,
  now: number,
): DeskTimeModel {
  let first = Math.max(0, recent.length - window);
  while (first > 0 && (recent[first - 1]?.endedAt ?? 0) > now - RECENT_MS) first -= 1;
  const xs = recent.slice(first).map((d) => d.ms / 60_000);
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
