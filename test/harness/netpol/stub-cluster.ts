import type { V1Namespace, V1Pod } from '@kubernetes/client-node';
import type { Clock } from '../../../harness/clock';
import { ClusterError } from '../../../harness/cluster-error';
import type { ClusterPort, CreateResult, ManagedObject } from '../../../harness/cluster-port';

/** A virtual clock: sleeping advances time at once, so waits of seconds take no real time. */
export class VirtualClock implements Clock {
  constructor(public t = 1_000_000) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.t += ms;
    await Promise.resolve();
  }
}

export type ExecHandler = (
  namespace: string,
  pod: string,
  container: string,
  command: string[],
) => Promise<{ exitCode: number; output: string }>;

function unsupported(name: string): never {
  throw new Error(`stub cluster: ${name} is not part of this test`);
}

/**
 * A hand-written ClusterPort for the NetworkPolicy harness: exec is delegated to the test; the
 * canary's namespace, create and readPod calls are recorded. Everything else is refused.
 */
export class StubCluster implements ClusterPort {
  readonly created: { namespace: string; object: ManagedObject }[] = [];
  readonly namespacesCreated: V1Namespace[] = [];
  readonly namespacesDeleted: string[] = [];
  /** readPod answers: by "namespace/name"; a pod becomes Running with this IP. */
  readonly podIps = new Map<string, string>();

  constructor(private readonly execHandler: ExecHandler) {}

  exec: ClusterPort['exec'] = (namespace, pod, container, command) =>
    this.execHandler(namespace, pod, container, command);

  async createNamespace(namespace: V1Namespace): Promise<V1Namespace> {
    this.namespacesCreated.push(namespace);
    return namespace;
  }
  async deleteNamespace(name: string): Promise<void> {
    this.namespacesDeleted.push(name);
  }
  async create(namespace: string, object: ManagedObject): Promise<CreateResult> {
    this.created.push({ namespace, object });
    return { ok: true, object, warnings: [] };
  }
  async readPod(namespace: string, name: string): Promise<V1Pod | undefined> {
    const ip = this.podIps.get(`${namespace}/${name}`);
    const made = this.created.some((c) => c.namespace === namespace && c.object.metadata?.name === name);
    if (!made) throw new ClusterError('notFound', `pod ${namespace}/${name} not found`, 404);
    return {
      metadata: { name, namespace },
      status: ip ? { phase: 'Running', podIP: ip } : { phase: 'Pending' },
    };
  }

  serverVersion = (): never => unsupported('serverVersion');
  listNodes = (): never => unsupported('listNodes');
  patchNodeCapacity = (): never => unsupported('patchNodeCapacity');
  readNamespace = (): never => unsupported('readNamespace');
  listNamespaces = (): never => unsupported('listNamespaces');
  deletePod = (): never => unsupported('deletePod');
  releasePod = (): never => unsupported('releasePod');
  listPods = (): never => unsupported('listPods');
  readResourceQuota = (): never => unsupported('readResourceQuota');
  deleteObject = (): never => unsupported('deleteObject');
  updateResourceQuota = (): never => unsupported('updateResourceQuota');
  patchResourceQuota = (): never => unsupported('patchResourceQuota');
  patchResourceQuotaStatus = (): never => unsupported('patchResourceQuotaStatus');
  listResourceQuotas = (): never => unsupported('listResourceQuotas');
  updateResourceQuotaStatus = (): never => unsupported('updateResourceQuotaStatus');
  deleteResourceQuotas = (): never => unsupported('deleteResourceQuotas');
  createPriorityClass = (): never => unsupported('createPriorityClass');
  deletePriorityClass = (): never => unsupported('deletePriorityClass');
  listObjectNames = (): never => unsupported('listObjectNames');
  listPriorityClasses = (): never => unsupported('listPriorityClasses');
  readCustomResourceDefinition = (): never => unsupported('readCustomResourceDefinition');
  deleteCustomResourceDefinition = (): never => unsupported('deleteCustomResourceDefinition');
  listCustomResourceDefinitions = (): never => unsupported('listCustomResourceDefinitions');
  deleteCustomObject = (): never => unsupported('deleteCustomObject');
  listCustomObjectNames = (): never => unsupported('listCustomObjectNames');
  listLimitRanges = (): never => unsupported('listLimitRanges');
  patchLimitRange = (): never => unsupported('patchLimitRange');
  deleteLimitRangeCollection = (): never => unsupported('deleteLimitRangeCollection');
  watchPods = (): never => unsupported('watchPods');
  watchEvents = (): never => unsupported('watchEvents');
  listEvents = (): never => unsupported('listEvents');
  watchEndpointSlices = (): never => unsupported('watchEndpointSlices');
  streamLogs = (): never => unsupported('streamLogs');
  readLogs = (): never => unsupported('readLogs');
  canI = (): never => unsupported('canI');
}

/** What a probe command asks: TCP `nc -z -w 1 IP PORT` or UDP `sh -c 'echo ping | nc -u -w 1 IP PORT'`. */
export function parseProbe(command: string[]): {
  ip: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
} {
  if (command[0] === 'nc') return { ip: command[4], port: Number(command[5]), protocol: 'TCP' };
  if (command[0] === '/agnhost') {
    const [ip, port] = command[2].split(':');
    return { ip, port: Number(port), protocol: 'SCTP' };
  }
  const words = command[2].split(' ');
  return { ip: words[words.length - 2], port: Number(words[words.length - 1]), protocol: 'UDP' };
}
