import type { V1ContainerStatus, V1Pod, V1PodStatus } from '@kubernetes/client-node';
import { formatMarker, MARKERS } from '../markers';
import type { FakeKubelet, KubeletContext } from './fake-parts';

/** Virtual delay between the steps of the trivial pod lifecycle. */
const STEP_MS = 500;
/** The trivial kubelet stops a deleted pod after min(grace, this). */
const MAX_STOP_MS = 1000;

/** Seconds-resolution instant, as the API server serialises timestamps. */
function apiTime(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/**
 * A deliberately simple kubelet for testing the API server and the executor on their own: a pod is
 * bound to the first node, runs every container (each writes `kp started`), turns Ready, and on
 * deletion stops after min(grace, 1 s) with exit 143 (SIGTERM). It knows nothing of hooks, probes,
 * restarts or resources: the full simulation is harness/fake/kubelet*.
 */
export class TrivialKubelet implements FakeKubelet {
  private podSeq = 0;

  podCreated(pod: V1Pod, context: KubeletContext): void {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const node = context.nodes()[0]?.metadata?.name;
    if (!node) return;
    const ip = `10.244.${(this.podSeq >> 8) & 255}.${this.podSeq & 255}`;
    this.podSeq += 1;
    context.clock.schedule(STEP_MS, () => {
      if (!context.readPod(namespace, name)) return;
      context.bindPod(namespace, name, node);
      context.emitEvent(namespace, {
        metadata: {},
        involvedObject: { kind: 'Pod', namespace, name },
        reason: 'Scheduled',
        message: `Successfully assigned ${namespace}/${name} to ${node}`,
        type: 'Normal',
      });
      context.clock.schedule(STEP_MS, () => this.start(namespace, name, ip, context));
    });
  }

  podDeleting(pod: V1Pod, gracePeriodSeconds: number, context: KubeletContext): void {
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    context.clock.schedule(Math.min(gracePeriodSeconds * 1000, MAX_STOP_MS), () => {
      const current = context.readPod(namespace, name);
      if (!current) return;
      const now = context.clock.now();
      for (const status of current.status?.containerStatuses ?? []) {
        if (status.state?.running)
          context.appendLog(namespace, name, status.name, now, formatMarker(MARKERS.exit, 143));
      }
      const containerStatuses = (current.status?.containerStatuses ?? []).map((s): V1ContainerStatus => ({
        ...s,
        ready: false,
        state: s.state?.running
          ? {
              terminated: {
                exitCode: 143,
                reason: 'Error',
                containerID: s.containerID,
                startedAt: s.state.running.startedAt,
                finishedAt: apiTime(now),
              },
            }
          : s.state,
      }));
      const status: V1PodStatus = {
        ...current.status,
        phase: 'Failed',
        conditions: (current.status?.conditions ?? []).map((c) =>
          c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: apiTime(now) } : c,
        ),
        containerStatuses,
      };
      context.setPodStatus(namespace, name, status);
      context.podTerminated(namespace, name);
    });
  }

  exec(): { exitCode: number; output: string } {
    return { exitCode: 0, output: '' };
  }

  private start(namespace: string, name: string, ip: string, context: KubeletContext): void {
    const pod = context.readPod(namespace, name);
    if (!pod || pod.metadata?.deletionTimestamp) return;
    const now = context.clock.now();
    const containers = pod.spec?.containers ?? [];
    for (const container of containers) {
      context.appendLog(namespace, name, container.name, now, formatMarker(MARKERS.started));
    }
    context.setPodStatus(namespace, name, {
      ...pod.status,
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      startTime: apiTime(now),
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: apiTime(now) },
        { type: 'Initialized', status: 'True', lastTransitionTime: apiTime(now) },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: apiTime(now) },
        { type: 'Ready', status: 'True', lastTransitionTime: apiTime(now) },
      ],
      containerStatuses: containers.map((c, i): V1ContainerStatus => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        containerID: `containerd://${name}-${i}-${now}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: apiTime(now) } },
      })),
    });
  }
}
