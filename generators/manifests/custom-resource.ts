import { shortHash } from '../../harness/namespace';
import type { CustomResourceType, ManagedObject } from '../../harness/cluster-port';
import { CUSTOM_RESOURCE_COUNT_KEY, CUSTOM_RESOURCE_GROUP } from '../../model/quota-objects';
import type { ManifestOptions } from './manifest-options';

/** The one version the case's CRD serves (and stores). */
const VERSION = 'v1';

/**
 * The longest stem: count/<plural>.<group> is a qualified name whose part after `count/` may have 63
 * characters (apimachinery validation IsQualifiedName, ResourceQuota spec.hard keys), and the plural
 * is `widgets-<stem>`.
 */
const MAX_STEM = 63 - 'widgets-'.length - `.${CUSTOM_RESOURCE_GROUP}`.length;

/** The case's namespace name, cut with a hash of the whole when too long (distinct cases stay distinct). */
function stem(namespace: string): string {
  if (namespace.length <= MAX_STEM) return namespace;
  const hash = shortHash(namespace);
  return `${namespace.slice(0, MAX_STEM - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/**
 * The custom resource type of the case in `namespace`: plural, singular and kind named after the case
 * (as upstream's e2e CRDs are, test/e2e/framework/crd/crd_util.go CreateMultiVersionTestCRD), so the
 * CRDs of concurrent cases, parallel runs or a killed run's leftovers never share a name.
 */
export function customResourceType(namespace: string): CustomResourceType {
  const base = stem(namespace);
  return {
    group: CUSTOM_RESOURCE_GROUP,
    version: VERSION,
    plural: `widgets-${base}`,
    kind: `Widget-${base}`,
  };
}

/** The quota key of a type's object count (generic evaluator: count/<resource>.<group>). */
export function countKeyOf(type: CustomResourceType): string {
  return `count/${type.plural}.${type.group}`;
}

/** A quota key as the case's quota writes it: CUSTOM_RESOURCE_COUNT_KEY becomes its type's own count. */
export function clusterQuotaKey(key: string, namespace: string): string {
  return key === CUSTOM_RESOURCE_COUNT_KEY ? countKeyOf(customResourceType(namespace)) : key;
}

/**
 * The case's CustomResourceDefinition: namespaced objects with no fields beyond metadata (a structural
 * schema is required by apiextensions.k8s.io/v1), labelled as kubeprop's so `kubeprop clean` finds a
 * leftover one.
 */
export function customResourceDefinitionManifest(options: ManifestOptions): ManagedObject {
  const type = customResourceType(options.namespace);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${type.plural}.${type.group}`, labels: { ...options.labels } },
    spec: {
      group: type.group,
      scope: 'Namespaced',
      names: {
        plural: type.plural,
        singular: type.kind.toLowerCase(),
        kind: type.kind,
        listKind: `${type.kind}List`,
      },
      versions: [
        { name: type.version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    },
  };
}

/** A custom resource of the case's type. */
export function customResourceManifest(name: string, options: ManifestOptions): ManagedObject {
  const type = customResourceType(options.namespace);
  return {
    kind: 'CustomResource',
    apiVersion: `${type.group}/${type.version}`,
    metadata: { name, namespace: options.namespace, labels: { ...options.labels } },
    type,
  };
}

/** The type a case's CRD defines, read from the manifest. */
export function definedType(
  crd: Extract<ManagedObject, { kind: 'CustomResourceDefinition' }>,
): CustomResourceType {
  const version = crd.spec.versions[0]?.name ?? VERSION;
  return { group: crd.spec.group, version, plural: crd.spec.names.plural, kind: crd.spec.names.kind };
}

/**
 * How to apply a file holding a CustomResourceDefinition, a quota and custom resources (reproducers):
 * kubectl resolves each document's kind before creating it, so the custom resources fail until the
 * CRD is Established; and the quota counts them only if created after the quota controller's discovery
 * found the resource (every 30 s; an older quota only after a change of its spec.hard).
 */
export function customResourceApplyLines(objects: readonly ManagedObject[]): string[] {
  const crd = objects.find((o) => o.kind === 'CustomResourceDefinition');
  if (!crd) return [];
  const name = crd.metadata?.name ?? '';
  const quota = objects.find((o) => o.kind === 'ResourceQuota');
  const recreate = quota
    ? `; kubectl delete resourcequota ${quota.metadata?.name ?? ''} -n ${quota.metadata?.namespace ?? ''}`
    : '';
  return [
    `the custom resources need the CustomResourceDefinition ${name} Established and counted by the`,
    '  quota controller (its discovery runs every 30 s; an older quota counts them once its spec.hard changes): apply twice,',
    '  kubectl apply -f <this file>   (the custom resources fail: their kind is not served yet)',
    `  kubectl wait --for condition=Established crd/${name}; sleep 35${recreate}`,
    '  kubectl apply -f <this file>',
  ];
}
