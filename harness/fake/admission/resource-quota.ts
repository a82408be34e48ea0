import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import type { ManagedObject } from '../../cluster-port';
import type { DefectSet } from '../defects';
import type { AdmissionContext, AdmissionDecision, FakeAdmission } from '../fake-parts';
import type { QuotaUsage } from '../quota-status';
import type { ResourceList } from '../../../model/effective-request';
import { formatQuantity } from '../../../model/quantities';
import { computePodQos } from '../../../model/qos';
import {
  missingRequirements,
  podQuotaUsage,
  quotaScopeRequirements,
  requirementSelects,
  type ScopeRequirement,
} from '../../../model/quota';
import { canonicalAmount } from '../kubelet/quantity';
import { usesCrossNamespacePodAffinity } from '../../quota-pod-counts';
import { forbidden } from './api-status';
import { isExtendedResource } from './extended-resources';
import { isObjectResource, objectUsage } from './object-quota';
import { resolvedPod } from './resolved-pod';

/** Resources the pod evaluator tracks (pkg/quota/v1/evaluator/core/pods.go podResources). */
const POD_RESOURCES = new Set([
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);

function tracked(resource: string): boolean {
  return (
    POD_RESOURCES.has(resource) || (resource.startsWith('requests.') && isExtendedResource(resource.slice(9)))
  );
}

function isTerminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** pods.go PodUsageFunc: count/pods always; compute resources and `pods` only for pods not terminal. */
export function podUsage(pod: V1Pod): ResourceList {
  return isTerminal(pod) ? { 'count/pods': 1 } : podQuotaUsage(resolvedPod(pod));
}

/**
 * spec.scopes and the scopeSelector's requirements (model/quota.ts quotaScopeNames); with the seeded
 * defect quota-scope-selector-ignored, spec.scopes alone.
 */
function scopesOf(quota: V1ResourceQuota, ignoreSelector: boolean): ScopeRequirement[] {
  return quotaScopeRequirements(ignoreSelector ? { scopes: quota.spec?.scopes } : quota.spec);
}

/** Every scope of the quota selects the pod (model/quota.ts scopeSelects; unmodelled scopes select nothing). */
function matchesScopes(quota: V1ResourceQuota, pod: V1Pod, ignoreSelector: boolean): boolean {
  const facts = {
    terminating: pod.spec?.activeDeadlineSeconds !== undefined && pod.spec.activeDeadlineSeconds >= 0,
    bestEffort: computePodQos(resolvedPod(pod)) === 'BestEffort',
    priorityClassName: pod.spec?.priorityClassName || undefined,
    crossNamespaceAffinity: usesCrossNamespacePodAffinity(pod),
  };
  return scopesOf(quota, ignoreSelector).every((req) => requirementSelects(req, facts) === true);
}

function usageOf(
  quota: V1ResourceQuota,
  pods: V1Pod[],
  keys: string[],
  ignoreSelector: boolean,
): ResourceList {
  const used: ResourceList = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const pod of pods) {
    if (!matchesScopes(quota, pod, ignoreSelector)) continue;
    const usage = podUsage(pod);
    for (const key of keys) used[key] += usage[key] ?? 0;
  }
  return used;
}

/** Objects other than pods count only for quotas without scopes (generic.MatchesNoScopeFunc). */
function unscoped(quota: V1ResourceQuota): boolean {
  return (quota.spec?.scopes ?? []).length === 0 && quota.spec?.scopeSelector === undefined;
}

/** What the namespace's objects other than pods use of each key. */
function objectsUsage(
  quota: V1ResourceQuota,
  objects: readonly ManagedObject[],
  keys: string[],
): ResourceList {
  const used: ResourceList = Object.fromEntries(keys.map((key) => [key, 0]));
  if (!unscoped(quota)) return used;
  for (const object of objects) {
    const usage = object.kind === 'Pod' ? undefined : objectUsage(object);
    if (usage) for (const key of keys) used[key] += usage[key] ?? 0;
  }
  return used;
}

/**
 * The quota controller's status.used for every tracked hard resource (for FakeClusterOptions.quotaUsage);
 * `ignoreSelector` is the seeded defect quota-scope-selector-ignored.
 */
export function quotaUsageWith(ignoreSelector: boolean): QuotaUsage {
  return (quota, pods, objects = []) => {
    const keys = Object.keys(quota.spec?.hard ?? {}).filter((key) => tracked(key) || isObjectResource(key));
    const used = usageOf(quota, pods, keys, ignoreSelector);
    const byObjects = objectsUsage(quota, objects, keys);
    return Object.fromEntries(keys.map((key) => [key, formatQuantity(key, used[key] + byObjects[key])]));
  };
}

export const quotaUsage: QuotaUsage = quotaUsageWith(false);

/**
 * Quota admission of an object other than a pod: each quota without scopes that tracks a resource the
 * object uses must keep used + requested ≤ hard (controller.go checkRequest, zero usage removed).
 */
function admitObject(
  namespace: string,
  object: Exclude<ManagedObject, { kind: 'Pod' }>,
  context: AdmissionContext,
): AdmissionDecision {
  const allowed: AdmissionDecision = { allowed: true, object, warnings: [] };
  const usage = objectUsage(object);
  if (!usage) return allowed;
  const name = object.metadata?.name ?? '';
  // NewForbidden names the request's group resource (a custom resource as <plural>.<group>).
  const resource =
    object.kind === 'CustomResource' ? `${object.type.plural}.${object.type.group}` : undefined;
  const deny = (message: string): AdmissionDecision => forbidden(object.kind, name, message, [], resource);
  const others = context.objects(namespace);
  for (const quota of quotasOf(others)) {
    if (!unscoped(quota)) continue;
    const quotaName = quota.metadata?.name ?? '';
    const specKeys = Object.keys(quota.spec?.hard ?? {}).filter((key) => key in usage);
    if (specKeys.length === 0) continue;
    const hardText = quota.status?.hard;
    if (!hardText)
      return deny(`status unknown for quota: ${quotaName}, resources: ${specKeys.sort().join(',')}`);
    const keys = Object.keys(hardText).filter((key) => key in usage);
    // hasUsageStats: every restricted resource needs its usage (a custom resource's once discovered).
    if (keys.some((key) => quota.status?.used?.[key] === undefined))
      return deny(`status unknown for quota: ${quotaName}, resources: ${[...keys].sort().join(',')}`);
    const hard: ResourceList = Object.fromEntries(
      keys.map((key) => [key, canonicalAmount(key, hardText[key])]),
    );
    const used = objectsUsage(quota, others, keys);
    const exceeded = keys.filter((key) => usage[key] > 0 && used[key] + usage[key] > hard[key]).sort();
    if (exceeded.length > 0) {
      return deny(
        `exceeded quota: ${quotaName}, requested: ${prettyPrint(pick(usage, exceeded))}, ` +
          `used: ${prettyPrint(pick(used, exceeded))}, limited: ${prettyPrint(pick(hard, exceeded))}`,
      );
    }
  }
  return allowed;
}

/** The namespace's quotas by name, as admission takes them. */
function quotasOf(objects: readonly ManagedObject[]): V1ResourceQuota[] {
  return objects
    .filter((o): o is { kind: 'ResourceQuota' } & V1ResourceQuota => o.kind === 'ResourceQuota')
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** prettyPrint in the quota admission controller: sorted "name=value" pairs. */
function prettyPrint(amounts: ResourceList): string {
  return Object.keys(amounts)
    .sort()
    .map((key) => `${key}=${formatQuantity(key, amounts[key])}`)
    .join(',');
}

function pick(amounts: ResourceList, keys: string[]): ResourceList {
  return Object.fromEntries(keys.map((key) => [key, amounts[key] ?? 0]));
}

/** pods.go Constraints: "must specify <resource> for: <containers>; ..." (model/quota missingRequirements). */
function missingSettings(pod: V1Pod, hard: ResourceList): string | undefined {
  const missing = missingRequirements(resolvedPod(pod), hard);
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((resource) => `${resource} for: ${(missing.get(resource) ?? []).join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/**
 * The ResourceQuota admission controller: for each quota whose scopes select the pod, every container
 * must state tracked cpu/memory, and used + requested must stay within status.hard
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go checkRequest).
 * Usage is counted from the namespace's pods at admission time, as the controller's live lister does.
 */
export function resourceQuotaAdmission(defects: DefectSet): FakeAdmission {
  const ignoreSelector = defects.has('quota-scope-selector-ignored');
  return {
    name: 'ResourceQuota',
    admit(namespace: string, object: ManagedObject, context: AdmissionContext): AdmissionDecision {
      if (defects.has('quota-not-enforced')) return { allowed: true, object, warnings: [] };
      if (object.kind === 'CustomResource' && defects.has('quota-custom-resources-not-enforced'))
        return { allowed: true, object, warnings: [] };
      if (object.kind !== 'Pod') return admitObject(namespace, object, context);
      const name = object.metadata?.name ?? '';
      const quotas = quotasOf(context.objects(namespace));
      const requested = podUsage(object);
      for (const quota of quotas) {
        if (!matchesScopes(quota, object, ignoreSelector)) continue;
        const quotaName = quota.metadata?.name ?? '';
        const specKeys = Object.keys(quota.spec?.hard ?? {}).filter(tracked);
        if (specKeys.length === 0) continue;
        const hardText = quota.status?.hard;
        if (!hardText) {
          return forbidden(
            'Pod',
            name,
            `status unknown for quota: ${quotaName}, resources: ${specKeys.sort().join(',')}`,
          );
        }
        const keys = Object.keys(hardText).filter(tracked);
        const hard: ResourceList = Object.fromEntries(
          keys.map((key) => [key, canonicalAmount(key, hardText[key])]),
        );
        const missing = missingSettings(object, hard);
        if (missing) return forbidden('Pod', name, `failed quota: ${quotaName}: ${missing}`);
        const charged = keys.filter((key) => (requested[key] ?? 0) > 0);
        const used = usageOf(quota, context.pods(namespace), keys, ignoreSelector);
        const exceeded = charged.filter((key) => used[key] + requested[key] > hard[key]);
        if (exceeded.length > 0) {
          return forbidden(
            'Pod',
            name,
            `exceeded quota: ${quotaName}, requested: ${prettyPrint(pick(requested, exceeded))}, ` +
              `used: ${prettyPrint(pick(used, exceeded))}, limited: ${prettyPrint(pick(hard, exceeded))}`,
          );
        }
      }
      return { allowed: true, object, warnings: [] };
    },
  };
}
