import type {
  CoreV1Event,
  V1ConfigMap,
  V1CustomResourceDefinition,
  V1EndpointSlice,
  V1LimitRange,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1ObjectMeta,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PriorityClass,
  V1ReplicaSet,
  V1ReplicationController,
  V1ResourceQuota,
  V1Secret,
  V1Service,
  V1Status,
} from '@kubernetes/client-node';
import type { ServerVersion } from '../model/capabilities';
import type { AuditEvent } from '../model/trace';

/** Where the API serves a custom resource: its CustomResourceDefinition's group, version, plural and kind. */
export interface CustomResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

/**
 * An object of a custom resource type kubeprop defined (metadata only: its CRD's schema has no fields).
 * On the wire it is { apiVersion: <group>/<version>, kind: type.kind, metadata }.
 */
export interface CustomObject {
  apiVersion?: string;
  metadata?: V1ObjectMeta;
  type: CustomResourceType;
}

/**
 * Every object kind kubeprop creates; nothing else is ever written to a cluster (but the case-named
 * PriorityClasses of ClusterPort.createPriorityClass). A CustomResourceDefinition is cluster-scoped.
 */
export type ManagedObject =
  | ({ kind: 'Pod' } & V1Pod)
  | ({ kind: 'ResourceQuota' } & V1ResourceQuota)
  | ({ kind: 'LimitRange' } & V1LimitRange)
  | ({ kind: 'NetworkPolicy' } & V1NetworkPolicy)
  | ({ kind: 'Service' } & V1Service)
  | ({ kind: 'Secret' } & V1Secret)
  | ({ kind: 'ConfigMap' } & V1ConfigMap)
  | ({ kind: 'ReplicationController' } & V1ReplicationController)
  | ({ kind: 'ReplicaSet' } & V1ReplicaSet)
  | ({ kind: 'PersistentVolumeClaim' } & V1PersistentVolumeClaim)
  | ({ kind: 'CustomResourceDefinition' } & V1CustomResourceDefinition)
  | ({ kind: 'CustomResource' } & CustomObject);

export type ManagedKind = ManagedObject['kind'];

/** The kinds whose objects a quota counts that kubeprop deletes and lists by name (quota properties). */
export type CountedKind =
  | 'Service'
  | 'Secret'
  | 'ConfigMap'
  | 'ReplicationController'
  | 'ReplicaSet'
  | 'PersistentVolumeClaim'
  | 'ResourceQuota';

/** What the harness lists and deletes by name for a quota: a counted kind, or the case's custom resource. */
export type CountedResource = CountedKind | 'CustomResource';

/** A create either succeeds (with any warnings) or is rejected with the API's Status. */
export type CreateResult =
  | { ok: true; object: ManagedObject; warnings: string[] }
  | { ok: false; status: number; body: V1Status; warnings: string[] };

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchHandle {
  stop(): void;
}

/** Why a watch ended: by stop(), by the server closing it, or with 410 Gone (relist needed). */
export type WatchEnd = { reason: 'stopped' } | { reason: 'closed'; error?: Error } | { reason: 'gone' };

export interface LogLine {
  /** Runtime timestamp, epoch milliseconds with sub-millisecond fraction. */
  runtimeTime: number;
  text: string;
}

/** The audit log's events, or why the log cannot be read on this target (never an error to retry). */
export type AuditLogRead = { ok: true; events: AuditEvent[] } | { ok: false; reason: string };

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

/**
 * The one narrow interface between kubeprop and a cluster. `kube-cluster.ts` implements it with
 * @kubernetes/client-node; `fake/` implements it in memory with virtual time and fault injection.
 * Errors are thrown as ClusterError (harness/cluster-error.ts) so retry and messages are uniform.
 */
export interface ClusterPort {
  serverVersion(): Promise<ServerVersion>;
  listNodes(): Promise<V1Node[]>;
  /** JSON-patches /status/capacity/<resource> on a node; `null` removes it. */
  patchNodeCapacity(node: string, resource: string, count: number | null): Promise<void>;

  createNamespace(namespace: V1Namespace): Promise<V1Namespace>;
  /** Starts deletion; returns at once. */
  deleteNamespace(name: string): Promise<void>;
  /** undefined once the namespace is gone. */
  readNamespace(name: string): Promise<V1Namespace | undefined>;
  listNamespaces(labelSelector: string): Promise<V1Namespace[]>;

  /** Creates an object in the namespace; a cluster-scoped one (CustomResourceDefinition) ignores it. */
  create(namespace: string, object: ManagedObject): Promise<CreateResult>;
  /**
   * Optional: validation and admission of a create without persisting it (dryRun=All). Capability
   * detection uses it to learn which pod fields the server keeps; absent, the version defaults apply.
   */
  dryRunCreate?(namespace: string, object: ManagedObject): Promise<CreateResult>;
  deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<void>;
  /**
   * Optional: replaces a pod (PUT, no resourceVersion needed: pods allow unconditional updates). A rejection
   * (invalid 422, forbidden 403, not found 404) is returned, not thrown.
   */
  replacePod?(namespace: string, pod: V1Pod): Promise<CreateResult>;
  /** Removes kubeprop's finalizer so a kept pod can go. */
  releasePod(namespace: string, name: string): Promise<void>;
  readPod(namespace: string, name: string): Promise<V1Pod | undefined>;
  listPods(namespace: string): Promise<ListResult<V1Pod>>;
  readResourceQuota(namespace: string, name: string): Promise<V1ResourceQuota | undefined>;
  /** Replaces a quota's spec.hard (read, then PUT); returns what the API stored. */
  updateResourceQuota(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota>;
  /** Merge-patches a quota's labels and spec.hard. */
  patchResourceQuota(
    namespace: string,
    name: string,
    patch: { labels: Record<string, string>; hard: Record<string, string> },
  ): Promise<V1ResourceQuota>;
  /** Replaces a quota's status.hard through the status subresource (read, then PUT /status). */
  updateResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota>;
  /** Deletes every quota of the namespace matching the label selector (DELETE on the collection). */
  deleteResourceQuotas(namespace: string, labelSelector: string): Promise<void>;
  /** Merge-patches a quota's status.hard through the status subresource. */
  patchResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota>;
  /** Creates a cluster-wide PriorityClass (register its deletion with the cleanup first). */
  createPriorityClass(priorityClass: V1PriorityClass): Promise<void>;
  /** Deletes a PriorityClass; one already gone is not an error. */
  deletePriorityClass(name: string): Promise<void>;
  /** PriorityClasses matching the label selector (`kubeprop clean` sweeps a killed run's). */
  listPriorityClasses(labelSelector: string): Promise<V1PriorityClass[]>;
  /** A CustomResourceDefinition (its Established condition), undefined once it is gone. */
  readCustomResourceDefinition(name: string): Promise<V1CustomResourceDefinition | undefined>;
  /** Deletes a CustomResourceDefinition, and so its custom resources; one already gone is not an error. */
  deleteCustomResourceDefinition(name: string): Promise<void>;
  /** CustomResourceDefinitions matching the label selector (`kubeprop clean` sweeps a killed run's). */
  listCustomResourceDefinitions(labelSelector: string): Promise<V1CustomResourceDefinition[]>;
  /** Deletes a custom resource (notFound, like deleteObject, when it is not there). */
  deleteCustomObject(namespace: string, type: CustomResourceType, name: string): Promise<void>;
  /** The names of a custom resource type's objects in the namespace (what count/<plural>.<group> counts). */
  listCustomObjectNames(namespace: string, type: CustomResourceType): Promise<string[]>;
  /** Quotas in every namespace matching the label selector. */
  listResourceQuotas(labelSelector: string): Promise<V1ResourceQuota[]>;
  /** Deletes an object other than a pod (default options: the API's own propagation). */
  deleteObject(namespace: string, kind: CountedKind, name: string): Promise<void>;
  /** The names of a kind's objects in the namespace (what a quota's object count counts). */
  listObjectNames(namespace: string, kind: CountedKind): Promise<string[]>;
  /** LimitRanges matching a label selector, in one namespace or (namespace undefined) in all of them. */
  listLimitRanges(namespace: string | undefined, labelSelector: string): Promise<V1LimitRange[]>;
  /** A strategic merge patch of a LimitRange (labels merged, spec.limits replaced); the patched object. */
  patchLimitRange(namespace: string, name: string, patch: V1LimitRange): Promise<V1LimitRange>;
  /** Deletes the namespace's LimitRanges matching a label selector (DELETE on the collection). */
  deleteLimitRangeCollection(namespace: string, labelSelector: string): Promise<void>;
  /** Optional: replaces a NetworkPolicy (PUT; unconditional, as its registry strategy allows). */
  replaceNetworkPolicy?(namespace: string, policy: V1NetworkPolicy): Promise<void>;
  /** Optional: deletes a NetworkPolicy. */
  deleteNetworkPolicy?(namespace: string, name: string): Promise<void>;
  /** Optional: merge-patches labels onto a pod (namespace given) or a namespace (namespace undefined). */
  addLabels?(namespace: string | undefined, name: string, labels: Record<string, string>): Promise<void>;

  watchPods(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, pod: V1Pod) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle>;
  watchEvents(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, event: CoreV1Event) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle>;
  listEvents(namespace: string): Promise<ListResult<CoreV1Event>>;
  watchEndpointSlices(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, slice: V1EndpointSlice) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle>;

  /** Streams a container's log with runtime timestamps until the container's log ends or stop(). */
  streamLogs(
    namespace: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd: (error?: Error) => void,
  ): Promise<WatchHandle>;

  /**
   * Reads a container's log once (no follow) with runtime timestamps: the current instance, or with
   * `previous` the one before its last restart. A container that ended before its stream could attach
   * is still read this way (the kubelet may refuse a follow: "container ... is terminated").
   */
  readLogs(namespace: string, pod: string, container: string, previous: boolean): Promise<LogLine[]>;

  /** Runs a command in a container (NetworkPolicy probes); resolves with its exit code. */
  exec(
    namespace: string,
    pod: string,
    container: string,
    command: string[],
  ): Promise<{ exitCode: number; output: string }>;

  /**
   * Optional: the API server audit log's events for objects in `namespace` whose stage was reached at
   * or after `sinceMs` (epoch ms). Pod Security audit annotations reach only this log; absent, the
   * audit properties are inconclusive (harness/audit-log.ts AUDIT_LOG_UNREADABLE).
   */
  auditEvents?(namespace: string, sinceMs: number): Promise<AuditLogRead>;

  /** Checks that the current identity may perform verb on resource (SelfSubjectAccessReview). */
  canI(
    verb: string,
    group: string,
    resource: string,
    namespace?: string,
    subresource?: string,
  ): Promise<boolean>;
}
