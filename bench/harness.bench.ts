import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CleanupRegistry } from '../harness/cleanup';
import { createFakeAdmission, quotaUsage } from '../harness/fake/admission';
import { FakeCluster } from '../harness/fake/fake-cluster';
import { createFakeKubelet } from '../harness/fake/kubelet/fake-kubelet';
import { SeededRandom } from '../harness/fake/seeded-random';
import { TrivialKubelet } from '../harness/fake/trivial-kubelet';
import { runCase } from '../harness/run-case';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { FakeKubelet } from '../harness/fake/fake-parts';
import type { TerminationScenario } from '../model/scenario';
import { expectTermination } from '../model/termination';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** A pod with a preStop hook that handles SIGTERM, behind a Service: every recorder is exercised. */
const SCENARIO: TerminationScenario = {
  family: 'termination',
  withService: true,
  delete: { afterRunningSeconds: 1, gracePeriodSeconds: 5 },
  pod: {
    name: 'bench',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    initContainers: [],
    labels: { app: 'bench' },
    containers: [
      {
        name: 'app',
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 0 } },
        ports: [],
        resources: { requests: {}, limits: {} },
        lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
        probes: {},
      },
    ],
  },
};
const EXPECTATION = expectTermination(SCENARIO, defaultCapabilities(LATEST_VERSION), DEFAULT_MODEL_OPTIONS);

/** Runs `count` cases one after another on one fake cluster; calls `sample` every `every` cases. */
async function runCases(
  kubelet: FakeKubelet,
  count: number,
  every = 0,
  sample: (done: number) => void = () => undefined,
): Promise<{ wallMs: number; waitedMs: number; virtualMs: number; inconclusive: number }> {
  const cluster = new FakeCluster({ kubelet, admission: createFakeAdmission(), quotaUsage });
  const random = new SeededRandom(1);
  const jitter = (): number => random.next();
  const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock, random: jitter });
  const signal = new AbortController().signal;
  let waitedMs = 0;
  let virtualMs = 0;
  let inconclusive = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const run = await runCase(cluster, SCENARIO, EXPECTATION, {
      runId: 'bench',
      caseId: `c${i}`,
      image: 'busybox:1.36',
      clock: cluster.clock,
      signal,
      caseDeadlineSeconds: 600,
      cleanup,
      random: jitter,
    });
    waitedMs += run.waitedMs;
    virtualMs += run.endedAt - run.startedAt;
    if (run.inconclusive) inconclusive += 1;
    if (every > 0 && (i + 1) % every === 0) sample(i + 1);
  }
  const wallMs = performance.now() - start;
  cluster.clock.stop();
  return { wallMs, waitedMs, virtualMs, inconclusive };
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function run(): Promise<BenchResult[]> {
  const cases = 300;
  await runCases(createFakeKubelet({ seed: 1 }), 20);
  const overhead = await runCases(createFakeKubelet({ seed: 1 }), cases);

  const gc = collectGarbage();
  const heapMb: number[] = [];
  const memoryCases = 10_000;
  const memory = await runCases(new TrivialKubelet(), memoryCases, 1_000, () => {
    gc();
    heapMb.push(process.memoryUsage().heapUsed / 2 ** 20);
  });
  const growth = heapMb[heapMb.length - 1] - heapMb[0];

  return [
    {
      name: 'harness overhead per case (real time; fake cluster, simulated kubelet, zero latency)',
      value: Number((overhead.wallMs / cases).toFixed(2)),
      unit: 'ms',
      target: '<= 50 ms',
    },
    {
      name: 'virtual time per case beyond the plan waits (namespace set-up, cleanup)',
      value: Number(((overhead.virtualMs - overhead.waitedMs) / cases).toFixed(0)),
      unit: 'virtual ms',
    },
    {
      name: 'inconclusive cases in the overhead run',
      value: overhead.inconclusive,
      unit: 'cases',
      target: '0',
    },
    {
      name: `heap growth from case 1,000 to case ${memoryCases.toLocaleString('en')} (after GC)`,
      value: Number(growth.toFixed(2)),
      unit: 'MB',
      target: 'flat (< 5 MB)',
    },
    {
      name: `heap after ${memoryCases.toLocaleString('en')} cases`,
      value: Number(heapMb[heapMb.length - 1].toFixed(1)),
      unit: 'MB',
    },
    {
      name: 'real time per case in the memory run (trivial kubelet)',
      value: Number((memory.wallMs / memoryCases).toFixed(2)),
      unit: 'ms',
    },
  ];
}

if (require.main === module) {
  void run().then((results) => {
    for (const r of results)
      console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
  });
}
