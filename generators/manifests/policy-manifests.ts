import type {
  V1LimitRange,
  V1LimitRangeItem,
  V1ResourceQuota,
  V1ResourceQuotaSpec,
} from '@kubernetes/client-node';
import type { LimitRangeSpec, PodSecurityLabels, QuotaSpec } from '../../model/scenario';
import { clusterQuotaKey } from './custom-resource';
import type { ManifestOptions } from './manifest-options';
import { priorityClassName } from './priority-class';
import { quantityFor } from './quantities';

function quantities(values: Record<string, number> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([resource, value]) => [resource, quantityFor(resource, value)]),
  );
}

/** spec.scopes, or the same scopes as spec.scopeSelector requirements with operator Exists. */
function scopesOf(
  quota: QuotaSpec,
  namespace: string,
): Pick<V1ResourceQuotaSpec, 'scopes' | 'scopeSelector'> {
  const priority = quota.priorityClassSelector;
  const byPriority = priority
    ? [
        {
          scopeName: 'PriorityClass',
          operator: priority.operator,
          ...(priority.values.length > 0
            ? { values: priority.values.map((short) => priorityClassName(namespace, short)) }
            : {}),
        },
      ]
    : [];
  if (quota.scopes.length === 0 && byPriority.length === 0) return {};
  if (!quota.viaScopeSelector && byPriority.length === 0) return { scopes: [...quota.scopes] };
  const exists = quota.scopes.map((scopeName) => ({ scopeName, operator: 'Exists' }));
  return { scopeSelector: { matchExpressions: [...exists, ...byPriority] } };
}

/** The hard limits under the keys the cluster knows (the case's custom resource by its own plural). */
function clusterKeys(hard: Record<string, number>, namespace: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(hard).map(([key, value]) => [clusterQuotaKey(key, namespace), value]),
  );
}

export function resourceQuotaManifest(
  quota: QuotaSpec,
  options: ManifestOptions,
): { kind: 'ResourceQuota' } & V1ResourceQuota {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: quota.name, namespace: options.namespace, labels: { ...options.labels } },
    spec: {
      hard: quantities(clusterKeys(quota.hard, options.namespace)),
      ...scopesOf(quota, options.namespace),
    },
  };
}

/** maxLimitRequestRatio is a plain number, not a quantity of the resource. */
function ratios(values: Record<string, number> | undefined): Record<string, string> | undefined {
  return values
    ? Object.fromEntries(Object.entries(values).map(([resource, value]) => [resource, String(value)]))
    : undefined;
}

export function limitRangeManifest(
  limitRange: LimitRangeSpec,
  options: ManifestOptions,
): { kind: 'LimitRange' } & V1LimitRange {
  const limits = limitRange.limits.map((item) => {
    const manifest: V1LimitRangeItem = { type: item.type };
    const fields = {
      _default: quantities(item.default),
      defaultRequest: quantities(item.defaultRequest),
      min: quantities(item.min),
      max: quantities(item.max),
      maxLimitRequestRatio: ratios(item.maxLimitRequestRatio),
    };
    if (fields._default) manifest._default = fields._default;
    if (fields.defaultRequest) manifest.defaultRequest = fields.defaultRequest;
    if (fields.min) manifest.min = fields.min;
    if (fields.max) manifest.max = fields.max;
    if (fields.maxLimitRequestRatio) manifest.maxLimitRequestRatio = fields.maxLimitRequestRatio;
    return manifest;
  });
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: limitRange.name, namespace: options.namespace, labels: { ...options.labels } },
    spec: { limits },
  };
}

/** pod-security.kubernetes.io/<mode> and <mode>-version labels for the namespace. */
export function podSecurityNamespaceLabels(labels: PodSecurityLabels): Record<string, string> {
  const result: Record<string, string> = {};
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const setting = labels[mode];
    if (!setting) continue;
    result[`pod-security.kubernetes.io/${mode}`] = setting.level;
    result[`pod-security.kubernetes.io/${mode}-version`] = setting.version;
  }
  return result;
}
