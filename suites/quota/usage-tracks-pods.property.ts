/**
 * quota/usage-tracks-pods (also covers scopes-select)
 * - status.used MUST be filled before the quota is enforced, MUST equal the effective usage of the live
 *   pods the scopes select after each step, and MUST drop when a pod is deleted.
 * - Scopes MUST select pods: Terminating those with activeDeadlineSeconds, BestEffort those of that QoS
 *   class, and the Not* scopes the others; a pod outside the scopes is neither charged nor rejected.
 *
 * - A rejected update of a pod's requests MUST leave status.used as it was (upstream's "capture the life
 *   of a pod": "Ensuring attempts to update pod resource requirements did not change quota usage").
 * - A deleted pod's compute usage (cpu, memory, requests.*, limits.*, init containers included) MUST
 *   be released in the same status.used that stops counting it.
 *
 * generator: generators/quota-scenario.ts, with activeDeadlineSeconds (longer than any case) set on
 *   some pods so the Terminating scopes select some and not others, and `pods` tracked (never binding)
 *   when the quota tracks no pod count: the count is what shows the quota controller has caught up.
 * model rule: model/quota.ts expectQuota — quota.initialised-before-enforced, quota.usage-charged,
 *   quota.usage-released, quota.within-hard-admitted, quota.pod-update-rejected (scopes: podMatchesScope).
 * observation: harness/observe/quota.ts observeQuota (compute usage from the snapshot whose pod counts
 *   equal the pods that exist: harness/quota-pod-counts.ts countsAgree, waited for by quotaSettled).
 * verdict: `quota.initialised`, `step*.used.*`, `afterSteps.used.*`, `step*.admitted`.
 */
import fc from 'fast-check';
import { quotaScenario } from '../../generators';
import { withPodUpdate } from '../../generators/quota-scenario';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota, LONG_DEADLINE_SECONDS } from '../../model/quota';
import type { PodScenario, QuotaScenario } from '../../model/scenario';
import { tracksPodCount } from '../../harness/quota-pod-counts';
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

/**
 * Tracks `pods` when the quota tracks no pod count, with room for every create so it rejects nothing:
 * without a count no snapshot can show that a deletion has been accounted for.
 */
function withPodCount(scenario: QuotaScenario): QuotaScenario {
  if (tracksPodCount({ hard: scenario.quota.hard, requirements: [] })) return scenario;
  const creates = scenario.steps.filter((step) => step.kind === 'create').length;
  return { ...scenario, quota: { ...scenario.quota, hard: { ...scenario.quota.hard, pods: creates } } };
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
        fc.option(fc.nat(), { nil: undefined }),
      )
      .map(([scenario, terminating, pick]) => {
        const tracked = withPodCount(withDeadlines(scenario, terminating));
        return pick === undefined ? tracked : withPodUpdate(tracked, pick);
      }),
  expect: expectQuota,
  observe: observeQuota,
  fields: ['quota.initialised', 'step*.used.*', 'afterSteps.used.*', 'step*.admitted'],
  budget: QUOTA_BUDGET,
};
