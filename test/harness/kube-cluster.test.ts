import type { ServerResponse } from 'node:http';
import type { V1Pod } from '@kubernetes/client-node';
import { ClusterError } from '../../harness/cluster-error';
import type { LogLine, ManagedObject, WatchEnd } from '../../harness/cluster-port';
import { systemClock } from '../../harness/clock';
import { KubeCluster, parseTimestampedLogLine } from '../../harness/kube-cluster';
import {
  describePermission,
  allRequiredPermissions,
  type Permission,
} from '../../harness/required-permissions';
import { withRetry } from '../../harness/retry';
import { KEEP_FINALIZER } from '../../model/labels';
import {
  FakeApiServer,
  WEBSOCKET_CLOSE,
  sendJson,
  sendStatus,
  webSocketFrame,
  type RecordedRequest,
} from './support/fake-api-server';
import { permissionsForRequest } from './support/request-permission';

// Messages as a v1.26 API server wrote them (test/fixtures/recordings/.../quota-admission and psa-*).
const QUOTA_MESSAGE =
  'pods "over" is forbidden: exceeded quota: q, requested: limits.cpu=10m, used: limits.cpu=200m, limited: limits.cpu=200m';
const PSA_MESSAGE =
  'pods "privileged" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)';
// The authorizer's message (apiserver endpoints/filters/authorization.go via responsewriters.Forbidden).
const RBAC_MESSAGE =
  'pods is forbidden: User "system:serviceaccount:ci:kubeprop" cannot create resource "pods" in API group "" in the namespace "kp-1"';

const pod = (name: string): ManagedObject => ({
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
});

let server: FakeApiServer;
let cluster: KubeCluster;
const allRequests: RecordedRequest[] = [];

beforeEach(async () => {
  server = await FakeApiServer.start();
  cluster = new KubeCluster(server.kubeConfig());
});

afterEach(async () => {
  allRequests.push(...server.requests);
  await server.close();
});

afterAll(() => {
  // Every request any test made needs only permissions the table (and so rbac.yaml) grants; a
  // resource "*" grants any resource of its group (kubeprop's custom resources).
  const granted = new Set(allRequiredPermissions().map(describePermission));
  const covered = (permission: Permission): boolean =>
    granted.has(describePermission(permission)) ||
    granted.has(describePermission({ verb: permission.verb, group: permission.group, resource: '*' }));
  const used = allRequests.flatMap(permissionsForRequest);
  expect(used.length).toBeGreaterThan(20);
  expect(used.filter((permission) => !covered(permission)).map(describePermission)).toEqual([]);
});

function chunked(response: ServerResponse, lines: string[]): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  for (const line of lines) response.write(line);
  response.end();
}

describe('KubeCluster requests and results', () => {
  test('reads the server version from /version with the bearer token', async () => {
    server.on('GET', /^\/version$/, (_request, response) =>
      sendJson(response, 200, { major: '1', minor: '34', gitVersion: 'v1.34.1', platform: 'linux/amd64' }),
    );
    await expect(cluster.serverVersion()).resolves.toEqual({ major: 1, minor: 34, gitVersion: 'v1.34.1' });
    expect(server.requests[0].headers.authorization).toBe('Bearer test-token');
  });

  test('create posts the pod to its namespace and returns it with the Warning headers', async () => {
    server.on('POST', /^\/api\/v1\/namespaces\/kp-1\/pods$/, (request, response) => {
      const created = {
        ...JSON.parse(request.body),
        metadata: { name: 'p', uid: 'u1', resourceVersion: '7' },
      };
      sendJson(response, 201, created, {
        Warning: [
          '299 - "would violate PodSecurity \\"restricted:latest\\": allowPrivilegeEscalation != false"',
          '299 - "a second warning, with a comma"',
        ],
      });
    });
    const result = await cluster.create('kp-1', pod('p'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.object.kind).toBe('Pod');
    expect(result.object.metadata?.uid).toBe('u1');
    expect(result.warnings).toEqual([
      'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false',
      'a second warning, with a comma',
    ]);
    const sent = JSON.parse(server.requests[0].body) as V1Pod;
    expect(sent.apiVersion).toBe('v1');
    expect(sent.kind).toBe('Pod');
    expect(server.requests[0].query.get('dryRun')).toBeNull();
  });

  test('dryRunCreate sends dryRun=All', async () => {
    server.on('POST', /\/pods$/, (request, response) => sendJson(response, 201, JSON.parse(request.body)));
    const result = await cluster.dryRunCreate('default', pod('probe'));
    expect(result.ok).toBe(true);
    expect(server.requests[0].query.get('dryRun')).toBe('All');
  });

  test('a quota rejection (403 Forbidden) is a result with the Status', async () => {
    server.on('POST', /\/pods$/, (_request, response) =>
      sendStatus(response, 403, 'Forbidden', QUOTA_MESSAGE),
    );
    const result = await cluster.create('kp-1', pod('over'));
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      body: { reason: 'Forbidden', message: QUOTA_MESSAGE },
    });
  });

  test('a PodSecurity rejection keeps the Warning headers of the rejected request', async () => {
    server.on('POST', /\/pods$/, (_request, response) =>
      sendStatus(response, 403, 'Forbidden', PSA_MESSAGE, { Warning: '299 - "would violate restricted"' }),
    );
    const result = await cluster.create('kp-1', pod('privileged'));
    expect(result).toMatchObject({ ok: false, status: 403, warnings: ['would violate restricted'] });
  });

  test('a 422 Invalid is a result', async () => {
    const message = 'Pod "unequal" is invalid: spec.containers[0].resources.requests: Invalid value: "1"';
    server.on('POST', /\/pods$/, (_request, response) => sendStatus(response, 422, 'Invalid', message));
    await expect(cluster.create('kp-1', pod('unequal'))).resolves.toMatchObject({ ok: false, status: 422 });
  });

  test('an RBAC 403 on create is thrown as forbidden, not returned as a rejection', async () => {
    server.on('POST', /\/pods$/, (_request, response) =>
      sendStatus(response, 403, 'Forbidden', RBAC_MESSAGE),
    );
    await expect(cluster.create('kp-1', pod('p'))).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
  });

  test('409 AlreadyExists on create is thrown as alreadyExists', async () => {
    server.on('POST', /\/pods$/, (_request, response) =>
      sendStatus(response, 409, 'AlreadyExists', 'pods "p" already exists'),
    );
    await expect(cluster.create('kp-1', pod('p'))).rejects.toMatchObject({ kind: 'alreadyExists' });
  });

  test.each([
    ['ResourceQuota', '/api/v1/namespaces/kp-1/resourcequotas', 'v1'],
    ['LimitRange', '/api/v1/namespaces/kp-1/limitranges', 'v1'],
    ['Service', '/api/v1/namespaces/kp-1/services', 'v1'],
    ['NetworkPolicy', '/apis/networking.k8s.io/v1/namespaces/kp-1/networkpolicies', 'networking.k8s.io/v1'],
  ] as const)('create %s posts to %s', async (kind, path, apiVersion) => {
    server.on('POST', /.*/, (request, response) => sendJson(response, 201, JSON.parse(request.body)));
    const result = await cluster.create('kp-1', { kind, metadata: { name: 'x' } } as ManagedObject);
    expect(result).toMatchObject({ ok: true, object: { kind } });
    expect(server.requests[0].path).toBe(path);
    expect(JSON.parse(server.requests[0].body)).toMatchObject({ apiVersion, kind });
  });

  test('429 then 200 succeeds through withRetry', async () => {
    let calls = 0;
    server.on('GET', /\/pods\/p$/, (_request, response) => {
      calls += 1;
      if (calls === 1) sendStatus(response, 429, 'TooManyRequests', 'slow down', { 'Retry-After': '1' });
      else sendJson(response, 200, { metadata: { name: 'p' } });
    });
    const read = await withRetry(() => cluster.readPod('kp-1', 'p'), { clock: systemClock, baseDelayMs: 1 });
    expect(read?.metadata?.name).toBe('p');
    expect(calls).toBe(2);
  });

  test.each([
    [500, 'InternalError', 'transient'],
    [503, 'ServiceUnavailable', 'transient'],
    [401, 'Unauthorized', 'unauthorized'],
    [409, 'Conflict', 'conflict'],
    [410, 'Gone', 'gone'],
  ] as const)('HTTP %d on a read maps to %s', async (code, reason, kind) => {
    server.on('GET', /\/pods\/p$/, (_request, response) => sendStatus(response, code, reason, reason));
    const error = await cluster.readPod('kp-1', 'p').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClusterError);
    expect(error).toMatchObject({ kind, status: code });
  });

  test('404 on a read is undefined', async () => {
    server.on('GET', /\/pods\/gone$/, (_request, response) =>
      sendStatus(response, 404, 'NotFound', 'not found'),
    );
    await expect(cluster.readPod('kp-1', 'gone')).resolves.toBeUndefined();
  });

  test('a closed port is unreachable', async () => {
    const url = server.url;
    await server.close();
    server = await FakeApiServer.start();
    const kubeConfig = server.kubeConfig();
    kubeConfig.clusters[0] = { ...kubeConfig.clusters[0], server: url };
    const error = await new KubeCluster(kubeConfig).serverVersion().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  test('listPods returns the items and the list resourceVersion', async () => {
    server.on('GET', /\/namespaces\/kp-1\/pods$/, (_request, response) =>
      sendJson(response, 200, { metadata: { resourceVersion: '42' }, items: [{ metadata: { name: 'a' } }] }),
    );
    const list = await cluster.listPods('kp-1');
    expect(list.resourceVersion).toBe('42');
    expect(list.items.map((item) => item.metadata?.name)).toEqual(['a']);
  });

  test('listNamespaces passes the label selector', async () => {
    server.on('GET', /^\/api\/v1\/namespaces$/, (_request, response) =>
      sendJson(response, 200, { items: [] }),
    );
    await cluster.listNamespaces('app.kubernetes.io/managed-by=kubeprop');
    expect(server.requests[0].query.get('labelSelector')).toBe('app.kubernetes.io/managed-by=kubeprop');
  });

  test('deleteNamespace treats NotFound and a terminating namespace (409) as done', async () => {
    server.on('DELETE', /\/namespaces\/gone$/, (_request, response) =>
      sendStatus(response, 404, 'NotFound', 'not found'),
    );
    server.on('DELETE', /\/namespaces\/ending$/, (_request, response) =>
      sendStatus(
        response,
        409,
        'Conflict',
        'The system is ensuring all content is removed from this namespace.',
      ),
    );
    await expect(cluster.deleteNamespace('gone')).resolves.toBeUndefined();
    await expect(cluster.deleteNamespace('ending')).resolves.toBeUndefined();
  });

  test('deletePod sends the grace period', async () => {
    server.on('DELETE', /\/pods\/p$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'p' } }),
    );
    await cluster.deletePod('kp-1', 'p', 3);
    expect(server.requests[0].query.get('gracePeriodSeconds')).toBe('3');
  });
});

describe('KubeCluster custom resources and cluster-wide objects', () => {
  const type = { group: 'kubeprop.test', version: 'v1', plural: 'widgets-kp-1', kind: 'Widget-kp-1' };

  test('creates a CRD cluster-wide and a custom resource under its group, version and plural', async () => {
    server.on(
      'POST',
      /^\/apis\/apiextensions\.k8s\.io\/v1\/customresourcedefinitions$/,
      (request, response) => sendJson(response, 201, JSON.parse(request.body)),
    );
    server.on('POST', /^\/apis\/kubeprop\.test\/v1\/namespaces\/kp-1\/widgets-kp-1$/, (request, response) =>
      sendJson(response, 201, { ...JSON.parse(request.body), metadata: { name: 'cr-0', uid: 'u2' } }),
    );
    const crd = await cluster.create('kp-1', {
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets-kp-1.kubeprop.test' },
      spec: {
        group: 'kubeprop.test',
        scope: 'Namespaced',
        names: { plural: 'widgets-kp-1', kind: 'Widget-kp-1' },
        versions: [{ name: 'v1', served: true, storage: true }],
      },
    });
    expect(crd).toMatchObject({ ok: true, object: { kind: 'CustomResourceDefinition' } });
    expect(JSON.parse(server.requests[0].body)).toMatchObject({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
    });
    const created = await cluster.create('kp-1', {
      kind: 'CustomResource',
      metadata: { name: 'cr-0' },
      type,
    });
    expect(created).toMatchObject({
      ok: true,
      object: { kind: 'CustomResource', metadata: { uid: 'u2' }, type },
    });
    expect(JSON.parse(server.requests[1].body)).toEqual({
      apiVersion: 'kubeprop.test/v1',
      kind: 'Widget-kp-1',
      metadata: { name: 'cr-0' },
    });
  });

  test('a quota rejection of a custom resource is a result with the Status', async () => {
    const message = 'widgets-kp-1.kubeprop.test "cr-1" is forbidden: exceeded quota: quota';
    server.on('POST', /\/widgets-kp-1$/, (_request, response) =>
      sendStatus(response, 403, 'Forbidden', message),
    );
    const result = await cluster.create('kp-1', { kind: 'CustomResource', metadata: { name: 'cr-1' }, type });
    expect(result).toMatchObject({ ok: false, status: 403, body: { message } });
  });

  test('lists and deletes custom resources by name', async () => {
    server.on('GET', /^\/apis\/kubeprop\.test\/v1\/namespaces\/kp-1\/widgets-kp-1$/, (_request, response) =>
      sendJson(response, 200, { items: [{ metadata: { name: 'cr-0' } }, { metadata: { name: 'cr-2' } }] }),
    );
    server.on('DELETE', /\/widgets-kp-1\/cr-0$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'cr-0' } }),
    );
    server.on('DELETE', /\/widgets-kp-1\/cr-9$/, (_request, response) =>
      sendStatus(response, 404, 'NotFound', 'not found'),
    );
    await expect(cluster.listCustomObjectNames('kp-1', type)).resolves.toEqual(['cr-0', 'cr-2']);
    await cluster.deleteCustomObject('kp-1', type, 'cr-0');
    await expect(cluster.deleteCustomObject('kp-1', type, 'cr-9')).rejects.toMatchObject({
      kind: 'notFound',
    });
  });

  test('reads a CRD (undefined once gone), deletes it (gone is fine), lists CRDs and PriorityClasses by label', async () => {
    const crds = /^\/apis\/apiextensions\.k8s\.io\/v1\/customresourcedefinitions$/;
    server.on('GET', /customresourcedefinitions\/here$/, (_request, response) =>
      sendJson(response, 200, {
        metadata: { name: 'here' },
        status: { conditions: [{ type: 'Established', status: 'True' }] },
      }),
    );
    server.on('GET', /customresourcedefinitions\/gone$/, (_request, response) =>
      sendStatus(response, 404, 'NotFound', 'not found'),
    );
    server.on('DELETE', /customresourcedefinitions\/gone$/, (_request, response) =>
      sendStatus(response, 404, 'NotFound', 'not found'),
    );
    server.on('GET', crds, (_request, response) =>
      sendJson(response, 200, { items: [{ metadata: { name: 'c' } }] }),
    );
    server.on('GET', /^\/apis\/scheduling\.k8s\.io\/v1\/priorityclasses$/, (_request, response) =>
      sendJson(response, 200, { items: [{ metadata: { name: 'p' }, value: 10 }] }),
    );
    expect((await cluster.readCustomResourceDefinition('here'))?.status?.conditions?.[0].type).toBe(
      'Established',
    );
    await expect(cluster.readCustomResourceDefinition('gone')).resolves.toBeUndefined();
    await expect(cluster.deleteCustomResourceDefinition('gone')).resolves.toBeUndefined();
    const selector = 'app.kubernetes.io/managed-by=kubeprop';
    expect((await cluster.listCustomResourceDefinitions(selector)).map((c) => c.metadata?.name)).toEqual([
      'c',
    ]);
    expect((await cluster.listPriorityClasses(selector)).map((p) => p.metadata?.name)).toEqual(['p']);
    const lists = server.requests.filter((request) => request.query.get('labelSelector') !== null);
    expect(lists.map((request) => request.query.get('labelSelector'))).toEqual([selector, selector]);
  });
});

describe('KubeCluster patches', () => {
  test('patchNodeCapacity adds the escaped extended resource with a JSON patch', async () => {
    server.on('PATCH', /^\/api\/v1\/nodes\/n1\/status$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'n1' } }),
    );
    await cluster.patchNodeCapacity('n1', 'example.com/dongle', 4);
    const request = server.requests[0];
    expect(request.headers['content-type']).toBe('application/json-patch+json');
    // RFC 6901: "/" in a key is written "~1"; quantities are strings.
    expect(JSON.parse(request.body)).toEqual([
      { op: 'add', path: '/status/capacity/example.com~1dongle', value: '4' },
    ]);
  });

  test('patchNodeCapacity(null) removes it, and a missing capacity counts as removed', async () => {
    server.on('PATCH', /\/status$/, (_request, response) =>
      sendStatus(
        response,
        422,
        'Invalid',
        'the server rejected our request: remove operation does not apply',
      ),
    );
    await expect(cluster.patchNodeCapacity('n1', 'example.com/dongle', null)).resolves.toBeUndefined();
    expect(JSON.parse(server.requests[0].body)).toEqual([
      { op: 'remove', path: '/status/capacity/example.com~1dongle' },
    ]);
  });

  test('releasePod removes only kubeprop’s finalizer, guarded by a test operation', async () => {
    server.on('GET', /\/pods\/p$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'p', finalizers: ['other.io/keep', KEEP_FINALIZER] } }),
    );
    server.on('PATCH', /\/pods\/p$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'p' } }),
    );
    await cluster.releasePod('kp-1', 'p');
    const patch = server.requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers['content-type']).toBe('application/json-patch+json');
    expect(JSON.parse(patch?.body ?? '')).toEqual([
      { op: 'test', path: '/metadata/finalizers/1', value: KEEP_FINALIZER },
      { op: 'remove', path: '/metadata/finalizers/1' },
    ]);
  });

  test('releasePod does nothing for a pod without the finalizer', async () => {
    server.on('GET', /\/pods\/p$/, (_request, response) =>
      sendJson(response, 200, { metadata: { name: 'p' } }),
    );
    await cluster.releasePod('kp-1', 'p');
    expect(server.requests.map((request) => request.method)).toEqual(['GET']);
  });

  test('canI posts a SelfSubjectAccessReview and reads status.allowed', async () => {
    server.on('POST', /selfsubjectaccessreviews$/, (request, response) => {
      const review = JSON.parse(request.body);
      sendJson(response, 201, {
        ...review,
        status: { allowed: review.spec.resourceAttributes.verb === 'get' },
      });
    });
    await expect(cluster.canI('get', '', 'pods', undefined, 'log')).resolves.toBe(true);
    await expect(cluster.canI('delete', '', 'nodes')).resolves.toBe(false);
    expect(server.requests[0].path).toBe('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(JSON.parse(server.requests[0].body).spec.resourceAttributes).toEqual({
      verb: 'get',
      group: '',
      resource: 'pods',
      subresource: 'log',
    });
  });
});

describe('KubeCluster watches', () => {
  function collectWatch(): {
    events: Array<[string, V1Pod]>;
    ended: Promise<WatchEnd>;
    onEvent: (type: string, pod: V1Pod) => void;
    onEnd: (end: WatchEnd) => void;
    ends: WatchEnd[];
  } {
    const events: Array<[string, V1Pod]> = [];
    const ends: WatchEnd[] = [];
    let resolve: (end: WatchEnd) => void = () => undefined;
    const ended = new Promise<WatchEnd>((done) => (resolve = done));
    return {
      events,
      ended,
      ends,
      onEvent: (type, object) => events.push([type, object]),
      onEnd: (end) => {
        ends.push(end);
        resolve(end);
      },
    };
  }

  test('streams typed events from a chunked watch and reports closed when the server ends it', async () => {
    server.on('GET', /\/namespaces\/kp-1\/pods$/, (_request, response) =>
      chunked(response, [
        JSON.stringify({
          type: 'ADDED',
          object: {
            metadata: { name: 'p', resourceVersion: '6', creationTimestamp: '2025-01-02T03:04:05Z' },
          },
        }) + '\n{"type":"MOD',
        'IFIED","object":{"metadata":{"name":"p","resourceVersion":"7"}}}\n',
        JSON.stringify({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '8' } } }) + '\n',
      ]),
    );
    const watch = collectWatch();
    await cluster.watchPods('kp-1', '5', watch.onEvent, watch.onEnd);
    await expect(watch.ended).resolves.toEqual({ reason: 'closed' });
    expect(watch.events.map(([type, object]) => [type, object.metadata?.resourceVersion])).toEqual([
      ['ADDED', '6'],
      ['MODIFIED', '7'],
    ]);
    // Deserialized like a list result: timestamps are Dates.
    expect(watch.events[0][1].metadata?.creationTimestamp).toEqual(new Date('2025-01-02T03:04:05Z'));
    expect(server.requests[0].query.get('watch')).toBe('true');
    expect(server.requests[0].query.get('resourceVersion')).toBe('5');
  });

  test('an HTTP 410 answer ends the watch with gone', async () => {
    server.on('GET', /\/events$/, (_request, response) => sendStatus(response, 410, 'Expired', 'too old'));
    const watch = collectWatch();
    await cluster.watchEvents('kp-1', '1', () => undefined, watch.onEnd);
    await expect(watch.ended).resolves.toEqual({ reason: 'gone' });
  });

  test('a 410 ERROR event inside the stream ends the watch with gone', async () => {
    server.on('GET', /endpointslices$/, (_request, response) =>
      chunked(response, [
        JSON.stringify({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } }) + '\n',
      ]),
    );
    const watch = collectWatch();
    await cluster.watchEndpointSlices('kp-1', '1', () => undefined, watch.onEnd);
    await expect(watch.ended).resolves.toEqual({ reason: 'gone' });
    expect(server.requests[0].path).toBe('/apis/discovery.k8s.io/v1/namespaces/kp-1/endpointslices');
  });

  test('stop() ends the watch once with stopped', async () => {
    server.on('GET', /\/pods$/, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'p' } } }) + '\n');
    });
    const watch = collectWatch();
    const handle = await cluster.watchPods('kp-1', '', watch.onEvent, watch.onEnd);
    await new Promise((resolve) => setTimeout(resolve, 50));
    handle.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watch.ends).toEqual([{ reason: 'stopped' }]);
    expect(server.requests[0].query.get('resourceVersion')).toBeNull();
  });
});

describe('KubeCluster logs and exec', () => {
  test('parses runtime timestamps with nanoseconds and keeps line text intact', () => {
    const line = parseTimestampedLogLine('2025-01-02T03:04:05.123456789Z kp tick 1');
    expect(line?.text).toBe('kp tick 1');
    expect(line?.runtimeTime).toBeCloseTo(Date.UTC(2025, 0, 2, 3, 4, 5) + 123.456789, 6);
    expect(parseTimestampedLogLine('no timestamp here')).toBeUndefined();
  });

  test('streams lines split across chunks and ends when the log ends', async () => {
    server.on('GET', /\/pods\/p\/log$/, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('2025-01-02T03:04:05.000000001Z kp started\n2025-01-02T03:04:05.1');
      response.write('00000000Z kp exit 0\n');
      response.end();
    });
    const lines: LogLine[] = [];
    const ended = new Promise<Error | undefined>((resolve) => {
      void cluster.streamLogs('kp-1', 'p', 'c', (line) => lines.push(line), resolve);
    });
    await expect(ended).resolves.toBeUndefined();
    expect(lines.map((line) => line.text)).toEqual(['kp started', 'kp exit 0']);
    expect(lines[1].runtimeTime - lines[0].runtimeTime).toBeCloseTo(100, 5);
    const query = server.requests[0].query;
    expect([query.get('container'), query.get('follow'), query.get('timestamps')]).toEqual([
      'c',
      'true',
      'true',
    ]);
  });

  test('a log stream cut by the server ends with an error', async () => {
    server.on('GET', /\/log$/, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('2025-01-02T03:04:05Z kp started\n', () => response.socket?.destroy());
    });
    const ended = new Promise<Error | undefined>((resolve) => {
      void cluster.streamLogs('kp-1', 'p', 'c', () => undefined, resolve);
    });
    await expect(ended).resolves.toBeInstanceOf(ClusterError);
  });

  test('a log request for an unknown container is thrown as invalid', async () => {
    server.on('GET', /\/log$/, (_request, response) =>
      sendStatus(response, 400, 'BadRequest', 'container x is not valid for pod p'),
    );
    await expect(
      cluster.streamLogs(
        'kp-1',
        'p',
        'x',
        () => undefined,
        () => undefined,
      ),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  test('reads a log once, without follow, and the previous instance on request; a refusal keeps its status', async () => {
    server.on('GET', /\/pods\/p\/log$/, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('2025-01-02T03:04:05.000000001Z kp started\n2025-01-02T03:04:05.5Z kp exit 0\n');
    });
    const lines = await cluster.readLogs('kp-1', 'p', 'c', true);
    expect(lines.map((line) => line.text)).toEqual(['kp started', 'kp exit 0']);
    const query = server.requests[0].query;
    expect([
      query.get('container'),
      query.get('follow'),
      query.get('timestamps'),
      query.get('previous'),
    ]).toEqual(['c', null, 'true', 'true']);
    server.on('GET', /\/pods\/q\/log$/, (_request, response) =>
      sendStatus(response, 400, 'BadRequest', 'container "c" in pod "q" is terminated'),
    );
    await expect(cluster.readLogs('kp-1', 'q', 'c', false)).rejects.toMatchObject({
      kind: 'invalid',
      status: 400,
    });
  });

  test('exec returns the output and the exit code from the status channel', async () => {
    server.onWebSocket((socket) => {
      socket.write(webSocketFrame(1, 'connected\n'));
      socket.write(webSocketFrame(2, 'warn\n'));
      const status = {
        status: 'Failure',
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: '1' }] },
      };
      socket.write(webSocketFrame(3, JSON.stringify(status)));
      socket.write(WEBSOCKET_CLOSE);
      socket.end();
    });
    const result = await cluster.exec('kp-1', 'p', 'c', ['nc', '-z', '10.0.0.1', '80']);
    expect(result).toEqual({ exitCode: 1, output: 'connected\nwarn\n' });
    const request = server.requests[0];
    expect(request.path).toBe('/api/v1/namespaces/kp-1/pods/p/exec');
    expect(request.query.getAll('command')).toEqual(['nc', '-z', '10.0.0.1', '80']);
  });

  test('exec refused by RBAC is thrown as forbidden', async () => {
    server.rejectWebSocket(403);
    await expect(cluster.exec('kp-1', 'p', 'c', ['true'])).rejects.toMatchObject({
      kind: 'forbidden',
      status: 403,
    });
  });

  test('exec with a zero exit status returns 0', async () => {
    server.onWebSocket((socket) => {
      socket.write(webSocketFrame(3, JSON.stringify({ status: 'Success' })));
      socket.write(WEBSOCKET_CLOSE);
      socket.end();
    });
    await expect(cluster.exec('kp-1', 'p', 'c', ['true'])).resolves.toEqual({ exitCode: 0, output: '' });
  });
});
