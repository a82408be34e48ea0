// @ts-nocheck
import type {
  ContainerScenario,
  ContainerResources,
  PodScenario,
  ResourceAmounts,
} from '../../model/scenario';

/** Builders for the resources/quota/LimitRange/Pod Security tests: a sleeping busybox by default. */
export function container(
  name: string,
  requests: ResourceAmounts = {},
  limits: ResourceAmounts = {},
  extra: Partial<ContainerScenario> = {},
): ContainerScenario {
  const resources: ContainerResources = { requests, limits };
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' } },
    ports: [],
    resources,
    lifecycle: {},
    probes: {},
    ...extra,
  };
}

export function pod(
  name: string,
  containers: ContainerScenario[],
  extra: Partial<PodScenario> = {},
): PodScenario {
  return { name, restartPolicy: 'Always', initContainers: [], containers, labels: {}, ...extra };
}
