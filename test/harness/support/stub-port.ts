import type {
  V1CustomResourceDefinition,
  V1Namespace,
  V1Node,
  V1Pod,
  V1PriorityClass,
} from '@kubernetes/client-node';
import { ClusterError } from '../../../harness/cluster-error';
import type { ClusterPort, CreateResult, ListResult, ManagedObject } from '../../../harness/cluster-port';
import type { ServerVersion } from '../../../model/capabilities';

const unused = (method: string) => (): never => {
  throw new Error(`StubPort.${method} is not used by this test`);
};

/**
 * An in-memory ClusterPort with just enough state for sweep, capabilities and permission tests:
 * namespaces (deleted after `deleteAfterReads` reads, like a namespace finishing termination),
 * pods with finalizers, nodes with capacity, labelled PriorityClasses and CustomResourceDefinitions.
 * Every call is recorded.
 */
export class StubPort implements ClusterPort {
  readonly calls: string[] = [];
  version: ServerVersion = { major: 1, minor: 34, gitVersion: 'v1.34.1' };
  nodes: V1Node[] = [];
  namespaces = new Map<string, V1Namespace>();
  priorityClasses = new Map<string, V1PriorityClass>();
  crds = new Map<string, V1CustomResourceDefinition>();
  pods = new Map<string, V1Pod[]>();
  /** Reads of a deleted namespace that still see it (Terminating) before it is gone. */
  deleteAfterReads = 1;
  /** Never finishes deleting (a finalizer nobody removes). */
  stuck = new Set<string>();
  permissions = new Set<string>();
  dryRun: ((namespace: string, object: ManagedObject) => Promise<CreateResult>) | undefined;
  private readonly terminating = new Map<string, number>();

  get dryRunCreate(): ((namespace: string, object: ManagedObject) => Promise<CreateResult>) | undefined {
    return this.dryRun;
  }

  addNamespace(name: string, labels: Record<string, string>, pods: V1Pod[] = []): void {
    this.namespaces.set(name, { metadata: { name, labels } });
    this.pods.set(name, pods);
  }

  addPriorityClass(name: string, labels: Record<string, string>): void {
    this.priorityClasses.set(name, { metadata: { name, labels }, value: 10 });
  }

  addCustomResourceDefinition(name: string, labels: Record<string, string>): void {
    const [plural, ...group] = name.split('.');
    this.crds.set(name, {
      metadata: { name, labels },
      spec: {
        group: group.join('.'),
        names: { plural, kind: plural },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true }],
      },
    });
  }

  async serverVersion(): Promise<ServerVersion> {
    this.calls.push('serverVersion');
    return this.version;
  }

  async listNodes(): Promise<V1Node[]> {
    this.calls.push('listNodes');
    return this.nodes;
  }

  async patchNodeCapacity(node: string, resource: string, count: number | null): Promise<void> {
    this.calls.push(`patchNodeCapacity ${node} ${resource} ${count}`);
    const target = this.nodes.find((entry) => entry.metadata?.name === node);
    if (!target) throw new ClusterError('notFound', `node ${node}`, 404);
    const capacity = { ...(target.status?.capacity ?? {}) };
    if (count === null) delete capacity[resource];
    else capacity[resource] = String(count);
    target.status = { ...target.status, capacity };
  }

  async listNamespaces(labelSelector: string): Promise<V1Namespace[]> {
    this.calls.push(`listNamespaces ${labelSelector}`);
    return selected([...this.namespaces.values()], labelSelector);
  }

  async listPriorityClasses(labelSelector: string): Promise<V1PriorityClass[]> {
    this.calls.push(`listPriorityClasses ${labelSelector}`);
    return selected([...this.priorityClasses.values()], labelSelector);
  }

  async deletePriorityClass(name: string): Promise<void> {
    this.calls.push(`deletePriorityClass ${name}`);
    this.priorityClasses.delete(name);
  }

  async listCustomResourceDefinitions(labelSelector: string): Promise<V1CustomResourceDefinition[]> {
    this.calls.push(`listCustomResourceDefinitions ${labelSelector}`);
    return selected([...this.crds.values()], labelSelector);
  }

  async deleteCustomResourceDefinition(name: string): Promise<void> {
    this.calls.push(`deleteCustomResourceDefinition ${name}`);
    this.crds.delete(name);
  }

  async deleteNamespace(name: string): Promise<void> {
    this.calls.push(`deleteNamespace ${name}`);
    if (this.namespaces.has(name) && !this.terminating.has(name))
      this.terminating.set(name, this.deleteAfterReads);
  }

  async readNamespace(name: string): Promise<V1Namespace | undefined> {
    this.calls.push(`readNamespace ${name}`);
    const left = this.terminating.get(name);
    if (left !== undefined && !this.stuck.has(name)) {
      if (left <= 0) {
        this.namespaces.delete(name);
        this.terminating.delete(name);
      } else {
        this.terminating.set(name, left - 1);
      }
    }
    return this.namespaces.get(name);
  }

  async listPods(namespace: string): Promise<ListResult<V1Pod>> {
    this.calls.push(`listPods ${namespace}`);
    return { items: this.pods.get(namespace) ?? [], resourceVersion: '1' };
  }

  async releasePod(namespace: string, name: string): Promise<void> {
    this.calls.push(`releasePod ${namespace}/${name}`);
  }

  async canI(
    verb: string,
    group: string,
    resource: string,
    _namespace?: string,
    subresource?: string,
  ): Promise<boolean> {
    const key = `${verb} ${resource}${subresource ? `/${subresource}` : ''}${group ? `.${group}` : ''}`;
    this.calls.push(`canI ${key}`);
    return this.permissions.has(key);
  }

  createNamespace = unused('createNamespace');
  create = unused('create');
  deletePod = unused('deletePod');
  readPod = unused('readPod');
  readResourceQuota = unused('readResourceQuota');
  deleteObject = unused('deleteObject');
  updateResourceQuota = unused('updateResourceQuota');
  patchResourceQuota = unused('patchResourceQuota');
  patchResourceQuotaStatus = unused('patchResourceQuotaStatus');
  listResourceQuotas = unused('listResourceQuotas');
  updateResourceQuotaStatus = unused('updateResourceQuotaStatus');
  deleteResourceQuotas = unused('deleteResourceQuotas');
  createPriorityClass = unused('createPriorityClass');
  listObjectNames = unused('listObjectNames');
  readCustomResourceDefinition = unused('readCustomResourceDefinition');
  deleteCustomObject = unused('deleteCustomObject');
  listCustomObjectNames = unused('listCustomObjectNames');
  listLimitRanges = unused('listLimitRanges');
  patchLimitRange = unused('patchLimitRange');
  deleteLimitRangeCollection = unused('deleteLimitRangeCollection');
  watchPods = unused('watchPods');
  watchEvents = unused('watchEvents');
  listEvents = unused('listEvents');
  watchEndpointSlices = unused('watchEndpointSlices');
  streamLogs = unused('streamLogs');
  readLogs = unused('readLogs');
  exec = unused('exec');
}

/** The objects whose labels have every key=value of an equality selector ("a=b,c=d"). */
function selected<T extends { metadata?: { labels?: Record<string, string> } }>(
  objects: T[],
  labelSelector: string,
): T[] {
  const wanted = labelSelector.split(',').map((term) => term.split('='));
  return objects.filter((object) => wanted.every(([key, value]) => object.metadata?.labels?.[key] === value));
}
