// @ts-nocheck
import type { BenchResult } from './run-all';
import { createFakeKubelet } from '../harness/fake/kubelet/fake-kubelet';
import { TestKubeletContext } from '../test/harness/fake/kubelet-test-context';
import { containerScenario, podFrom, podScenario } from '../test/harness/fake/scenario-pods';

/** How fast the simulated node runs a termination case (probes, 10 s running, delete with preStop and grace 5 s). */
const PODS = 200;

const scenario = podScenario({
  terminationGracePeriodSeconds: 5,
  containers: [
    containerScenario('c', {
      behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, readyAfterSeconds: 2 },
      probes: {
        readiness: {
          handler: { kind: 'exec' },
          initialDelaySeconds: 0,
          periodSeconds: 1,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
      },
      lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
    }),
  ],
});

export async function run(): Promise<BenchResult[]> {
  const started = performance.now();
  let stopped = 0;
  // One node per pod: the test clock is a plain list, so pods run one after another.
  for (let i = 0; i < PODS; i++) {
    const context = new TestKubeletContext();
    const kubelet = createFakeKubelet({ seed: i });
    kubelet.podCreated(context.addPod(podFrom(scenario)), context);
    context.clock.runFor(10_000);
    const pod = context.readPod('ns', 'p');
    if (pod) kubelet.podDeleting(pod, 5, context);
    context.clock.runFor(20_000);
    stopped += context.record.filter((r) => r.kind === 'terminated').length;
  }
  const elapsed = performance.now() - started;
  if (stopped !== PODS) throw new Error(`only ${stopped} of ${PODS} pods stopped`);
  return [
    {
      name: 'fake kubelet: termination case (30 s virtual)',
      value: elapsed / PODS,
      unit: 'ms/pod',
      target: '≤ 5',
    },
  ];
}
