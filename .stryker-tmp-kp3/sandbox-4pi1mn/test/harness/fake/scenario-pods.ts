// @ts-nocheck
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { INTENT_ANNOTATION } from '../../../model/labels';
import type { ContainerScenario, PodScenario, ResourceAmounts } from '../../../model/scenario';

/** Test pods: a scenario turned into the spec fields the fake kubelet reads, with the intent annotated. */

function quantities(amounts: ResourceAmounts): Record<string, string> {
  const out: Record<string, string> = {};
  if (amounts.cpuMilli !== undefined) out.cpu = `${amounts.cpuMilli}m`;
  if (amounts.memoryMi !== undefined) out.memory = `${amounts.memoryMi}Mi`;
  if (amounts.ephemeralStorageMi !== undefined) out['ephemeral-storage'] = `${amounts.ephemeralStorageMi}Mi`;
  for (const [name, count] of Object.entries(amounts.extended ?? {})) out[name] = String(count);
  return out;
}

function container(scenario: ContainerScenario): V1Container {
  return {
    name: scenario.name,
    image: 'busybox:1.36',
    restartPolicy: scenario.restartPolicy,
    ports: scenario.ports.map((p) => ({ name: p.name, containerPort: p.containerPort })),
    resources: {
      requests: quantities(scenario.resources.requests),
      limits: quantities(scenario.resources.limits),
    },
  };
}

export function podFrom(scenario: PodScenario, namespace = 'ns'): V1Pod {
  return {
    metadata: {
      name: scenario.name,
      namespace,
      labels: scenario.labels,
      annotations: { [INTENT_ANNOTATION]: JSON.stringify(scenario) },
    },
    spec: {
      restartPolicy: scenario.restartPolicy,
      terminationGracePeriodSeconds: scenario.terminationGracePeriodSeconds ?? 30,
      initContainers: scenario.initContainers.map(container),
      containers: scenario.containers.map(container),
    },
  };
}

export function containerScenario(
  name: string,
  overrides: Partial<ContainerScenario> = {},
): ContainerScenario {
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    ...overrides,
  };
}

export function podScenario(overrides: Partial<PodScenario> = {}): PodScenario {
  return {
    name: 'p',
    restartPolicy: 'Always',
    initContainers: [],
    containers: [containerScenario('c')],
    labels: {},
    ...overrides,
  };
}
