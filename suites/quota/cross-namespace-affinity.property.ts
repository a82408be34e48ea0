/**
 * quota/cross-namespace-affinity
 * - A quota with scope CrossNamespacePodAffinity (scopeSelector, Exists) MUST count and limit exactly
 *   the pods with a pod (anti-)affinity term that names namespaces or has a namespaceSelector; with
 *   hard pods 0 such pods are all forbidden while the others are admitted.
 *
 * generator: generators/quota-priority-scenario.ts quotaAffinityScenario (preferred affinity terms that
 *   match no pod, so scheduling is never in the way).
 * model rule: model/quota.ts scopeSelects — quota.cross-namespace-affinity-scope, quota.usage-charged,
 *   quota.usage-released, quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota.
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.used.*`, `afterSteps.used.*`.
 */
import { quotaAffinityScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_OBJECTS_BUDGET } from './quota-budget';

export const crossNamespaceAffinity: PropertyDefinition<'quota'> = {
  id: 'quota/cross-namespace-affinity',
  family: 'quota',
  statement:
    'A quota with scope CrossNamespacePodAffinity MUST count and limit exactly the pods whose affinity terms name other namespaces',
  arbitrary: (capabilities) => quotaAffinityScenario(capabilities),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason', 'step*.used.*', 'afterSteps.used.*'],
  budget: QUOTA_OBJECTS_BUDGET,
};
