import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultCapabilities,
  LATEST_VERSION,
  type Capabilities,
  type ServerVersion,
} from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { Family } from '../model/scenario';
import { CleanupRegistry } from '../harness/cleanup';
import { createFakeAdmission, quotaUsage } from '../harness/fake/admission';
import { describeNode } from '../harness/capabilities';
import { FakeCluster, type FakeNodeSpec } from '../harness/fake/fake-cluster';
import { createFakeKubelet } from '../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../harness/fake/virtual-clock';
import type { CaseRun } from '../harness/run-case';
import { chooseConcurrency } from '../runner/concurrency';
import { runConformance, type ConformanceTarget } from '../runner/conformance-run';
import { caseExecutorFor } from '../runner/live-case-executor';
import { caseWaitsMs, efficiencyRatio, probingMs } from '../runner/run-efficiency';
import { UPSTREAM_KNOWN_ISSUES } from '../runner/upstream-known-issues';
import type { KnownIssue } from '../runner/known-issues';
import { PROPERTIES } from '../suites/registry';
import type { PropertyDefinition } from '../runner/property-definition';
import { caseSecondsByFamily, readLooseReport, runFigures } from './calibration';
import type { BenchResult } from './run-all';

/**
 * Issue 5: the wall time of the default run against the fake at realistic latencies, and how close
 * it comes to the time the cases cannot avoid.
 *
 * Method. The fake runs in virtual time (AutoAdvancingClock), so "wall" is virtual: how far the
 * clock advances while one runConformance runs every property in suites/registry.ts with its default
 * budget (numRuns, caseSeconds, totalSeconds; no --runs, no --budget) at the run command's default
 * concurrency K, exactly as `kubeprop run` does (properties share the K case slots). The waits a case needs are CaseRun.waitedMs (harness/run-case.ts): its plan's
 * waits for pod states (which include the ~1 s pod start of the simulated kubelet,
 * FakeKubeletOptions.reactionSeconds default) and its observe windows (the model's windows, grace
 * periods), plus the time its NetworkPolicy reachability probes take (not in waitedMs); the ratio
 * is runner/run-efficiency.ts's, which every live run prints at its end. With K cases at once the
 * ideal wall is Σ waits ÷ K, so ratio = wall ÷ (Σ waits ÷ K): 1 means no overhead; above 1 is
 * cleanup left to the end of the run (namespace deletion runs in the background), API calls and retries, and slots
 * left idle (a property's last round with fewer than K cases, confirmation re-runs, shrinking one
 * step at a time). Every case counts, confirmation and shrink runs included. Per family: its cases
 * and their waits (families overlap in time, so they have no wall of their own). Host time is the
 * real time the run takes here.
 */

/** Two schedulable nodes, like kind-config.yaml's two workers (the control plane keeps its taint). */
const NODES: FakeNodeSpec[] = [
  { name: 'worker-1', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
  { name: 'worker-2', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
];
const SEED = 20250101;
const TARGET_RATIO = 1.25;

/**
 * Issue 11: the real run the fake must predict, and its node's shape: run10, `kubeprop run --seed 1
 * --keep-traces` on a single-node, 2-CPU v1.26.1 cluster (110 allocatable pods, kube-router enforcing
 * NetworkPolicy; 215 cases at 6 slots, 530 s). The same properties and seed are run against the fake
 * with the concurrency `kubeprop run` chooses for that node and the bundled known issues the CLI
 * uses (a known failure is neither re-run nor shrunk), and the predicted wall is set against the
 * report's startedAt → endedAt. The fake's latencies come from this report (bench/calibration.md).
 */
const REAL_RUN_REPORT = join(__dirname, '..', 'test/fixtures/real-runs/v1.26.1-seed1-run10.report.json.gz');
const REAL_NODE: FakeNodeSpec[] = [
  { name: 'kp-node', allocatable: { cpu: '2', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
];
/** Predicted ÷ real wall, issue 11's bound. */
const PREDICTION_TOLERANCE = 0.25;

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

/** Adds one case's run to a tally (its waits as runner/run-efficiency.ts counts them for live runs). */
function count(tally: Tally, run: CaseRun): void {
  tally.cases += 1;
  tally.waitedMs += caseWaitsMs(run);
  tally.probingMs += probingMs(run.trace);
  tally.busyMs += run.endedAt - run.startedAt;
  tally.durations.push(run.endedAt - run.startedAt);
}

function emptyTally(): Tally {
  return { cases: 0, waitedMs: 0, probingMs: 0, busyMs: 0, durations: [], wallMs: 0 };
}

function ratioOf(tally: Tally, concurrency: number): number {
  return efficiencyRatio(tally.wallMs, tally.waitedMs, concurrency);
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

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** What one simulated default run is of: the cluster's shape and version, the properties, the seed. */
interface Scenario {
  nodes: FakeNodeSpec[];
  serverVersion: ServerVersion;
  capabilities: Capabilities;
  properties: readonly PropertyDefinition[];
  seed: number;
  knownIssues?: KnownIssue[];
}

/** The fake at its default latencies (calibrated from the real cluster), without defects. */
function conformingFake(clock: AutoAdvancingClock, scenario: Scenario): FakeCluster {
  return new FakeCluster({
    clock,
    serverVersion: scenario.serverVersion,
    kubelet: createFakeKubelet({ seed: scenario.seed, calibrated: true }),
    admission: createFakeAdmission({ defects: [], serverVersion: scenario.serverVersion }),
    quotaUsage,
    nodes: scenario.nodes,
    seed: scenario.seed,
  });
}

/** The run command's default concurrency (cli/run-options.ts) for the fake's nodes. */
async function defaultConcurrencyOfFake(scenario: Scenario): Promise<number> {
  const clock = new AutoAdvancingClock();
  try {
    return chooseConcurrency((await conformingFake(clock, scenario).listNodes()).map(describeNode))
      .concurrency;
  } finally {
    clock.stop();
  }
}

/** The first line of an error, short enough for a benchmark table row. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0];
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

interface Simulated {
  concurrency: number;
  total: Tally;
  byFamily: Map<Family, Tally>;
  verdicts: { id: string; verdict: string }[];
  hostMs: number;
}

/** One default run (`kubeprop run` without --runs, --budget, --concurrency) against the fake, in virtual time. */
async function simulate(scenario: Scenario): Promise<Simulated> {
  const { capabilities, properties, seed, serverVersion } = scenario;
  const families = [...new Set(properties.map((p) => p.family))];
  const concurrency = await defaultConcurrencyOfFake(scenario);
  const clock = new AutoAdvancingClock();
  const fake = conformingFake(clock, scenario);
  const cleanup = new CleanupRegistry(fake, { clock });
  const signal = new AbortController().signal;
  const total = emptyTally();
  const byFamily = new Map<Family, Tally>(families.map((family) => [family, emptyTally()]));
  const target: ConformanceTarget = {
    cleanup,
    cluster: { serverVersion, distribution: 'fake', nodeImages: [], capabilities },
    clock,
    signal,
    executorFor: (definition) =>
      caseExecutorFor(definition, {
        port: fake,
        capabilities,
        clock,
        modelOptions: DEFAULT_MODEL_OPTIONS,
        runId: 'bench',
        image: 'busybox:bench',
        signal,
        cleanup,
        keepTraces: false,
        onCaseRun: (family, caseRun) => {
          count(total, caseRun);
          count(byFamily.get(family) ?? emptyTally(), caseRun);
        },
      }),
  };
  const reportDir = mkdtempSync(join(tmpdir(), 'kubeprop-bench-conformance-'));
  const hostStart = performance.now();
  const virtualStart = clock.now();
  let verdicts: { id: string; verdict: string }[];
  try {
    const result = await runConformance(properties, target, {
      runId: 'bench',
      seed,
      families,
      concurrency,
      image: 'busybox:bench',
      reportDir,
      knownIssues: scenario.knownIssues ?? [],
      keepTraces: false,
      modelOptions: DEFAULT_MODEL_OPTIONS,
      kubepropVersion: 'bench',
    });
    verdicts = result.outcomes.map((o) => ({
      id: o.start.id,
      // A failure says which rules failed, so that a real-node comparison can tell a defect of the
      // fake from a known issue of the release that the bundled list does not cover.
      verdict:
        o.end.verdict === 'fail'
          ? `fail (${[...new Set(o.end.counterexample?.failedFields.map((f) => f.rule))].join(', ')})`
          : o.end.verdict,
    }));
  } catch (error) {
    verdicts = [{ id: 'the run', verdict: `threw: ${firstLine(error)}` }];
  } finally {
    total.wallMs = clock.now() - virtualStart;
    clock.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
  return { concurrency, total, byFamily, verdicts, hostMs: performance.now() - hostStart };
}

export async function run(): Promise<BenchResult[]> {
  const families = [...new Set(PROPERTIES.map((p) => p.family))];
  if (families.length === 0) {
    return [{ name: 'conformance: properties registered', value: 0, unit: 'properties', target: '≥ 1' }];
  }
  const { concurrency, total, byFamily, verdicts, hostMs } = await simulate({
    nodes: NODES,
    serverVersion: LATEST_VERSION,
    // The fake runs agnhost programs as a cluster with the server image does (test/support/fake-target.ts).
    capabilities: {
      ...defaultCapabilities(LATEST_VERSION),
      networkPolicyEnforced: true,
      serverImage: 'agnhost:bench',
    },
    properties: PROPERTIES,
    seed: SEED,
  });
  const notPassing = verdicts.filter((v) => v.verdict !== 'pass');
  // Which ones, on their own lines: ids would make the table too wide to read.
  for (const { id, verdict } of notPassing) console.log(`  ${id}: ${verdict}`);
  const shares = overheadShares(total, concurrency);
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
      target: `≤ ${TARGET_RATIO}`,
    },
    {
      name: 'conformance: of the ratio, case time beyond its waits (cleanup, API)',
      value: shares.perCase,
      unit: '×',
    },
    { name: 'conformance: of the ratio, idle concurrency slots', value: shares.idle, unit: '×' },
    { name: 'conformance: host time of the default run against the fake', value: seconds(hostMs), unit: 's' },
  ];
  for (const [family, tally] of byFamily) {
    rows.push({
      name: `conformance ${family}: ${tally.cases} cases, Σ waits ÷ concurrency (virtual)`,
      value: seconds(tally.waitedMs / concurrency),
      unit: 's',
    });
  }
  rows.push(...(await realNodeRows()));
  return rows;
}

/**
 * The real node's shape (issue 11): the predicted wall of the real run's properties and seed on one
 * 2-CPU node, against the real run's wall.
 */
async function realNodeRows(): Promise<BenchResult[]> {
  const report = readLooseReport(REAL_RUN_REPORT);
  const real = runFigures(report);
  const ids = new Set(report.properties.map((p) => p.id));
  const properties = PROPERTIES.filter((p) => ids.has(p.id));
  const version = report.cluster?.serverVersion;
  const serverVersion: ServerVersion = {
    major: version?.major ?? 1,
    minor: version?.minor ?? 26,
    gitVersion: version?.gitVersion ?? 'v1.26.1',
  };
  const predicted = await simulate({
    nodes: REAL_NODE,
    serverVersion,
    // The real run's capabilities as detected there (kube-router enforced NetworkPolicy).
    capabilities: report.cluster?.capabilities ?? defaultCapabilities(serverVersion),
    properties,
    seed: report.seed ?? 1,
    knownIssues: [...UPSTREAM_KNOWN_ISSUES],
  });
  const wall = predicted.total.wallMs / 1000;
  const notPassing = predicted.verdicts.filter((v) => v.verdict !== 'pass' && v.verdict !== 'skipped');
  for (const { id, verdict } of notPassing) console.log(`  real-node shape: ${id}: ${verdict}`);
  return [
    {
      name: `real-node shape (1 node, 2 CPU, 110 pods): ${properties.length} of the real run's ${ids.size} properties, seed ${report.seed ?? 1}`,
      value: predicted.total.cases,
      unit: `cases (real: ${real.cases})`,
    },
    {
      name: 'real-node shape: concurrency chosen as kubeprop run chooses it',
      value: predicted.concurrency,
      unit: `(real: ${real.concurrency})`,
    },
    { name: 'real-node shape: predicted wall (virtual)', value: seconds(wall * 1000), unit: 's' },
    {
      name: 'real-node shape: real wall (report startedAt → endedAt)',
      value: seconds(real.wallSeconds * 1000),
      unit: 's',
    },
    {
      name: 'real-node shape: predicted ÷ real wall',
      value: wall / real.wallSeconds,
      unit: '×',
      target: `${1 - PREDICTION_TOLERANCE}–${1 + PREDICTION_TOLERANCE}`,
    },
    {
      name: 'real-node shape: Σ case waits ÷ concurrency, predicted vs real',
      value: seconds(predicted.total.waitedMs / predicted.concurrency),
      unit: `s (real: ${seconds(((real.waitSeconds ?? 0) * 1000) / real.concurrency)} s)`,
    },
    // Where the prediction differs: each family's cases and the slot time they held.
    ...[...caseSecondsByFamily(report)].map(([family, durations]) => {
      const tally = predicted.byFamily.get(family as Family) ?? emptyTally();
      const realSeconds = durations.reduce((sum, d) => sum + d, 0);
      return {
        name: `real-node shape ${family}: Σ case durations, predicted vs real`,
        value: seconds(tally.busyMs),
        unit: `s in ${tally.cases} cases (real: ${seconds(realSeconds * 1000)} s in ${durations.length})`,
      };
    }),
  ];
}
