import type { SeededRandom } from './seeded-random';

/**
 * Latencies of a real cluster, as quantile tables, for the fake to draw from (issue 11: the fake
 * predicts the real cluster's wall time). Measured by bench/calibration.ts from the traces of
 * `test/fixtures/real-runs/v1.26.1-seed1-run.report.json.gz` (kubeprop's default run on a single-node,
 * 2-CPU v1.26.1 cluster at concurrency 4) unless said otherwise; the figures, their n and sources are in
 * bench/calibration.md, and test/bench/calibration.test.ts holds these tables equal to what the
 * script measures.
 */

/** The quantiles each table gives, in order (the tail is finer: a linear p90 → max would overweight it). */
export const QUANTILE_POINTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1] as const;

/** Seconds at each of QUANTILE_POINTS. */
export type QuantileTable = readonly number[];

/** The default scheduler: `create Pod` → `Scheduled` eventTime (n 100). */
export const SCHEDULING_SECONDS: QuantileTable = [
  0.031, 0.039, 0.052, 0.061, 0.064, 0.07, 0.079, 0.098, 0.141, 0.189, 0.303, 0.736, 2.24,
];

/**
 * Binding → the pod's first container running: the kubelet's pod sync, the sandbox (pause container,
 * CNI), then pull, create and start of the first container (`Scheduled` eventTime → the pod's first
 * log line; n 100).
 */
export const BIND_TO_START_SECONDS: QuantileTable = [
  0.845, 1.002, 1.132, 1.283, 1.389, 1.537, 1.856, 2.23, 2.656, 2.867, 3.037, 4.28, 15.682,
];

/**
 * The namespace controller: a namespace's delete → gone, for a kubeprop namespace whose pods had
 * stopped (the case's duration beyond its last trace entry, from
 * `../shared/recordings/kubeprop-runs/v1.26.1-dollar-escaped/report.json.gz`, whose cleanup was on
 * each case's critical path; n 175).
 */
export const NAMESPACE_DELETION_SECONDS: QuantileTable = [
  5.107, 5.15, 5.178, 5.218, 5.281, 5.416, 6.175, 6.198, 6.223, 6.277, 6.301, 6.452, 6.876,
];

/**
 * A draw from a quantile table: the inverse of its piecewise-linear distribution function, up to the
 * quantile `upTo` (1: the whole table, the measured maximum included).
 */
export function sampleSeconds(table: QuantileTable, random: SeededRandom, upTo = 1): number {
  const u = random.next() * upTo;
  for (let i = 1; i < QUANTILE_POINTS.length; i += 1) {
    const q = QUANTILE_POINTS[i];
    if (u <= q) {
      const q0 = QUANTILE_POINTS[i - 1];
      return table[i - 1] + ((table[i] - table[i - 1]) * (u - q0)) / (q - q0);
    }
  }
  return table[table.length - 1];
}
