/**
 * quota/priority-class
 * - A quota with a scopeSelector on PriorityClass (In, NotIn, Exists, DoesNotExist) MUST count and
 *   limit exactly the pods it selects by spec.priorityClassName: In those of a listed class, NotIn the
 *   others and pods without a class, Exists pods with a class, DoesNotExist pods without; a pod it does
 *   not select is neither charged nor rejected.
 *
 * generator: generators/quota-priority-scenario.ts (PriorityClasses high and low, created per case and
 *   deleted by its cleanup; pods of either class or none, BestEffort or with equal cpu/memory requests
 *   and limits; hard pods, and then requests.cpu/requests.memory, derived from the first pods selected).
 * model rule: model/quota.ts requirementSelects — quota.priority-class-scope, quota.usage-charged,
 *   quota.usage-released, quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota (pod counts from the snapshot's own selector).
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.used.*`, `afterSteps.used.*`.
 */
import { quotaPriorityScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_OBJECTS_BUDGET } from './quota-budget';

export const priorityClass: PropertyDefinition<'quota'> = {
  id: 'quota/priority-class',
  family: 'quota',
  statement:
    'A quota with a PriorityClass scopeSelector (In, NotIn, Exists, DoesNotExist) MUST count and limit exactly the pods whose priorityClassName it selects',
  arbitrary: (capabilities) => quotaPriorityScenario(capabilities),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason', 'step*.used.*', 'afterSteps.used.*'],
  budget: QUOTA_OBJECTS_BUDGET,
};
