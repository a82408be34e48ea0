import { customResourceDefinitionManifest } from '../../generators/manifests/custom-resource';
import { CleanupRegistry } from '../../harness/cleanup';
import { FakeCluster } from '../../harness/fake/fake-cluster';
import { testPod } from './support/objects';

describe('CleanupRegistry', () => {
  test('a stuck namespace deletion is reported with what is left, after the deadline', async () => {
    const cluster = new FakeCluster({ namespaceDeletion: { mode: 'stuck' } });
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock, namespaceDeadlineMs: 30_000 });
    const entry = cleanup.registerNamespace('kp-stuck');
    await cluster.createNamespace({ metadata: { name: 'kp-stuck' } });
    const report = await entry.run();
    expect(report.done).toEqual([]);
    expect(report.leftovers).toEqual([
      { what: 'namespace kp-stuck', reason: 'still Terminating after 30 s (pods left: none)' },
    ]);
  });

  test('entries run once however often they are asked, and a missing namespace counts as removed', async () => {
    const cluster = new FakeCluster();
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock });
    const never = cleanup.registerNamespace('kp-never-created');
    const entry = cleanup.registerNamespace('kp-once');
    await cluster.createNamespace({ metadata: { name: 'kp-once' } });
    const [a, b] = await Promise.all([entry.run(), cleanup.runAll()]);
    expect(a).toEqual({ done: ['namespace kp-once'], leftovers: [] });
    expect(b.done.sort()).toEqual(['namespace kp-never-created', 'namespace kp-once']);
    expect(await never.run()).toEqual({ done: ['namespace kp-never-created'], leftovers: [] });
    expect(() => cleanup.registerNamespace('kp-late')).toThrow(/closed/);
  });

  test('kept pods are released and a create still in flight is awaited before the namespace goes', async () => {
    const cluster = new FakeCluster({ faults: { latencyMs: 500 } });
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock });
    const entry = cleanup.registerNamespace('kp-race');
    await cluster.createNamespace({ metadata: { name: 'kp-race' } });
    const inFlight = cleanup.track(cluster.create('kp-race', testPod('late', { keep: true })));
    const report = await entry.run();
    expect((await inFlight).ok).toBe(true);
    expect(report.leftovers).toEqual([]);
    expect(cluster.namespaceNames()).toEqual([]);
    expect(cluster.allPods()).toEqual([]);
  });

  test('node capacity is restored to what it was', async () => {
    const cluster = new FakeCluster();
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock });
    const entry = cleanup.registerNodeCapacity('fake-node-1', 'example.com/dongle', null);
    await cluster.patchNodeCapacity('fake-node-1', 'example.com/dongle', 4);
    await entry.run();
    expect((await cluster.listNodes())[0].status?.capacity?.['example.com/dongle']).toBeUndefined();
  });

  test('a CRD is deleted and waited for; one that stays is reported with its finalizers after the deadline', async () => {
    const cluster = new FakeCluster();
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock, namespaceDeadlineMs: 30_000 });
    const crd = customResourceDefinitionManifest({ image: 'busybox', namespace: 'kp-c1', labels: {} });
    const name = crd.metadata?.name ?? '';
    const entry = cleanup.registerCustomResourceDefinition(name);
    await cluster.create('kp-c1', crd);
    expect(await entry.run()).toEqual({
      done: [`custom resource definition ${name} deleted`],
      leftovers: [],
    });
    expect(cluster.customResourceDefinitionNames()).toEqual([]);

    const stuck = new FakeCluster();
    // A deletion that never completes (the definition's finalizer held by someone else).
    stuck.deleteCustomResourceDefinition = async () => undefined;
    const registry = new CleanupRegistry(stuck, { clock: stuck.clock, namespaceDeadlineMs: 30_000 });
    const held = registry.registerCustomResourceDefinition(name);
    await stuck.create('kp-c1', crd);
    expect(await held.run()).toEqual({
      done: [],
      leftovers: [
        {
          what: `custom resource definition ${name}`,
          reason: 'still present after 30 s (finalizers: customresourcecleanup.apiextensions.k8s.io)',
        },
      ],
    });
  });

  test('detached cleanups run in the background; settle and runAll wait for them and account for all', async () => {
    const cluster = new FakeCluster({ namespaceDeletion: { mode: 'slow', delayMs: 10_000 } });
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock });
    const gone = cleanup.registerNamespace('kp-gone');
    const stuck = cleanup.registerNamespace('kp-later');
    await cluster.createNamespace({ metadata: { name: 'kp-gone' } });
    await cluster.createNamespace({ metadata: { name: 'kp-later' } });
    const start = cluster.clock.now();
    void cleanup.runDetached([gone]);
    // Returned at once: the namespace is still there, and still pending.
    expect(cluster.clock.now()).toBe(start);
    expect(cleanup.pendingEntries()).toEqual(['namespace kp-gone', 'namespace kp-later']);
    expect(await cleanup.settle()).toEqual({ done: ['namespace kp-gone'], leftovers: [] });
    expect(cluster.clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(cluster.namespaceNames()).toEqual(['kp-later']);
    void cleanup.runDetached([stuck]);
    const all = await cleanup.runAll();
    expect(all.done.sort()).toEqual(['namespace kp-gone', 'namespace kp-later']);
    expect(cluster.namespaceNames()).toEqual([]);
  });
});
