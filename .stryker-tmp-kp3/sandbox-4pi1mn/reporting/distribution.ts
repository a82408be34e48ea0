/** Summary statistics of a sample of timings (seconds). */
// @ts-nocheck

export interface Distribution {
  n: number;
  min: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of sorted values by linear interpolation between closest ranks
 * (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty sample');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function distribution(values: readonly number[]): Distribution | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
  };
}
