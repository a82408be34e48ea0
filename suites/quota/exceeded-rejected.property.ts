/**
 * quota/exceeded-rejected (also covers exact-fill-admitted and init-containers-counted)
 * - A pod the quota's scopes select MUST be rejected (403, "exceeded quota: <name>", requested/used/
 *   limited) when used + its effective request would exceed hard for a tracked resource, and MUST be
 *   admitted when it fills the quota exactly; init containers count through the effective request.
 * - When the quota tracks cpu or memory, a pod not setting them MUST be rejected ("must specify").
 *
 * generator: generators/quota-scenario.ts (hard limits derived from the pods: the first ones fit or
 *   fill exactly, later ones overflow unless deletions freed room; every valid scope set).
 * model rule: model/quota.ts expectQuota — quota.exceeded-rejected, quota.within-hard-admitted,
 *   quota.must-specify-rejected.
 * observation: harness/observe/quota.ts observeQuota.
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`.
 */
import { quotaScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_BUDGET } from './quota-budget';

export const exceededRejected: PropertyDefinition<'quota'> = {
  id: 'quota/exceeded-rejected',
  family: 'quota',
  statement:
    'A selected pod MUST be rejected with "exceeded quota" when it would take usage over hard, and admitted when it fills the quota exactly',
  arbitrary: (capabilities) => quotaScenario(capabilities, { maxPods: 4 }),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason'],
  budget: QUOTA_BUDGET,
};
