import { countKeyOf } from '../../../generators/manifests/custom-resource';
import type { ManagedObject } from '../../cluster-port';
import type { ResourceList } from '../../../model/effective-request';
import { canonicalAmount } from '../kubelet/quantity';

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

function counts(...keys: string[]): ResourceList {
  return Object.fromEntries(keys.map((key) => [key, 1]));
}

/**
 * The fake's evaluators for objects other than pods, from the stored object (the model's
 * model/quota-objects.ts works on the scenario's intent): pkg/quota/v1/evaluator/core/services.go and
 * persistent_volume_claims.go Usage, and the generic object count evaluator for the rest, custom
 * resources included (legacy names from pkg/quota/v1/evaluator/core/registry.go). undefined: no evaluator
 * (LimitRange, NetworkPolicy are not quota resources kubeprop tracks).
 */
export function objectUsage(object: ManagedObject): ResourceList | undefined {
  switch (object.kind) {
    case 'Service': {
      const ports = object.spec?.ports?.length ?? 0;
      const type = object.spec?.type ?? 'ClusterIP';
      return {
        ...counts('services', 'count/services'),
        'services.nodeports': type === 'NodePort' || type === 'LoadBalancer' ? ports : 0,
        'services.loadbalancers': type === 'LoadBalancer' ? 1 : 0,
      };
    }
    case 'PersistentVolumeClaim': {
      const usage = counts('persistentvolumeclaims', 'count/persistentvolumeclaims');
      const storage = object.spec?.resources?.requests?.storage;
      const className = object.spec?.storageClassName ?? '';
      if (className) usage[`${className}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = 1;
      if (storage !== undefined) {
        const mebibytes = canonicalAmount('requests.storage', storage);
        usage['requests.storage'] = mebibytes;
        if (className) usage[`${className}${STORAGE_CLASS_SUFFIX}requests.storage`] = mebibytes;
      }
      return usage;
    }
    case 'Secret':
      return counts('secrets', 'count/secrets');
    case 'ConfigMap':
      return counts('configmaps', 'count/configmaps');
    case 'ReplicationController':
      return counts('replicationcontrollers', 'count/replicationcontrollers');
    case 'ReplicaSet':
      return counts('count/replicasets.apps');
    case 'ResourceQuota':
      return counts('resourcequotas', 'count/resourcequotas');
    case 'CustomResource':
      return counts(countKeyOf(object.type));
    default:
      return undefined;
  }
}

/** Whether a quota key is one of these evaluators' (services.go / persistent_volume_claims.go MatchingResources). */
export function isObjectResource(key: string): boolean {
  return (
    key.startsWith('count/') ||
    key.startsWith('services') ||
    key.includes(STORAGE_CLASS_SUFFIX) ||
    [
      'secrets',
      'configmaps',
      'replicationcontrollers',
      'persistentvolumeclaims',
      'requests.storage',
      'resourcequotas',
    ].includes(key)
  );
}
