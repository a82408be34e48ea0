import type { LogLine } from '../../harness/cluster-port';
import { FakeCluster } from '../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../../harness/fake/virtual-clock';
import { LogRecorder } from '../../harness/log-recorder';
import { MANAGED_BY_LABEL } from '../../model/labels';
import { testPod } from './support/objects';

const NS = 'kp-test';

/** A fake cluster with one kept pod whose container has already ended when the recorder first sees it. */
async function endedPod(): Promise<FakeCluster> {
  const cluster = new FakeCluster({ clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }) });
  await cluster.createNamespace({ metadata: { name: NS, labels: { [MANAGED_BY_LABEL]: 'kubeprop' } } });
  await cluster.create(NS, testPod('p', { grace: 1, keep: true }));
  await cluster.clock.sleep(2_000);
  await cluster.deletePod(NS, 'p');
  await cluster.clock.sleep(2_000);
  return cluster;
}

describe('LogRecorder', () => {
  test('a container that ended before its stream could attach (follow refused: "is terminated") is still recorded, without a gap', async () => {
    const cluster = await endedPod();
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
    const pod = await cluster.readPod(NS, 'p');
    expect(pod?.status?.containerStatuses?.[0]?.state?.terminated).toBeDefined();
    recorder.podSeen(pod ?? {});
    await cluster.clock.sleep(100);
    await recorder.stop();
    expect(gaps).toEqual([]);
    expect(lines).toEqual(['kp started', 'kp exit 143']);
  });

  test("the kubelet's ContainerStatusUnknown stand-in for a container removed at deletion is no gap: the instance it stands for was followed", async () => {
    // As on the real v1.26.1 node: the runtime removed the killed container before the kubelet posted
    // its termination, so the status went Waiting, then Terminated with no container ID, and the
    // kubelet refuses that stand-in's log with 400 "is terminated".
    const cluster = new FakeCluster({
      clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }),
      kubelet: createFakeKubelet({ lostOnDeleteShare: 1 }),
    });
    await cluster.createNamespace({ metadata: { name: NS, labels: { [MANAGED_BY_LABEL]: 'kubeprop' } } });
    await cluster.create(NS, testPod('p', { grace: 1, keep: true }));
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
    await cluster.clock.sleep(3_000);
    recorder.podSeen((await cluster.readPod(NS, 'p')) ?? {});
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(5_000);
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
    const cluster = new FakeCluster({
      clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }),
      kubelet: createFakeKubelet({ lostOnDeleteShare: 1 }),
    });
    await cluster.createNamespace({ metadata: { name: NS, labels: { [MANAGED_BY_LABEL]: 'kubeprop' } } });
    await cluster.create(NS, testPod('p', { grace: 1, keep: true }));
    await cluster.clock.sleep(3_000);
    await cluster.deletePod(NS, 'p');
    await cluster.clock.sleep(5_000);
    const gaps: string[] = [];
    const recorder = new LogRecorder({
      port: cluster,
      namespace: NS,
      clock: cluster.clock,
      signal: new AbortController().signal,
      onLine: () => undefined,
      onGap: (what) => gaps.push(what),
    });
    recorder.podSeen((await cluster.readPod(NS, 'p')) ?? {});
    await recorder.stop();
    expect(gaps).toEqual([
      'log of p/main lost: the kubelet no longer knows the container (ContainerStatusUnknown)',
    ]);
  });
});
