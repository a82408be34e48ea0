/**
 * resources/insufficient-unschedulable (also covers the extended-capacity statement)
 * - A pod whose effective request exceeds what every node can offer MUST stay unscheduled, reported
 *   with "Insufficient <resource>" (cpu, memory, or an extended resource beyond the advertised capacity).
 * - A pod asking for no more of an extended resource than one node advertises MUST be scheduled.
 *
 * generator: generators/resources-scenario.ts, programs quiet, the first app container forced to ask
 *   for far more cpu or memory than any node has, or for example.com/dongle below or above the
 *   capacity patched onto a node (suites/resources/resources-focus.ts).
 * model rule: model/resources.ts expectResources — resources.insufficient-unschedulable,
 *   resources.fits-scheduled.
 * observation: harness/observe/resources.ts observeResources.
 * verdict: `*.scheduled`, `*.schedulingMessage`.
 */
import fc from 'fast-check';
import { DONGLE } from '../../generators/resources-scenario';
import { observeResources } from '../../harness/observe/resources';
import { expectResources, SURELY_EXCEEDS } from '../../model/resources';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import {
  focusedResources,
  RESOURCES_BUDGET,
  withoutExtendedResources,
  withQuietPod,
} from './resources-focus';

type Ask = 'cpu' | 'memory' | 'donglesOver' | 'donglesWithin';

/** Request and limit of one amount both at least `amount` (limit ≥ request stays valid). */
function atLeast(
  container: ContainerScenario,
  key: 'cpuMilli' | 'memoryMi',
  amount: number,
): ContainerScenario {
  const { requests, limits } = container.resources;
  return {
    ...container,
    resources: {
      requests: { ...requests, [key]: amount },
      limits: limits[key] === undefined ? limits : { ...limits, [key]: Math.max(amount, limits[key]) },
    },
  };
}

/** The container asking for `count` dongles (request = limit, the only valid form). */
function dongles(container: ContainerScenario, count: number): ContainerScenario {
  const { requests, limits } = container.resources;
  return {
    ...container,
    resources: {
      requests: { ...requests, extended: { [DONGLE]: count } },
      limits: { ...limits, extended: { [DONGLE]: count } },
    },
  };
}

export const insufficientUnschedulable: PropertyDefinition<'resources'> = {
  id: 'resources/insufficient-unschedulable',
  family: 'resources',
  statement:
    'A pod MUST stay unscheduled with "Insufficient <resource>" when no node has room for its request, and MUST be scheduled when an extended resource fits the advertised capacity',
  arbitrary: (capabilities) =>
    focusedResources(
      capabilities,
      fc.record(
        {
          ask: fc.constantFrom<Ask>('cpu', 'memory', 'donglesOver', 'donglesWithin'),
          perNode: fc.integer({ min: 1, max: 4 }),
        },
        { noNullPrototype: true },
      ),
      (scenario, { ask, perNode }) => {
        // Only the focused container asks for dongles, so the pod's total is what the focus decides.
        const plain = withoutExtendedResources({ ...scenario, pod: withQuietPod(scenario.pod) });
        const pod = plain.pod;
        const first = pod.containers[0];
        const focused =
          ask === 'cpu'
            ? atLeast(first, 'cpuMilli', SURELY_EXCEEDS.cpu)
            : ask === 'memory'
              ? atLeast(first, 'memoryMi', SURELY_EXCEEDS.memory)
              : dongles(first, ask === 'donglesOver' ? perNode + 1 : perNode);
        const result = { ...plain, pod: { ...pod, containers: [focused, ...pod.containers.slice(1)] } };
        return ask === 'cpu' || ask === 'memory'
          ? result
          : { ...result, extendedCapacity: { resource: DONGLE, perNode } };
      },
    ),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.scheduled', '*.schedulingMessage'],
  budget: RESOURCES_BUDGET,
};
