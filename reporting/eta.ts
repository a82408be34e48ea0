/** What the ETA knows of one property of the run, in run order. */
export interface EtaProperty {
  /** Properties of a family share the plan's systematic errors (the same kinds of waits). */
  family: string;
  /** Exploration cases planned (0 when skipped). */
  planned: number;
  done: number;
  /** Σ durations of the done cases, ms. */
  doneMs: number;
  /** How long each case now in flight has been running, ms. */
  inFlightMs: readonly number[];
  /** The plan's expected case duration, known before the run (runner/case-estimate.ts), ms. */
  expectedCaseMs?: number;
}

/**
 * The plan's estimates are off by a factor that depends on the family (the kinds of waits its cases
 * make), not on the node: against the real run, probes and resources were within 1 %, hooks ×0.6–1.2,
 * init ×0.65–0.8. So the observed cases rescale the estimates of their own family only (observed ÷
 * expected over its done cases, starting from 1 as if one case had agreed with the plan);
 * a run-wide factor would carry the first family's error onto every family after it.
 */
const PSEUDO_CASES = 1;
const CALIBRATION_BOUNDS: readonly [number, number] = [0.25, 4];
/** A property's own cases outweigh the prior once it has more than one of them. */
const PRIOR_WEIGHT = 1;
/** A case running past its estimate is assumed to need a tenth of it more, not to be done. */
const OVERRUN_SHARE = 0.1;

function bounded(factor: number): number {
  return Math.min(CALIBRATION_BOUNDS[1], Math.max(CALIBRATION_BOUNDS[0], factor));
}

/** observed ÷ expected of the done cases that have a plan estimate, per family. */
function calibrationsOf(properties: readonly EtaProperty[]): (family: string) => number {
  const sums = new Map<string, { cases: number; observed: number; expected: number }>();
  for (const p of properties) {
    if (p.expectedCaseMs === undefined || p.done === 0) continue;
    const family = sums.get(p.family) ?? { cases: 0, observed: 0, expected: 0 };
    family.cases += p.done;
    family.observed += p.doneMs;
    family.expected += p.done * p.expectedCaseMs;
    sums.set(p.family, family);
  }
  return (name) => {
    const family = sums.get(name);
    if (family === undefined || family.expected === 0) return 1;
    const pseudo = (PSEUDO_CASES * family.expected) / family.cases;
    return bounded((family.observed + pseudo) / (family.expected + pseudo));
  };
}

/**
 * The expected duration of one more case of each property: the plan's estimate, rescaled by the
 * run so far, blended with the property's own observed mean once it has cases; without a plan
 * estimate, the run's observed mean. Undefined when nothing is known yet.
 */
export function caseEstimatesMs(properties: readonly EtaProperty[]): (number | undefined)[] {
  const calibration = calibrationsOf(properties);
  const done = properties.reduce((sum, p) => sum + p.done, 0);
  const doneMs = properties.reduce((sum, p) => sum + p.doneMs, 0);
  const runMean = done > 0 ? doneMs / done : undefined;
  return properties.map((p) => {
    const prior = p.expectedCaseMs !== undefined ? p.expectedCaseMs * calibration(p.family) : runMean;
    if (p.done === 0) return prior;
    const own = p.doneMs / p.done;
    return (p.doneMs + PRIOR_WEIGHT * (prior ?? own)) / (p.done + PRIOR_WEIGHT);
  });
}

/**
 * The remaining wall time of the run, ms: the cases in flight finish at their estimates, then the
 * cases not yet started (planned − done − in flight, per property in run order) go, one at a time,
 * to the slot that frees first, as runner/slots.ts hands slots to earlier properties first. The
 * last slot to free is the end. Undefined when a property with work left has no estimate yet.
 */
export function estimateRemainingMs(
  properties: readonly EtaProperty[],
  concurrency: number,
): number | undefined {
  const estimates = caseEstimatesMs(properties);
  const busyUntil: number[] = [];
  for (const [index, p] of properties.entries()) {
    const estimate = estimates[index];
    const queued = Math.max(0, p.planned - p.done - p.inFlightMs.length);
    if (queued + p.inFlightMs.length === 0) continue;
    if (estimate === undefined) return undefined;
    for (const elapsed of p.inFlightMs)
      busyUntil.push(Math.max(estimate - elapsed, estimate * OVERRUN_SHARE));
  }
  while (busyUntil.length < concurrency) busyUntil.push(0);
  for (const [index, p] of properties.entries()) {
    const estimate = estimates[index] ?? 0;
    const queued = Math.max(0, p.planned - p.done - p.inFlightMs.length);
    for (let i = 0; i < queued; i++) {
      const slot = busyUntil.indexOf(Math.min(...busyUntil));
      busyUntil[slot] += estimate;
    }
  }
  return Math.max(0, ...busyUntil);
}
