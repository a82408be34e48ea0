/**
 * quota/exceeded-rejected (also covers exact-fill-admitted and init-containers-counted)
 * - A pod the quota's scopes select MUST be rejected (403, "exceeded quota: <name>", requested/used/
 *   limited) when used + its effective request would exceed hard for a tracked resource, and MUST be
 *   admitted when it fills the quota exactly; init containers count through the effective request.
 * - When the quota tracks cpu or memory, a pod not setting them MUST be rejected ("must specify").
 * - An update of an admitted pod's requests MUST be rejected (422 "pod updates may not change fields
 *   other than"), and MUST leave the quota's usage as it was (upstream's "capture the life of a pod").
 *
 * generator: generators/quota-scenario.ts (hard limits derived from the pods: the first ones fit or
 *   fill exactly, later ones overflow unless deletions freed room; every valid scope set), in some
 *   cases an update of a created pod's requests right after its create (withPodUpdate).
 * model rule: model/quota.ts expectQuota — quota.exceeded-rejected, quota.within-hard-admitted,
 *   quota.must-specify-rejected, quota.pod-update-rejected.
 * observation: harness/observe/quota.ts observeQuota.
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`.
 */
import fc from 'fast-check';
import { quotaScenario } from '../../generators';
import { withPodUpdate } from '../../generators/quota-scenario';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_BUDGET } from './quota-budget';

export const exceededRejected: PropertyDefinition<'quota'> = {
  id: 'quota/exceeded-rejected',
  family: 'quota',
  statement:
    'A selected pod MUST be rejected with "exceeded quota" when it would take usage over hard, and admitted when it fills the quota exactly',
  arbitrary: (capabilities) =>
    fc
      .tuple(quotaScenario(capabilities, { maxPods: 4 }), fc.option(fc.nat(), { nil: undefined }))
      .map(([scenario, pick]) => (pick === undefined ? scenario : withPodUpdate(scenario, pick))),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['step*.admitted', 'step*.status', 'step*.reason'],
  budget: QUOTA_BUDGET,
};
