/**
 * quota/object-counts
 * - A quota without scopes MUST count the namespace's services (services.nodeports,
 *   services.loadbalancers), secrets, configmaps (the root CA ConfigMap included), replication
 *   controllers, replica sets (count/replicasets.apps), claims (persistentvolumeclaims, requests.storage,
 *   and per storage class) and pods' requests.ephemeral-storage: a create that would take a tracked
 *   resource over hard MUST be rejected (403 "exceeded quota: <name>", the resource named), one that
 *   fills it exactly admitted; usage MUST be charged on create and released once the object is deleted.
 *
 * generator: generators/quota-objects-scenario.ts (hard limits derived from the objects: the first ones
 *   fit or fill exactly, later ones overflow unless deletions freed room; replicas 0, claims Pending).
 * model rule: model/quota.ts expectQuota with model/quota-objects.ts — quota.object-usage,
 *   quota.object-released, quota.namespace-baseline, quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota (the snapshot after the harness waited for every
 *   tracked count to equal what the API lists: harness/quota-object-counts.ts).
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.used.*`, `afterSteps.used.*`.
 */
import { quotaObjectsScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_OBJECTS_BUDGET } from './quota-budget';

export const objectCounts: PropertyDefinition<'quota'> = {
  id: 'quota/object-counts',
  family: 'quota',
  statement:
    'A quota MUST count services, secrets, configmaps, controllers, claims and their storage: over hard rejected with "exceeded quota", charged on create, released on delete',
  arbitrary: (capabilities) => quotaObjectsScenario(capabilities, { maxObjects: 5 }),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason', 'step*.used.*', 'afterSteps.used.*'],
  budget: QUOTA_OBJECTS_BUDGET,
};
