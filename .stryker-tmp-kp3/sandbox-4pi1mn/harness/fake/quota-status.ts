// @ts-nocheck
import type { V1Pod, V1ResourceQuota, V1ResourceQuotaStatus } from '@kubernetes/client-node';

/** Computes status.used for a quota from the namespace's pods; absent resources are left out. */
export type QuotaUsage = (quota: V1ResourceQuota, pods: V1Pod[]) => Record<string, string>;

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
export function quotaStatus(quota: V1ResourceQuota, pods: V1Pod[], usage: QuotaUsage): V1ResourceQuotaStatus {
  return { hard: { ...(quota.spec?.hard ?? {}) }, used: usage(quota, pods) };
}
