import type { LogLine } from '../../harness/cluster-port';
import { FakeCluster } from '../../harness/fake/fake-cluster';
import type { FakeKubelet } from '../../harness/fake/fake-parts';
import { createFakeKubelet } from '../../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../../harness/fake/virtual-clock';
import { LogRecorder } from '../../harness/log-recorder';
import { MANAGED_BY_LABEL } from '../../model/labels';
import { testPod } from './support/objects';

const NS = 'kp-test';

/** A fake cluster with one kept pod (grace 1 s) running on `kubelet` (the fake's default one when absent). */
async function clusterWithPod(kubelet?: FakeKubelet): Promise<FakeCluster> {
  const cluster = new FakeCluster({
    clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }),
    kubelet,
  });
  await cluster.createNamespace({ metadata: { name: NS, labels: { [MANAGED_BY_LABEL]: 'kubeprop' } } });
  await cluster.create(NS, testPod('p', { grace: 1, keep: true }));
  return cluster;
}

/** A recorder on the cluster's namespace, with what it delivers. */
function recorderOn(cluster: FakeCluster): { recorder: LogRecorder; lines: string[]; gaps: string[] } {
  const lines: string[] = [];
  const gaps: string[] = [];
  const recorder = new LogRecorder({
    port: cluster,
    namespace: NS,
    clock: cluster.clock,
    signal: new AbortController().signal,
    onLine: (_pod: string, _container: string, line: LogLine) => lines.push(line.text),
    onGap: (what) => gaps.push(what),
  });
  return { recorder, lines, gaps };
}

/** Deletes the pod and lets its stop finish (the keep finalizer holds the pod with its last status). */
async function deleteAndWait(cluster: FakeCluster, seconds: number): Promise<void> {
  await cluster.deletePod(NS, 'p');
  await cluster.clock.sleep(seconds * 1000);
}

/** As on the real v1.26.1 node: the runtime removes a deleted pod's containers before their termination is posted. */
const losingKubelet = (): FakeKubelet => createFakeKubelet({ lostOnDeleteShare: 1 });

describe('LogRecorder', () => {
  test('a container that ended before its stream could attach (follow refused: "is terminated") is still recorded, without a gap', async () => {
    const cluster = await clusterWithPod();
    await cluster.clock.sleep(2_000);
    await deleteAndWait(cluster, 2);
    const { recorder, lines, gaps } = recorderOn(cluster);
    const pod = await cluster.readPod(NS, 'p');
    expect(pod?.status?.containerStatuses?.[0]?.state?.terminated).toBeDefined();
    recorder.podSeen(pod ?? {});
    await cluster.clock.sleep(100);
    await recorder.stop();
    expect(gaps).toEqual([]);
    expect(lines).toEqual(['kp started', 'kp exit 143']);
  });

  test("the kubelet's ContainerStatusUnknown stand-in for a container removed at deletion is no gap: the instance it stands for was followed", async () => {
    // The status went Waiting, then Terminated with no container ID, and the kubelet refuses that
    // stand-in's log with 400 "is terminated".
    const cluster = await clusterWithPod(losingKubelet());
    const { recorder, lines, gaps } = recorderOn(cluster);
    await cluster.clock.sleep(3_000);
    recorder.podSeen((await cluster.readPod(NS, 'p')) ?? {});
    await deleteAndWait(cluster, 5);
    const standIn = (await cluster.readPod(NS, 'p'))?.status?.containerStatuses?.[0];
    expect(standIn?.containerID).toBeFalsy();
    expect(standIn?.state?.terminated?.reason).toBe('ContainerStatusUnknown');
    await expect(cluster.readLogs(NS, 'p', 'main', false)).rejects.toThrow('is terminated');
    recorder.podSeen((await cluster.readPod(NS, 'p')) ?? {});
    await cluster.clock.sleep(100);
    await recorder.stop();
    expect(gaps).toEqual([]);
    expect(lines).toContain('kp started');
  });

  test('a stand-in for a container whose log was never followed is reported as a gap', async () => {
    const cluster = await clusterWithPod(losingKubelet());
    await cluster.clock.sleep(3_000);
    await deleteAndWait(cluster, 5);
    const { recorder, gaps } = recorderOn(cluster);
    recorder.podSeen((await cluster.readPod(NS, 'p')) ?? {});
    await recorder.stop();
    expect(gaps).toEqual([
      'log of p/main lost: the kubelet no longer knows the container (ContainerStatusUnknown)',
    ]);
  });
});
