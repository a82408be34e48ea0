import { quantile } from './distribution';

/** How far a timing distribution moved between two runs, and whether that is beyond noise. */
export interface Shift {
  /** median(B) − median(A), seconds. */
  medianShiftSeconds: number;
  /** Two-sided p-value of the Mann–Whitney U test; absent when either side has too few samples. */
  pValue?: number;
  beyondNoise: boolean;
}

/**
 * When a move counts. A compare report lists ~40 timing fields, so the level is strict (0.01), and a
 * move smaller than the jitter measured on a real node (0.5 s: bench/real-cluster-jitter.md) is not
 * one a user should act on however many samples there are.
 */
export const SHIFT_NOISE = { alpha: 0.01, minSeconds: 0.5, minSamples: 5 } as const;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 for erf; |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Mann–Whitney U, normal approximation with tie and continuity corrections: API timestamps have
 * one-second resolution, so ties are common.
 */
export function mannWhitneyP(a: readonly number[], b: readonly number[]): number {
  const pooled = [...a.map((v) => ({ v, fromA: true })), ...b.map((v) => ({ v, fromA: false }))].sort(
    (x, y) => x.v - y.v,
  );
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length;) {
    let j = i;
    while (j < pooled.length && pooled[j].v === pooled[i].v) j += 1;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if (pooled[k].fromA) rankSumA += rank;
    const tied = j - i;
    tieTerm += tied ** 3 - tied;
    i = j;
  }
  const [n1, n2] = [a.length, b.length];
  const n = n1 + n2;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return 1;
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * (1 - normalCdf(z)));
}

export function timingShift(a: readonly number[], b: readonly number[]): Shift | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const median = (values: readonly number[]): number =>
    quantile(
      [...values].sort((x, y) => x - y),
      0.5,
    );
  const medianShiftSeconds = median(b) - median(a);
  if (a.length < SHIFT_NOISE.minSamples || b.length < SHIFT_NOISE.minSamples)
    return { medianShiftSeconds, beyondNoise: false };
  const pValue = mannWhitneyP(a, b);
  return {
    medianShiftSeconds,
    pValue,
    beyondNoise: pValue < SHIFT_NOISE.alpha && Math.abs(medianShiftSeconds) >= SHIFT_NOISE.minSeconds,
  };
}
