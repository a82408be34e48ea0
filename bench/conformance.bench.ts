import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { Family } from '../model/scenario';
import type { Trace } from '../model/trace';
import { CleanupRegistry } from '../harness/cleanup';
import { createFakeAdmission, quotaUsage } from '../harness/fake/admission';
import { describeNode } from '../harness/capabilities';
import { FakeCluster } from '../harness/fake/fake-cluster';
import { createFakeKubelet } from '../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../harness/fake/virtual-clock';
import { runCase } from '../harness/run-case';
import type { CaseExecutor } from '../runner/case-executor';
import { defaultConcurrency } from '../cli/run-options';
import { runConformance, type ConformanceTarget } from '../runner/conformance-run';
import type { PropertyDefinition } from '../runner/property-definition';
import { PROPERTIES } from '../suites/registry';
import { judgeCase, markUnreliable } from '../verdicts/case-verdict';
import type { BenchResult } from './run-all';

/**
 * Issue 5: the wall time of the default run against the fake at realistic latencies, and how close
 * it comes to the time the cases cannot avoid.
 *
 * Method. The fake runs in virtual time (AutoAdvancingClock), so "wall" is virtual: how far the
 * clock advances while runConformance runs every property in suites/registry.ts with its default
 * budget (numRuns, caseSeconds, totalSeconds; no --runs, no --budget) at the run command's default
 * concurrency K. The waits a case needs are CaseRun.waitedMs (harness/run-case.ts): its plan's
 * waits for pod states (which include the ~1 s pod start of the simulated kubelet,
 * FakeKubeletOptions.reactionSeconds default) and its observe windows (the model's windows, grace
 * periods), plus the time its NetworkPolicy reachability probes take (not in waitedMs; see
 * probingMs). With K cases at once the ideal wall is Σ waits ÷ K, so ratio = wall ÷ (Σ waits ÷ K):
 * 1 means no overhead; above 1 is cleanup (namespace deletion), API calls and retries, and slots
 * left idle (a property's last round with fewer than K cases, confirmation re-runs, shrinking one
 * step at a time). Every case counts, confirmation and shrink runs included. Per family: its
 * properties' walls against its cases' waits. Host time is the real time the run takes here.
 */

/** Two schedulable nodes, like kind-config.yaml's two workers (the control plane keeps its taint). */
const NODES = [
  { name: 'worker-1', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
  { name: 'worker-2', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
];
const SEED = 20250101;
const TARGET_RATIO = 1.25;

/** Cases, their waits and the virtual wall of one property (or of several, summed). */
interface Tally {
  cases: number;
  /** CaseRun.waitedMs plus the time the case spent probing reachability. */
  waitedMs: number;
  /** Of waitedMs, the probing (NetworkPolicy cases). */
  probingMs: number;
  /** Σ case durations: the slot time the cases held. */
  busyMs: number;
  /** Each case's duration, in start order. */
  durations: number[];
  wallMs: number;
}

/**
 * The time a case spent probing reachability (denied connections wait for their timeout, and a
 * denied cell is re-probed after a delay: harness/netpol/probe-matrix.ts); CaseRun.waitedMs leaves
 * it out. The recorder stamps the probe results when the matrix is done, so the probing is the time
 * from the step before it (the last action or wait) to the first result.
 */
function probingMs(trace: Trace): number {
  const first = trace.findIndex((entry) => entry.kind === 'reachability');
  if (first < 0) return 0;
  const before = trace
    .slice(0, first)
    .findLast((entry) => entry.kind === 'actionResult' || entry.kind === 'waitDone');
  return before === undefined ? 0 : trace[first].t - before.t;
}

/**
 * The live case executor (runner/live-case-executor.ts caseExecutorFor), step for step, keeping
 * CaseRun.waitedMs, which the case report does not carry.
 */
function measuringExecutor<F extends Family>(
  definition: PropertyDefinition<F>,
  target: { fake: FakeCluster; clock: AutoAdvancingClock; cleanup: CleanupRegistry; signal: AbortSignal },
  capabilities: ConformanceTarget['cluster']['capabilities'],
  tally: Tally,
): CaseExecutor<F> {
  return async (scenario, caseId, attempt) => {
    const expectation = definition.expect(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
    const run = await runCase(target.fake, scenario, expectation, {
      runId: 'bench',
      caseId,
      image: 'busybox:bench',
      clock: target.clock,
      signal: target.signal,
      caseDeadlineSeconds: definition.budget.caseSeconds,
      cleanup: target.cleanup,
    });
    tally.cases += 1;
    const probing = probingMs(run.trace);
    tally.waitedMs += run.waitedMs + probing;
    tally.probingMs += probing;
    tally.busyMs += run.endedAt - run.startedAt;
    tally.durations.push(run.endedAt - run.startedAt);
    const observation = definition.observe(run.trace, scenario);
    const judged = judgeCase(expectation, observation, definition.fields);
    return {
      id: caseId,
      scenario,
      objects: run.objects,
      observation,
      expectation,
      verdict: run.inconclusive === undefined ? judged : markUnreliable(judged, run.inconclusive),
      attempt,
      durationMs: run.endedAt - run.startedAt,
    };
  };
}

function ratioOf(tally: Tally, concurrency: number): number {
  return tally.waitedMs === 0 ? 0 : tally.wallMs / (tally.waitedMs / concurrency);
}

/**
 * The ratio splits as 1 + (Σ case time beyond its waits ÷ Σ waits) + (idle slot time ÷ Σ waits):
 * the first is per-case overhead (cleanup, API calls), the second slots the runner left empty.
 */
function overheadShares(tally: Tally, concurrency: number): { perCase: number; idle: number } {
  if (tally.waitedMs === 0) return { perCase: 0, idle: 0 };
  return {
    perCase: (tally.busyMs - tally.waitedMs) / tally.waitedMs,
    idle: (tally.wallMs * concurrency - tally.busyMs) / tally.waitedMs,
  };
}

function sum(tallies: Iterable<Tally>): Tally {
  const total: Tally = { cases: 0, waitedMs: 0, probingMs: 0, busyMs: 0, durations: [], wallMs: 0 };
  for (const t of tallies) {
    total.cases += t.cases;
    total.waitedMs += t.waitedMs;
    total.probingMs += t.probingMs;
    total.busyMs += t.busyMs;
    total.durations.push(...t.durations);
    total.wallMs += t.wallMs;
  }
  return total;
}

/**
 * What-if: the wall had every case of the run gone through one pool of K slots, in the order they
 * ran (each starts when a slot frees). Confirmation and shrink runs keep no order here, so this is
 * an estimate of what sharing the slots across properties would give, not a measurement.
 */
function sharedPoolWall(durations: readonly number[], concurrency: number): number {
  const slots = new Array<number>(concurrency).fill(0);
  for (const duration of durations) {
    const free = slots.indexOf(Math.min(...slots));
    slots[free] += duration;
  }
  return Math.max(...slots);
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** The fake at its default latencies (kubelet reactions up to 1 s), without defects. */
function conformingFake(clock: AutoAdvancingClock): FakeCluster {
  return new FakeCluster({
    clock,
    serverVersion: LATEST_VERSION,
    kubelet: createFakeKubelet({ seed: SEED }),
    admission: createFakeAdmission({ defects: [] }),
    quotaUsage,
    nodes: NODES,
  });
}

/** The run command's default concurrency (cli/run-options.ts) for the fake's nodes. */
async function defaultConcurrencyOfFake(): Promise<number> {
  const clock = new AutoAdvancingClock();
  try {
    return defaultConcurrency((await conformingFake(clock).listNodes()).map(describeNode));
  } finally {
    clock.stop();
  }
}

interface PropertyMeasure {
  tally: Tally;
  /** The property's verdict, or the error it threw. */
  verdict: string;
  threw: boolean;
  hostMs: number;
}

/** The first line of an error, short enough for a benchmark table row. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0];
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

/**
 * One property of the default run against a conforming fake of its own. runConformance takes the
 * properties one after another, so the run's wall is the sum of theirs; a fresh fake per property
 * keeps a property that throws (registry entries still being written) from leaving cases running
 * into the next one's measurement.
 */
async function measureProperty(
  definition: PropertyDefinition,
  concurrency: number,
): Promise<PropertyMeasure> {
  const clock = new AutoAdvancingClock();
  const fake = conformingFake(clock);
  const capabilities = { ...defaultCapabilities(LATEST_VERSION), networkPolicyEnforced: true };
  const cleanup = new CleanupRegistry(fake, { clock });
  const signal = new AbortController().signal;
  const tally: Tally = { cases: 0, waitedMs: 0, probingMs: 0, busyMs: 0, durations: [], wallMs: 0 };
  const target: ConformanceTarget = {
    cluster: { serverVersion: LATEST_VERSION, distribution: 'fake', nodeImages: [], capabilities },
    clock,
    signal,
    executorFor: (d) => measuringExecutor(d, { fake, clock, cleanup, signal }, capabilities, tally),
  };
  const reportDir = mkdtempSync(join(tmpdir(), 'kubeprop-bench-conformance-'));
  const hostStart = performance.now();
  const virtualStart = clock.now();
  try {
    const result = await runConformance([definition], target, {
      runId: 'bench',
      seed: SEED,
      families: [definition.family],
      concurrency,
      image: 'busybox:bench',
      reportDir,
      knownIssues: [],
      keepTraces: false,
      modelOptions: DEFAULT_MODEL_OPTIONS,
      kubepropVersion: 'bench',
    });
    tally.wallMs = clock.now() - virtualStart;
    const verdict = result.outcomes[0]?.end.verdict ?? 'not run';
    return { tally, verdict, threw: false, hostMs: performance.now() - hostStart };
  } catch (error) {
    tally.wallMs = clock.now() - virtualStart;
    return {
      tally,
      verdict: `threw: ${describe(error)}`,
      threw: true,
      hostMs: performance.now() - hostStart,
    };
  } finally {
    clock.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const families = [...new Set(PROPERTIES.map((p) => p.family))];
  if (families.length === 0) {
    return [{ name: 'conformance: properties registered', value: 0, unit: 'properties', target: '≥ 1' }];
  }
  const concurrency = await defaultConcurrencyOfFake();
  const measures = new Map<string, PropertyMeasure>();
  for (const definition of PROPERTIES) {
    measures.set(definition.id, await measureProperty(definition, concurrency));
  }
  const all = [...measures.values()];
  const total = sum(all.map((m) => m.tally));
  const hostMs = all.reduce((ms, m) => ms + m.hostMs, 0);
  const threw = [...measures].filter(([, m]) => m.threw);
  const notPassing = [...measures].filter(([, m]) => !m.threw && m.verdict !== 'pass');
  // A failing property confirms and shrinks one case at a time: its slots idle by design.
  const passing = sum(all.filter((m) => m.verdict === 'pass').map((m) => m.tally));
  // Which ones, on their own lines: ids would make the table too wide to read.
  for (const [id, measure] of [...threw, ...notPassing]) console.log(`  ${id}: ${measure.verdict}`);
  const shares = overheadShares(total, concurrency);
  const ratioTarget = `≤ ${TARGET_RATIO}`;
  const rows: BenchResult[] = [
    {
      name: `conformance: properties registered (${families.length} families)`,
      value: PROPERTIES.length,
      unit: 'properties',
    },
    {
      name: `conformance: cases run (default budgets, concurrency ${concurrency})`,
      value: total.cases,
      unit: 'cases',
    },
    {
      name: 'conformance: properties that threw',
      value: threw.length,
      unit: 'properties',
      target: '0',
    },
    {
      name: 'conformance: properties not passing on the conforming fake',
      value: notPassing.length,
      unit: 'properties',
      target: '0',
    },
    { name: 'conformance: wall of the default run (virtual)', value: seconds(total.wallMs), unit: 's' },
    {
      name: 'conformance: Σ case waits ÷ concurrency (virtual)',
      value: seconds(total.waitedMs / concurrency),
      unit: 's',
    },
    {
      name: 'conformance: of the Σ waits, reachability probing ÷ concurrency (virtual)',
      value: seconds(total.probingMs / concurrency),
      unit: 's',
    },
    {
      name: 'conformance: ratio wall ÷ (Σ waits ÷ concurrency)',
      value: ratioOf(total, concurrency),
      unit: '×',
      target: ratioTarget,
    },
    {
      name: 'conformance: of the ratio, case time beyond its waits (cleanup, API)',
      value: shares.perCase,
      unit: '×',
    },
    { name: 'conformance: of the ratio, idle concurrency slots', value: shares.idle, unit: '×' },
    {
      name: 'conformance: what-if ratio, all cases sharing the slots (estimate)',
      value: ratioOf({ ...total, wallMs: sharedPoolWall(total.durations, concurrency) }, concurrency),
      unit: '×',
    },
    {
      name: 'conformance: same ratio over the passing properties',
      value: ratioOf(passing, concurrency),
      unit: '×',
      target: ratioTarget,
    },
    { name: 'conformance: host time of the default run against the fake', value: seconds(hostMs), unit: 's' },
  ];
  for (const family of families) {
    const tally = sum(
      PROPERTIES.filter((p) => p.family === family).map((p) => measures.get(p.id)?.tally ?? sum([])),
    );
    rows.push(
      {
        name: `conformance ${family}: wall (virtual), ${tally.cases} cases`,
        value: seconds(tally.wallMs),
        unit: 's',
      },
      {
        name: `conformance ${family}: ratio wall ÷ (Σ waits ÷ concurrency)`,
        value: ratioOf(tally, concurrency),
        unit: '×',
        target: ratioTarget,
      },
    );
  }
  return rows;
}
