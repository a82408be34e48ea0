/**
 * quota/custom-resource
 * - A quota without scopes MUST count the namespace's objects of any resource the API serves, a custom
 *   resource included, as count/<plural>.<group>: a create that would take the count over hard MUST be
 *   rejected (403 "exceeded quota: <name>", the count named), one that fills it exactly admitted; the
 *   count MUST be charged on create and released once the custom resource is deleted.
 *
 * generator: generators/quota-custom-resource-scenario.ts (the case's own CustomResourceDefinition;
 *   hard 0–4 custom resources and maybe the namespace's quotas; creates up to and past hard, deletes of
 *   admitted ones, creates after them).
 * model rule: model/quota.ts expectQuota with model/quota-objects.ts — quota.custom-resource-count,
 *   quota.namespace-baseline, quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota (the case's plural read back as
 *   CUSTOM_RESOURCE_COUNT_KEY). The harness creates the CRD (deleted by the case's cleanup, swept by
 *   `kubeprop clean`), waits until it is Established and until the quota controller's discovery counts
 *   its resource (harness/waits-quota.ts quotaDiscovery, upstream's updateResourceQuotaUntilUsageAppears),
 *   then creates the quota and waits for status.used to count it too, before the first step.
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.used.*`, `afterSteps.used.*`.
 */
import { quotaCustomResourceScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_CUSTOM_RESOURCE_BUDGET } from './quota-budget';

export const customResource: PropertyDefinition<'quota'> = {
  id: 'quota/custom-resource',
  family: 'quota',
  statement:
    'A quota MUST count custom resources as count/<plural>.<group>: over hard rejected with "exceeded quota", charged on create, released on delete',
  arbitrary: (capabilities) => quotaCustomResourceScenario(capabilities, { maxObjects: 4 }),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason', 'step*.used.*', 'afterSteps.used.*'],
  budget: QUOTA_CUSTOM_RESOURCE_BUDGET,
};
