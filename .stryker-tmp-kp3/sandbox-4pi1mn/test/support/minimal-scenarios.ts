// @ts-nocheck
import type { ContainerScenario, PodScenario, TerminationScenario } from '../../model/scenario';

/** The simplest valid container: starts at once, ignores SIGTERM, no hooks, probes or resources. */
export function minimalContainer(name = 'c'): ContainerScenario {
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
  };
}

export function minimalPod(overrides: Partial<PodScenario> = {}): PodScenario {
  return {
    name: 'p',
    restartPolicy: 'Always',
    initContainers: [],
    containers: [minimalContainer()],
    labels: {},
    ...overrides,
  };
}

export function terminationOf(pod: PodScenario, gracePeriodSeconds?: number): TerminationScenario {
  return {
    family: 'termination',
    pod,
    delete: { afterRunningSeconds: 1, ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) },
    withService: false,
  };
}
