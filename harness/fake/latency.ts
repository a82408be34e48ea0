import type { SeededRandom } from './seeded-random';

/**
 * Latencies of a real cluster, as quantile tables, for the fake to draw from (issue 11: the fake
 * predicts the real cluster's wall time). Measured by bench/calibration.ts from the traces of
 * `test/fixtures/real-runs/v1.26.1-seed1-run10.report.json.gz` (run10: kubeprop's default run on a
 * single-node, 2-CPU v1.26.1 cluster with kube-router, 215 cases at 6 slots, 530 s); the figures,
 * their n and sources are in bench/calibration.md, and test/harness/fake/latency-tables.test.ts holds
 * these tables equal to what the script measures.
 */

/** The quantiles each table gives, in order (the tail is finer: a linear p90 → max would overweight it). */
export const QUANTILE_POINTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1] as const;

/** Seconds at each of QUANTILE_POINTS. */
export type QuantileTable = readonly number[];

/** The default scheduler: `create Pod` → `Scheduled` eventTime (n 107). */
export const SCHEDULING_SECONDS: QuantileTable = [
  0.021, 0.036, 0.049, 0.056, 0.064, 0.075, 0.087, 0.107, 0.126, 0.184, 0.415, 4.522, 9.01,
];

/**
 * Binding → the pod's first container running: the kubelet's pod sync, the sandbox (pause container,
 * CNI), then pull, create and start of the first container (`Scheduled` eventTime → the pod's first
 * log line; n 107).
 */
export const BIND_TO_START_SECONDS: QuantileTable = [
  0.538, 0.59, 0.644, 0.717, 0.783, 0.834, 0.965, 1.116, 1.346, 2.31, 2.978, 10.466, 11.09,
];

/**
 * The namespace controller: a namespace's delete → gone, its pods force-deleted (harness/cleanup.ts).
 * run10 cleans up in the background except for cases under a shared-node-state lock, which delete
 * their namespace before they return: their duration beyond their last trace entry (n 12, one node
 * patch included). The end of run10, its last case's namespace deletion, took 7.0 s. (The idle node
 * of ../shared/recordings/kubeprop-runs/v1.26.1-dollar-escaped took 5.1–6.9 s, n 175.)
 */
export const NAMESPACE_DELETION_SECONDS: QuantileTable = [
  5.722, 6.355, 6.558, 7.449, 7.715, 8.176, 8.762, 9.712, 10.129, 18.379, 19.772, 20.24, 20.357,
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
