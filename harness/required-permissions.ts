import { CUSTOM_RESOURCE_GROUP } from '../model/quota-objects';
import type { ClusterPort } from './cluster-port';

/** One RBAC permission: a verb on a resource (and subresource) in an API group ("" is core). */
export interface Permission {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
}

const core = (verb: string, resource: string, subresource?: string): Permission => ({
  verb,
  group: '',
  resource,
  ...(subresource ? { subresource } : {}),
});

const CREATE_MANAGED: Permission[] = [
  core('create', 'pods'),
  core('create', 'resourcequotas'),
  core('create', 'limitranges'),
  core('create', 'services'),
  { verb: 'create', group: 'networking.k8s.io', resource: 'networkpolicies' },
  // Objects quota/object-counts counts.
  core('create', 'secrets'),
  core('create', 'configmaps'),
  core('create', 'replicationcontrollers'),
  core('create', 'persistentvolumeclaims'),
  { verb: 'create', group: 'apps', resource: 'replicasets' },
  // quota/custom-resource: the case's CRD and its custom resources.
  { verb: 'create', group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' },
  { verb: 'create', group: CUSTOM_RESOURCE_GROUP, resource: '*' },
];

const crds = (verb: string): Permission => ({
  verb,
  group: 'apiextensions.k8s.io',
  resource: 'customresourcedefinitions',
});

/**
 * Every case's CRD has its own plural in kubeprop's own group (generators/manifests/custom-resource.ts),
 * so its custom resources are granted as any resource of that group, and of no other.
 */
const customResources = (verb: string): Permission[] => [
  { verb, group: CUSTOM_RESOURCE_GROUP, resource: '*' },
];

/** The kinds a quota counts that kubeprop deletes and lists (ClusterPort deleteObject, listObjectNames). */
const COUNTED_RESOURCES: Permission[] = [
  core('', 'services'),
  core('', 'secrets'),
  core('', 'configmaps'),
  core('', 'replicationcontrollers'),
  core('', 'persistentvolumeclaims'),
  core('', 'resourcequotas'),
  { verb: '', group: 'apps', resource: 'replicasets' },
];

const onCounted = (verb: string): Permission[] => COUNTED_RESOURCES.map((p) => ({ ...p, verb }));

/**
 * What each ClusterPort method needs from RBAC; deploy/rbac.yaml grants exactly the union.
 * Keyed by every method of the port so a new method cannot be added without its permissions.
 */
export const REQUIRED_PERMISSIONS: Record<keyof ClusterPort, readonly Permission[]> = {
  // GET /version is a non-resource URL that every identity may read (system:public-info-viewer).
  serverVersion: [],
  listNodes: [core('list', 'nodes')],
  patchNodeCapacity: [core('patch', 'nodes', 'status')],
  createNamespace: [core('create', 'namespaces')],
  deleteNamespace: [core('delete', 'namespaces')],
  readNamespace: [core('get', 'namespaces')],
  listNamespaces: [core('list', 'namespaces')],
  create: CREATE_MANAGED,
  // dryRun=All is authorized exactly like the real create.
  dryRunCreate: CREATE_MANAGED,
  deletePod: [core('delete', 'pods')],
  replacePod: [core('update', 'pods')],
  releasePod: [core('get', 'pods'), core('patch', 'pods')],
  readPod: [core('get', 'pods')],
  listPods: [core('list', 'pods')],
  readResourceQuota: [core('get', 'resourcequotas')],
  updateResourceQuota: [core('get', 'resourcequotas'), core('update', 'resourcequotas')],
  patchResourceQuota: [core('patch', 'resourcequotas')],
  patchResourceQuotaStatus: [core('patch', 'resourcequotas', 'status')],
  listResourceQuotas: [core('list', 'resourcequotas')],
  updateResourceQuotaStatus: [core('get', 'resourcequotas'), core('update', 'resourcequotas', 'status')],
  deleteResourceQuotas: [core('deletecollection', 'resourcequotas')],
  createPriorityClass: [{ verb: 'create', group: 'scheduling.k8s.io', resource: 'priorityclasses' }],
  deletePriorityClass: [{ verb: 'delete', group: 'scheduling.k8s.io', resource: 'priorityclasses' }],
  listPriorityClasses: [{ verb: 'list', group: 'scheduling.k8s.io', resource: 'priorityclasses' }],
  readCustomResourceDefinition: [crds('get')],
  deleteCustomResourceDefinition: [crds('delete')],
  listCustomResourceDefinitions: [crds('list')],
  deleteCustomObject: customResources('delete'),
  listCustomObjectNames: customResources('list'),
  deleteObject: onCounted('delete'),
  listObjectNames: onCounted('list'),
  // limitrange/lifecycle: listed by label here and across namespaces, patched, deleted by collection.
  listLimitRanges: [core('list', 'limitranges')],
  patchLimitRange: [core('patch', 'limitranges')],
  deleteLimitRangeCollection: [core('deletecollection', 'limitranges')],
  replaceNetworkPolicy: [{ verb: 'update', group: 'networking.k8s.io', resource: 'networkpolicies' }],
  deleteNetworkPolicy: [{ verb: 'delete', group: 'networking.k8s.io', resource: 'networkpolicies' }],
  addLabels: [core('patch', 'pods'), core('patch', 'namespaces')],
  watchPods: [core('watch', 'pods')],
  watchEvents: [core('watch', 'events')],
  listEvents: [core('list', 'events')],
  watchEndpointSlices: [{ verb: 'watch', group: 'discovery.k8s.io', resource: 'endpointslices' }],
  streamLogs: [core('get', 'pods', 'log')],
  readLogs: [core('get', 'pods', 'log')],
  // A WebSocket exec is a GET (authorized as "get"); from 1.35 the API server also checks "create"
  // (AuthorizePodWebsocketUpgradeCreatePermission, kubernetes/kubernetes#134577).
  exec: [core('get', 'pods', 'exec'), core('create', 'pods', 'exec')],
  canI: [{ verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }],
  // Read from the control-plane node's file system (docker exec), not through the API.
  auditEvents: [],
};

/** "create pods/exec" or "watch endpointslices.discovery.k8s.io": how kubectl auth can-i names it. */
export function describePermission(permission: Permission): string {
  const resource = permission.subresource
    ? `${permission.resource}/${permission.subresource}`
    : permission.resource;
  return `${permission.verb} ${resource}${permission.group ? `.${permission.group}` : ''}`;
}

/** Every distinct permission kubeprop needs, in table order. */
export function allRequiredPermissions(): Permission[] {
  const seen = new Map<string, Permission>();
  for (const permissions of Object.values(REQUIRED_PERMISSIONS)) {
    for (const permission of permissions) seen.set(describePermission(permission), permission);
  }
  return [...seen.values()];
}
