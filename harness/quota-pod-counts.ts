import type { V1Pod } from '@kubernetes/client-node';
import { requirementSelects, type ScopeRequirement } from '../model/quota';

/** The object counts a pod quota can track: the witnesses that its controller has caught up. */
export const POD_COUNT_KEYS = ['pods', 'count/pods'] as const;

/** The quota as far as counting goes: what it tracks and how it selects pods. */
export interface CountedQuota {
  hard: Record<string, unknown>;
  /** spec.scopes and scopeSelector requirements (model/quota.ts quotaScopeRequirements). */
  requirements: readonly ScopeRequirement[];
}

function isTerminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** No container sets a cpu or memory request or limit (pkg/apis/core/v1/helper/qos/qos.go GetPodQOS). */
function isBestEffort(pod: V1Pod): boolean {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].every((c) =>
    ['cpu', 'memory'].every((r) => !c.resources?.requests?.[r] && !c.resources?.limits?.[r]),
  );
}

/**
 * Some pod affinity or anti-affinity term, required or preferred, names namespaces or has a
 * namespaceSelector (pkg/quota/v1/evaluator/core/pods.go usesCrossNamespacePodAffinity).
 */
export function usesCrossNamespacePodAffinity(pod: V1Pod): boolean {
  const affinity = pod.spec?.affinity;
  const terms = [affinity?.podAffinity, affinity?.podAntiAffinity].flatMap((a) => [
    ...(a?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
  ]);
  return terms.some((t) => (t.namespaces?.length ?? 0) > 0 || t.namespaceSelector !== undefined);
}

/** The quota's requirements select the pod (model/quota.ts requirementSelects; unmodelled ones are not in the way). */
function selects(requirements: readonly ScopeRequirement[], pod: V1Pod): boolean {
  const facts = {
    terminating: (pod.spec?.activeDeadlineSeconds ?? -1) >= 0,
    bestEffort: isBestEffort(pod),
    priorityClassName: pod.spec?.priorityClassName || undefined,
    crossNamespaceAffinity: usesCrossNamespacePodAffinity(pod),
  };
  return requirements.every((req) => requirementSelects(req, facts) ?? true);
}

/**
 * The counts the quota tracks for the pods that exist: `pods` counts selected pods not Succeeded/Failed,
 * `count/pods` all selected pods (pkg/quota/v1/evaluator/core/pods.go PodUsageFunc, QuotaV1Pod).
 */
export function expectedPodCounts(quota: CountedQuota, pods: readonly V1Pod[]): Record<string, number> {
  const live = pods.filter((pod) => selects(quota.requirements, pod));
  const counts: Record<string, number> = {};
  if ('pods' in quota.hard) counts.pods = live.filter((p) => !isTerminal(p)).length;
  if ('count/pods' in quota.hard) counts['count/pods'] = live.length;
  return counts;
}

/** Whether the quota tracks a pod count at all (without one, nothing shows the controller caught up). */
export function tracksPodCount(quota: CountedQuota): boolean {
  return POD_COUNT_KEYS.some((key) => key in quota.hard);
}

/**
 * status.used shows every tracked pod count equal to the pods that exist. Why this is enough to trust
 * the compute usage (requests.cpu, limits.memory, ...) of the same snapshot:
 * - the quota controller recomputes ALL the quota's resources in one pass and writes status.used in
 *   one update (pkg/controller/resourcequota/resource_quota_controller.go syncResourceQuota:
 *   quota.CalculateUsage, then UpdateStatus); it is requeued when a pod is deleted or turns terminal
 *   (resource_quota_monitor.go DeleteFunc / UpdateFunc with the pod update filter);
 * - admission adds ALL of a pod's usage in one update and never subtracts (staging/src/k8s.io/apiserver/
 *   pkg/admission/plugin/resourcequota/controller.go checkQuotas: Status.Used = used + requested).
 * So after a delete, a count that dropped to the pods left can only have been written by a controller
 *   sync, together with the compute usage of the same pods. A snapshot with the right count but stale
 *   compute would need a write that changed the count alone, which neither writer makes. A delete that
 *   changes no count (a rejected pod, one outside the scopes, one already terminal) releases no compute
 *   either (pods.go QuotaV1Pod: such pods are not charged). The "delete A, create B with the same count"
 *   interleaving cannot fool it because the harness waits for this condition after every step before
 *   the next one, and the observation only trusts snapshots taken after the step and before the next.
 */
export function countsAgree(
  used: Record<string, string> | undefined,
  expected: Record<string, number>,
): boolean {
  return used !== undefined && Object.entries(expected).every(([key, count]) => Number(used[key]) === count);
}
