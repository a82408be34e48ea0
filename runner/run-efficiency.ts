import type { Trace } from '../model/trace';

/**
 * How close a run comes to the time its cases cannot avoid. The waits a case needs are its plan's
 * waits and observe windows (harness/run-case.ts CaseRun.waitedMs) plus the time its NetworkPolicy
 * reachability probes take (caseWaitsMs). With K cases at once the ideal wall is Σ waits ÷ K, so
 * ratio = wall ÷ (Σ waits ÷ K): 1 means no overhead; above 1 is cleanup, API calls and retries, and
 * slots left idle. The live run prints it at the end; bench/conformance.bench.ts computes the same.
 */
export interface RunEfficiency {
  wallMs: number;
  /** Σ over every case (confirmation and shrink runs included) of caseWaitsMs. */
  waitsMs: number;
  concurrency: number;
  /** wall ÷ (Σ waits ÷ concurrency); 0 when no case waited. */
  ratio: number;
}

/**
 * The time a case spent probing reachability (denied connections wait for their timeout, and a
 * denied cell is re-probed after a delay: harness/netpol/probe-matrix.ts); CaseRun.waitedMs leaves
 * it out. The recorder stamps the probe results when the matrix is done, so the probing is the time
 * from the step before it (the last action or wait) to the first result.
 */
export function probingMs(trace: Trace): number {
  const first = trace.findIndex((entry) => entry.kind === 'reachability');
  if (first < 0) return 0;
  const before = trace
    .slice(0, first)
    .findLast((entry) => entry.kind === 'actionResult' || entry.kind === 'waitDone');
  return before === undefined ? 0 : trace[first].t - before.t;
}

/** The waits one case inherently needs: its plan's waits plus its reachability probing. */
export function caseWaitsMs(run: { waitedMs: number; trace: Trace }): number {
  return run.waitedMs + probingMs(run.trace);
}

export function efficiencyRatio(wallMs: number, waitsMs: number, concurrency: number): number {
  return waitsMs === 0 ? 0 : wallMs / (waitsMs / concurrency);
}

export function runEfficiency(wallMs: number, waitsMs: number, concurrency: number): RunEfficiency {
  return { wallMs, waitsMs, concurrency, ratio: efficiencyRatio(wallMs, waitsMs, concurrency) };
}

function secondsText(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line for the end of a run. */
export function describeEfficiency(efficiency: RunEfficiency): string {
  const { wallMs, waitsMs, concurrency, ratio } = efficiency;
  return (
    `wall ${secondsText(wallMs)}, Σ case waits ${secondsText(waitsMs)}, concurrency ${concurrency}: ` +
    `wall ÷ (Σ waits ÷ concurrency) = ${ratio.toFixed(2)}`
  );
}
