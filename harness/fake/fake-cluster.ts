import type {
  CoreV1Event,
  V1CustomResourceDefinition,
  V1EndpointSlice,
  V1LimitRange,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1Pod,
  V1PodStatus,
  V1PriorityClass,
  V1ResourceQuota,
  V1Service,
  V1Status,
} from '@kubernetes/client-node';
import { LATEST_VERSION, type ServerVersion } from '../../model/capabilities';
import { ROOT_CA_CONFIGMAP } from '../../model/quota-objects';
import { countKeyOf, definedType } from '../../generators/manifests/custom-resource';
import { ClusterError } from '../cluster-error';
import type {
  AuditLogRead,
  ClusterPort,
  CountedKind,
  CreateResult,
  CustomResourceType,
  ListResult,
  LogLine,
  ManagedObject,
  WatchEnd,
  WatchEventType,
  WatchHandle,
} from '../cluster-port';
import { FakeAuditLog } from './audit-log-store';
import { deepCopy } from './deep-copy';
import { DefectSet, type FakeDefect } from './defects';
import { endpointSliceFor } from './endpoint-slices';
import type { AdmissionContext, FakeAdmission, FakeKubelet, KubeletContext } from './fake-parts';
import { FaultInjector, type CallKind, type FaultOptions } from './fault-injector';
import { matchesLabelSelector } from './label-selector';
import { NAMESPACE_DELETION_SECONDS, sampleSeconds } from './latency';
import { LogStore } from './log-store';
import { countPodsUsage, quotaStatus, type QuotaUsage } from './quota-status';
import { SeededRandom } from './seeded-random';
import { TrivialKubelet } from './trivial-kubelet';
import { AutoAdvancingClock } from './virtual-clock';
import { WatchHub } from './watch-hub';

export interface FakeNodeSpec {
  name: string;
  /** Capacity and allocatable, as quantities ("4", "8Gi", "110"). */
  allocatable: Record<string, string>;
}

/** How the namespace controller behaves: at once, slowly, or never finishing (a stuck finalizer). */
export type NamespaceDeletion = { mode: 'normal' } | { mode: 'slow'; delayMs: number } | { mode: 'stuck' };

/** The fields pod update validation lets a client change, as v1.26's message lists them (validation.go ValidatePodUpdate). */
const POD_UPDATABLE_FIELDS =
  '`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export interface FakeClusterOptions {
  clock?: AutoAdvancingClock;
  kubelet?: FakeKubelet;
  admission?: FakeAdmission[];
  nodes?: FakeNodeSpec[];
  serverVersion?: ServerVersion;
  /** Permissions canI denies, as "verb group/resource" or "verb group/resource/subresource" ("" group = core). */
  deniedPermissions?: string[];
  faults?: FaultOptions;
  namespaceDeletion?: NamespaceDeletion;
  /** Watch events kept per namespace and kind before a resume from older versions gets 410 Gone. */
  retainedWatchEvents?: number;
  quotaUsage?: QuotaUsage;
  /** Seeded defects of the control plane (the kubelet and admission take theirs separately). */
  defects?: readonly FakeDefect[];
  /** Seeds the control plane's latencies (namespace deletion); 1 unless given. */
  seed?: number;
}

const DEFAULT_NODES: FakeNodeSpec[] = [
  { name: 'fake-node-1', allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' } },
];
/** How the kubelet words a log request for a container that has no instance to follow. */
const STATE_WORDS = { waiting: 'waiting to start', terminated: 'terminated' } as const;

/** The quota controller fills a new quota's status after about a second (resync on change). */
const QUOTA_SYNC_MS = 1000;
/** A new CRD is Established about a second after its create (names accepted, then established). */
const CRD_ESTABLISHED_MS = 1000;
/**
 * The quota controller's discovery runs every 30 s (cmd/kube-controller-manager/app/core.go
 * startResourceQuotaController), here from the fake's creation: a resource is counted from the first run
 * after its CRD is Established, and only by a quota synced after that (a discovery queues no quota).
 */
const QUOTA_DISCOVERY_PERIOD_MS = 30_000;
/** A deleted CRD's finalizer deletes its custom resources, then the CRD goes. */
const CRD_DELETION_MS = 1000;
/** The kubelet's nodeStatusUpdateFrequency default (KubeletConfiguration, 10 s). */
const NODE_STATUS_UPDATE_SECONDS = 10;
/**
 * The simulated CNI enforces a NetworkPolicy this long after its creationTimestamp (whole seconds, so
 * 1.5–2.5 s after the create): live, kube-router v1.2.2 on the v1.26.1 node took 1.2–2.3 s to program a
 * deny-all (the enforcement canary), and a probe before that saw the old state.
 */
export const NETPOL_ENFORCEMENT_LAG_MS = 2500;
/** Defect endpoint-update-late: how late the EndpointSlice controller publishes a change. */
const LATE_ENDPOINT_UPDATE_MS = 20_000;
/** Pod API default (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec: DefaultTerminationGracePeriodSeconds). */
const DEFAULT_GRACE_SECONDS = 30;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

interface PodRecord {
  pod: V1Pod;
  /** The kubelet reported that it finished stopping the pod. */
  terminated: boolean;
}

interface CrdRecord {
  crd: V1CustomResourceDefinition;
  type: CustomResourceType;
  establishedAt: number;
  /** When the quota controller's discovery has found its resource. */
  discoveredAt: number;
}

interface NamespaceRecord {
  namespace: V1Namespace;
  pods: Map<string, PodRecord>;
  /** Everything else kubeprop creates, keyed kind/name. */
  others: Map<string, ManagedObject>;
  events: Map<string, CoreV1Event>;
  slices: Map<string, V1EndpointSlice>;
  quotaSync?: () => void;
}

/** Seconds-resolution instant, as the API server serialises metadata and status timestamps. */
function apiTime(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** Where a custom resource is stored among a namespace's objects: its type and name. */
function customKey(type: CustomResourceType, name: string): string {
  return `CustomResource/${type.plural}.${type.group}/${name}`;
}

function status(code: number, reason: string, message: string): V1Status {
  return { apiVersion: 'v1', kind: 'Status', status: 'Failure', code, reason, message, metadata: {} };
}

/**
 * The in-memory API server: an object store per namespace with resourceVersions, watches with
 * resume and 410 Gone, graceful pod deletion with finalizers, namespace lifecycle, node capacity,
 * logs, RBAC answers, and on-demand faults. Pod behaviour is the FakeKubelet's, admission the
 * FakeAdmission plugins'. Everything runs on a virtual clock.
 */
export class FakeCluster implements ClusterPort {
  readonly clock: AutoAdvancingClock;
  readonly faults: FaultInjector;
  private readonly kubelet: FakeKubelet;
  private readonly admission: FakeAdmission[];
  private readonly nodes: V1Node[];
  private readonly version: ServerVersion;
  private readonly denied: Set<string>;
  private readonly namespaceDeletion: NamespaceDeletion;
  private readonly quotaUsage: QuotaUsage;
  private readonly defects: DefectSet;
  private readonly latencies: SeededRandom;
  private readonly namespaces = new Map<string, NamespaceRecord>();
  /** NetworkPolicies updated or deleted less than NETPOL_ENFORCEMENT_LAG_MS ago, as they were before. */
  private readonly netpolPending = new Map<string, { before: ManagedObject; at: number }>();
  private readonly priorityClasses = new Map<string, V1PriorityClass>();
  private readonly crds = new Map<string, CrdRecord>();
  /** The quota controller's discovery runs at this instant and every QUOTA_DISCOVERY_PERIOD_MS after. */
  private readonly discoveryPhase: number;
  private readonly podHub: WatchHub<V1Pod>;
  private readonly eventHub: WatchHub<CoreV1Event>;
  private readonly sliceHub: WatchHub<V1EndpointSlice>;
  private readonly logs = new LogStore();
  private readonly auditLog = new FakeAuditLog();
  private rv = 1;
  private uidSeq = 0;
  private readonly kubeletContext: KubeletContext;

  constructor(options: FakeClusterOptions = {}) {
    this.clock = options.clock ?? new AutoAdvancingClock();
    this.discoveryPhase = this.clock.now();
    this.faults = new FaultInjector(options.faults);
    this.kubelet = options.kubelet ?? new TrivialKubelet();
    this.admission = options.admission ?? [];
    this.version = options.serverVersion ?? LATEST_VERSION;
    this.denied = new Set(options.deniedPermissions ?? []);
    this.namespaceDeletion = options.namespaceDeletion ?? { mode: 'normal' };
    this.quotaUsage = options.quotaUsage ?? countPodsUsage;
    this.defects = new DefectSet(options.defects);
    this.latencies = new SeededRandom(options.seed ?? 1);
    const retained = options.retainedWatchEvents ?? 1000;
    this.podHub = new WatchHub(this.faults, retained);
    this.eventHub = new WatchHub(this.faults, retained);
    this.sliceHub = new WatchHub(this.faults, retained);
    this.nodes = (options.nodes ?? DEFAULT_NODES).map((n) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, uid: this.uid(), resourceVersion: this.nextRv(), labels: {} },
      status: { capacity: { ...n.allocatable }, allocatable: { ...n.allocatable } },
    }));
    this.kubeletContext = this.makeKubeletContext();
  }

  // ---- inspection for tests and benchmarks (not part of ClusterPort) ----

  /** Names of namespaces that exist (Active or Terminating). */
  namespaceNames(): string[] {
    return [...this.namespaces.keys()];
  }

  /** Every pod in every namespace. */
  allPods(): V1Pod[] {
    return [...this.namespaces.values()].flatMap((ns) => [...ns.pods.values()].map((r) => deepCopy(r.pod)));
  }

  openWatches(): number {
    return this.podHub.openWatches() + this.eventHub.openWatches() + this.sliceHub.openWatches();
  }

  /** Containers whose logs are still stored (they go with their pod). */
  storedLogs(): number {
    return this.logs.size();
  }

  /** Adds an event as another component would (e.g. the scheduler), for tests. */
  recordEvent(namespace: string, event: CoreV1Event): void {
    this.kubeletContext.emitEvent(namespace, event);
  }

  // ---- ClusterPort ----

  serverVersion(): Promise<ServerVersion> {
    return this.call('serverVersion', 'read', () => ({ ...this.version }));
  }

  listNodes(): Promise<V1Node[]> {
    return this.call('listNodes', 'read', () => this.nodes.map((n) => deepCopy(n)));
  }

  /**
   * The patch changes capacity only; the kubelet copies an advertised extended resource into
   * allocatable, which the scheduler reads, at its next node status update (every
   * nodeStatusUpdateFrequency, 10 s): a pod created before then was "Insufficient" on the v1.26.1 node.
   */
  patchNodeCapacity(node: string, resource: string, count: number | null): Promise<void> {
    return this.call('patchNodeCapacity', 'write', () => {
      const target = this.nodes.find((n) => n.metadata?.name === node);
      if (!target?.status) throw new ClusterError('notFound', `nodes "${node}" not found`, 404);
      const capacity = { ...(target.status.capacity ?? {}) };
      if (count === null) delete capacity[resource];
      else capacity[resource] = String(count);
      target.status = { ...target.status, capacity };
      target.metadata = { ...target.metadata, resourceVersion: this.nextRv() };
      const syncMs = this.latencies.between(0, NODE_STATUS_UPDATE_SECONDS) * 1000;
      this.clock.schedule(syncMs, () => this.syncAllocatable(target, resource));
    });
  }

  /** The kubelet's node status update: allocatable follows capacity for an extended resource. */
  private syncAllocatable(node: V1Node, resource: string): void {
    const allocatable = { ...(node.status?.allocatable ?? {}) };
    const advertised = node.status?.capacity?.[resource];
    if (advertised === undefined) delete allocatable[resource];
    else allocatable[resource] = advertised;
    node.status = { ...node.status, allocatable };
    node.metadata = { ...node.metadata, resourceVersion: this.nextRv() };
  }

  createNamespace(namespace: V1Namespace): Promise<V1Namespace> {
    return this.call('createNamespace', 'write', () => {
      const name = namespace.metadata?.name ?? '';
      if (name.length > 63 || !DNS1123_LABEL.test(name)) {
        throw new ClusterError(
          'invalid',
          `Namespace "${name}" is invalid: metadata.name: must be a DNS-1123 label`,
          422,
        );
      }
      if (this.namespaces.has(name)) {
        throw new ClusterError('alreadyExists', `namespaces "${name}" already exists`, 409);
      }
      const stored: V1Namespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          ...deepCopy(namespace.metadata),
          name,
          uid: this.uid(),
          resourceVersion: this.nextRv(),
          creationTimestamp: apiTime(this.clock.now()),
          // Set by the API server on every namespace (NamespaceDefaultLabelName, 1.21+).
          labels: { ...(namespace.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': name },
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      };
      // The root CA publisher puts this ConfigMap in every namespace as it is created
      // (pkg/controller/certificates/rootcacertpublisher/publisher.go).
      const rootCa: ManagedObject = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: name,
          uid: this.uid(),
          resourceVersion: this.nextRv(),
        },
        data: { 'ca.crt': 'fake' },
      };
      this.namespaces.set(name, {
        namespace: stored,
        pods: new Map(),
        others: new Map([[`ConfigMap/${ROOT_CA_CONFIGMAP}`, rootCa]]),
        events: new Map(),
        slices: new Map(),
      });
      return deepCopy(stored);
    });
  }

  deleteNamespace(name: string): Promise<void> {
    return this.call('deleteNamespace', 'write', () => {
      const record = this.namespaces.get(name);
      if (!record) throw new ClusterError('notFound', `namespaces "${name}" not found`, 404);
      if (record.namespace.metadata?.deletionTimestamp) return;
      record.namespace.metadata = {
        ...record.namespace.metadata,
        deletionTimestamp: apiTime(this.clock.now()),
        resourceVersion: this.nextRv(),
      };
      record.namespace.status = { phase: 'Terminating' };
      const deletion = this.namespaceDeletion;
      if (deletion.mode === 'stuck') return;
      // The namespace controller discovers and deletes every resource type in turn: 5.7–20.4 s on the
      // real v1.26.1 node at 6 slots (harness/fake/latency.ts NAMESPACE_DELETION_SECONDS).
      const delay =
        deletion.mode === 'slow'
          ? deletion.delayMs
          : sampleSeconds(NAMESPACE_DELETION_SECONDS, this.latencies) * 1000;
      this.clock.schedule(delay, () => this.emptyNamespace(name));
    });
  }

  readNamespace(name: string): Promise<V1Namespace | undefined> {
    return this.call('readNamespace', 'read', () => {
      const record = this.namespaces.get(name);
      return record ? deepCopy(record.namespace) : undefined;
    });
  }

  listNamespaces(labelSelector: string): Promise<V1Namespace[]> {
    return this.call('listNamespaces', 'read', () =>
      [...this.namespaces.values()]
        .filter((r) => matchesLabelSelector(labelSelector, r.namespace.metadata?.labels ?? {}))
        .map((r) => deepCopy(r.namespace)),
    );
  }

  create(namespace: string, object: ManagedObject): Promise<CreateResult> {
    return this.call('create', 'write', () => this.admitAndStore(namespace, object, true));
  }

  /** The audit log is not the API: no faults, no latency; events become readable after a short delay. */
  auditEvents(namespace: string, sinceMs: number): Promise<AuditLogRead> {
    return Promise.resolve(this.auditLog.read(namespace, sinceMs, this.clock.now()));
  }

  dryRunCreate(namespace: string, object: ManagedObject): Promise<CreateResult> {
    return this.call('dryRunCreate', 'read', () => this.admitAndStore(namespace, object, false));
  }

  deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<void> {
    return this.call('deletePod', 'write', () => {
      const record = this.namespaces.get(namespace)?.pods.get(name);
      if (!record) throw new ClusterError('notFound', `pods "${name}" not found`, 404);
      this.deletePodRecord(namespace, record, gracePeriodSeconds);
    });
  }

  /**
   * A pod PUT. Pod update validation lets a client change only images, activeDeadlineSeconds,
   * tolerations (additions) and terminationGracePeriodSeconds (pkg/apis/core/validation ValidatePodUpdate):
   * a change to a container's resources, the one change kubeprop makes, is 422 "pod updates may not
   * change fields other than ...". Defect pod-resources-update-allowed stores it instead.
   */
  replacePod(namespace: string, pod: V1Pod): Promise<CreateResult> {
    return this.call('replacePod', 'write', (): CreateResult => {
      const name = pod.metadata?.name ?? '';
      const record = this.namespaces.get(namespace)?.pods.get(name);
      const failure = (code: number, reason: string, message: string): CreateResult => ({
        ok: false,
        status: code,
        body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code },
        warnings: [],
      });
      if (!record) return failure(404, 'NotFound', `pods "${name}" not found`);
      const resources = (p: V1Pod) => JSON.stringify(p.spec?.containers.map((c) => c.resources ?? {}));
      if (resources(pod) !== resources(record.pod) && !this.defects.has('pod-resources-update-allowed')) {
        return failure(
          422,
          'Invalid',
          `Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than ${POD_UPDATABLE_FIELDS}`,
        );
      }
      this.updatePod(namespace, record, (stored) => {
        if (!stored.spec || !pod.spec) return;
        stored.spec.containers = stored.spec.containers.map((c, i) => ({
          ...c,
          resources: deepCopy(pod.spec?.containers[i]?.resources ?? c.resources ?? {}),
        }));
      });
      return { ok: true, object: { ...deepCopy(record.pod), kind: 'Pod' }, warnings: [] };
    });
  }

  releasePod(namespace: string, name: string): Promise<void> {
    return this.call('releasePod', 'write', () => {
      const record = this.namespaces.get(namespace)?.pods.get(name);
      if (!record) throw new ClusterError('notFound', `pods "${name}" not found`, 404);
      const finalizers = record.pod.metadata?.finalizers ?? [];
      if (finalizers.length === 0) return;
      this.updatePod(namespace, record, (pod) => {
        pod.metadata = { ...pod.metadata, finalizers: [] };
      });
      this.removeIfReleased(namespace, record);
    });
  }

  readPod(namespace: string, name: string): Promise<V1Pod | undefined> {
    return this.call('readPod', 'read', () => {
      const record = this.namespaces.get(namespace)?.pods.get(name);
      return record ? deepCopy(record.pod) : undefined;
    });
  }

  listPods(namespace: string): Promise<ListResult<V1Pod>> {
    return this.call('listPods', 'read', () => ({
      items: [...(this.namespaces.get(namespace)?.pods.values() ?? [])].map((r) => deepCopy(r.pod)),
      resourceVersion: String(this.rv),
    }));
  }

  readResourceQuota(namespace: string, name: string): Promise<V1ResourceQuota | undefined> {
    return this.call('readResourceQuota', 'read', () => {
      const object = this.namespaces.get(namespace)?.others.get(`ResourceQuota/${name}`);
      return object ? (deepCopy(object) as V1ResourceQuota) : undefined;
    });
  }

  updateResourceQuota(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    return this.call('updateResourceQuota', 'write', () =>
      this.changeQuota(
        namespace,
        name,
        (quota) => ({ ...quota, spec: { ...quota.spec, hard: { ...hard } } }),
        true,
      ),
    );
  }

  patchResourceQuota(
    namespace: string,
    name: string,
    patch: { labels: Record<string, string>; hard: Record<string, string> },
  ): Promise<V1ResourceQuota> {
    return this.call('patchResourceQuota', 'write', () =>
      this.changeQuota(
        namespace,
        name,
        (quota) => ({
          ...quota,
          metadata: { ...quota.metadata, labels: { ...quota.metadata?.labels, ...patch.labels } },
          spec: { ...quota.spec, hard: { ...quota.spec?.hard, ...patch.hard } },
        }),
        true,
      ),
    );
  }

  patchResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    // A status write is not a spec change: the controller's informer ignores it (no sync queued).
    return this.call('patchResourceQuotaStatus', 'write', () =>
      this.changeQuota(
        namespace,
        name,
        (quota) => ({ ...quota, status: { ...quota.status, hard: { ...quota.status?.hard, ...hard } } }),
        false,
      ),
    );
  }

  updateResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    // A PUT of /status replaces status (spec kept), and like any status write queues no sync.
    return this.call('updateResourceQuotaStatus', 'write', () =>
      this.changeQuota(
        namespace,
        name,
        (quota) => ({ ...quota, status: { ...quota.status, hard: { ...hard } } }),
        false,
      ),
    );
  }

  deleteResourceQuotas(namespace: string, labelSelector: string): Promise<void> {
    return this.call('deleteResourceQuotas', 'write', () => {
      const record = this.namespaces.get(namespace);
      if (!record) return;
      for (const [key, object] of record.others) {
        if (
          object.kind === 'ResourceQuota' &&
          matchesLabelSelector(labelSelector, object.metadata?.labels ?? {})
        )
          record.others.delete(key);
      }
    });
  }

  createPriorityClass(priorityClass: V1PriorityClass): Promise<void> {
    return this.call('createPriorityClass', 'write', () => {
      const name = priorityClass.metadata?.name ?? '';
      if (this.priorityClasses.has(name)) {
        throw new ClusterError(
          'alreadyExists',
          `priorityclasses.scheduling.k8s.io "${name}" already exists`,
          409,
        );
      }
      this.priorityClasses.set(name, deepCopy(priorityClass));
    });
  }

  deletePriorityClass(name: string): Promise<void> {
    return this.call('deletePriorityClass', 'write', () => {
      this.priorityClasses.delete(name);
    });
  }

  /** PriorityClasses that exist (inspection for tests: cleanup must remove them). */
  priorityClassNames(): string[] {
    return [...this.priorityClasses.keys()];
  }

  listPriorityClasses(labelSelector: string): Promise<V1PriorityClass[]> {
    return this.call('listPriorityClasses', 'read', () =>
      [...this.priorityClasses.values()]
        .filter((pc) => matchesLabelSelector(labelSelector, pc.metadata?.labels ?? {}))
        .map((pc) => deepCopy(pc)),
    );
  }

  /** CustomResourceDefinitions that exist, terminating ones included (inspection for tests). */
  customResourceDefinitionNames(): string[] {
    return [...this.crds.keys()];
  }

  readCustomResourceDefinition(name: string): Promise<V1CustomResourceDefinition | undefined> {
    return this.call('readCustomResourceDefinition', 'read', () => {
      const record = this.crds.get(name);
      return record ? this.crdView(record) : undefined;
    });
  }

  /** The finalizer deletes the definition's custom resources everywhere, then the definition goes. */
  deleteCustomResourceDefinition(name: string): Promise<void> {
    return this.call('deleteCustomResourceDefinition', 'write', () => {
      const record = this.crds.get(name);
      if (!record || record.crd.metadata?.deletionTimestamp) return;
      record.crd.metadata = {
        ...record.crd.metadata,
        deletionTimestamp: apiTime(this.clock.now()),
        resourceVersion: this.nextRv(),
      };
      this.clock.schedule(CRD_DELETION_MS, () => {
        for (const [namespace, ns] of this.namespaces) {
          const doomed = [...ns.others].filter(([, o]) => this.ofType(o, record.type));
          for (const [key] of doomed) ns.others.delete(key);
          if (doomed.length > 0) this.scheduleQuotaSync(namespace);
          this.finishNamespaceIfEmpty(namespace);
        }
        this.crds.delete(name);
      });
    });
  }

  listCustomResourceDefinitions(labelSelector: string): Promise<V1CustomResourceDefinition[]> {
    return this.call('listCustomResourceDefinitions', 'read', () =>
      [...this.crds.values()]
        .filter((r) => matchesLabelSelector(labelSelector, r.crd.metadata?.labels ?? {}))
        .map((r) => this.crdView(r)),
    );
  }

  deleteCustomObject(namespace: string, type: CustomResourceType, name: string): Promise<void> {
    return this.call('deleteCustomObject', 'write', () => {
      this.assertServed(type);
      const record = this.namespaces.get(namespace);
      if (!record?.others.delete(customKey(type, name))) {
        throw new ClusterError('notFound', `${type.plural}.${type.group} "${name}" not found`, 404);
      }
      // The quota monitor's informer for the resource queues the namespace's quotas on the delete.
      this.scheduleQuotaSync(namespace);
    });
  }

  listCustomObjectNames(namespace: string, type: CustomResourceType): Promise<string[]> {
    return this.call('listCustomObjectNames', 'read', () => {
      this.assertServed(type);
      return [...(this.namespaces.get(namespace)?.others.values() ?? [])]
        .filter((o) => this.ofType(o, type))
        .map((o) => o.metadata?.name ?? '');
    });
  }

  listResourceQuotas(labelSelector: string): Promise<V1ResourceQuota[]> {
    return this.call('listResourceQuotas', 'read', () =>
      [...this.namespaces.values()].flatMap((ns) =>
        [...ns.others.values()].flatMap((o) =>
          o.kind === 'ResourceQuota' && matchesLabelSelector(labelSelector, o.metadata?.labels ?? {})
            ? [deepCopy(o) as V1ResourceQuota]
            : [],
        ),
      ),
    );
  }

  deleteObject(namespace: string, kind: CountedKind, name: string): Promise<void> {
    return this.call('deleteObject', 'write', () => {
      const record = this.namespaces.get(namespace);
      const key = `${kind}/${name}`;
      if (!record?.others.delete(key)) {
        throw new ClusterError('notFound', `${kind.toLowerCase()}s "${name}" not found`, 404);
      }
      // The quota monitor queues the quota on every delete of a kind it counts (resource_quota_monitor.go).
      this.scheduleQuotaSync(namespace);
    });
  }

  replaceNetworkPolicy(namespace: string, policy: V1NetworkPolicy): Promise<void> {
    return this.call('replaceNetworkPolicy', 'write', () => {
      const name = policy.metadata?.name ?? '';
      const record = this.namespaces.get(namespace);
      const old = record?.others.get(`NetworkPolicy/${name}`);
      if (!record || !old) {
        throw new ClusterError('notFound', `networkpolicies.networking.k8s.io "${name}" not found`, 404);
      }
      this.netpolChanged(namespace, old);
      record.others.set(`NetworkPolicy/${name}`, {
        ...deepCopy(policy),
        kind: 'NetworkPolicy',
        metadata: { ...old.metadata, labels: policy.metadata?.labels, resourceVersion: this.nextRv() },
      });
    });
  }

  deleteNetworkPolicy(namespace: string, name: string): Promise<void> {
    return this.call('deleteNetworkPolicy', 'write', () => {
      const record = this.namespaces.get(namespace);
      const old = record?.others.get(`NetworkPolicy/${name}`);
      if (!record || !old) {
        throw new ClusterError('notFound', `networkpolicies.networking.k8s.io "${name}" not found`, 404);
      }
      this.netpolChanged(namespace, old);
      record.others.delete(`NetworkPolicy/${name}`);
    });
  }

  addLabels(namespace: string | undefined, name: string, labels: Record<string, string>): Promise<void> {
    return this.call('addLabels', 'write', () => {
      const target = namespace === undefined ? this.namespaces.get(name) : this.namespaces.get(namespace);
      const pod = namespace === undefined ? undefined : target?.pods.get(name);
      if (!target || (namespace !== undefined && !pod)) {
        throw new ClusterError(
          'notFound',
          `${namespace === undefined ? 'namespaces' : 'pods'} "${name}" not found`,
          404,
        );
      }
      if (namespace !== undefined && pod) {
        this.updatePod(namespace, pod, (p) => {
          p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, ...labels } };
        });
        return;
      }
      const metadata = target.namespace.metadata ?? {};
      target.namespace.metadata = {
        ...metadata,
        labels: { ...metadata.labels, ...labels },
        resourceVersion: this.nextRv(),
      };
    });
  }

  /** The simulated CNI programs a policy's update or delete NETPOL_ENFORCEMENT_LAG_MS late, as its create. */
  private netpolChanged(namespace: string, before: ManagedObject): void {
    const key = `${namespace}/${before.metadata?.name ?? ''}`;
    const pending = this.netpolPending.get(key);
    if (pending && pending.at + NETPOL_ENFORCEMENT_LAG_MS > this.clock.now()) return;
    this.netpolPending.set(key, { before: deepCopy(before), at: this.clock.now() });
  }

  /** The policies the simulated CNI enforces now: created over the lag ago, changes older than the lag. */
  private programmedPolicies(): V1NetworkPolicy[] {
    const now = this.clock.now();
    const current = new Map<string, ManagedObject>();
    for (const [namespace, record] of this.namespaces)
      for (const o of record.others.values())
        if (o.kind === 'NetworkPolicy') current.set(`${namespace}/${o.metadata?.name ?? ''}`, o);
    for (const [key, pending] of this.netpolPending)
      if (pending.at + NETPOL_ENFORCEMENT_LAG_MS > now) current.set(key, pending.before);
    return [...current.values()].flatMap((o) =>
      o.kind === 'NetworkPolicy' && this.enforced(o) ? [deepCopy(o)] : [],
    );
  }

  listObjectNames(namespace: string, kind: CountedKind): Promise<string[]> {
    return this.call('listObjectNames', 'read', () =>
      [...(this.namespaces.get(namespace)?.others.values() ?? [])]
        .filter((o) => o.kind === kind)
        .map((o) => o.metadata?.name ?? ''),
    );
  }

  listLimitRanges(namespace: string | undefined, labelSelector: string): Promise<V1LimitRange[]> {
    return this.call('listLimitRanges', 'read', () =>
      [...this.namespaces.entries()]
        .filter(([name]) => namespace === undefined || name === namespace)
        .flatMap(([, record]) => [...record.others.values()])
        .filter((o): o is { kind: 'LimitRange' } & V1LimitRange => o.kind === 'LimitRange')
        .filter((o) => matchesLabelSelector(labelSelector, o.metadata?.labels ?? {}))
        .map((o) => deepCopy(o)),
    );
  }

  /**
   * Strategic merge patch of a LimitRange: labels merged key by key, spec.limits (a list without a
   * merge key) replaced whole (apimachinery strategicpatch). A seeded defect keeps the old spec.
   */
  patchLimitRange(namespace: string, name: string, patch: V1LimitRange): Promise<V1LimitRange> {
    return this.call('patchLimitRange', 'write', () => {
      const others = this.namespaces.get(namespace)?.others;
      const stored = others?.get(`LimitRange/${name}`);
      if (!others || stored?.kind !== 'LimitRange')
        throw new ClusterError('notFound', `limitranges "${name}" not found`, 404);
      const keepSpec = this.defects.has('limitrange-patch-ignored');
      const patched: { kind: 'LimitRange' } & V1LimitRange = {
        ...stored,
        metadata: {
          ...stored.metadata,
          labels: { ...(stored.metadata?.labels ?? {}), ...(patch.metadata?.labels ?? {}) },
          resourceVersion: this.nextRv(),
        },
        spec: patch.spec && !keepSpec ? { ...stored.spec, ...patch.spec } : stored.spec,
      };
      others.set(`LimitRange/${name}`, patched);
      return deepCopy(patched);
    });
  }

  deleteLimitRangeCollection(namespace: string, labelSelector: string): Promise<void> {
    return this.call('deleteLimitRangeCollection', 'write', () => {
      const others = this.namespaces.get(namespace)?.others;
      for (const [key, object] of [...(others?.entries() ?? [])]) {
        if (
          object.kind === 'LimitRange' &&
          matchesLabelSelector(labelSelector, object.metadata?.labels ?? {})
        )
          others?.delete(key);
      }
    });
  }

  watchPods(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, pod: V1Pod) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.call('watchPods', 'watch', () =>
      this.podHub.watch(namespace, this.parseRv(resourceVersion), this.rv, onEvent, onEnd),
    );
  }

  watchEvents(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, event: CoreV1Event) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.call('watchEvents', 'watch', () =>
      this.eventHub.watch(namespace, this.parseRv(resourceVersion), this.rv, onEvent, onEnd),
    );
  }

  listEvents(namespace: string): Promise<ListResult<CoreV1Event>> {
    return this.call('listEvents', 'read', () => ({
      items: [...(this.namespaces.get(namespace)?.events.values() ?? [])].map((e) => deepCopy(e)),
      resourceVersion: String(this.rv),
    }));
  }

  watchEndpointSlices(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, slice: V1EndpointSlice) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.call('watchEndpointSlices', 'watch', () =>
      this.sliceHub.watch(namespace, this.parseRv(resourceVersion), this.rv, onEvent, onEnd),
    );
  }

  streamLogs(
    namespace: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd: (error?: Error) => void,
  ): Promise<WatchHandle> {
    return this.call('streamLogs', 'watch', () => {
      const record = this.namespaces.get(namespace)?.pods.get(pod);
      if (!record) throw new ClusterError('notFound', `pods "${pod}" not found`, 404);
      const stop = this.logs.follow(namespace, record.pod, container, onLine, onEnd);
      // The kubelet's words (pkg/kubelet/kubelet_pods.go validateContainerLogStatus), as a 400.
      if (stop === 'waiting' || stop === 'terminated') {
        throw new ClusterError(
          'invalid',
          `container "${container}" in pod "${pod}" is ${STATE_WORDS[stop]}`,
          400,
        );
      }
      return { stop };
    });
  }

  readLogs(namespace: string, pod: string, container: string, previous: boolean): Promise<LogLine[]> {
    return this.call('readLogs', 'read', () => {
      const record = this.namespaces.get(namespace)?.pods.get(pod);
      if (!record) throw new ClusterError('notFound', `pods "${pod}" not found`, 404);
      const lines = this.logs.read(namespace, record.pod, container, previous);
      if (!lines) {
        const stop = this.logs.isLost(namespace, pod, container) ? 'terminated' : 'waiting';
        const message = previous
          ? `previous terminated container "${container}" in pod "${pod}" not found`
          : `container "${container}" in pod "${pod}" is ${STATE_WORDS[stop]}`;
        throw new ClusterError('invalid', message, 400);
      }
      return lines;
    });
  }

  exec(
    namespace: string,
    pod: string,
    container: string,
    command: string[],
  ): Promise<{ exitCode: number; output: string }> {
    return this.call('exec', 'read', () => {
      const record = this.namespaces.get(namespace)?.pods.get(pod);
      if (!record) throw new ClusterError('notFound', `pods "${pod}" not found`, 404);
      if (record.pod.status?.phase !== 'Running') {
        throw new ClusterError('invalid', `cannot exec into a container in a pod that is not running`, 400);
      }
      return this.kubelet.exec(namespace, pod, container, command);
    });
  }

  canI(
    verb: string,
    group: string,
    resource: string,
    _namespace?: string,
    subresource?: string,
  ): Promise<boolean> {
    return this.call('canI', 'read', () => {
      const base = `${verb} ${group}/${resource}`;
      return !(
        this.denied.has(base) ||
        (subresource !== undefined && this.denied.has(`${base}/${subresource}`))
      );
    });
  }

  // ---- internals ----

  /** One API call: count it, maybe fail it (before or after it takes effect), add latency. */
  private async call<T>(method: string, kind: CallKind, operation: () => T): Promise<T> {
    this.faults.beforeCall(method);
    const latency = this.faults.latencyMs();
    if (latency > 0) await this.clock.sleep(latency);
    const result = operation();
    this.faults.afterCommit(method, kind);
    return result;
  }

  private nextRv(): string {
    this.rv += 1;
    return String(this.rv);
  }

  /** Whether the simulated CNI has programmed an object yet (NETPOL_ENFORCEMENT_LAG_MS). */
  private enforced(object: ManagedObject): boolean {
    const created = object.metadata?.creationTimestamp;
    return (
      created === undefined || new Date(created).getTime() + NETPOL_ENFORCEMENT_LAG_MS <= this.clock.now()
    );
  }

  private uid(): string {
    this.uidSeq += 1;
    return `00000000-0000-4000-8000-${this.uidSeq.toString(16).padStart(12, '0')}`;
  }

  private parseRv(resourceVersion: string): number {
    if (resourceVersion === '' || resourceVersion === '0') return this.rv;
    const rv = Number(resourceVersion);
    if (!Number.isInteger(rv))
      throw new ClusterError('invalid', `invalid resourceVersion "${resourceVersion}"`, 400);
    return rv;
  }

  private admissionContext(): AdmissionContext {
    return {
      namespace: (name) => {
        const record = this.namespaces.get(name);
        return record ? deepCopy(record.namespace) : undefined;
      },
      objects: (namespace) =>
        [...(this.namespaces.get(namespace)?.others.values() ?? [])].map((o) => deepCopy(o)),
      pods: (namespace) =>
        [...(this.namespaces.get(namespace)?.pods.values() ?? [])].map((r) => deepCopy(r.pod)),
    };
  }

  private admitAndStore(namespace: string, object: ManagedObject, persist: boolean): CreateResult {
    if (object.kind === 'CustomResourceDefinition') return this.storeCrd(object, persist);
    const record = this.namespaces.get(namespace);
    if (!record) throw new ClusterError('notFound', `namespaces "${namespace}" not found`, 404);
    // A custom resource whose definition is not (or no longer) Established is not served.
    if (object.kind === 'CustomResource') this.assertServed(object.type);
    const name = object.metadata?.name ?? '';
    if (record.namespace.metadata?.deletionTimestamp) {
      // pkg/admission/plugin/namespace/lifecycle: no new content in a terminating namespace.
      const message = `${object.kind.toLowerCase()}s "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`;
      return { ok: false, status: 403, body: status(403, 'Forbidden', message), warnings: [] };
    }
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      throw new ClusterError(
        'invalid',
        `${object.kind} "${name}" is invalid: metadata.name: must be a DNS-1123 subdomain`,
        422,
      );
    }
    const custom = object.kind === 'CustomResource' ? object.type : undefined;
    const key = custom ? customKey(custom, name) : `${object.kind}/${name}`;
    if (object.kind === 'Pod' ? record.pods.has(name) : record.others.has(key)) {
      const resource = custom ? `${custom.plural}.${custom.group}` : `${object.kind.toLowerCase()}s`;
      throw new ClusterError('alreadyExists', `${resource} "${name}" already exists`, 409);
    }
    let candidate: ManagedObject = deepCopy(object);
    candidate.metadata = { ...candidate.metadata, namespace };
    const warnings: string[] = [];
    const auditAnnotations: Record<string, string> = {};
    const context = this.admissionContext();
    for (const plugin of this.admission) {
      const decision = plugin.admit(namespace, candidate, context);
      warnings.push(...decision.warnings);
      Object.assign(auditAnnotations, decision.auditAnnotations);
      if (!decision.allowed) {
        if (persist && object.kind === 'Pod') {
          this.auditLog.recordPodCreate(namespace, name, decision.status, auditAnnotations, this.clock.now());
        }
        return { ok: false, status: decision.status, body: decision.body, warnings };
      }
      candidate = decision.object;
    }
    if (!persist) return { ok: true, object: candidate, warnings };
    candidate.metadata = {
      ...candidate.metadata,
      uid: this.uid(),
      resourceVersion: this.nextRv(),
      creationTimestamp: apiTime(this.clock.now()),
      generation: 1,
    };
    if (candidate.kind === 'Pod') {
      this.storePod(namespace, record, candidate);
      this.auditLog.recordPodCreate(namespace, name, 201, auditAnnotations, this.clock.now());
    } else {
      record.others.set(key, candidate);
      if (candidate.kind === 'Service') this.syncSlices(namespace);
      // A new quota is synced at once; any other counted object is charged by admission and recounted.
      this.scheduleQuotaSync(namespace);
    }
    return { ok: true, object: deepCopy(candidate), warnings };
  }

  /**
   * A CustomResourceDefinition: named <plural>.<group> (apiextensions validation), Established after
   * CRD_ESTABLISHED_MS, its resource discovered by the quota controller at its next discovery run.
   */
  private storeCrd(
    crd: { kind: 'CustomResourceDefinition' } & V1CustomResourceDefinition,
    persist: boolean,
  ): CreateResult {
    const name = crd.metadata?.name ?? '';
    const type = definedType(crd);
    if (name !== `${type.plural}.${type.group}`) {
      throw new ClusterError(
        'invalid',
        `CustomResourceDefinition.apiextensions.k8s.io "${name}" is invalid: metadata.name: must be spec.names.plural+"."+spec.group`,
        422,
      );
    }
    if (this.crds.has(name)) {
      throw new ClusterError(
        'alreadyExists',
        `customresourcedefinitions.apiextensions.k8s.io "${name}" already exists`,
        409,
      );
    }
    if (!persist) return { ok: true, object: deepCopy(crd), warnings: [] };
    const now = this.clock.now();
    const stored: V1CustomResourceDefinition = {
      ...deepCopy(crd),
      metadata: {
        ...deepCopy(crd.metadata),
        uid: this.uid(),
        resourceVersion: this.nextRv(),
        creationTimestamp: apiTime(now),
        generation: 1,
        finalizers: ['customresourcecleanup.apiextensions.k8s.io'],
      },
    };
    const establishedAt = now + CRD_ESTABLISHED_MS;
    const period = QUOTA_DISCOVERY_PERIOD_MS;
    const discoveredAt =
      this.discoveryPhase + Math.ceil((establishedAt - this.discoveryPhase) / period) * period;
    const record: CrdRecord = { crd: stored, type, establishedAt, discoveredAt };
    this.crds.set(name, record);
    return { ok: true, object: { ...this.crdView(record), kind: 'CustomResourceDefinition' }, warnings: [] };
  }

  /** The stored CRD with its conditions as of now. */
  private crdView(record: CrdRecord): V1CustomResourceDefinition {
    const established = this.clock.now() >= record.establishedAt;
    const at = apiTime(record.establishedAt);
    return {
      ...deepCopy(record.crd),
      status: {
        acceptedNames: deepCopy(record.crd.spec.names),
        storedVersions: [record.type.version],
        conditions: [
          { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', lastTransitionTime: at },
          {
            type: 'Established',
            status: established ? 'True' : 'False',
            reason: established ? 'InitialNamesAccepted' : 'Installing',
            lastTransitionTime: at,
          },
        ],
      },
    };
  }

  /** A 404, as the API answers for a resource it does not serve, unless an Established CRD serves the type. */
  private assertServed(type: CustomResourceType): void {
    const record = this.crds.get(`${type.plural}.${type.group}`);
    if (!record || record.crd.metadata?.deletionTimestamp || this.clock.now() < record.establishedAt) {
      throw new ClusterError('notFound', 'the server could not find the requested resource', 404);
    }
  }

  private ofType(object: ManagedObject, type: CustomResourceType): boolean {
    return (
      object.kind === 'CustomResource' &&
      object.type.plural === type.plural &&
      object.type.group === type.group
    );
  }

  /** Whether the quota controller counts a quota key: all but the count of a resource it has not discovered yet. */
  private controllerCounts(key: string): boolean {
    const record = [...this.crds.values()].find((r) => countKeyOf(r.type) === key);
    return record === undefined || this.clock.now() >= record.discoveredAt;
  }

  private storePod(namespace: string, record: NamespaceRecord, pod: { kind: 'Pod' } & V1Pod): void {
    pod.spec = {
      ...pod.spec,
      containers: pod.spec?.containers ?? [],
      terminationGracePeriodSeconds: pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS,
      restartPolicy: pod.spec?.restartPolicy ?? 'Always',
    };
    pod.status = { phase: 'Pending', ...pod.status };
    const podRecord: PodRecord = { pod, terminated: false };
    record.pods.set(pod.metadata?.name ?? '', podRecord);
    this.podHub.publish(namespace, 'ADDED', deepCopy(pod), this.rv);
    this.podsChanged(namespace);
    this.kubelet.podCreated(deepCopy(pod), this.kubeletContext);
  }

  /**
   * Graceful deletion (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete;
   * pkg/registry/core/pod/strategy.go CheckGracefulDelete).
   */
  private deletePodRecord(namespace: string, record: PodRecord, gracePeriodSeconds?: number): void {
    const meta = record.pod.metadata ?? {};
    const now = this.clock.now();
    if (meta.deletionTimestamp) {
      const current = meta.deletionGracePeriodSeconds;
      // Already at 0 (or unset): finish the deletion now, finalizers permitting.
      if (current === undefined || current === 0) {
        this.removeIfReleased(namespace, record);
        return;
      }
      // A second delete may only shorten the period; the new deadline counts from the first delete.
      if (gracePeriodSeconds === undefined || gracePeriodSeconds >= current) return;
      const period = Math.max(0, gracePeriodSeconds);
      const moved = meta.deletionTimestamp.getTime() - current * 1000 + period * 1000;
      this.updatePod(namespace, record, (pod) => {
        pod.metadata = {
          ...pod.metadata,
          deletionTimestamp: apiTime(Math.max(now, moved)),
          deletionGracePeriodSeconds: period,
        };
      });
      this.kubelet.podDeleting(deepCopy(record.pod), period, this.kubeletContext);
      // Shortened to 0 (a force delete of a terminating pod): gone at once, finalizers permitting.
      if (period === 0) this.removeIfReleased(namespace, record);
      return;
    }
    let period =
      gracePeriodSeconds ?? record.pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    // CheckGracefulDelete: negative means 1; unscheduled or finished pods go at once.
    if (period < 0) period = 1;
    const phase = record.pod.status?.phase;
    if (!record.pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') period = 0;
    this.updatePod(namespace, record, (pod) => {
      pod.metadata = {
        ...pod.metadata,
        deletionTimestamp: apiTime(now + period * 1000),
        deletionGracePeriodSeconds: period,
      };
    });
    this.kubelet.podDeleting(deepCopy(record.pod), period, this.kubeletContext);
    if (period === 0) this.removeIfReleased(namespace, record);
  }

  /** Removes a deleted pod whose grace is over (period 0 or the kubelet is done) once no finalizer holds it. */
  private removeIfReleased(namespace: string, record: PodRecord): void {
    const meta = record.pod.metadata;
    if (!meta?.deletionTimestamp || (meta.finalizers?.length ?? 0) > 0) return;
    if (meta.deletionGracePeriodSeconds !== 0 && !record.terminated) return;
    const ns = this.namespaces.get(namespace);
    const name = meta.name ?? '';
    if (ns?.pods.get(name) !== record) return;
    ns.pods.delete(name);
    record.pod.metadata = { ...meta, resourceVersion: this.nextRv() };
    this.podHub.publish(namespace, 'DELETED', deepCopy(record.pod), this.rv);
    this.logs.podRemoved(namespace, name);
    this.podsChanged(namespace);
    this.finishNamespaceIfEmpty(namespace);
  }

  private updatePod(namespace: string, record: PodRecord, mutate: (pod: V1Pod) => void): void {
    mutate(record.pod);
    record.pod.metadata = { ...record.pod.metadata, resourceVersion: this.nextRv() };
    this.podHub.publish(namespace, 'MODIFIED', deepCopy(record.pod), this.rv);
    this.podsChanged(namespace);
  }

  private podsChanged(namespace: string): void {
    if (this.defects.has('endpoint-update-late')) {
      this.clock.schedule(LATE_ENDPOINT_UPDATE_MS, () => this.syncSlices(namespace));
    } else {
      this.syncSlices(namespace);
    }
    this.scheduleQuotaSync(namespace);
  }

  /** The EndpointSlice controller: one slice per Service, republished when its endpoints change. */
  private syncSlices(namespace: string): void {
    const record = this.namespaces.get(namespace);
    if (!record) return;
    const pods = [...record.pods.values()].map((r) => r.pod);
    for (const object of record.others.values()) {
      if (object.kind !== 'Service') continue;
      const service: V1Service = object;
      const next = endpointSliceFor(service, pods);
      const name = next.metadata?.name ?? '';
      const previous = record.slices.get(name);
      if (previous && JSON.stringify(previous.endpoints) === JSON.stringify(next.endpoints)) continue;
      next.metadata = {
        ...next.metadata,
        resourceVersion: this.nextRv(),
        uid: previous?.metadata?.uid ?? this.uid(),
      };
      record.slices.set(name, next);
      this.sliceHub.publish(namespace, previous ? 'MODIFIED' : 'ADDED', deepCopy(next), this.rv);
    }
  }

  /** Writes a changed quota; a spec change queues the quota controller (its informer's UpdateFunc). */
  private changeQuota(
    namespace: string,
    name: string,
    change: (
      quota: { kind: 'ResourceQuota' } & V1ResourceQuota,
    ) => { kind: 'ResourceQuota' } & V1ResourceQuota,
    specChanged: boolean,
  ): V1ResourceQuota {
    const record = this.namespaces.get(namespace);
    const key = `ResourceQuota/${name}`;
    const current = record?.others.get(key);
    if (!record || current?.kind !== 'ResourceQuota') {
      throw new ClusterError('notFound', `resourcequotas "${name}" not found`, 404);
    }
    const next = change(deepCopy(current));
    next.metadata = { ...next.metadata, resourceVersion: this.nextRv() };
    record.others.set(key, next);
    if (specChanged) this.scheduleQuotaSync(namespace);
    return deepCopy(next);
  }

  private scheduleQuotaSync(namespace: string): void {
    const record = this.namespaces.get(namespace);
    if (!record || record.quotaSync) return;
    if (![...record.others.values()].some((o) => o.kind === 'ResourceQuota')) return;
    record.quotaSync = this.clock.schedule(QUOTA_SYNC_MS, () => {
      record.quotaSync = undefined;
      const pods = [...record.pods.values()].map((r) => r.pod);
      const objects = [...record.others.values()];
      for (const [key, object] of record.others) {
        if (object.kind !== 'ResourceQuota') continue;
        const next = quotaStatus(object, pods, this.quotaUsage, objects);
        // CalculateUsage has no evaluator for an undiscovered resource: its count is left out of used.
        for (const name of Object.keys(next.used ?? {}))
          if (!this.controllerCounts(name)) delete next.used?.[name];
        // Defect quota-hard-update-ignored: status.hard stays what the first sync wrote.
        if (this.defects.has('quota-hard-update-ignored') && object.status?.hard)
          next.hard = object.status.hard;
        if (JSON.stringify(next) === JSON.stringify(object.status)) continue;
        record.others.set(key, {
          ...object,
          metadata: { ...object.metadata, resourceVersion: this.nextRv() },
          status: next,
        });
      }
    });
  }

  /** The namespace controller: deletes all content, pods gracefully; the namespace goes when empty. */
  private emptyNamespace(namespace: string): void {
    const record = this.namespaces.get(namespace);
    if (!record) return;
    for (const [key, object] of record.others) {
      record.others.delete(key);
      if (object.kind === 'Service') {
        for (const [name, slice] of record.slices) {
          record.slices.delete(name);
          this.sliceHub.publish(namespace, 'DELETED', slice, Number(this.nextRv()));
        }
      }
    }
    for (const podRecord of [...record.pods.values()]) {
      if (!podRecord.pod.metadata?.deletionTimestamp) this.deletePodRecord(namespace, podRecord);
    }
    this.finishNamespaceIfEmpty(namespace);
  }

  private finishNamespaceIfEmpty(namespace: string): void {
    const record = this.namespaces.get(namespace);
    if (!record?.namespace.metadata?.deletionTimestamp || record.pods.size > 0 || record.others.size > 0)
      return;
    if (this.namespaceDeletion.mode === 'stuck') return;
    record.quotaSync?.();
    this.namespaces.delete(namespace);
    this.podHub.forget(namespace);
    this.eventHub.forget(namespace);
    this.sliceHub.forget(namespace);
    this.auditLog.forget(namespace);
  }

  private makeKubeletContext(): KubeletContext {
    const podRecord = (namespace: string, name: string): PodRecord | undefined =>
      this.namespaces.get(namespace)?.pods.get(name);
    let eventSeq = 0;
    return {
      clock: this.clock,
      serverVersion: () => ({ ...this.version }),
      nodes: () => this.nodes.map((n) => deepCopy(n)),
      setPodStatus: (namespace: string, name: string, next: V1PodStatus) => {
        const record = podRecord(namespace, name);
        if (!record) return;
        this.updatePod(namespace, record, (pod) => {
          pod.status = deepCopy(next);
        });
        this.logs.statusChanged(namespace, record.pod);
      },
      bindPod: (namespace: string, name: string, node: string) => {
        const record = podRecord(namespace, name);
        if (!record) return;
        this.updatePod(namespace, record, (pod) => {
          pod.spec = { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: node };
        });
      },
      emitEvent: (namespace: string, event: CoreV1Event) => {
        const record = this.namespaces.get(namespace);
        if (!record) return;
        eventSeq += 1;
        const at = apiTime(this.clock.now());
        const stored: CoreV1Event = {
          ...deepCopy(event),
          metadata: {
            ...event.metadata,
            name: event.metadata?.name ?? `${event.involvedObject.name ?? 'object'}.${eventSeq.toString(16)}`,
            namespace,
            uid: this.uid(),
            resourceVersion: this.nextRv(),
            creationTimestamp: at,
          },
          count: event.count ?? 1,
          firstTimestamp: event.firstTimestamp ?? at,
          lastTimestamp: event.lastTimestamp ?? at,
        };
        record.events.set(stored.metadata.name ?? '', stored);
        this.eventHub.publish(namespace, 'ADDED', deepCopy(stored), this.rv);
      },
      appendLog: (namespace: string, pod: string, container: string, runtimeTime: number, text: string) => {
        if (podRecord(namespace, pod)) this.logs.append(namespace, pod, container, runtimeTime, text);
      },
      podTerminated: (namespace: string, name: string) => {
        const record = podRecord(namespace, name);
        if (!record?.pod.metadata?.deletionTimestamp) return;
        record.terminated = true;
        // The kubelet's final delete has grace 0: a finalizer keeps the object, with period 0.
        if (record.pod.metadata.deletionGracePeriodSeconds !== 0) {
          this.updatePod(namespace, record, (pod) => {
            pod.metadata = { ...pod.metadata, deletionGracePeriodSeconds: 0 };
          });
        }
        this.removeIfReleased(namespace, record);
      },
      readPod: (namespace: string, name: string) => {
        const record = podRecord(namespace, name);
        return record ? deepCopy(record.pod) : undefined;
      },
      networkPolicies: () => this.programmedPolicies(),
      namespace: (name: string) => {
        const record = this.namespaces.get(name);
        return record ? deepCopy(record.namespace) : undefined;
      },
    };
  }
}
