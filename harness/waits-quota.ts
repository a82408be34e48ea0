import type { V1CustomResourceDefinition, V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import type { Condition, ConditionState } from './waits';
import { parseInUnitOf } from '../model/quantities';
import { quotaScopeRequirements } from '../model/quota';
import type { CountedResource } from './cluster-port';
import { expectedObjectCounts, type ObjectLister } from './quota-object-counts';
import { countsAgree, expectedPodCounts } from './quota-pod-counts';

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
 * whose status.hard is empty). `counting`: keys status.used must have as well, which the controller
 * writes only for resources it has an evaluator for (a custom resource once its discovery found it);
 * admission answers "status unknown for quota" to a create charging a key without it (CheckRequest
 * hasUsageStats).
 */
export function quotaInitialised(
  name: string,
  reader: QuotaReader,
  counting: readonly string[] = [],
): Condition {
  return {
    name: `quota ${name} initialised`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      const hard = quota?.status?.hard;
      const used = quota?.status?.used ?? {};
      return {
        done: hard !== undefined && Object.keys(hard).length > 0 && counting.every((key) => key in used),
        lastSeen: error ? `read failed: ${error}` : describeQuota(quota),
      };
    },
  };
}

/**
 * The quota controller counts `key`: the probe quota's status.used has it. Until then each check raises
 * the probe's spec.hard for the key by one, so the controller syncs it again (its informer queues a quota
 * whose spec.hard changed: pkg/controller/resourcequota/resource_quota_controller.go UpdateFunc) and
 * counts a resource its discovery has found since (every 30 s: cmd/kube-controller-manager/app/core.go
 * startResourceQuotaController; a discovered resource alone queues no quota). Upstream's e2e does the
 * same (test/e2e/apimachinery/resource_quota.go updateResourceQuotaUntilUsageAppears); a raise that
 * fails (a conflict) is just "not yet".
 */
export function quotaDiscovery(
  key: string,
  reader: QuotaReader,
  raise: (hard: Record<string, string>) => Promise<unknown>,
): Condition {
  return {
    name: `${key} counted by the quota controller`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      if (!quota) return { done: false, lastSeen: error ? `read failed: ${error}` : 'probe quota not found' };
      if (quota.status?.used?.[key] !== undefined) return { done: true, lastSeen: describeQuota(quota) };
      const current = Number(quota.spec?.hard?.[key] ?? '0');
      try {
        await raise({ ...(quota.spec?.hard ?? {}), [key]: String(current + 1) });
      } catch (failure) {
        const why = failure instanceof Error ? failure.message : String(failure);
        return { done: false, lastSeen: `${describeQuota(quota)}; raise failed: ${why}` };
      }
      return { done: false, lastSeen: `${describeQuota(quota)}; hard raised to ${current + 1}` };
    },
  };
}

/**
 * The CustomResourceDefinition is Established: the API serves its resource (apiextensions-apiserver
 * establishing controller; upstream's e2e fixtures wait for the same condition before creating objects).
 */
export function crdEstablished(
  name: string,
  reader: () => Promise<V1CustomResourceDefinition | undefined>,
): Condition {
  return {
    name: `CustomResourceDefinition ${name} Established`,
    check: async (): Promise<ConditionState> => {
      try {
        const crd = await reader();
        const conditions = crd?.status?.conditions ?? [];
        const established = conditions.some((c) => c.type === 'Established' && c.status === 'True');
        const seen = conditions.map((c) => `${c.type}=${c.status}`).join(', ');
        return { done: established, lastSeen: crd ? seen || 'no conditions yet' : 'not found' };
      } catch (error) {
        return {
          done: false,
          lastSeen: `read failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}

/**
 * status.used agrees with the pods that exist and the quota's scopes select, for the object counts the
 * quota tracks (harness/quota-pod-counts.ts). The counts are the witness that the quota controller has
 * caught up: the same snapshot's compute usage is then that of the same pods (see countsAgree for why);
 * compute usage itself is not compared here, so a wrong one is judged by the property, not waited out.
 */
export function quotaSettled(
  name: string,
  reader: QuotaReader,
  pods: () => V1Pod[],
  objects: ObjectLister,
): Condition {
  return {
    name: `quota ${name} usage up to date`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      const hard = quota?.status?.hard ?? {};
      let listed: Record<string, number>;
      try {
        listed = await expectedObjectCounts(hard, objects);
      } catch (failure) {
        const why = failure instanceof Error ? failure.message : String(failure);
        return { done: false, lastSeen: `list failed: ${why}` };
      }
      const expected = {
        ...expectedPodCounts({ hard, requirements: quotaScopeRequirements(quota?.spec) }, pods()),
        ...listed,
      };
      const done = countsAgree(quota?.status?.used, expected);
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

/**
 * status.hard equals spec.hard: the quota controller has synced the spec (resource_quota_controller.go
 * syncResourceQuota writes status.hard = spec.hard whenever they differ).
 */
export function quotaHardSynced(name: string, reader: QuotaReader): Condition {
  return {
    name: `quota ${name} status.hard synced`,
    check: async (): Promise<ConditionState> => {
      const { quota, error } = await read(reader);
      const spec = quota?.spec?.hard ?? {};
      const status = quota?.status?.hard ?? {};
      const keys = new Set([...Object.keys(spec), ...Object.keys(status)]);
      const same = [...keys].every(
        (key) =>
          spec[key] !== undefined && status[key] !== undefined && sameAmount(key, spec[key], status[key]),
      );
      return {
        done: quota !== undefined && same,
        lastSeen: error
          ? `read failed: ${error}`
          : `spec ${JSON.stringify(spec)}, status ${JSON.stringify(status)}`,
      };
    },
  };
}

function sameAmount(key: string, a: string, b: string): boolean {
  return parseInUnitOf(key, a) === parseInUnitOf(key, b);
}

/** The object is listed in the namespace, or (present false) no longer is; a failed list is "not yet". */
export function objectListed(
  kind: CountedResource,
  name: string,
  present: boolean,
  list: () => Promise<string[]>,
): Condition {
  return {
    name: `${kind} ${name} ${present ? 'exists' : 'gone'}`,
    check: async (): Promise<ConditionState> => {
      try {
        const names = await list();
        return { done: names.includes(name) === present, lastSeen: `${names.length} listed` };
      } catch (error) {
        return {
          done: false,
          lastSeen: `list failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
