import type { V1Pod, V1ResourceQuota, V1ResourceQuotaStatus } from '@kubernetes/client-node';
import type { ManagedObject } from '../cluster-port';
import { parseInUnitOf } from '../../model/quantities';
import type { DefectSet } from './defects';
import { isObjectResource } from './admission/object-quota';

/** Computes status.used for a quota from the namespace's pods and other objects; absent resources are left out. */
export type QuotaUsage = (
  quota: V1ResourceQuota,
  pods: V1Pod[],
  objects?: readonly ManagedObject[],
) => Record<string, string>;

function isTerminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * Object counts only: `pods` counts pods that are not Succeeded/Failed, `count/pods` counts all
 * (pkg/quota/v1/evaluator/core/pods.go podEvaluator.Usage and the generic object count evaluator).
 * Compute resources need the effective-request arithmetic, which the admission simulation brings
 * through FakeClusterOptions.quotaUsage.
 */
export const countPodsUsage: QuotaUsage = (quota, pods) => {
  const hard = quota.spec?.hard ?? {};
  const used: Record<string, string> = {};
  if ('pods' in hard) used.pods = String(pods.filter((p) => !isTerminal(p)).length);
  if ('count/pods' in hard) used['count/pods'] = String(pods.length);
  return used;
};

/** What the quota controller writes: hard copied from the spec, used as computed. */
export function quotaStatus(
  quota: V1ResourceQuota,
  pods: V1Pod[],
  usage: QuotaUsage,
  objects: readonly ManagedObject[] = [],
): V1ResourceQuotaStatus {
  return { hard: { ...(quota.spec?.hard ?? {}) }, used: usage(quota, pods, objects) };
}

/**
 * The controller's usage under the seeded defects. `quota-usage-not-released`: pod counts are recounted
 * (so the controller looks caught up) but no other resource ever drops below what status.used had, so
 * compute usage is charged and never released; upstream recomputes every resource in the same pass
 * (pkg/controller/resourcequota/resource_quota_controller.go syncResourceQuota, quota.CalculateUsage).
 * `quota-object-not-released`: the same for what objects other than pods use (their counts included).
 */
export function controllerUsage(usage: QuotaUsage, defects: DefectSet): QuotaUsage {
  const computeKept = defects.has('quota-usage-not-released');
  const objectsKept = defects.has('quota-object-not-released');
  if (!computeKept && !objectsKept) return usage;
  return (quota, pods, objects) => {
    const used = usage(quota, pods, objects);
    const previous = quota.status?.used ?? {};
    for (const [name, amount] of Object.entries(used)) {
      if (name === 'pods' || name === 'count/pods' || previous[name] === undefined) continue;
      // quota-object-not-released keeps the usage of objects other than pods; the other one, compute.
      if (!(isObjectResource(name) ? objectsKept : computeKept)) continue;
      const before = parseInUnitOf(name, previous[name]) ?? 0;
      if (before > (parseInUnitOf(name, amount) ?? 0)) used[name] = previous[name];
    }
    return used;
  };
}
