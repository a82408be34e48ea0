import { declaredPorts } from '../../generators/port-plan';
import type {
  ContainerScenario,
  PodScenario,
  ProbeHandler,
  ProbeKind,
  ProbeSpec,
} from '../../model/scenario';

/** The container without a readiness probe (ready once running): it never holds ContainersReady back. */
export function withoutReadiness(container: ContainerScenario): ContainerScenario {
  const probes = { ...container.probes };
  delete probes.readiness;
  return { ...container, probes };
}

/**
 * The pod with `probed` as its first app container, declaring the ports of its port `block` (the
 * generator's, counted before steadying dropped any init container), and no readiness
 * probe on any other container, so ContainersReady follows the probed one and dates its flips. A
 * liveness probe kill restarts the container only under restartPolicy Always (OnFailure restarts
 * non-zero exits only: kuberuntime_manager.go computePodActions).
 */
export function probingFirstContainer(
  pod: PodScenario,
  probed: ContainerScenario,
  kind: ProbeKind,
  block: number,
): PodScenario {
  return {
    ...pod,
    restartPolicy: kind === 'liveness' ? 'Always' : pod.restartPolicy,
    initContainers: pod.initContainers.map(withoutReadiness),
    containers: pod.containers.map((c, i) =>
      i === 0 ? { ...probed, ports: declaredPorts(probed, block) } : withoutReadiness(c),
    ),
  };
}

/** A probe from the container's start, one attempt a second, deciding on one result: the focused properties' timing. */
export function probeEverySecond(handler: ProbeHandler, overrides: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 1,
    ...overrides,
  };
}
