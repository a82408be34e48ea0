/**
 * resources/qos-class
 * - status.qosClass MUST be Guaranteed when every container sets cpu and memory limits equal to its
 *   requests, BestEffort when no container sets any cpu/memory request or limit, Burstable otherwise.
 *
 * generator: generators/resources-scenario.ts across the QoS classes, programs quiet
 *   (suites/resources/resources-focus.ts).
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
    focusedResources(capabilities, fc.constant(undefined), (scenario) => ({
      ...scenario,
      pod: withQuietPod(scenario.pod),
    })),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.qosClass'],
  budget: RESOURCES_BUDGET,
};
