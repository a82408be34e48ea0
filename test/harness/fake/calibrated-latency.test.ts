import { FakeCluster } from '../../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import { quantile } from '../../../reporting/distribution';
import { TestKubeletContext } from './kubelet-test-context';
import { podFrom, podScenario } from './scenario-pods';

/**
 * The fake's calibrated latencies (the benchmark's fake; namespace deletion in every fake) against the real v1.26.1 run they were calibrated from
 * (bench/calibration.md, test/fixtures/real-runs/v1.26.1-seed1-run.report.json.gz), measured on the
 * fake the way bench/calibration.ts measures them on the real traces.
 */

const PODS = 200;
/** The real run's pod start (`create Pod` → the pod's first line), seconds. */
const REAL_POD_START = { p50: 1.7, p90: 2.995 };
/** The real run's scheduling (`create Pod` → Scheduled). */
const REAL_SCHEDULING_P50 = 0.07;
/** Namespace delete → gone with the pods stopped (the dollar-escaped recording), seconds. */
const REAL_NAMESPACE_DELETION = { p10: 5.15, mean: 5.686, p90: 6.277 };

function p(values: number[], q: number): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** Seconds from each pod's create to its first log line, and to its binding. */
function startPods(seed: number): { starts: number[]; bindings: number[] } {
  const context = new TestKubeletContext([
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1' },
      status: { allocatable: { cpu: '1000', memory: '1000Gi', pods: '1000' } },
    },
  ]);
  const kubelet = createFakeKubelet({ seed, calibrated: true });
  const createdAt = new Map<string, number>();
  for (let i = 0; i < PODS; i += 1) {
    const pod = context.addPod(podFrom(podScenario({ name: `p${i}` })));
    createdAt.set(`p${i}`, context.clock.now());
    kubelet.podCreated(pod, context);
    // Creates spread out, as cases start them.
    context.clock.runFor(100);
  }
  context.clock.runFor(30_000);
  const first = (kind: 'log' | 'bind', pod: string): number =>
    Math.min(...context.record.filter((r) => r.kind === kind && r.pod === pod).map((r) => r.at));
  const names = [...createdAt.keys()];
  return {
    starts: names.map((name) => (first('log', name) - (createdAt.get(name) ?? 0)) / 1000),
    bindings: names.map((name) => (first('bind', name) - (createdAt.get(name) ?? 0)) / 1000),
  };
}

describe('fake cluster latencies calibrated from the real cluster', () => {
  const { starts, bindings } = startPods(11);

  it(`pod start p50 and p90 are within 20 % of the real run's over ${PODS} pods`, () => {
    expect(starts.every(Number.isFinite)).toBe(true);
    expect(Math.abs(p(starts, 0.5) / REAL_POD_START.p50 - 1)).toBeLessThan(0.2);
    expect(Math.abs(p(starts, 0.9) / REAL_POD_START.p90 - 1)).toBeLessThan(0.2);
  });

  it("scheduling p50 is within 20 % of the real run's", () => {
    expect(Math.abs(p(bindings, 0.5) / REAL_SCHEDULING_P50 - 1)).toBeLessThan(0.2);
  });

  it('replays exactly from its seed, and another seed draws other latencies', () => {
    expect(startPods(11).starts).toEqual(starts);
    expect(startPods(12).starts).not.toEqual(starts);
  });
});

/** Seconds from each namespace's delete to its going, polled every 10 ms of virtual time. */
async function namespaceDeletions(count: number): Promise<number[]> {
  const cluster = new FakeCluster({ seed: 3 });
  try {
    const names = Array.from({ length: count }, (_, i) => `ns-${i}`);
    for (const name of names) await cluster.createNamespace({ metadata: { name } });
    const started = new Map<string, number>();
    for (const name of names) {
      started.set(name, cluster.clock.now());
      await cluster.deleteNamespace(name);
    }
    const gone = new Map<string, number>();
    while (gone.size < count) {
      await cluster.clock.sleep(10);
      for (const name of names) {
        if (!gone.has(name) && !(await cluster.readNamespace(name))) gone.set(name, cluster.clock.now());
      }
    }
    return names.map((name) => ((gone.get(name) ?? 0) - (started.get(name) ?? 0)) / 1000);
  } finally {
    cluster.clock.stop();
  }
}

describe('fake namespace controller calibrated from the real cluster', () => {
  // The real times are bimodal (5.1–5.4 s and 6.2–6.3 s), so the median of a sample jumps between the
  // modes: the mean and the outer deciles are what a sample of 100 pins down.
  it('an empty namespace goes after the real 5.1–6.9 s: mean, p10 and p90 within 5 %', async () => {
    const seconds = await namespaceDeletions(100);
    const mean = seconds.reduce((sum, s) => sum + s, 0) / seconds.length;
    expect(Math.abs(mean / REAL_NAMESPACE_DELETION.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(p(seconds, 0.1) / REAL_NAMESPACE_DELETION.p10 - 1)).toBeLessThan(0.05);
    expect(Math.abs(p(seconds, 0.9) / REAL_NAMESPACE_DELETION.p90 - 1)).toBeLessThan(0.05);
  });
});
