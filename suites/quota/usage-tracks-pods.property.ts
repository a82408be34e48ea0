/**
 * quota/usage-tracks-pods (also covers scopes-select)
 * - status.used MUST be filled before the quota is enforced, MUST equal the effective usage of the live
 *   pods the scopes select after each step, and MUST drop when a pod is deleted.
 * - Scopes MUST select pods: Terminating those with activeDeadlineSeconds, BestEffort those of that QoS
 *   class, and the Not* scopes the others; a pod outside the scopes is neither charged nor rejected.
 *
 * generator: generators/quota-scenario.ts, with activeDeadlineSeconds (longer than any case) set on
 *   some pods so the Terminating scopes select some and not others.
 * model rule: model/quota.ts expectQuota — quota.initialised-before-enforced, quota.usage-charged,
 *   quota.usage-released, quota.within-hard-admitted (scopes: podMatchesScope).
 * observation: harness/observe/quota.ts observeQuota.
 * verdict: `quota.initialised`, `step*.used.pods|count/pods`, `afterSteps.used.pods|count/pods`,
 *   `step*.admitted` (compute usage waits for a harness condition that can tell it is up to date).
 */
import fc from 'fast-check';
import { quotaScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota, LONG_DEADLINE_SECONDS } from '../../model/quota';
import type { PodScenario, QuotaScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_BUDGET } from './quota-budget';

/** Marks the pods whose index (pod-<i>) is flagged as terminating: the same pod in every step. */
function withDeadlines(scenario: QuotaScenario, terminating: boolean[]): QuotaScenario {
  const mark = (pod: PodScenario): PodScenario => {
    const index = Number(/(\d+)$/.exec(pod.name)?.[1] ?? 0);
    return terminating[index % terminating.length]
      ? { ...pod, activeDeadlineSeconds: LONG_DEADLINE_SECONDS }
      : pod;
  };
  return {
    ...scenario,
    steps: scenario.steps.map((step) => (step.kind === 'create' ? { ...step, pod: mark(step.pod) } : step)),
  };
}

export const usageTracksPods: PropertyDefinition<'quota'> = {
  id: 'quota/usage-tracks-pods',
  family: 'quota',
  statement:
    'status.used MUST equal the effective usage of the live pods the scopes select after every create and delete',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        quotaScenario(capabilities, { maxPods: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      )
      .map(([scenario, terminating]) => withDeadlines(scenario, terminating)),
  expect: expectQuota,
  observe: observeQuota,
  // Compute-resource usage (used.cpu, used.requests.memory, ...) is not judged yet: the harness's
  // quotaSettled wait (harness/waits-quota.ts) only knows the pod counts, so a snapshot can precede the
  // controller's recalculation of compute usage.
  fields: [
    'quota.initialised',
    'step*.used.pods',
    'step*.used.count/pods',
    'afterSteps.used.pods',
    'afterSteps.used.count/pods',
    'step*.admitted',
  ],
  budget: QUOTA_BUDGET,
};
