// @ts-nocheck
import type { ContainerBehaviour, ContainerScenario, PodScenario } from '../../model/scenario';

/** A container that runs until stopped and ignores SIGTERM, with the given overrides. */
export function container(
  name: string,
  overrides: Partial<ContainerScenario> = {},
  behaviour: Partial<ContainerBehaviour> = {},
): ContainerScenario {
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, ...behaviour },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    ...overrides,
  };
}

/** A pod named "p" (the recordings' name) with the given containers. */
export function pod(containers: ContainerScenario[], overrides: Partial<PodScenario> = {}): PodScenario {
  return { name: 'p', restartPolicy: 'Always', initContainers: [], containers, labels: {}, ...overrides };
}
