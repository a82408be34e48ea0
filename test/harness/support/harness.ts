import { CleanupRegistry } from '../../../harness/cleanup';
import { createFakeAdmission, quotaUsage } from '../../../harness/fake/admission';
import { FakeCluster, type FakeClusterOptions } from '../../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import { SeededRandom } from '../../../harness/fake/seeded-random';
import { runCase, type CaseRun, type RunCaseOptions } from '../../../harness/run-case';
import type { Expectation } from '../../../model/expectation';
import type { Scenario } from '../../../model/scenario';

export interface TestHarness {
  cluster: FakeCluster;
  cleanup: CleanupRegistry;
  controller: AbortController;
  run(
    scenario: Scenario,
    expectation: Expectation,
    caseId: string,
    extra?: Partial<RunCaseOptions>,
  ): Promise<CaseRun>;
}

/** A fake cluster with the simulated kubelet and admission (or the given parts), and a cleanup registry. */
export function testHarness(options: FakeClusterOptions & { seed?: number } = {}): TestHarness {
  const seed = options.seed ?? 1;
  const cluster = new FakeCluster({
    kubelet: createFakeKubelet({ seed }),
    admission: createFakeAdmission(),
    quotaUsage,
    ...options,
  });
  const random = new SeededRandom(seed);
  const jitter = (): number => random.next();
  const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock, random: jitter });
  const controller = new AbortController();
  return {
    cluster,
    cleanup,
    controller,
    run: (scenario, expectation, caseId, extra = {}) =>
      runCase(cluster, scenario, expectation, {
        runId: 'run1',
        caseId,
        image: 'busybox:1.36',
        clock: cluster.clock,
        signal: controller.signal,
        caseDeadlineSeconds: 900,
        cleanup,
        random: jitter,
        ...extra,
      }),
  };
}

/** Everything kubeprop could have left on the cluster (read without API calls, so faults cannot hide it). */
export function leftovers(cluster: FakeCluster): { namespaces: string[]; pods: string[] } {
  const namespaces = cluster.namespaceNames();
  const pods = cluster.allPods().map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
  return { namespaces, pods };
}
