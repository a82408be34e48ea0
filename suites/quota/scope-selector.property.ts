/**
 * quota/scope-selector
 * - A quota whose scopes are written as spec.scopeSelector requirements (operator Exists: BestEffort,
 *   NotBestEffort, Terminating, NotTerminating) MUST select, charge and limit exactly the pods those
 *   scopes select: a pod outside them is neither charged nor rejected, one inside is counted and
 *   rejected over hard.
 *
 * generator: usage-tracks-pods' scenarios with a non-empty scope set (generators/quota-scenario.ts and
 *   suites/quota/usage-tracks-pods.property.ts), the scopes put in spec.scopeSelector.
 * model rule: model/quota.ts expectQuota (quotaScopeNames: a scopeSelector Exists requirement is the
 *   scope) — quota.scope-selector, quota.scopes, quota.usage-charged, quota.usage-released,
 *   quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota.
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.used.*`, `afterSteps.used.*`.
 */
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_OBJECTS_BUDGET } from './quota-budget';
import { usageTracksPods } from './usage-tracks-pods.property';

export const scopeSelector: PropertyDefinition<'quota'> = {
  id: 'quota/scope-selector',
  family: 'quota',
  statement:
    'A quota MUST select by spec.scopeSelector (Exists on BestEffort, NotBestEffort, Terminating, NotTerminating) as by spec.scopes: it charges and limits only the pods selected',
  arbitrary: (capabilities) =>
    usageTracksPods
      .arbitrary(capabilities)
      .filter((scenario) => scenario.quota.scopes.length > 0)
      .map((scenario) => ({ ...scenario, quota: { ...scenario.quota, viaScopeSelector: true } })),
  expect: usageTracksPods.expect,
  observe: usageTracksPods.observe,
  fields: ['step*.admitted', 'step*.status', 'step*.reason', 'step*.used.*', 'afterSteps.used.*'],
  // Pods are created but never waited for: as short as the object-count cases.
  budget: QUOTA_OBJECTS_BUDGET,
};
