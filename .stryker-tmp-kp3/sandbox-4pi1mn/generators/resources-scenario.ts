// @ts-nocheck
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ContainerScenario, ResourcesScenario } from '../model/scenario';
import { podScenario } from './pod-scenario';

/** The extended resource kubeprop advertises on a node (docs task "extended-resource-node"). */
export const DONGLE = 'example.com/dongle';

export interface ResourcesScenarioConstraints {
  maxContainers?: number;
  maxObserveSeconds?: number;
}

/** How a container uses memory or ephemeral storage relative to its limit. */
type Usage = 'none' | 'under' | 'over';

interface ContainerUsage {
  memory: Usage;
  ephemeral: Usage;
  /** How far an 'over' usage goes past the limit, Mi. */
  excessMi: number;
}

const MAX_CONTAINERS = 3;

function amountFor(usage: Usage, limit: number | undefined, excessMi: number): number | undefined {
  if (usage === 'none') return undefined;
  if (usage === 'under') return limit === undefined ? 4 : Math.max(1, Math.floor(limit / 4));
  return limit === undefined ? undefined : limit + excessMi;
}

function withUsage(container: ContainerScenario, usage: ContainerUsage): ContainerScenario {
  const behaviour = { ...container.behaviour };
  const memory = amountFor(usage.memory, container.resources.limits.memoryMi, usage.excessMi);
  const storage = amountFor(usage.ephemeral, container.resources.limits.ephemeralStorageMi, usage.excessMi);
  if (memory !== undefined) behaviour.allocateMemoryMi = memory;
  if (storage !== undefined) behaviour.writeEphemeralMi = storage;
  return { ...container, behaviour };
}

/**
 * A pod across the QoS classes, with extended resources (request = limit) against an advertised node
 * capacity, and containers that allocate memory or write ephemeral storage below or beyond their limits.
 */
export function resourcesScenario(
  capabilities: Capabilities,
  constraints: ResourcesScenarioConstraints = {},
): fc.Arbitrary<ResourcesScenario> {
  const usage = fc.record(
    {
      memory: fc.constantFrom<Usage>('none', 'under', 'over'),
      ephemeral: fc.constantFrom<Usage>('none', 'under', 'over'),
      excessMi: fc.integer({ min: 16, max: 64 }),
    },
    { noNullPrototype: true },
  );
  return fc
    .record(
      {
        pod: podScenario({
          capabilities,
          hooks: false,
          probes: false,
          exits: 'never',
          maxContainers: Math.min(constraints.maxContainers ?? 2, MAX_CONTAINERS),
          maxInitContainers: 1,
          extendedResources: [DONGLE],
        }),
        usages: fc.array(usage, { minLength: MAX_CONTAINERS, maxLength: MAX_CONTAINERS }),
        observeSeconds: fc.integer({ min: 5, max: constraints.maxObserveSeconds ?? 30 }),
        perNode: fc.integer({ min: 0, max: 4 }),
      },
      { noNullPrototype: true },
    )
    .map(({ pod, usages, observeSeconds, perNode }) => {
      const containers = pod.containers.map((c, i) => withUsage(c, usages[i]));
      const scenario: ResourcesScenario = {
        family: 'resources',
        pod: { ...pod, containers },
        observeSeconds,
      };
      const usesDongle = [...pod.initContainers, ...pod.containers].some(
        (c) => c.resources.limits.extended?.[DONGLE],
      );
      if (usesDongle) scenario.extendedCapacity = { resource: DONGLE, perNode };
      return scenario;
    });
}
