import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { FakeDefect } from '../../../../harness/fake/defects';
import { createFakeKubelet } from '../../../../harness/fake/kubelet/fake-kubelet';
import type { FakeKubelet } from '../../../../harness/fake/fake-parts';
import type { PodScenario } from '../../../../model/scenario';
import { TestKubeletContext } from '../kubelet-test-context';
import { podFrom } from '../scenario-pods';

export interface RunningPod {
  context: TestKubeletContext;
  kubelet: FakeKubelet;
  pod: V1Pod;
  /** Advances virtual time by seconds. */
  run(seconds: number): void;
  /** Deletes the pod gracefully (spec period unless given) and returns the virtual time of the call. */
  remove(gracePeriodSeconds?: number): number;
  container(name?: string): V1ContainerStatus | undefined;
}

/**
 * Creates the pod on a fresh simulated node and runs it for `seconds` of virtual time. These tests
 * pin the kubelet's mechanics (signals, hooks, probes) to exact instants, so the node starts pods at
 * idle-node speed; the measured, slower starts are the fake's default everywhere else
 * (test/harness/fake/calibrated-latency.test.ts, the suites).
 */
export function runPod(
  scenario: PodScenario,
  seconds: number,
  options: {
    defects?: FakeDefect[];
    seed?: number;
    context?: TestKubeletContext;
    kubelet?: FakeKubelet;
  } = {},
): RunningPod {
  const context = options.context ?? new TestKubeletContext();
  const kubelet =
    options.kubelet ??
    createFakeKubelet({ defects: options.defects, seed: options.seed ?? 7, calibrated: false });
  const pod = context.addPod(podFrom(scenario));
  kubelet.podCreated(pod, context);
  const handle: RunningPod = {
    context,
    kubelet,
    pod,
    run: (s) => context.clock.runFor(s * 1000),
    remove: (grace) => {
      const current = context.readPod('ns', scenario.name) ?? pod;
      const period = grace ?? scenario.terminationGracePeriodSeconds ?? 30;
      kubelet.podDeleting(current, period, context);
      return context.clock.now();
    },
    container: (name = 'c') =>
      [
        ...(context.lastStatus(scenario.name)?.containerStatuses ?? []),
        ...(context.lastStatus(scenario.name)?.initContainerStatuses ?? []),
      ].find((s) => s.name === name),
  };
  handle.run(seconds);
  return handle;
}
