import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { Family } from '../model/scenario';
import { CleanupRegistry } from '../harness/cleanup';
import { createFakeAdmission, quotaUsage } from '../harness/fake/admission';
import { FakeCluster } from '../harness/fake/fake-cluster';
import { createFakeKubelet } from '../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../harness/fake/virtual-clock';
import { runCase } from '../harness/run-case';
import type { CaseExecutor } from '../runner/case-executor';
import { runConformance, type ConformanceTarget } from '../runner/conformance-run';
import type { PropertyDefinition } from '../runner/property-definition';
import { PROPERTIES } from '../suites/registry';
import { judgeCase, markUnreliable } from '../verdicts/case-verdict';
import type { BenchResult } from './run-all';

/**
 * Issue 5: the wall time of the default run against the fake at realistic latencies, and how close
 * it comes to the time the cases cannot avoid.
 *
 * Method. The fake runs in virtual time (AutoAdvancingClock), so "wall" is virtual: the clock's
 * advance from the start of runConformance to its end, for every property in suites/registry.ts
 * with its default budget (numRuns, caseSeconds, totalSeconds; no --runs, no --budget). The waits a
 * case needs are CaseRun.waitedMs (harness/run-case.ts): its plan's waits for pod states (which
 * include the ~1 s pod start of the simulated kubelet, FakeKubeletOptions.reactionSeconds default)
 * and its observe windows (the model's windows, grace periods). With K cases at once, the ideal wall
 * is Σ waitedMs ÷ K, so ratio = wall ÷ (Σ waitedMs ÷ K): 1 means no overhead, and what is above 1
 * is cleanup (namespace deletion), reachability probing, API retries, and slots left idle (a
 * property's last round with fewer than K cases, confirmation re-runs, shrinking one step at a time).
 * Every case counts, confirmation and shrink runs included. Per family: the wall from a property's
 * start to the next one's (or the run's end), against that family's cases. Host time is the real
 * time the same run takes on this machine.
 */

/** Two schedulable nodes, like kind-config.yaml's two workers (the control plane keeps its taint). */
const NODES = [
  { name: 'worker-1', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
  { name: 'worker-2', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
];
/** The run command's default: 2 cases per schedulable node, capped at 8. */
const CONCURRENCY = Math.min(8, 2 * NODES.length);
const SEED = 20250101;
const TARGET_RATIO = 1.25;

/** Cases, their waits and the virtual wall of one property (or of several, summed). */
interface Tally {
  cases: number;
  waitedMs: number;
  wallMs: number;
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
    tally.waitedMs += run.waitedMs;
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

function ratioOf(tally: Tally): number {
  return tally.waitedMs === 0 ? 0 : tally.wallMs / (tally.waitedMs / CONCURRENCY);
}

function sum(tallies: Iterable<Tally>): Tally {
  const total: Tally = { cases: 0, waitedMs: 0, wallMs: 0 };
  for (const t of tallies) {
    total.cases += t.cases;
    total.waitedMs += t.waitedMs;
    total.wallMs += t.wallMs;
  }
  return total;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

interface Measured {
  tallies: Map<string, Tally>;
  verdicts: Map<string, string>;
  wallMs: number;
  hostMs: number;
}

/** The default run over the registry against a conforming fake, measured per property. */
async function measureDefaultRun(families: Family[]): Promise<Measured> {
  const clock = new AutoAdvancingClock();
  const fake = new FakeCluster({
    clock,
    serverVersion: LATEST_VERSION,
    kubelet: createFakeKubelet({ seed: SEED }),
    admission: createFakeAdmission({ defects: [] }),
    quotaUsage,
    nodes: NODES,
  });
  const capabilities = { ...defaultCapabilities(LATEST_VERSION), networkPolicyEnforced: true };
  const cleanup = new CleanupRegistry(fake, { clock });
  const signal = new AbortController().signal;
  const tallies = new Map<string, Tally>(PROPERTIES.map((p) => [p.id, { cases: 0, waitedMs: 0, wallMs: 0 }]));
  const tallyOf = (id: string): Tally => {
    const tally = tallies.get(id);
    if (!tally) throw new Error(`property ${id} is not in the registry`);
    return tally;
  };
  const target: ConformanceTarget = {
    cluster: { serverVersion: LATEST_VERSION, distribution: 'fake', nodeImages: [], capabilities },
    clock,
    signal,
    executorFor: (definition) =>
      measuringExecutor(definition, { fake, clock, cleanup, signal }, capabilities, tallyOf(definition.id)),
  };
  const reportDir = mkdtempSync(join(tmpdir(), 'kubeprop-bench-conformance-'));
  let current: { id: string; since: number } | undefined;
  const closeProperty = (): void => {
    if (current) tallyOf(current.id).wallMs += clock.now() - current.since;
  };
  const hostStart = performance.now();
  const virtualStart = clock.now();
  try {
    const result = await runConformance(
      PROPERTIES,
      target,
      {
        runId: 'bench',
        seed: SEED,
        families,
        concurrency: CONCURRENCY,
        image: 'busybox:bench',
        reportDir,
        knownIssues: [],
        keepTraces: false,
        modelOptions: DEFAULT_MODEL_OPTIONS,
        kubepropVersion: 'bench',
      },
      {
        onPropertyStart: (definition) => {
          closeProperty();
          current = { id: definition.id, since: clock.now() };
        },
      },
    );
    closeProperty();
    return {
      tallies,
      verdicts: new Map(result.outcomes.map((o) => [o.start.id, o.end.verdict])),
      wallMs: clock.now() - virtualStart,
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
  const { tallies, verdicts, wallMs, hostMs } = await measureDefaultRun(families);
  const total = { ...sum(tallies.values()), wallMs };
  const notPassing = [...verdicts].filter(([, verdict]) => verdict !== 'pass');
  // A failing property confirms and shrinks one case at a time: its slots idle by design.
  const passing = sum([...tallies].filter(([id]) => verdicts.get(id) === 'pass').map(([, t]) => t));
  const ratioTarget = `≤ ${TARGET_RATIO}`;
  const rows: BenchResult[] = [
    {
      name: `conformance: properties registered (${families.length} families)`,
      value: PROPERTIES.length,
      unit: 'properties',
    },
    {
      name: `conformance: cases run (default budgets, concurrency ${CONCURRENCY})`,
      value: total.cases,
      unit: 'cases',
    },
    {
      name: `conformance: properties not passing on the conforming fake${notPassing.length > 0 ? ` (${notPassing.map(([id, v]) => `${id} ${v}`).join(', ')})` : ''}`,
      value: notPassing.length,
      unit: 'properties',
      target: '0',
    },
    { name: 'conformance: wall of the default run (virtual)', value: seconds(wallMs), unit: 's' },
    {
      name: 'conformance: Σ case waits ÷ concurrency (virtual)',
      value: seconds(total.waitedMs / CONCURRENCY),
      unit: 's',
    },
    {
      name: 'conformance: ratio wall ÷ (Σ waits ÷ concurrency)',
      value: ratioOf(total),
      unit: '×',
      target: ratioTarget,
    },
    {
      name: 'conformance: same ratio over the passing properties',
      value: ratioOf(passing),
      unit: '×',
      target: ratioTarget,
    },
    { name: 'conformance: host time of the default run against the fake', value: seconds(hostMs), unit: 's' },
  ];
  for (const family of families) {
    const tally = sum(PROPERTIES.filter((p) => p.family === family).map((p) => tallies.get(p.id) ?? sum([])));
    rows.push(
      {
        name: `conformance ${family}: wall (virtual), ${tally.cases} cases`,
        value: seconds(tally.wallMs),
        unit: 's',
      },
      {
        name: `conformance ${family}: ratio wall ÷ (Σ waits ÷ concurrency)`,
        value: ratioOf(tally),
        unit: '×',
        target: ratioTarget,
      },
    );
  }
  return rows;
}
