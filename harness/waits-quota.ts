import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import type { Condition, ConditionState } from './waits';
import { scopeSelects } from '../model/quota';

/** Reads the quota for each check (a transient failure just means "not yet"). */
export type QuotaReader = () => Promise<V1ResourceQuota | undefined>;

function describeQuota(quota: V1ResourceQuota | undefined): string {
  if (!quota) return 'quota not found';
  const hard = quota.status?.hard;
  if (!hard) return 'status not filled yet';
  const used = quota.status?.used ?? {};
  return Object.keys(hard)
    .sort()
    .map((key) => `${key} ${used[key] ?? '?'}/${hard[key]}`)
    .join(', ');
}

async function read(reader: QuotaReader): Promise<{ quota?: V1ResourceQuota; error?: string }> {
  try {
    return { quota: await reader() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The quota controller has filled status.hard: until then admission does not enforce the quota
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go skips quotas
 * whose status.hard is empty).
 */
export function quotaInitialised(name: string, reader: QuotaReader): Condition {
  return {
    name: `quota ${name} initialised`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      const hard = quota?.status?.hard;
      return {
        done: hard !== undefined && Object.keys(hard).length > 0,
        lastSeen: error ? `read failed: ${error}` : describeQuota(quota),
      };
    },
  };
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

/** The quota's scopes select the pod (model/quota.ts scopeSelects; unmodelled scopes are not in the way). */
function selects(quota: V1ResourceQuota | undefined, pod: V1Pod): boolean {
  const facts = { terminating: (pod.spec?.activeDeadlineSeconds ?? -1) >= 0, bestEffort: isBestEffort(pod) };
  return (quota?.spec?.scopes ?? []).every((scope) => scopeSelects(scope, facts) ?? true);
}

/**
 * status.used agrees with the pods that exist and the quota's scopes select, for the object counts the quota tracks: `pods`
 * counts pods not Succeeded/Failed, `count/pods` all (pkg/quota/v1/evaluator/core/pods.go). Compute
 * resources cannot be checked without the model's arithmetic, so only used being present is required.
 */
export function quotaSettled(name: string, reader: QuotaReader, pods: () => V1Pod[]): Condition {
  return {
    name: `quota ${name} usage up to date`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      const used = quota?.status?.used;
      const hard = quota?.status?.hard ?? {};
      const live = pods().filter((pod) => selects(quota, pod));
      const expected: Record<string, number> = {};
      if ('pods' in hard) expected.pods = live.filter((p) => !isTerminal(p)).length;
      if ('count/pods' in hard) expected['count/pods'] = live.length;
      const done =
        used !== undefined && Object.entries(expected).every(([key, count]) => Number(used[key]) === count);
      const want = Object.entries(expected)
        .map(([key, count]) => `${key}=${count}`)
        .join(', ');
      return {
        done,
        lastSeen: error ? `read failed: ${error}` : `${describeQuota(quota)}${want ? ` (want ${want})` : ''}`,
      };
    },
  };
}
