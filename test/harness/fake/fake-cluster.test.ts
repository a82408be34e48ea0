import type { CoreV1Event, V1EndpointSlice, V1Pod } from '@kubernetes/client-node';
import { ClusterError } from '../../../harness/cluster-error';
import type { WatchEnd, WatchEventType } from '../../../harness/cluster-port';
import { FakeCluster, type FakeClusterOptions } from '../../../harness/fake/fake-cluster';
import { AutoAdvancingClock } from '../../../harness/fake/virtual-clock';
import { KEEP_FINALIZER, MANAGED_BY_LABEL } from '../../../model/labels';
import { testPod, testService } from '../support/objects';

const NS = 'kp-test';

async function clusterWithNamespace(options: FakeClusterOptions = {}): Promise<FakeCluster> {
  const cluster = new FakeCluster({
    clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }),
    ...options,
  });
  await cluster.createNamespace({ metadata: { name: NS, labels: { [MANAGED_BY_LABEL]: 'kubeprop' } } });
  return cluster;
}

async function runningPod(
  cluster: FakeCluster,
  name: string,
  options: Parameters<typeof testPod>[1] = {},
): Promise<V1Pod> {
  const created = await cluster.create(NS, testPod(name, options));
  expect(created.ok).toBe(true);
  for (let i = 0; i < 100; i++) {
    const pod = await cluster.readPod(NS, name);
    if (pod?.status?.phase === 'Running') return pod;
    await cluster.clock.sleep(100);
  }
  throw new Error(`pod ${name} never ran`);
}

function collect<T>(): {
  events: { type: WatchEventType; object: T }[];
  ends: WatchEnd[];
  onEvent: (type: WatchEventType, object: T) => void;
  onEnd: (end: WatchEnd) => void;
} {
  const events: { type: WatchEventType; object: T }[] = [];
  const ends: WatchEnd[] = [];
  return {
    events,
    ends,
    onEvent: (type, object) => events.push({ type, object }),
    onEnd: (end) => ends.push(end),
  };
}

describe('FakeCluster namespaces', () => {
  test('a namespace gets the metadata.name label and rejects invalid or duplicate names', async () => {
    const cluster = await clusterWithNamespace();
    const [ns] = await cluster.listNamespaces(`${MANAGED_BY_LABEL}=kubeprop`);
    expect(ns.metadata?.labels?.['kubernetes.io/metadata.name']).toBe(NS);
    expect(ns.status?.phase).toBe('Active');
    await expect(cluster.createNamespace({ metadata: { name: NS } })).rejects.toMatchObject({
      kind: 'alreadyExists',
    });
    await expect(cluster.createNamespace({ metadata: { name: 'Not_Valid' } })).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(cluster.createNamespace({ metadata: { name: 'a'.repeat(64) } })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  test('deletion goes through Terminating, refuses new content, removes pods, then the namespace', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 5 });
    await cluster.deleteNamespace(NS);
    expect((await cluster.readNamespace(NS))?.status?.phase).toBe('Terminating');
    const refused = await cluster.create(NS, testPod('late'));
    expect(refused).toMatchObject({ ok: false, status: 403 });
    // The namespace controller takes up to 20.4 s (harness/fake/latency.ts NAMESPACE_DELETION_SECONDS).
    await cluster.clock.sleep(21_000);
    expect(await cluster.readNamespace(NS)).toBeUndefined();
    expect(cluster.allPods()).toHaveLength(0);
  });

  // The v1.26.1 node at 6 slots took 5.7–20.4 s to remove a kubeprop namespace (run10).
  test('an empty namespace takes the namespace controller seconds to go, not a moment', async () => {
    const cluster = await clusterWithNamespace();
    await cluster.deleteNamespace(NS);
    await cluster.clock.sleep(5_000);
    expect((await cluster.readNamespace(NS))?.status?.phase).toBe('Terminating');
    await cluster.clock.sleep(16_000);
    expect(await cluster.readNamespace(NS)).toBeUndefined();
  });

  test('a kept pod holds namespace deletion until it is released', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'kept', { keep: true });
    await cluster.deleteNamespace(NS);
    await cluster.clock.sleep(30_000);
    expect((await cluster.readNamespace(NS))?.status?.phase).toBe('Terminating');
    await cluster.releasePod(NS, 'kept');
    await cluster.clock.sleep(1_000);
    expect(await cluster.readNamespace(NS)).toBeUndefined();
  });

  test('stuck namespace deletion never finishes', async () => {
    const cluster = await clusterWithNamespace({ namespaceDeletion: { mode: 'stuck' } });
    await cluster.deleteNamespace(NS);
    await cluster.clock.sleep(600_000);
    expect((await cluster.readNamespace(NS))?.status?.phase).toBe('Terminating');
  });
});

describe('FakeCluster pod deletion (rest/delete.go BeforeDelete, pod strategy CheckGracefulDelete)', () => {
  test('a graceful delete sets deletionTimestamp = now + period and deletionGracePeriodSeconds', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 30, keep: true });
    const now = cluster.clock.now();
    await cluster.deletePod(NS, 'p', 10);
    const pod = await cluster.readPod(NS, 'p');
    expect(pod?.metadata?.deletionGracePeriodSeconds).toBe(10);
    expect(pod?.metadata?.deletionTimestamp?.getTime()).toBe(Math.floor((now + 10_000) / 1000) * 1000);
  });

  test('without an override the spec period applies (default 30 s when unset)', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'spec', { grace: 7, keep: true });
    await runningPod(cluster, 'unset', { keep: true });
    await cluster.deletePod(NS, 'spec');
    await cluster.deletePod(NS, 'unset');
    expect((await cluster.readPod(NS, 'spec'))?.metadata?.deletionGracePeriodSeconds).toBe(7);
    expect((await cluster.readPod(NS, 'unset'))?.metadata?.deletionGracePeriodSeconds).toBe(30);
  });

  test('a second delete can only shorten the period, moving the deadline back from the first delete', async () => {
    const cluster = await clusterWithNamespace({
      kubelet: {
        podCreated: () => undefined,
        podDeleting: () => undefined,
        exec: () => ({ exitCode: 0, output: '' }),
      },
    });
    await cluster.create(NS, {
      ...testPod('p', { keep: true }),
      spec: { nodeName: 'fake-node-1', containers: [{ name: 'main' }] },
    });
    await cluster.deletePod(NS, 'p', 20);
    const first = (await cluster.readPod(NS, 'p'))?.metadata?.deletionTimestamp?.getTime() ?? 0;
    await cluster.deletePod(NS, 'p', 25);
    expect((await cluster.readPod(NS, 'p'))?.metadata?.deletionGracePeriodSeconds).toBe(20);
    await cluster.deletePod(NS, 'p', 5);
    const pod = await cluster.readPod(NS, 'p');
    expect(pod?.metadata?.deletionGracePeriodSeconds).toBe(5);
    expect(pod?.metadata?.deletionTimestamp?.getTime()).toBe(first - 15_000);
  });

  test('period 0 without finalizers removes the pod at once; an unscheduled pod is deleted with 0', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 30 });
    await cluster.deletePod(NS, 'p', 0);
    expect(await cluster.readPod(NS, 'p')).toBeUndefined();

    const unscheduled = await clusterWithNamespace({ nodes: [] });
    await unscheduled.create(NS, testPod('pending', { grace: 30 }));
    await unscheduled.deletePod(NS, 'pending');
    expect(await unscheduled.readPod(NS, 'pending')).toBeUndefined();
  });

  test('the keep finalizer holds a stopped pod (grace now 0) until released', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 3, keep: true });
    const watch = collect<V1Pod>();
    const rv = (await cluster.listPods(NS)).resourceVersion;
    await cluster.watchPods(NS, rv, watch.onEvent, watch.onEnd);
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(5_000);
    const stopped = await cluster.readPod(NS, 'p');
    expect(stopped?.metadata?.deletionGracePeriodSeconds).toBe(0);
    expect(stopped?.metadata?.finalizers).toEqual([KEEP_FINALIZER]);
    expect(stopped?.status?.containerStatuses?.[0].state?.terminated).toBeDefined();
    await cluster.releasePod(NS, 'p');
    expect(await cluster.readPod(NS, 'p')).toBeUndefined();
    await cluster.clock.sleep(1);
    expect(watch.events.at(-1)?.type).toBe('DELETED');
  });

  test('deleting a missing pod is NotFound', async () => {
    const cluster = await clusterWithNamespace();
    await expect(cluster.deletePod(NS, 'nope')).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });
});

describe('FakeCluster watches', () => {
  test('a watch from a resourceVersion replays later events, then streams live ones', async () => {
    const cluster = await clusterWithNamespace();
    const start = (await cluster.listPods(NS)).resourceVersion;
    await runningPod(cluster, 'p');
    const watch = collect<V1Pod>();
    await cluster.watchPods(NS, start, watch.onEvent, watch.onEnd);
    await cluster.clock.sleep(1);
    expect(watch.events[0]).toMatchObject({ type: 'ADDED' });
    const replayed = watch.events.length;
    await cluster.deletePod(NS, 'p', 0);
    await cluster.clock.sleep(1);
    expect(watch.events.length).toBeGreaterThan(replayed);
    const versions = watch.events.map((e) => Number(e.object.metadata?.resourceVersion));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  test('resuming from a compacted resourceVersion ends with 410 Gone', async () => {
    const cluster = await clusterWithNamespace({ retainedWatchEvents: 2 });
    const start = (await cluster.listPods(NS)).resourceVersion;
    await runningPod(cluster, 'p');
    const watch = collect<V1Pod>();
    await cluster.watchPods(NS, start, watch.onEvent, watch.onEnd);
    await cluster.clock.sleep(1);
    expect(watch.ends).toEqual([{ reason: 'gone' }]);
    expect(watch.events).toHaveLength(0);
  });

  test('an injected drop closes the watch after N events', async () => {
    const cluster = await clusterWithNamespace({ faults: { dropWatchAfterEvents: 2 } });
    const watch = collect<V1Pod>();
    await cluster.watchPods(NS, (await cluster.listPods(NS)).resourceVersion, watch.onEvent, watch.onEnd);
    await runningPod(cluster, 'p');
    expect(watch.events).toHaveLength(2);
    expect(watch.ends[0]?.reason).toBe('closed');
  });

  test('stop() ends a watch with reason stopped', async () => {
    const cluster = await clusterWithNamespace();
    const watch = collect<CoreV1Event>();
    const handle = await cluster.watchEvents(
      NS,
      (await cluster.listEvents(NS)).resourceVersion,
      watch.onEvent,
      watch.onEnd,
    );
    handle.stop();
    await cluster.clock.sleep(1);
    expect(watch.ends).toEqual([{ reason: 'stopped' }]);
    expect(cluster.openWatches()).toBe(0);
  });

  test('EndpointSlices list a terminating pod as not ready, serving, terminating (endpointslice/utils.go)', async () => {
    const cluster = await clusterWithNamespace();
    await cluster.create(NS, {
      ...testService('svc', { app: 'p' }),
      metadata: { name: 'svc', namespace: NS },
    });
    const watch = collect<V1EndpointSlice>();
    await cluster.watchEndpointSlices(NS, '1', watch.onEvent, watch.onEnd);
    await runningPod(cluster, 'p', { grace: 30, keep: true, labels: { app: 'p' } });
    await cluster.clock.sleep(1);
    expect(watch.events.at(-1)?.object.endpoints?.[0].conditions).toEqual({
      ready: true,
      serving: true,
      terminating: false,
    });
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(1);
    const terminating = watch.events.find((e) => e.object.endpoints?.[0]?.conditions?.terminating);
    expect(terminating?.object.endpoints?.[0].conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
  });
});

describe('FakeCluster logs, nodes, RBAC and faults', () => {
  test('logs are replayed with runtime timestamps and the stream ends when the container exits', async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 1, keep: true });
    const lines: { runtimeTime: number; text: string }[] = [];
    let ended = false;
    await cluster.streamLogs(
      NS,
      'p',
      'main',
      (l) => lines.push(l),
      () => (ended = true),
    );
    await cluster.clock.sleep(1);
    expect(lines.map((l) => l.text)).toEqual(['kp started']);
    expect(ended).toBe(false);
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(2_000);
    expect(lines.map((l) => l.text)).toEqual(['kp started', 'kp exit 143']);
    expect(lines[1].runtimeTime).toBeGreaterThan(lines[0].runtimeTime);
    expect(ended).toBe(true);
  });

  test('a log of a container that has not started is refused', async () => {
    const cluster = await clusterWithNamespace({ nodes: [] });
    await cluster.create(NS, testPod('p'));
    await expect(
      cluster.streamLogs(
        NS,
        'p',
        'main',
        () => undefined,
        () => undefined,
      ),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });

  test("a follow of a container that has already ended is refused in the kubelet's words; its log is read without follow", async () => {
    const cluster = await clusterWithNamespace();
    await runningPod(cluster, 'p', { grace: 1, keep: true });
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(2_000);
    await expect(
      cluster.streamLogs(
        NS,
        'p',
        'main',
        () => undefined,
        () => undefined,
      ),
    ).rejects.toMatchObject({
      kind: 'invalid',
      status: 400,
      message: 'container "main" in pod "p" is terminated',
    });
    const lines = await cluster.readLogs(NS, 'p', 'main', false);
    expect(lines.map((l) => l.text)).toEqual(['kp started', 'kp exit 143']);
    await expect(cluster.readLogs(NS, 'p', 'main', true)).rejects.toMatchObject({ status: 400 });
  });

  test('node capacity is patched and removed', async () => {
    const cluster = await clusterWithNamespace();
    await cluster.patchNodeCapacity('fake-node-1', 'example.com/dongle', 4);
    expect((await cluster.listNodes())[0].status?.capacity?.['example.com/dongle']).toBe('4');
    await cluster.patchNodeCapacity('fake-node-1', 'example.com/dongle', null);
    expect((await cluster.listNodes())[0].status?.capacity?.['example.com/dongle']).toBeUndefined();
    await expect(cluster.patchNodeCapacity('nope', 'x', 1)).rejects.toMatchObject({ kind: 'notFound' });
  });

  test('allocatable, which the scheduler reads, follows a patched capacity at the kubelet’s next status update', async () => {
    const clock = new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) });
    const cluster = await clusterWithNamespace({ clock });
    const allocatable = async () =>
      (await cluster.listNodes())[0].status?.allocatable?.['example.com/dongle'];
    await cluster.patchNodeCapacity('fake-node-1', 'example.com/dongle', 4);
    expect(await allocatable()).toBeUndefined();
    await clock.sleep(10_000);
    expect(await allocatable()).toBe('4');
    await cluster.patchNodeCapacity('fake-node-1', 'example.com/dongle', null);
    await clock.sleep(10_000);
    expect(await allocatable()).toBeUndefined();
  });

  test('canI answers false exactly for the configured denied permissions', async () => {
    const cluster = new FakeCluster({ deniedPermissions: ['create /pods/exec', 'patch /nodes'] });
    expect(await cluster.canI('create', '', 'pods', NS, 'exec')).toBe(false);
    expect(await cluster.canI('create', '', 'pods', NS)).toBe(true);
    expect(await cluster.canI('patch', '', 'nodes')).toBe(false);
  });

  test('injected transient errors are retryable, seeded and reproducible', async () => {
    const pattern = async (seed: number): Promise<string> => {
      const cluster = new FakeCluster({ faults: { seed, transientErrorRate: 0.3 } });
      let out = '';
      for (let i = 0; i < 40; i++) {
        try {
          await cluster.serverVersion();
          out += '.';
        } catch (error) {
          expect(error).toBeInstanceOf(ClusterError);
          expect((error as ClusterError).retryable).toBe(true);
          expect([429, 500]).toContain((error as ClusterError).status);
          out += 'x';
        }
      }
      return out;
    };
    const a = await pattern(7);
    expect(a).toContain('x');
    expect(a).toContain('.');
    expect(await pattern(7)).toBe(a);
    expect(await pattern(8)).not.toBe(a);
  });

  test('interruptAt fires on the chosen API call', async () => {
    let firedAt = -1;
    const cluster = new FakeCluster({
      faults: { interruptAt: { call: 3, interrupt: () => (firedAt = cluster.faults.calls) } },
    });
    for (let i = 0; i < 5; i++) await cluster.serverVersion();
    expect(firedAt).toBe(3);
  });

  test('latency is virtual: a 200 ms call advances the clock, not the wall clock', async () => {
    const cluster = new FakeCluster({ faults: { latencyMs: 200 } });
    const before = cluster.clock.now();
    await cluster.serverVersion();
    expect(cluster.clock.now() - before).toBe(200);
  });
});

describe('fake LimitRange list, patch and delete by collection (limitrange/lifecycle)', () => {
  const range = (namespace: string, state: string) => ({
    kind: 'LimitRange' as const,
    metadata: { name: 'limits', namespace, labels: { case: 'c1', state } },
    spec: { limits: [{ type: 'Container', min: { cpu: '10m' } }] },
  });

  it('lists by label across namespaces, merges patched labels, replaces spec.limits, deletes only in the namespace', async () => {
    const cluster = await clusterWithNamespace();
    await cluster.createNamespace({ metadata: { name: `${NS}-2` } });
    expect((await cluster.create(NS, range(NS, 'created'))).ok).toBe(true);
    expect((await cluster.create(`${NS}-2`, range(`${NS}-2`, 'created'))).ok).toBe(true);
    expect(await cluster.listLimitRanges(undefined, 'case=c1')).toHaveLength(2);
    expect(await cluster.listLimitRanges(NS, 'case=c1')).toHaveLength(1);
    const patched = await cluster.patchLimitRange(NS, 'limits', {
      metadata: { labels: { state: 'patched' } },
      spec: { limits: [{ type: 'Container', min: { memory: '49Mi' } }] },
    });
    expect(patched.metadata?.labels).toEqual({ case: 'c1', state: 'patched' });
    expect(patched.spec?.limits).toEqual([{ type: 'Container', min: { memory: '49Mi' } }]);
    await cluster.deleteLimitRangeCollection(NS, 'state=patched');
    expect(await cluster.listLimitRanges(NS, 'state=patched')).toEqual([]);
    const left = await cluster.listLimitRanges(undefined, 'case=c1');
    expect(left.map((r) => r.metadata?.namespace)).toEqual([`${NS}-2`]);
  });

  it('with limitrange-patch-ignored the answer has the new labels but the spec stays', async () => {
    const cluster = await clusterWithNamespace({ defects: ['limitrange-patch-ignored'] });
    await cluster.create(NS, range(NS, 'created'));
    const patched = await cluster.patchLimitRange(NS, 'limits', {
      metadata: { labels: { state: 'patched' } },
      spec: { limits: [{ type: 'Container', min: { memory: '49Mi' } }] },
    });
    expect(patched.metadata?.labels?.state).toBe('patched');
    expect(patched.spec?.limits).toEqual([{ type: 'Container', min: { cpu: '10m' } }]);
  });
});
