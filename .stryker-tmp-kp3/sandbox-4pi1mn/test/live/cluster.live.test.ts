// @ts-nocheck
import type { V1Pod } from '@kubernetes/client-node';
import { detectCapabilities } from '../../harness/capabilities';
import { checkPermissions } from '../../harness/check-permissions';
import type { ClusterPort, LogLine, WatchEnd } from '../../harness/cluster-port';
import { findLiveCluster, findLiveClusterSync } from '../../harness/live-cluster';
import { sweep } from '../../harness/sweep';
import { KEEP_FINALIZER, MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../../model/labels';

/**
 * The real-cluster adapter against a real API server. Runs when a cluster is reachable (KUBECONFIG or
 * the current context answers /version, or KUBEPROP_KIND=1 creates a kind cluster); otherwise the
 * whole file is skipped with one line saying how to enable it.
 */
const availability = findLiveClusterSync();
if (availability.skipReason) process.stderr.write(`${availability.skipReason}\n`);
const describeLive = availability.skipReason ? describe.skip : describe;

/** Pulling busybox and starting a pod on a fresh cluster can take a minute. */
const POD_START_MS = 120_000;
const RUN_ID = `live-${Date.now().toString(36)}`;
const NAMESPACE = `kp-${RUN_ID}`;

describeLive('KubeCluster against a live cluster', () => {
  let port: ClusterPort;

  beforeAll(async () => {
    const found = await findLiveCluster();
    if ('skipReason' in found) throw new Error(found.skipReason);
    port = found.port;
    await port.createNamespace({
      metadata: { name: NAMESPACE, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_ID_LABEL]: RUN_ID } },
    });
  });

  afterAll(async () => {
    if (port) await sweep(port, { runId: RUN_ID });
  });

  test('the identity has every permission deploy/rbac.yaml grants', async () => {
    await expect(checkPermissions(port)).resolves.toBeUndefined();
  });

  test('detects the version, nodes and capabilities', async () => {
    const detected = await detectCapabilities(port);
    expect(detected.version.major).toBe(1);
    expect(detected.nodes.length).toBeGreaterThan(0);
    expect(Object.values(detected.probes)).not.toContain('unprobed');
  });

  test(
    'a pod is watched to Running, its log lines carry runtime timestamps, and the finalizer keeps it',
    async () => {
      const { resourceVersion } = await port.listPods(NAMESPACE);
      const events: V1Pod[] = [];
      let watchEnd: WatchEnd | undefined;
      const watch = await port.watchPods(
        NAMESPACE,
        resourceVersion,
        (_type, pod) => events.push(pod),
        (end) => {
          watchEnd = end;
        },
      );
      const created = await port.create(NAMESPACE, {
        kind: 'Pod',
        metadata: { name: 'talker', finalizers: [KEEP_FINALIZER] },
        spec: {
          restartPolicy: 'Never',
          terminationGracePeriodSeconds: 1,
          containers: [
            { name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo kp started; sleep 3600'] },
          ],
        },
      });
      expect(created.ok).toBe(true);
      const deadline = Date.now() + POD_START_MS;
      while (!events.some((pod) => pod.status?.phase === 'Running') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(events.some((pod) => pod.status?.phase === 'Running')).toBe(true);

      const lines: LogLine[] = [];
      const logs = await port.streamLogs(
        NAMESPACE,
        'talker',
        'c',
        (line) => lines.push(line),
        () => undefined,
      );
      while (lines.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      logs.stop();
      expect(lines[0]?.text).toBe('kp started');
      expect(Math.abs((lines[0]?.runtimeTime ?? 0) - Date.now())).toBeLessThan(POD_START_MS);

      await port.deletePod(NAMESPACE, 'talker', 0);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // The finalizer keeps the stopped pod readable until kubeprop releases it.
      expect((await port.readPod(NAMESPACE, 'talker'))?.metadata?.deletionTimestamp).toBeDefined();
      await port.releasePod(NAMESPACE, 'talker');
      watch.stop();
      expect(watchEnd).toEqual({ reason: 'stopped' });
    },
    POD_START_MS * 2,
  );

  test('an over-quota pod is a rejection result with the API Status', async () => {
    const quota = await port.create(NAMESPACE, {
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { pods: '0' } },
    });
    expect(quota.ok).toBe(true);
    // The quota controller must compute status.used before admission enforces it.
    const deadline = Date.now() + 30_000;
    while (!(await port.readResourceQuota(NAMESPACE, 'q'))?.status?.used && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const result = await port.create(NAMESPACE, {
      kind: 'Pod',
      metadata: { name: 'over' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
    if (!result.ok) expect(result.body.message).toContain('exceeded quota');
  });
});
