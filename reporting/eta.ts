/** What the ETA knows of one property of the run, in run order. */
export interface EtaProperty {
  /** Properties of a family share the plan's systematic errors (the same kinds of waits). */
  family: string;
  /** Exploration cases planned (0 when skipped). */
  planned: number;
  done: number;
  /** Σ durations of the done cases, ms. */
  doneMs: number;
  /** The done cases' durations, ms (what a case in flight may still take: see inFlightEnd). */
  doneDurationsMs?: readonly number[];
  /** How long each case now in flight has been running, ms. */
  inFlightMs: readonly number[];
  /** The lock keys each case in flight holds (runner/keyed-locks.ts), parallel to inFlightMs. */
  inFlightLockKeys?: readonly (readonly string[])[];
  /** The lock keys of each case not yet started, in run order (none listed: no lock). */
  queuedLockKeys?: readonly (readonly string[])[];
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
/**
 * A case's duration is taken to lie anywhere within ±SPREAD of its estimate (uniformly): a case in
 * flight has (elapsed + upper bound) ÷ 2 − elapsed left once it has run past the lower bound, not
 * estimate − elapsed (which reaches 0 while half of such cases still run), and the run ends with the
 * expected latest of the slots' last cases, not the latest of their expectations. Past the upper
 * bound a case is assumed to need OVERRUN_SHARE of its estimate more. On the v1.26.1 node cases of
 * 5 s or more took 0.61–1.32 × their property's mean (p10–p90; run10, n 119; run7: 0.63–1.30), and
 * the run ended with the longest of four NetworkPolicy cases (70–90 s, run10).
 */
export const SPREAD = 0.35;
const OVERRUN_SHARE = 0.1;
/**
 * After its last case the run waits for the cases' background cleanups (runner/conformance-run.ts
 * settle): the last case's namespace deletion. The last case's end → the report's endedAt was 7.0 s
 * (run10, 6 slots) and 5.9 s (run7, 4 slots) on the v1.26.1 node (bench/calibration.md, "end of the
 * run").
 */
export const END_OF_RUN_MS = 6500;

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

/** When a slot frees, ms from now: anywhere in [low, high], its last case's spread (mean: its estimate). */
interface SlotEnd {
  mean: number;
  low: number;
  high: number;
}

/**
 * A case in flight for `elapsed` ms, of estimated duration `estimate`: when it ends, from now. The
 * ±spread around the estimate is the prior (worth PRIOR_WEIGHT cases). The property's cases that ran
 * at least as long as this one has so far are its evidence, as a Kaplan–Meier estimate takes them: a
 * done one had d − elapsed left at this point; one still in flight (censored) has an unknown rest,
 * taken as the prior's. Done cases shorter than `elapsed` no longer bear on it: a property's cases
 * that start together end short ones first (run10: four NetworkPolicy cases ended at 70, 74, 81 and
 * 90 s), so its first done cases are not its spread. And some properties repeat fixed waits in every
 * case: networkpolicy/updated-reachability's took 35–42 s on the v1.26.1 node (run11); with two of
 * them 31 s in flight at the end, ±35 % gave each up to 23 s more where the two done ones had had
 * 7–10 s left at that point.
 */
function inFlightEnd(
  estimate: number,
  elapsed: number,
  spread: number,
  done: readonly number[],
  inFlight: readonly number[],
): SlotEnd {
  const prior = inFlightPrior(estimate, elapsed, spread);
  const left = done.filter((duration) => duration > elapsed).map((duration) => duration - elapsed);
  // One case's rest is a point, not a spread: its min and max would say the case ends then exactly.
  if (left.length < 2) return prior;
  // This case itself is among those still running at least as long.
  const censored = inFlight.filter((other) => other >= elapsed).length - 1;
  const weight = PRIOR_WEIGHT + Math.max(0, censored);
  const blend = (priorMs: number, observedMs: number): number =>
    (weight * priorMs + left.length * observedMs) / (weight + left.length);
  return {
    mean: blend(prior.mean, left.reduce((sum, ms) => sum + ms, 0) / left.length),
    low: blend(prior.low, Math.min(...left)),
    high: blend(prior.high, Math.max(...left)),
  };
}

/** inFlightEnd from the estimate's ±spread alone. */
function inFlightPrior(estimate: number, elapsed: number, spread: number): SlotEnd {
  const low = estimate * (1 - spread) - elapsed;
  const high = estimate * (1 + spread) - elapsed;
  if (low >= 0) return { mean: estimate - elapsed, low, high };
  if (high > 0) return { mean: high / 2, low: 0, high };
  const overrun = estimate * OVERRUN_SHARE;
  return { mean: overrun, low: overrun, high: overrun };
}

/** E[max] of independent uniform ends: max high − ∫ Π P(end ≤ x) dx, over 200 steps. */
function expectedLastEnd(slots: readonly SlotEnd[]): number {
  const from = Math.max(...slots.map((slot) => slot.low));
  const to = Math.max(...slots.map((slot) => slot.high));
  if (to <= from) return to;
  const steps = 200;
  const width = (to - from) / steps;
  let below = 0;
  for (let i = 0; i < steps; i++) {
    const x = from + (i + 0.5) * width;
    let all = 1;
    for (const slot of slots) {
      if (slot.high > slot.low) all *= Math.min(1, Math.max(0, (x - slot.low) / (slot.high - slot.low)));
    }
    below += all * width;
  }
  return to - below;
}

/** How estimateRemainingMs sees the end of the run and the cases' spread. */
export interface EtaOptions {
  /** From the last case's end to the run's end (its cleanup), ms; default END_OF_RUN_MS. */
  afterLastCaseMs?: number;
  /** Cleanups already running in the background (of cases done), ms from now until each ends. */
  cleanupsLeftMs?: readonly number[];
  /** Each case's duration within ±spread of its estimate; default SPREAD (0: exactly its estimate). */
  spread?: number;
}

/**
 * The slot a case that may start only at `ready` (its locks free then) takes: the one that frees
 * latest by then, so that the slots freeing earlier stay for the cases that need no lock (the runner
 * takes locks before slots: a waiting case holds none); else the one that frees first.
 */
function slotFor(slots: readonly SlotEnd[], ready: number): SlotEnd {
  const earliest = slots.reduce((first, candidate) => (candidate.mean < first.mean ? candidate : first));
  if (ready <= earliest.mean) return earliest;
  return slots.reduce((best, candidate) =>
    candidate.mean <= ready && candidate.mean > best.mean ? candidate : best,
  );
}

/**
 * The remaining wall time of the run, ms: the cases in flight finish as inFlightEnd expects, then
 * the cases not yet started (planned − done − in flight, per property in run order) go, one at a
 * time, to the slot that frees first, as runner/slots.ts hands slots to earlier properties first.
 * A case that takes a lock starts no earlier than the last case holding that lock ends: the
 * resources cases that share the node's eviction manager or extended capacity run one after
 * another whatever the slots (on the v1.26.1 node their chain ended the run 10-12 s after a slot
 * model said, 26-29 % of the time left then). The last slot to free, plus the last case's cleanup,
 * is the end (or a cleanup already running, if later). Undefined when a property with work left has
 * no estimate yet.
 */
export function estimateRemainingMs(
  properties: readonly EtaProperty[],
  concurrency: number,
  options: EtaOptions = {},
): number | undefined {
  const spread = options.spread ?? SPREAD;
  const estimates = caseEstimatesMs(properties);
  const slots: SlotEnd[] = [];
  /** When each lock is free again, ms from now (its last holder's expected end). */
  const lockFree = new Map<string, number>();
  const hold = (keys: readonly string[], until: number): void => {
    for (const key of keys) lockFree.set(key, Math.max(lockFree.get(key) ?? 0, until));
  };
  let work = false;
  for (const [index, p] of properties.entries()) {
    const estimate = estimates[index];
    const queued = Math.max(0, p.planned - p.done - p.inFlightMs.length);
    if (queued + p.inFlightMs.length === 0) continue;
    if (estimate === undefined) return undefined;
    work = true;
    for (const [i, elapsed] of p.inFlightMs.entries()) {
      const slot = inFlightEnd(estimate, elapsed, spread, p.doneDurationsMs ?? [], p.inFlightMs);
      hold(p.inFlightLockKeys?.[i] ?? [], slot.mean);
      slots.push(slot);
    }
  }
  const cleanups = Math.max(0, ...(options.cleanupsLeftMs ?? []));
  if (!work) return cleanups;
  while (slots.length < concurrency) slots.push({ mean: 0, low: 0, high: 0 });
  for (const [index, p] of properties.entries()) {
    const estimate = estimates[index] ?? 0;
    const queued = Math.max(0, p.planned - p.done - p.inFlightMs.length);
    for (let i = 0; i < queued; i++) {
      const keys = p.queuedLockKeys?.[i] ?? [];
      const ready = Math.max(0, ...keys.map((key) => lockFree.get(key) ?? 0));
      const slot = slotFor(slots, ready);
      const from = Math.max(slot.mean, ready);
      slot.mean = from + estimate;
      slot.low = from + estimate * (1 - spread);
      slot.high = from + estimate * (1 + spread);
      hold(keys, slot.mean);
    }
  }
  return Math.max(cleanups, expectedLastEnd(slots) + (options.afterLastCaseMs ?? END_OF_RUN_MS));
}
