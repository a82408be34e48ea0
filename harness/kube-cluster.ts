import http from 'node:http';
import https from 'node:https';
import { Writable } from 'node:stream';
import {
  ApiException,
  ApiextensionsV1Api,
  AppsV1Api,
  AuthorizationV1Api,
  SchedulingV1Api,
  CoreV1Api,
  CustomObjectsApi,
  Exec,
  type HttpInfo,
  type KubeConfig,
  NetworkingV1Api,
  PatchStrategy,
  VersionApi,
  Watch,
  setHeaderOptions,
  type CoreV1Event,
  type V1CustomResourceDefinition,
  type V1EndpointSlice,
  type V1LimitRange,
  type V1Namespace,
  type V1NetworkPolicy,
  type V1Node,
  type V1ObjectMeta,
  type V1Pod,
  type V1PriorityClass,
  type V1ResourceQuota,
  type V1Status,
} from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { parseServerVersion, type ServerVersion } from '../model/capabilities';
import { KEEP_FINALIZER } from '../model/labels';
import type { AuditLogReader } from './audit-log';
import { ClusterError } from './cluster-error';
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
} from './cluster-port';
import { isRbacDenial, statusFromBody, toClusterError } from './kube-cluster-errors';
import { warningsFromHeaders } from './kube-cluster-warnings';
import { parseRfc3339Nano } from './observe/time';

const JSON_PATCH = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);
const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const STRATEGIC_MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

/** Escapes one JSON Pointer segment (RFC 6901): "example.com/dongle" → "example.com~1dongle". */
export function jsonPointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

type JsonPatchOperation =
  { op: 'add' | 'replace' | 'test'; path: string; value: unknown } | { op: 'remove'; path: string };

/** Splits a log line "2024-05-01T10:00:00.123456789Z text" into its runtime timestamp and text. */
export function parseTimestampedLogLine(line: string): LogLine | undefined {
  const space = line.indexOf(' ');
  const stamp = space < 0 ? line : line.slice(0, space);
  const runtimeTime = parseRfc3339Nano(stamp);
  if (runtimeTime === undefined) return undefined;
  return { runtimeTime, text: space < 0 ? '' : line.slice(space + 1) };
}

/**
 * ClusterPort over @kubernetes/client-node 2. Every failure surfaces as a ClusterError; admission
 * rejections of create() are results (with the API's Status), because they are what the
 * properties observe.
 */
/**
 * A write the API server answered with a refusal that is the observation (an admission denial, or one of
 * `answers`, e.g. validation's 422): its Status and warnings. Anything else is an error of the call.
 */
function refusal(error: unknown, what: string, answers: readonly number[]): CreateResult {
  if (!(error instanceof ApiException)) throw toClusterError(error, what);
  const code = Number(error.code);
  const body = statusFromBody(error.body, code);
  const admissionDenial = code === 403 && !isRbacDenial(body);
  if (admissionDenial || answers.includes(code))
    return { ok: false, status: code, body, warnings: warningsFromHeaders(error.headers) };
  throw toClusterError(error, what);
}

export class KubeCluster implements ClusterPort {
  private readonly core: CoreV1Api;
  private readonly networking: NetworkingV1Api;
  private readonly apps: AppsV1Api;
  private readonly scheduling: SchedulingV1Api;
  private readonly apiextensions: ApiextensionsV1Api;
  private readonly customObjects: CustomObjectsApi;
  private readonly authorization: AuthorizationV1Api;
  private readonly version: VersionApi;
  /** Present only with an audit log reader (kind clusters): ClusterPort's optional capability. */
  readonly auditEvents?: (namespace: string, sinceMs: number) => Promise<AuditLogRead>;

  constructor(
    readonly kubeConfig: KubeConfig,
    options: { auditLog?: AuditLogReader } = {},
  ) {
    const auditLog = options.auditLog;
    if (auditLog) this.auditEvents = (namespace, sinceMs) => auditLog.read(namespace, sinceMs);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.networking = kubeConfig.makeApiClient(NetworkingV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.scheduling = kubeConfig.makeApiClient(SchedulingV1Api);
    this.apiextensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.authorization = kubeConfig.makeApiClient(AuthorizationV1Api);
    this.version = kubeConfig.makeApiClient(VersionApi);
  }

  /** The API server URL of the current context (identifies the cluster in local records). */
  get server(): string {
    return this.kubeConfig.getCurrentCluster()?.server ?? '';
  }

  async serverVersion(): Promise<ServerVersion> {
    const info = await this.call('read server version', () => this.version.getCode());
    return parseServerVersion(info.gitVersion);
  }

  async listNodes(): Promise<V1Node[]> {
    return (await this.call('list nodes', () => this.core.listNode())).items;
  }

  async patchNodeCapacity(node: string, resource: string, count: number | null): Promise<void> {
    const path = `/status/capacity/${jsonPointerSegment(resource)}`;
    const operations: JsonPatchOperation[] =
      count === null ? [{ op: 'remove', path }] : [{ op: 'add', path, value: String(count) }];
    try {
      await this.call(`patch capacity of node ${node}`, () =>
        this.core.patchNodeStatus({ name: node, body: operations }, JSON_PATCH),
      );
    } catch (error) {
      // Removing a capacity that is not there fails the JSON patch (422); the goal state holds.
      if (count === null && error instanceof ClusterError && error.kind === 'invalid') return;
      throw error;
    }
  }

  async createNamespace(namespace: V1Namespace): Promise<V1Namespace> {
    const name = namespace.metadata?.name ?? '';
    return this.call(`create namespace ${name}`, () => this.core.createNamespace({ body: namespace }));
  }

  async deleteNamespace(name: string): Promise<void> {
    try {
      await this.call(`delete namespace ${name}`, () => this.core.deleteNamespace({ name }));
    } catch (error) {
      // Already gone, or already terminating (the registry answers 409 while content is removed).
      if (error instanceof ClusterError && (error.kind === 'notFound' || error.kind === 'conflict')) return;
      throw error;
    }
  }

  async readNamespace(name: string): Promise<V1Namespace | undefined> {
    return this.readOrUndefined(`read namespace ${name}`, () => this.core.readNamespace({ name }));
  }

  async listNamespaces(labelSelector: string): Promise<V1Namespace[]> {
    return (await this.call('list namespaces', () => this.core.listNamespace({ labelSelector }))).items;
  }

  create(namespace: string, object: ManagedObject): Promise<CreateResult> {
    return this.createObject(namespace, object, undefined);
  }

  /** Server-side validation and admission without persisting anything (dryRun=All). */
  dryRunCreate(namespace: string, object: ManagedObject): Promise<CreateResult> {
    return this.createObject(namespace, object, 'All');
  }

  async deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<void> {
    await this.call(`delete pod ${namespace}/${name}`, () =>
      this.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds }),
    );
  }

  async replacePod(namespace: string, pod: V1Pod): Promise<CreateResult> {
    const name = pod.metadata?.name ?? '';
    const what = `update pod ${namespace}/${name}`;
    try {
      const body = { ...pod, apiVersion: 'v1', kind: 'Pod' };
      const info = await this.core.replaceNamespacedPodWithHttpInfo({ name, namespace, body });
      return {
        ok: true,
        object: { ...info.data, kind: 'Pod' },
        warnings: warningsFromHeaders(info.headers),
      };
    } catch (error) {
      return refusal(error, what, [404, 422]);
    }
  }

  async releasePod(namespace: string, name: string): Promise<void> {
    const pod = await this.readPod(namespace, name);
    const index = pod?.metadata?.finalizers?.indexOf(KEEP_FINALIZER) ?? -1;
    if (index < 0) return;
    const path = `/metadata/finalizers/${index}`;
    // "test" makes the removal fail instead of removing another finalizer if the list changed.
    const operations: JsonPatchOperation[] = [
      { op: 'test', path, value: KEEP_FINALIZER },
      { op: 'remove', path },
    ];
    try {
      await this.call(`release pod ${namespace}/${name}`, () =>
        this.core.patchNamespacedPod({ name, namespace, body: operations }, JSON_PATCH),
      );
    } catch (error) {
      if (error instanceof ClusterError && error.kind === 'notFound') return;
      if (error instanceof ClusterError && error.kind === 'invalid') {
        throw new ClusterError('conflict', `release pod ${namespace}/${name}: finalizers changed`, 409);
      }
      throw error;
    }
  }

  async readPod(namespace: string, name: string): Promise<V1Pod | undefined> {
    return this.readOrUndefined(`read pod ${namespace}/${name}`, () =>
      this.core.readNamespacedPod({ name, namespace }),
    );
  }

  async listPods(namespace: string): Promise<ListResult<V1Pod>> {
    const list = await this.call(`list pods in ${namespace}`, () =>
      this.core.listNamespacedPod({ namespace }),
    );
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  async readResourceQuota(namespace: string, name: string): Promise<V1ResourceQuota | undefined> {
    return this.readOrUndefined(`read resource quota ${namespace}/${name}`, () =>
      this.core.readNamespacedResourceQuota({ name, namespace }),
    );
  }

  async updateResourceQuota(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    const what = `update resource quota ${namespace}/${name}`;
    const current = await this.call(what, () => this.core.readNamespacedResourceQuota({ name, namespace }));
    // A PUT of what was read, hard replaced: a concurrent writer makes it a 409 conflict, retried by the caller.
    const body: V1ResourceQuota = { ...current, spec: { ...current.spec, hard } };
    return this.call(what, () => this.core.replaceNamespacedResourceQuota({ name, namespace, body }));
  }

  async patchResourceQuota(
    namespace: string,
    name: string,
    patch: { labels: Record<string, string>; hard: Record<string, string> },
  ): Promise<V1ResourceQuota> {
    const body = { metadata: { labels: patch.labels }, spec: { hard: patch.hard } };
    return this.call(`patch resource quota ${namespace}/${name}`, () =>
      this.core.patchNamespacedResourceQuota({ name, namespace, body }, MERGE_PATCH),
    );
  }

  async patchResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    const body = { status: { hard } };
    return this.call(`patch resource quota status ${namespace}/${name}`, () =>
      this.core.patchNamespacedResourceQuotaStatus({ name, namespace, body }, MERGE_PATCH),
    );
  }

  async updateResourceQuotaStatus(
    namespace: string,
    name: string,
    hard: Record<string, string>,
  ): Promise<V1ResourceQuota> {
    const what = `update resource quota status ${namespace}/${name}`;
    const current = await this.call(what, () => this.core.readNamespacedResourceQuota({ name, namespace }));
    const body: V1ResourceQuota = { ...current, status: { ...current.status, hard } };
    return this.call(what, () => this.core.replaceNamespacedResourceQuotaStatus({ name, namespace, body }));
  }

  async deleteResourceQuotas(namespace: string, labelSelector: string): Promise<void> {
    await this.call(`delete resource quotas in ${namespace} by ${labelSelector}`, () =>
      this.core.deleteCollectionNamespacedResourceQuota({ namespace, labelSelector }),
    );
  }

  async createPriorityClass(priorityClass: V1PriorityClass): Promise<void> {
    const name = priorityClass.metadata?.name ?? '';
    await this.call(`create priority class ${name}`, () =>
      this.scheduling.createPriorityClass({ body: priorityClass }),
    );
  }

  async deletePriorityClass(name: string): Promise<void> {
    try {
      await this.call(`delete priority class ${name}`, () => this.scheduling.deletePriorityClass({ name }));
    } catch (error) {
      if (error instanceof ClusterError && error.kind === 'notFound') return;
      throw error;
    }
  }

  async listPriorityClasses(labelSelector: string): Promise<V1PriorityClass[]> {
    const list = await this.call(`list priority classes by ${labelSelector}`, () =>
      this.scheduling.listPriorityClass({ labelSelector }),
    );
    return list.items;
  }

  async readCustomResourceDefinition(name: string): Promise<V1CustomResourceDefinition | undefined> {
    return this.readOrUndefined(`read custom resource definition ${name}`, () =>
      this.apiextensions.readCustomResourceDefinition({ name }),
    );
  }

  async deleteCustomResourceDefinition(name: string): Promise<void> {
    try {
      await this.call(`delete custom resource definition ${name}`, () =>
        this.apiextensions.deleteCustomResourceDefinition({ name }),
      );
    } catch (error) {
      if (error instanceof ClusterError && error.kind === 'notFound') return;
      throw error;
    }
  }

  async listCustomResourceDefinitions(labelSelector: string): Promise<V1CustomResourceDefinition[]> {
    const list = await this.call(`list custom resource definitions by ${labelSelector}`, () =>
      this.apiextensions.listCustomResourceDefinition({ labelSelector }),
    );
    return list.items;
  }

  async deleteCustomObject(namespace: string, type: CustomResourceType, name: string): Promise<void> {
    const { group, version, plural } = type;
    await this.call(`delete ${plural}.${group} ${namespace}/${name}`, (): Promise<unknown> =>
      this.customObjects.deleteNamespacedCustomObject({ group, version, namespace, plural, name }),
    );
  }

  async listCustomObjectNames(namespace: string, type: CustomResourceType): Promise<string[]> {
    const { group, version, plural } = type;
    const list = (await this.call(`list ${plural}.${group} in ${namespace}`, (): Promise<unknown> =>
      this.customObjects.listNamespacedCustomObject({ group, version, namespace, plural }),
    )) as { items?: { metadata?: { name?: string } }[] };
    return (list.items ?? []).map((item) => item.metadata?.name ?? '');
  }

  async listResourceQuotas(labelSelector: string): Promise<V1ResourceQuota[]> {
    const list = await this.call(`list resource quotas by ${labelSelector}`, () =>
      this.core.listResourceQuotaForAllNamespaces({ labelSelector }),
    );
    return list.items;
  }

  async deleteObject(namespace: string, kind: CountedKind, name: string): Promise<void> {
    const request = { name, namespace };
    await this.call(`delete ${kind} ${namespace}/${name}`, async (): Promise<unknown> => {
      switch (kind) {
        case 'Service':
          return this.core.deleteNamespacedService(request);
        case 'Secret':
          return this.core.deleteNamespacedSecret(request);
        case 'ConfigMap':
          return this.core.deleteNamespacedConfigMap(request);
        case 'ReplicationController':
          return this.core.deleteNamespacedReplicationController(request);
        case 'ReplicaSet':
          return this.apps.deleteNamespacedReplicaSet(request);
        case 'PersistentVolumeClaim':
          return this.core.deleteNamespacedPersistentVolumeClaim(request);
        case 'ResourceQuota':
          return this.core.deleteNamespacedResourceQuota(request);
      }
    });
  }

  async listObjectNames(namespace: string, kind: CountedKind): Promise<string[]> {
    const request = { namespace };
    const list = await this.call(
      `list ${kind} in ${namespace}`,
      async (): Promise<{ items: { metadata?: { name?: string } }[] }> => {
        switch (kind) {
          case 'Service':
            return this.core.listNamespacedService(request);
          case 'Secret':
            return this.core.listNamespacedSecret(request);
          case 'ConfigMap':
            return this.core.listNamespacedConfigMap(request);
          case 'ReplicationController':
            return this.core.listNamespacedReplicationController(request);
          case 'ReplicaSet':
            return this.apps.listNamespacedReplicaSet(request);
          case 'PersistentVolumeClaim':
            return this.core.listNamespacedPersistentVolumeClaim(request);
          case 'ResourceQuota':
            return this.core.listNamespacedResourceQuota(request);
        }
      },
    );
    return list.items.map((item) => item.metadata?.name ?? '');
  }

  async listLimitRanges(namespace: string | undefined, labelSelector: string): Promise<V1LimitRange[]> {
    const where = namespace ?? 'all namespaces';
    const list = await this.call(`list limit ranges in ${where} (${labelSelector})`, () =>
      namespace === undefined
        ? this.core.listLimitRangeForAllNamespaces({ labelSelector })
        : this.core.listNamespacedLimitRange({ namespace, labelSelector }),
    );
    return list.items;
  }

  async patchLimitRange(namespace: string, name: string, patch: V1LimitRange): Promise<V1LimitRange> {
    // The wire form (`default`, not `_default`), as create sends it.
    const body: unknown = ObjectSerializer.serialize(patch, 'V1LimitRange', '');
    return this.call(`patch limit range ${namespace}/${name}`, () =>
      this.core.patchNamespacedLimitRange({ name, namespace, body }, STRATEGIC_MERGE_PATCH),
    );
  }

  async deleteLimitRangeCollection(namespace: string, labelSelector: string): Promise<void> {
    await this.call(`delete limit ranges in ${namespace} (${labelSelector})`, () =>
      this.core.deleteCollectionNamespacedLimitRange({ namespace, labelSelector }),
    );
  }

  async replaceNetworkPolicy(namespace: string, policy: V1NetworkPolicy): Promise<void> {
    const name = policy.metadata?.name ?? '';
    const body = { ...policy, apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' };
    await this.call(`replace network policy ${namespace}/${name}`, () =>
      this.networking.replaceNamespacedNetworkPolicy({ name, namespace, body }),
    );
  }

  async deleteNetworkPolicy(namespace: string, name: string): Promise<void> {
    await this.call(`delete network policy ${namespace}/${name}`, () =>
      this.networking.deleteNamespacedNetworkPolicy({ name, namespace }),
    );
  }

  async addLabels(
    namespace: string | undefined,
    name: string,
    labels: Record<string, string>,
  ): Promise<void> {
    const body = { metadata: { labels } };
    await (namespace === undefined
      ? this.call(`label namespace ${name}`, () => this.core.patchNamespace({ name, body }, MERGE_PATCH))
      : this.call(`label pod ${namespace}/${name}`, () =>
          this.core.patchNamespacedPod({ name, namespace, body }, MERGE_PATCH),
        ));
  }

  watchPods(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, pod: V1Pod) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.watch(`/api/v1/namespaces/${namespace}/pods`, 'V1Pod', resourceVersion, onEvent, onEnd);
  }

  watchEvents(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, event: CoreV1Event) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.watch(
      `/api/v1/namespaces/${namespace}/events`,
      'CoreV1Event',
      resourceVersion,
      onEvent,
      onEnd,
    );
  }

  async listEvents(namespace: string): Promise<ListResult<CoreV1Event>> {
    const list = await this.call(`list events in ${namespace}`, () =>
      this.core.listNamespacedEvent({ namespace }),
    );
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  watchEndpointSlices(
    namespace: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, slice: V1EndpointSlice) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    return this.watch(
      `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`,
      'V1EndpointSlice',
      resourceVersion,
      onEvent,
      onEnd,
    );
  }

  /**
   * The same GET as client-node's Log.log, made here because Log.log pipes the body into the
   * writable and drops stream errors: a cut log stream would never end.
   */
  async streamLogs(
    namespace: string,
    pod: string,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd: (error?: Error) => void,
  ): Promise<WatchHandle> {
    const what = `stream log of ${namespace}/${pod}/${container}`;
    const url = new URL(`${this.server}/api/v1/namespaces/${namespace}/pods/${pod}/log`);
    url.searchParams.set('container', container);
    url.searchParams.set('follow', 'true');
    url.searchParams.set('timestamps', 'true');
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const controller = new AbortController();
    let ended = false;
    const end = (error?: Error): void => {
      if (ended) return;
      ended = true;
      onEnd(error);
    };
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        ...options,
        method: 'GET',
        signal: controller.signal,
      });
      request.on('response', resolve);
      request.on('error', (error) => reject(toClusterError(error, what)));
      request.end();
    });
    if (response.statusCode !== 200) {
      const body = await readBody(response);
      const code = response.statusCode ?? 500;
      throw toClusterError(new ApiException(code, what, body, {}), what);
    }
    const lines = new LineSplitter((line) => {
      const parsed = parseTimestampedLogLine(line);
      if (parsed) onLine(parsed);
    });
    response.on('data', (chunk: Buffer) => lines.push(chunk));
    response.on('end', () => {
      lines.flush();
      end();
    });
    response.on('error', (error) => end(controller.signal.aborted ? undefined : toClusterError(error, what)));
    response.on('close', () => {
      if (!response.complete && !controller.signal.aborted)
        end(new ClusterError('transient', `${what}: cut`));
    });
    return {
      stop: () => {
        controller.abort();
        end();
      },
    };
  }

  /** GET .../log without follow: the whole log of the instance, as kubectl logs [--previous] reads it. */
  async readLogs(namespace: string, pod: string, container: string, previous: boolean): Promise<LogLine[]> {
    const what = `read log of ${namespace}/${pod}/${container}${previous ? ' (previous)' : ''}`;
    const url = new URL(`${this.server}/api/v1/namespaces/${namespace}/pods/${pod}/log`);
    url.searchParams.set('container', container);
    url.searchParams.set('timestamps', 'true');
    if (previous) url.searchParams.set('previous', 'true');
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, { ...options, method: 'GET' });
      request.on('response', resolve);
      request.on('error', (error) => reject(toClusterError(error, what)));
      request.end();
    });
    const body = await readBody(response);
    if (response.statusCode !== 200) {
      throw toClusterError(new ApiException(response.statusCode ?? 500, what, body, {}), what);
    }
    return body.split('\n').flatMap((line) => {
      const parsed = parseTimestampedLogLine(line);
      return parsed ? [parsed] : [];
    });
  }

  async exec(
    namespace: string,
    pod: string,
    container: string,
    command: string[],
  ): Promise<{ exitCode: number; output: string }> {
    const what = `exec in ${namespace}/${pod}/${container}`;
    // stdout and stderr interleaved in arrival order; two writables because client-node ends both.
    const chunks: Buffer[] = [];
    const collector = (): Writable =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(Buffer.from(chunk));
          callback();
        },
      });
    let status: V1Status | undefined;
    let socket: Awaited<ReturnType<Exec['exec']>>;
    try {
      socket = await new Exec(this.kubeConfig).exec(
        namespace,
        pod,
        container,
        command,
        collector(),
        collector(),
        null,
        false,
        (received) => {
          status = received;
        },
      );
    } catch (error) {
      throw toClusterError(error, what);
    }
    await new Promise<void>((resolve, reject) => {
      // WebSocket.CLOSED: the command may have finished before the listener is attached.
      if (socket.readyState === 3) resolve();
      socket.on('close', () => resolve());
      socket.on('error', (error: Error) => reject(toClusterError(error, what)));
    });
    const output = Buffer.concat(chunks).toString('utf8');
    return { exitCode: exitCodeOf(status, what), output };
  }

  async canI(
    verb: string,
    group: string,
    resource: string,
    namespace?: string,
    subresource?: string,
  ): Promise<boolean> {
    const review = await this.call(`check permission ${verb} ${resource}`, () =>
      this.authorization.createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb, group, resource, namespace, subresource } },
        },
      }),
    );
    return review.status?.allowed === true;
  }

  private async createObject(
    namespace: string,
    object: ManagedObject,
    dryRun: 'All' | undefined,
  ): Promise<CreateResult> {
    const what = `create ${object.kind} ${namespace}/${object.metadata?.name ?? ''}`;
    try {
      const response = await this.send(namespace, object, dryRun);
      return { ok: true, object: response.object, warnings: warningsFromHeaders(response.headers) };
    } catch (error) {
      return refusal(error, what, [400, 422]);
    }
  }

  private async send(
    namespace: string,
    object: ManagedObject,
    dryRun: 'All' | undefined,
  ): Promise<{ object: ManagedObject; headers: Record<string, string> }> {
    const answer = <T>(info: HttpInfo<T>, wrap: (data: T) => ManagedObject) => ({
      object: wrap(info.data),
      headers: info.headers,
    });
    switch (object.kind) {
      case 'Pod': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedPodWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'Pod' }));
      }
      case 'ResourceQuota': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedResourceQuotaWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'ResourceQuota' }));
      }
      case 'LimitRange': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedLimitRangeWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'LimitRange' }));
      }
      case 'Service': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedServiceWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'Service' }));
      }
      case 'Secret': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedSecretWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'Secret' }));
      }
      case 'ConfigMap': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedConfigMapWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'ConfigMap' }));
      }
      case 'ReplicationController': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedReplicationControllerWithHttpInfo({
          namespace,
          body,
          dryRun,
        });
        return answer(info, (data) => ({ ...data, kind: 'ReplicationController' }));
      }
      case 'ReplicaSet': {
        const body = { ...object, apiVersion: 'apps/v1' };
        const info = await this.apps.createNamespacedReplicaSetWithHttpInfo({ namespace, body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'ReplicaSet' }));
      }
      case 'PersistentVolumeClaim': {
        const body = { ...object, apiVersion: 'v1' };
        const info = await this.core.createNamespacedPersistentVolumeClaimWithHttpInfo({
          namespace,
          body,
          dryRun,
        });
        return answer(info, (data) => ({ ...data, kind: 'PersistentVolumeClaim' }));
      }
      case 'NetworkPolicy': {
        const body = { ...object, apiVersion: 'networking.k8s.io/v1' };
        const info = await this.networking.createNamespacedNetworkPolicyWithHttpInfo({
          namespace,
          body,
          dryRun,
        });
        return answer(info, (data) => ({ ...data, kind: 'NetworkPolicy' }));
      }
      case 'CustomResourceDefinition': {
        // Cluster-scoped: the namespace plays no part.
        const body = { ...object, apiVersion: 'apiextensions.k8s.io/v1' };
        const info = await this.apiextensions.createCustomResourceDefinitionWithHttpInfo({ body, dryRun });
        return answer(info, (data) => ({ ...data, kind: 'CustomResourceDefinition' }));
      }
      case 'CustomResource': {
        const { type, metadata } = object;
        const { group, version, plural } = type;
        const body = { apiVersion: `${group}/${version}`, kind: type.kind, metadata };
        const info = await this.customObjects.createNamespacedCustomObjectWithHttpInfo({
          group,
          version,
          namespace,
          plural,
          body,
          dryRun,
        });
        const created = info.data as { apiVersion?: string; metadata?: V1ObjectMeta };
        return answer(info, () => ({
          kind: 'CustomResource',
          apiVersion: created.apiVersion,
          metadata: created.metadata,
          type,
        }));
      }
    }
  }

  private async watch<T>(
    path: string,
    type: string,
    resourceVersion: string,
    onEvent: (type: WatchEventType, object: T) => void,
    onEnd: (end: WatchEnd) => void,
  ): Promise<WatchHandle> {
    let stopped = false;
    let gone = false;
    let ended = false;
    const end = (result: WatchEnd): void => {
      if (ended) return;
      ended = true;
      onEnd(result);
    };
    const query: Record<string, string | boolean | undefined> = {
      resourceVersion: resourceVersion === '' ? undefined : resourceVersion,
    };
    const controller = await new Watch(this.kubeConfig).watch(
      path,
      query,
      (phase: string, raw: unknown) => {
        if (phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED') {
          onEvent(phase, ObjectSerializer.deserialize(raw, type, '') as T);
        } else if (phase === 'ERROR' && (raw as V1Status | undefined)?.code === 410) {
          // A too-old resourceVersion usually arrives as an ERROR event on a 200 stream.
          gone = true;
        }
      },
      (error: unknown) => {
        if (stopped) end({ reason: 'stopped' });
        else if (gone) end({ reason: 'gone' });
        else if (error === null || error === undefined) end({ reason: 'closed' });
        else {
          const mapped = toClusterError(error, `watch ${path}`);
          end(mapped.kind === 'gone' ? { reason: 'gone' } : { reason: 'closed', error: mapped });
        }
      },
    );
    return {
      stop: () => {
        stopped = true;
        controller.abort();
        end({ reason: 'stopped' });
      },
    };
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toClusterError(error, what);
    }
  }

  private async readOrUndefined<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.call(what, run);
    } catch (error) {
      if (error instanceof ClusterError && error.kind === 'notFound') return undefined;
      throw error;
    }
  }
}

/** The exec protocol ends with a Status: Success, or NonZeroExitCode with the code as a cause. */
function exitCodeOf(status: V1Status | undefined, what: string): number {
  if (status?.status === 'Success') return 0;
  const cause = status?.details?.causes?.find((entry) => entry.reason === 'ExitCode');
  if (status?.reason === 'NonZeroExitCode' && cause?.message !== undefined) return Number(cause.message);
  throw new ClusterError('invalid', `${what}: ${status?.message ?? 'no exit status received'}`, status?.code);
}

function readBody(response: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Cuts a byte stream into UTF-8 lines; a line split across chunks is joined. */
class LineSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.pending + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.replace(/\r$/, ''));
  }

  flush(): void {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    if (rest.length > 0) this.onLine(rest);
  }
}
