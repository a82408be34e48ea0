/**
 * resources/qos-class
 * - status.qosClass MUST be Guaranteed when every container sets cpu and memory limits equal to its
 *   requests, BestEffort when no container sets any cpu/memory request or limit, Burstable otherwise.
 *
 * generator: generators/resources-scenario.ts across the QoS classes, programs quiet
 *   (suites/resources/resources-focus.ts), half the time the first app container with cpu and memory
 *   requests but no limits.
 * model rule: model/resources.ts expectResources via model/qos.ts computePodQos — resources.qos-class.
 * observation: harness/observe/resources.ts observeResources.
 * verdict: `*.qosClass`.
 */
import fc from 'fast-check';
import { observeResources } from '../../harness/observe/resources';
import { expectResources } from '../../model/resources';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedResources, RESOURCES_BUDGET, withQuietPod } from './resources-focus';

export const qosClass: PropertyDefinition<'resources'> = {
  id: 'resources/qos-class',
  family: 'resources',
  statement:
    'status.qosClass MUST be Guaranteed when limits equal requests for cpu and memory everywhere, BestEffort when nothing is set, Burstable otherwise',
  arbitrary: (capabilities) =>
    focusedResources(capabilities, fc.boolean(), (scenario, requestsOnly) => ({
      ...scenario,
      // Requests without limits: Burstable, the case a class read off limits alone gets wrong.
      pod: withQuietPod(scenario.pod, (c) => {
        if (!requestsOnly) return c;
        const { requests, limits } = c.resources;
        const rest = { ...limits };
        delete rest.cpuMilli;
        delete rest.memoryMi;
        return {
          ...c,
          resources: {
            requests: { ...requests, cpuMilli: requests.cpuMilli ?? 50, memoryMi: requests.memoryMi ?? 64 },
            limits: rest,
          },
        };
      }),
    })),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.qosClass'],
  budget: RESOURCES_BUDGET,
};
