import type { ResourceList } from './effective-request';
import type { QuotaObject, QuotaObjectKind, QuotaScenario } from './scenario';

/** The quota key suffix of a storage class's share (persistent_volume_claims.go storageClassSuffix). */
export const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

/**
 * The API group of the CustomResourceDefinition a custom-resource case creates (one per case, its plural
 * the case's own: generators/manifests/custom-resource.ts). `.test` is reserved (RFC 2606): no real API
 * shares the group, and kubeprop's RBAC grant for its resources stays inside it (deploy/rbac.yaml).
 */
export const CUSTOM_RESOURCE_GROUP = 'kubeprop.test';

/**
 * How scenarios, expectations and reports name the count of the case's custom resources. On the cluster
 * the key is count/<the case's plural>.kubeprop.test: the harness writes that into the quota and reads it
 * back under this name (scenarioQuotaKey), so a case means the same whichever run or case id it has.
 */
export const CUSTOM_RESOURCE_COUNT_KEY = `count/widgets.${CUSTOM_RESOURCE_GROUP}`;

/** count/<plural>.kubeprop.test: a DNS-1035 plural (CRD names validation) in kubeprop's group. */
const CLUSTER_CUSTOM_RESOURCE_KEY = new RegExp(
  `count/[a-z]([-a-z0-9]*[a-z0-9])?\\.${CUSTOM_RESOURCE_GROUP.replace(/\./g, '\\.')}`,
  'g',
);

/**
 * A quota key, or a text naming keys (an admission message), as scenarios name them: the count of any
 * custom resource of kubeprop's group is the case's own.
 */
export function scenarioQuotaText(text: string): string {
  return text.replace(CLUSTER_CUSTOM_RESOURCE_KEY, CUSTOM_RESOURCE_COUNT_KEY);
}

/** The case needs its own CustomResourceDefinition: its quota counts custom resources, or it creates some. */
export function usesCustomResource(scenario: QuotaScenario): boolean {
  return (
    CUSTOM_RESOURCE_COUNT_KEY in scenario.quota.hard ||
    scenario.steps.some((step) => step.kind === 'createObject' && step.object.kind === 'CustomResource')
  );
}

/** The object-count keys of each kind: its legacy name and count/<resource>[.<group>]. */
export const OBJECT_COUNT_KEYS: Record<QuotaObjectKind | 'ResourceQuota', readonly string[]> = {
  Service: ['services', 'count/services'],
  Secret: ['secrets', 'count/secrets'],
  ConfigMap: ['configmaps', 'count/configmaps'],
  ReplicationController: ['replicationcontrollers', 'count/replicationcontrollers'],
  ReplicaSet: ['count/replicasets.apps'],
  PersistentVolumeClaim: ['persistentvolumeclaims', 'count/persistentvolumeclaims'],
  ResourceQuota: ['resourcequotas', 'count/resourcequotas'],
  CustomResource: [CUSTOM_RESOURCE_COUNT_KEY],
};

function counted(kind: keyof typeof OBJECT_COUNT_KEYS): ResourceList {
  return Object.fromEntries(OBJECT_COUNT_KEYS[kind].map((key) => [key, 1]));
}

/**
 * What one object charges, by quota key (rule quota.object-usage):
 * - Service: services, count/services 1; services.nodeports the number of ports of a NodePort or
 *   LoadBalancer service; services.loadbalancers 1 for a LoadBalancer
 *   (pkg/quota/v1/evaluator/core/services.go serviceEvaluator.Usage);
 * - PersistentVolumeClaim: persistentvolumeclaims 1, requests.storage its storage request, and the same
 *   under <class>.storageclass.storage.k8s.io/ when it names a class
 *   (pkg/quota/v1/evaluator/core/persistent_volume_claims.go pvcEvaluator.Usage);
 * - everything else: its object count (staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go
 *   objectCountEvaluator.Usage; legacy names from pkg/quota/v1/evaluator/core/registry.go
 *   legacyObjectCountAliases);
 * - a custom resource (rule quota.custom-resource-count): count/<plural>.<group> 1, by the same generic
 *   evaluator, which quota admission creates for any resource it has none for
 *   (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go quotaEvaluator.Evaluate)
 *   and the quota controller for every resource discovery lists
 *   (pkg/controller/resourcequota/resource_quota_monitor.go QuotaMonitor.SyncMonitors).
 * Zero amounts are listed: admission drops them (quota.RemoveZeros), so they are never "requested".
 */
export function objectQuotaUsage(object: QuotaObject): ResourceList {
  switch (object.kind) {
    case 'Service': {
      const nodePorts = object.type === 'ClusterIP' ? 0 : object.ports;
      return {
        ...counted('Service'),
        'services.nodeports': nodePorts,
        'services.loadbalancers': object.type === 'LoadBalancer' ? 1 : 0,
      };
    }
    case 'PersistentVolumeClaim': {
      const usage: ResourceList = {
        ...counted('PersistentVolumeClaim'),
        'requests.storage': object.storageMi,
      };
      if (object.storageClass) {
        usage[`${object.storageClass}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = 1;
        usage[`${object.storageClass}${STORAGE_CLASS_SUFFIX}requests.storage`] = object.storageMi;
      }
      return usage;
    }
    default:
      return counted(object.kind);
  }
}

/**
 * What a new kubeprop namespace holds before any step, by quota key (rule quota.namespace-baseline):
 * the kube-root-ca.crt ConfigMap the root CA publisher puts in every namespace
 * (pkg/controller/certificates/rootcacertpublisher/publisher.go, RootCAConfigMap GA in 1.21) and the
 * case's own ResourceQuota. No token Secret: from 1.24 none is generated for the default service account
 * (LegacyServiceAccountTokenNoAutoGeneration), and the generator tracks secrets only from 1.24.
 */
export const NAMESPACE_BASELINE: ResourceList = { ...counted('ConfigMap'), ...counted('ResourceQuota') };

/** The ConfigMap every namespace gets: the harness waits for it before creating the quota. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
